// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor;

import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.ProbeId;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Probe ids and fix ids are spelled once, in {@code model}: a rule or a page that re-types
 * {@code "dscp-connect"} compiles, and a typo in it silently leaves a finding without evidence or a
 * fix without its button. Compile-time constants are copied into the classes that use them, so
 * this reads the sources, not the bytecode.
 */
class IdsNamedOnceTest {
    private static final Path MAIN = Path.of("src/main/java/dev/netdoctor");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** Words that are also something else, where that something else is meant: file and literal. */
    private static final Map<String, Set<String>> OTHER_MEANING = Map.of(
            "probe/PingProbe.java", Set.of("ping"),      // the program run
            "probe/PathMtuProbe.java", Set.of("ping"),   // the program run
            "probe/GatewayProbe.java", Set.of("ping"),   // the program run
            "probe/RouteCaptureProbe.java", Set.of("ping"),   // the program run
            "ui/checks/ChecksPage.java", Set.of("routes"),      // the node id of the routes table
            // config does not depend on model: its issue kinds carry the finding ids, and
            // ConfigIssueFindingsTest proves they are the ones ConfigFilesProbe.findingOf gives.
            "config/ConfigIssue.java", Set.of("wslconfig-line-ignored", "wslconfig-duplicate-key", "wslconfig-encoding",
                    "wsl-conf-parsing-stops"));

    static Set<String> ids() throws IllegalAccessException {
        Set<String> ids = Arrays.stream(ProbeId.values()).map(ProbeId::id).collect(Collectors.toCollection(java.util.TreeSet::new));
        Arrays.stream(FindingId.values()).map(FindingId::id).forEach(ids::add);
        Arrays.stream(FixId.values()).map(FixId::id).forEach(ids::add);
        return ids;
    }

    static List<String> respelled(Path root, Set<String> ids) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (rel.startsWith("model/")) {
                    continue;
                }
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    String value = m.group(1);
                    if (ids.contains(value) && !OTHER_MEANING.getOrDefault(rel, Set.of()).contains(value)) {
                        found.add(rel + ": \"" + value + "\"");
                    }
                }
            }
        }
        return found;
    }

    @Test
    void noProbeOrFixIdIsSpelledOutsideTheModel() throws Exception {
        Set<String> ids = ids();
        assertThat(ids).contains("dscp-connect", "ssh-config-ipqos-none", "use-127-0-0-2").hasSizeGreaterThan(20);
        assertThat(respelled(MAIN, ids)).isEmpty();
    }

    @Test
    void aPlantedRespellingIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("diagnosis"));
        Files.createDirectories(dir.resolve("model"));
        Files.writeString(dir.resolve("diagnosis/Planted.java"),
                "class Planted { String a = \"dscp-connect\"; String b = \"ssh-config-ipqos-none\"; String c = \"dscp\\\"-connect\"; }");
        Files.writeString(dir.resolve("model/Allowed.java"), "class Allowed { String a = \"dscp-connect\"; }");
        assertThat(respelled(dir, ids())).containsExactly("diagnosis/Planted.java: \"dscp-connect\"",
                "diagnosis/Planted.java: \"ssh-config-ipqos-none\"");
    }
}
