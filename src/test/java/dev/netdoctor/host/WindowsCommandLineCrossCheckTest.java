// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Java port ({@link WindowsRoundTrip}) and the stand-in (src/test/lab/fake-wsl.exe --simulate)
 * are two writings of the same rules; they must agree on every line, or one of them is wrong.
 */
class WindowsCommandLineCrossCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EXES = List.of("C:\\Windows\\System32\\wsl.exe", "C:\\Program Files\\WSL\\wsl.exe",
            "\"C:\\Program Files\\WSL\\wsl.exe\"", "wsl.exe", FakeWsl.FAKE);
    private static final List<String> OPTIONS = List.of("-d", "Lab", "--distribution", "-u", "root", "--user", "--exec",
            "-e", "--", "--cd", "~", "/tmp", "-l", "-v", "--status", "--version", "--shutdown", "-x", "--install",
            "{01234567-89ab-cdef-0123-456789abcdef}", "echo", "sh", "-c");

    /** Argument lists as Java is given them: wsl.exe options in odd orders, then raw or pre-quoted arguments. */
    static List<List<String>> cases(int count, long seed) {
        Random random = new Random(seed);
        List<String> hostile = WindowsCommandLinePropertiesTest.HOSTILE;
        List<List<String>> cases = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            List<String> argv = new ArrayList<>(List.of(EXES.get(random.nextInt(EXES.size()))));
            int options = random.nextInt(5);
            for (int o = 0; o < options; o++) {
                argv.add(OPTIONS.get(random.nextInt(OPTIONS.size())));
            }
            List<String> rest = new ArrayList<>();
            int args = random.nextInt(9);
            for (int a = 0; a < args; a++) {
                StringBuilder s = new StringBuilder();
                int pieces = random.nextInt(8);
                for (int p = 0; p < pieces; p++) {
                    s.append(hostile.get(random.nextInt(hostile.size())));
                }
                rest.add(s.toString());
            }
            argv.addAll(random.nextBoolean() ? WindowsCommandLine.forWslExec(rest) : rest);
            cases.add(argv);
        }
        return cases;
    }

    @Test
    void javaPortAndStandInAgreeOnEveryLine() throws Exception {
        assumeTrue(FakeWsl.runs(), "Skipping: the stand-in needs python3 (not found on PATH)");
        List<List<String>> cases = cases(400, 20261202L);
        StringBuilder input = new StringBuilder();
        for (List<String> argv : cases) {
            input.append(JSON.writeValueAsString(argv)).append('\n');
        }
        List<String> answers = simulate(input.toString());
        assertThat(answers).hasSize(cases.size());
        int checked = 0;
        for (int i = 0; i < cases.size(); i++) {
            List<String> argv = cases.get(i);
            JsonNode answer = JSON.readTree(answers.get(i));
            String line = WindowsRoundTrip.javaLegacyJoin(argv);
            assertThat(answer.get("line").asText()).as("the joined line of %s", argv).isEqualTo(line);
            List<String> linux = WindowsRoundTrip.linuxArgv(line);
            JsonNode theirs = answer.get("linux");
            if (linux == null) {
                assertThat(theirs.isNull()).as("nothing runs in Linux for %s, says the port; the stand-in: %s", line, theirs).isTrue();
            } else {
                assertThat(theirs.isArray()).as("Linux argv for %s", line).isTrue();
                List<String> standIn = new ArrayList<>();
                theirs.forEach(n -> standIn.add(n.asText()));
                assertThat(standIn).as("Linux argv for %s", line).containsExactlyElementsOf(linux);
                checked++;
            }
        }
        assertThat(checked).as("enough of the cases reach Linux to mean something").isGreaterThan(50);
    }

    @Test
    void theStandInPassesItsOwnSelfTest() throws Exception {
        assumeTrue(FakeWsl.runs(), "Skipping: the stand-in needs python3 (not found on PATH)");
        Process p = new ProcessBuilder(FakeWsl.FAKE, "--self-test").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("SELF-TEST OK").contains("6 of them Microsoft's documented examples");
    }

    private static List<String> simulate(String input) throws IOException, InterruptedException {
        assertThat(Files.isExecutable(Path.of(FakeWsl.FAKE))).isTrue();
        // The project's own runner: input fed from its own thread, output read to the end, a time limit.
        dev.netdoctor.model.CommandRun r = new LocalLinuxSide(8 << 20, java.util.Map.of())
                .run(List.of(FakeWsl.FAKE, "--simulate"), input.getBytes(StandardCharsets.UTF_8), java.time.Duration.ofSeconds(60));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.truncated()).isFalse();
        return r.stdout().lines().toList();
    }
}
