// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import dev.netdoctor.config.ConfigIssue.Kind;
import dev.netdoctor.fix.ConfigRepairEdit;
import dev.netdoctor.fix.EditResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus (src/test/resources/dev/netdoctor/config/corpus): clean and broken files built from
 * WSL's parsing rules, each with the exact issues expected in expected.tsv. Each file gets
 * exactly those; and where every issue has a rewrite, the repairs, kind after kind, leave a file
 * the same reader finds clean.
 */
class ConfigCorpusTest {
    private static final String DIR = "/dev/netdoctor/config/corpus/";
    private static final List<Kind> REPAIR_ORDER = List.of(Kind.ENCODING, Kind.PARSING_STOPS, Kind.LINE_IGNORED, Kind.DUPLICATE_KEY);

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String row : read("expected.tsv").lines().toList()) {
            if (row.startsWith("#") || row.isBlank()) {
                continue;
            }
            String[] cols = row.split("\t", -1);
            List<String> expected = cols[1].isEmpty() ? List.of() : Arrays.asList(cols[1].split(";"));
            rows.add(Arguments.of(cols[0], expected, cols[2].equals("yes")));
        }
        return rows.stream();
    }

    private static String read(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = ConfigCorpusTest.class.getResourceAsStream(DIR + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    static ConfigFileKind kindOf(String name) {
        return name.endsWith(".conf") ? ConfigFileKind.WSL_CONF : ConfigFileKind.WSLCONFIG;
    }

    static List<String> ids(ConfigReading reading) {
        return reading.issues().stream().map(i -> i.kind() + ":" + i.reason() + ":" + i.line()).sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachFileGetsExactlyItsIssues(String name, List<String> expected, boolean repairable) throws IOException {
        ConfigReading reading = ConfigReader.read(kindOf(name), bytes(name));
        assertThat(ids(reading)).as(name + ": " + reading.issues()).isEqualTo(expected.stream().sorted().toList());
        reading.issues().forEach(i -> {
            assertThat(i.what()).as("every issue says what WSL does").isNotBlank();
            assertThat(i.repairs().isEmpty()).as(name + " line " + i.line() + " has a rewrite").isEqualTo(!repairable);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void repairsLeaveAFileTheReaderFindsClean(String name, List<String> expected, boolean repairable) throws IOException {
        if (!repairable || expected.isEmpty()) {
            return;
        }
        ConfigFileKind file = kindOf(name);
        byte[] content = bytes(name);
        for (Kind kind : REPAIR_ORDER) {
            if (ConfigReader.read(file, content).issues(kind).isEmpty()) {
                continue;
            }
            EditResult result = ConfigRepairEdit.repair(file, kind, content);
            assertThat(result.conflicts()).as(name).isEmpty();
            assertThat(result.changed()).as(name + " " + kind).isTrue();
            content = result.updated();
            assertThat(ConfigReader.read(file, content).issues(kind)).as(name + " after the " + kind + " repair:\n"
                    + new String(content, StandardCharsets.UTF_8)).isEmpty();
        }
        assertThat(ConfigReader.read(file, content).issues()).as(name + " repaired:\n" + new String(content, StandardCharsets.UTF_8)).isEmpty();
    }
}
