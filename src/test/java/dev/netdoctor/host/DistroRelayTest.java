// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The relay inside the distro, through the stand-in that does to a command line what Windows
 * does and takes as long as wsl.exe: one wsl.exe for many commands, answers never mixed, and
 * each command's own time limit kept.
 */
class DistroRelayTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void fakeRuns() {
        assumeTrue(FakeWsl.runs(), "Skipping: the wsl.exe stand-in needs python3");
    }

    /** The stand-in behind a wrapper that writes one line per wsl.exe start. */
    private String countingWslExe(Path calls, Map<String, String> env) throws Exception {
        String fake = FakeWsl.with(dir, env);
        Path counter = dir.resolve("counting-wsl.exe");
        Files.writeString(counter, "#!/bin/sh\necho start >> '" + calls + "'\nexec '" + fake + "' \"$@\"\n");
        counter.toFile().setExecutable(true);
        return counter.toString();
    }

    private static long starts(Path calls) throws Exception {
        return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
    }

    @Test
    void manyCommandsAtOnceGoThroughOneWslExeAndTheirAnswersNeverMix() throws Exception {
        Path calls = dir.resolve("calls");
        try (WslLinuxSide side = new WslLinuxSide(countingWslExe(calls, Map.of("FAKE_WSL_DELAY_MS", "250")), "Lab");
             ExecutorService pool = Executors.newFixedThreadPool(12)) {
            List<Future<CommandRun>> runs = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String word = "answer-" + i + "-\"quoted\" \\back\\ 'single' $HOME ü";
                // Outputs large enough that two writers would interleave without the relay's lock.
                runs.add(pool.submit(() -> side.run(List.of("sh", "-c", "i=0; while [ $i -lt 2000 ]; do printf '%s\\n' \"$1\"; i=$((i+1)); done",
                        "sh", word), Duration.ofSeconds(20))));
            }
            for (int i = 0; i < runs.size(); i++) {
                CommandRun r = runs.get(i).get();
                String word = "answer-" + i + "-\"quoted\" \\back\\ 'single' $HOME ü";
                assertThat(r.succeeded()).as(r.stderr()).isTrue();
                assertThat(r.stdout().lines().distinct().toList()).containsExactly(word);
                assertThat(r.stdout().lines().count()).isEqualTo(2000);
            }
        }
        assertThat(starts(calls)).as("wsl.exe starts for 24 commands").isEqualTo(1);
    }

    @Test
    void inputOutputAndExitCodesPassByteForByte() throws Exception {
        try (WslLinuxSide side = new WslLinuxSide(FakeWsl.with(dir, Map.of("FAKE_WSL_DELAY_MS", "0")), "Lab")) {
            byte[] input = new byte[70_000];
            for (int i = 0; i < input.length; i++) {
                input[i] = (byte) (i * 31);
            }
            CommandRun copy = side.run(List.of("sh", "-c", "od -An -v -tx1 | tr -d ' \\n'; echo; echo err >&2; exit 7"), input,
                    Duration.ofSeconds(10));
            assertThat(copy.exitCode()).isEqualTo(7);
            assertThat(copy.stderr()).isEqualTo("err\n");
            StringBuilder hex = new StringBuilder();
            for (byte b : input) {
                hex.append(String.format("%02x", b & 0xff));
            }
            assertThat(copy.stdout().strip()).isEqualTo(hex.toString());
            // The next command is not disturbed by the previous one's input.
            assertThat(side.run(List.of("printf", "%s|", "", "a b", "\"", "\\"), Duration.ofSeconds(5)).stdout()).isEqualTo("|a b|\"|\\|");
            CommandRun missing = side.run(List.of("no-such-command-here"), Duration.ofSeconds(5));
            assertThat(missing.notFound()).isTrue();
        }
    }

    @Test
    void eachCommandKeepsItsOwnLimitInsideTheDistro() throws Exception {
        try (WslLinuxSide side = new WslLinuxSide(FakeWsl.with(dir, Map.of("FAKE_WSL_DELAY_MS", "0")), "Lab")) {
            CommandRun hang = side.run(List.of("sleep", "36"), Duration.ofMillis(400));
            CommandRun quick = side.run(List.of("echo", "still here"), Duration.ofSeconds(5));
            assertThat(hang.timedOut()).isTrue();
            assertThat(WslSideTest.running("sleep 36")).as("stopped inside the distro").isFalse();
            assertThat(quick.stdout()).isEqualTo("still here\n");
        }
    }

    @Test
    void onlyVariablesNamedInWslenvCrossAndLcAllIsOne() throws Exception {
        try (WslLinuxSide side = new WslLinuxSide(FakeWsl.with(dir, Map.of("FAKE_WSL_DELAY_MS", "0")), "Lab")) {
            assertThat(side.env("LC_ALL")).contains("C");
        }
        assertThat(WslLinuxSide.environment(null).get("WSLENV")).isEqualTo("LC_ALL/u:WSL_NET_DOCTOR_CHECK/u");
        assertThat(WslLinuxSide.environment("USERPROFILE/p").get("WSLENV")).isEqualTo("USERPROFILE/p:LC_ALL/u:WSL_NET_DOCTOR_CHECK/u");
        assertThat(WslLinuxSide.environment("LC_ALL/u:X").get("WSLENV")).isEqualTo("LC_ALL/u:X:WSL_NET_DOCTOR_CHECK/u");
    }

    /** In the JDK's strict mode pre-quoted arguments would throw: the distro is refused with a sentence instead. */
    @Test
    void javasStrictCommandLineModeIsRefusedInPlainWords() {
        String before = System.getProperty(WindowsCommandLine.STRICT_PROPERTY);
        System.setProperty(WindowsCommandLine.STRICT_PROPERTY, "false");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> WslDistros.open(FakeWsl.FAKE, "Lab", note -> { }))
                    .isInstanceOf(WslUnavailableException.class)
                    .hasMessageContaining("-Djdk.lang.Process.allowAmbiguousCommands=false").hasMessageContaining("remove that option");
        } finally {
            if (before == null) {
                System.clearProperty(WindowsCommandLine.STRICT_PROPERTY);
            } else {
                System.setProperty(WindowsCommandLine.STRICT_PROPERTY, before);
            }
        }
    }

    /** Where the relay cannot run (here: no flock in the distro), each command is its own wsl.exe, arguments intact. */
    @Test
    void withoutTheRelayEachCommandIsItsOwnWslExeAndStillArrivesIntact() throws Exception {
        Path calls = dir.resolve("calls");
        Path bin = FakeWsl.pathWithout(dir, List.of());
        try (WslLinuxSide side = new WslLinuxSide(countingWslExe(calls, Map.of("FAKE_WSL_DELAY_MS", "0",
                "FAKE_WSL_PATH", bin.toString())), "Lab")) {
            String script = "printf '%s\\n' \"$1\" \"$2\"";
            CommandRun r = side.run(List.of("sh", "-c", script, "sh", "a \"b\" c", "x\\"), Duration.ofSeconds(5));
            assertThat(r.stdout()).isEqualTo("a \"b\" c\nx\\\n");
            side.run(List.of("true"), Duration.ofSeconds(5));
        }
        assertThat(starts(calls)).as("the relay's own try, then one per command").isEqualTo(3);
        assertThat(new String(Files.readAllBytes(calls), StandardCharsets.UTF_8)).isNotEmpty();
    }

    /**
     * A command whose answer another check settled is stopped inside the distro at once, through
     * the relay, and what it printed until then comes back (ssh's -v lines say how far it got).
     */
    @Test
    void aCommandNoLongerNeededIsStoppedInsideTheDistroWithItsOutputSoFar() throws Exception {
        try (WslLinuxSide side = new WslLinuxSide(FakeWsl.with(dir, Map.of("FAKE_WSL_DELAY_MS", "0")), "Lab")) {
            side.run(List.of("true"), Duration.ofSeconds(20)); // the relay is up
            java.util.concurrent.atomic.AtomicBoolean enough = new java.util.concurrent.atomic.AtomicBoolean();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ignored) {
                    // the test ends either way
                }
                enough.set(true);
            });
            // Ignoring "enough", the command would print its second line and end by itself, not timed out.
            CommandRun r = side.runUntil(List.of("sh", "-c", "echo 'debug1: Connecting to target'; sleep 5; echo finished"),
                    Duration.ofSeconds(60), enough::get);
            assertThat(r.timedOut()).isTrue();
            assertThat(r.stdout()).as("stopped inside the distro once no longer needed, with its output so far")
                    .isEqualTo("debug1: Connecting to target\n");
            // the relay goes on serving
            assertThat(side.run(List.of("echo", "next"), Duration.ofSeconds(20)).stdout()).isEqualTo("next\n");
        }
    }
}
