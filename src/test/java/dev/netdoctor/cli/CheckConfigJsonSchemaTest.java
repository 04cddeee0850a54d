// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netdoctor.report.JsonReport;
import dev.netdoctor.report.ResultSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check-config --json} over every file of the settings corpus (as .wslconfig, or as
 * wsl.conf) follows its published schema; a field the schema does not declare fails.
 */
class CheckConfigJsonSchemaTest {
    @TempDir
    Path dir;

    static Stream<Path> corpus() throws Exception {
        Path folder = Path.of(CheckConfigJsonSchemaTest.class.getResource("/dev/netdoctor/config/corpus/").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".wslconfig") || p.toString().endsWith(".conf")).sorted().toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(30);
            return all.stream();
        }
    }

    private CliRun check(Path file) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "");
        boolean wslConf = file.toString().endsWith(".conf");
        return CliRun.of("check-config", "--wslconfig", (wslConf ? empty : file).toString(),
                "--wsl-conf", (wslConf ? file : empty).toString(), "--json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusFileGivesAValidDocument(Path file) throws Exception {
        CliRun r = check(file);
        assertThat(r.exit()).as(r.err()).isIn(ExitCodes.NO_PROBLEM, ExitCodes.PROBLEM_FOUND, ExitCodes.INCOMPLETE);
        ResultSchema.CHECK_CONFIG.check(r.out());
    }

    @Test
    void anUndeclaredFieldFails() throws Exception {
        Path problems = corpus().filter(p -> p.getFileName().toString().startsWith("bad-port")).findFirst().orElseThrow();
        String out = check(problems).out();
        assertThat(ResultSchema.CHECK_CONFIG.problems(out)).isEmpty();
        for (String where : List.of("", "/files/0", "/findings/0", "/findings/0/fixes/0/parameters")) {
            ObjectNode doc = (ObjectNode) JsonReport.mapper().readTree(out);
            assertThat(doc.at(where).isObject()).as(where + " in " + out).isTrue();
            ((ObjectNode) doc.at(where)).put("plantedField", 1);
            assertThat(ResultSchema.CHECK_CONFIG.problems(doc.toString())).as(where).anyMatch(p -> p.contains("plantedField"));
        }
    }
}
