// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** wsl.exe as Windows has it, played by src/test/lab/fake-wsl.exe (the command-line round trip, WSLENV, latency). */
class WslSideTest {
    static final String FAKE = Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString();

    @BeforeAll
    static void fakeRuns() {
        assumeTrue(FakeWsl.runs(), "Skipping: the wsl.exe stand-in needs python3");
    }

    @Test
    void utf16WithoutBomIsRecognisedAndUtf8LeftAlone() {
        String table = "  NAME   STATE   VERSION\r\n* Ubuntu Running 2\r\n";
        assertThat(WslText.decode(table.getBytes(StandardCharsets.UTF_16LE))).isEqualTo(table);
        assertThat(WslText.decode(("\uFEFF" + table).getBytes(StandardCharsets.UTF_16LE))).isEqualTo(table);
        assertThat(WslText.decode("grüße 198.18.0.1".getBytes(StandardCharsets.UTF_8))).isEqualTo("grüße 198.18.0.1");
        assertThat(WslText.decode(new byte[0])).isEmpty();
    }

    @Test
    void theDistroTableIsReadWhateverTheLanguage() {
        List<WslDistro> english = WslDistro.parseList("""
                  NAME            STATE           VERSION
                * Ubuntu-24.04    Running         2
                  Debian          Stopped         2
                  legacy          Stopped         1
                """);
        assertThat(english).extracting(WslDistro::name).containsExactly("Ubuntu-24.04", "Debian", "legacy");
        assertThat(english.getFirst().isDefault()).isTrue();
        assertThat(english.getFirst().running()).isTrue();
        assertThat(english.get(2).version()).isEqualTo(1);
        List<WslDistro> german = WslDistro.parseList("""
                  NAME      STATUS             VERSION
                * Ubuntu    Wird ausgeführt    2
                  Debian    Beendet            2
                """);
        assertThat(german.getFirst().state()).isEqualTo("Wird ausgeführt");
        assertThat(german.getFirst().running()).isTrue();
        assertThat(german.get(1).running()).isFalse();
        assertThat(WslDistro.choose(german, null)).get().extracting(WslDistro::name).isEqualTo("Ubuntu");
        assertThat(WslDistro.choose(german, "debian")).get().extracting(WslDistro::name).isEqualTo("Debian");
        assertThat(WslDistro.choose(german, "Arch")).isEmpty();
        assertThat(WslDistro.parseList("")).isEmpty();
    }

    @Test
    void listingDistrosThroughWslExeDecodesItsUtf16() throws Exception {
        List<WslDistro> distros = WslDistros.list(FAKE);
        assertThat(distros).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("Lab");
            assertThat(d.isDefault()).isTrue();
            assertThat(d.version()).isEqualTo(2);
        });
    }

    @Test
    void commandsRunInsideTheDistroWithTheirArgumentsIntact() throws Exception {
        WslLinuxSide side = new WslLinuxSide(FAKE, "Lab");
        String tricky = "a b; echo injected $(id) `id` | cat";
        CommandRun r = side.run(List.of("printf", "%s", tricky), Duration.ofSeconds(10));
        assertThat(r.stdout()).isEqualTo(tricky);
        assertThat(r.argv()).containsExactly("printf", "%s", tricky);
        assertThat(side.hasCommand("sh")).isTrue();
        assertThat(side.hasCommand("no-such-command-netdoctor")).isFalse();
        assertThat(side.readFile("/proc/sys/kernel/osrelease", 4096)).get().asString().isNotBlank();
        assertThat(side.readFile("/nonexistent/netdoctor", 4096)).isEmpty();
        assertThat(side.env("PATH")).isPresent();
        assertThat(side.describe()).isEqualTo("the WSL distro Lab");
    }

    /**
     * A socket snapshot is read back after the command that took it: a check of ours that ended
     * in between still counts as ours (the lab once saw our own ssh called the user's).
     */
    @Test
    void aCommandOfOursThatJustEndedStillCountsAsOurs() throws Exception {
        WslLinuxSide side = new WslLinuxSide(FAKE, "Lab");
        side.run(List.of("printf", "%s", "x"), Duration.ofSeconds(10));
        assertThat(side.isOurs("printf %s x ")).isTrue();
        assertThat(side.isOurs("ssh -o IPQoS=af21 198.19.1.2")).isFalse();
        assertThat(side.ranJustNow("printf")).as("by its program's name, for a process gone before its look").isTrue();
        assertThat(side.ranJustNow("ssh")).isFalse();
    }

    /**
     * Our marked connects are a bash script that execs python3: a python3 gone before its look
     * (or whose environment could not be read as it ended) is ours when such a script ran just now
     * (the lab once showed our own python3 connects as the user's programs stuck in SYN-SENT).
     */
    @Test
    void aProgramAScriptOfOursExecsCountsAsOursWhenItIsGone() throws Exception {
        WslLinuxSide side = new WslLinuxSide(FAKE, "Lab");
        side.run(List.of("bash", "-c", "command -v python3 >/dev/null; true", "marked-connects"), Duration.ofSeconds(10));
        assertThat(side.ranJustNow("python3")).isTrue();
        assertThat(side.ranJustNow("bash")).isTrue();
        assertThat(side.ranJustNow("ssh")).as("not a word of what we ran").isFalse();
        assertThat(side.ranJustNow("python")).as("a whole name only").isFalse();
    }

    /** A settings file's own bytes through wsl.exe: UTF-16 with its mark, Latin-1, NUL and CR survive. */
    @Test
    void aFileIsReadByteForByteThroughWslExe(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        WslLinuxSide side = new WslLinuxSide(FAKE, "Lab");
        byte[] bytes = new byte[300];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        java.nio.file.Path f = java.nio.file.Files.write(dir.resolve("wsl.conf"), bytes);
        assertThat(side.readBytes(f.toString(), 4096)).get().isEqualTo(bytes);
        assertThat(side.readBytes(f.toString(), 10)).get().isEqualTo(java.util.Arrays.copyOf(bytes, 10));
        assertThat(side.readBytes(dir.resolve("missing").toString(), 4096)).isEmpty();
        assertThat(side.readBytes(dir.toString(), 4096)).as("a folder").isEmpty();
        assertThat(new LocalLinuxSide().readBytes(f.toString(), 4096)).get().isEqualTo(bytes);
    }

    @Test
    void inputGoesThroughWslExeByteForByte() throws Exception {
        byte[] input = LocalLinuxSideTest.everyByte();
        CommandRun r = new WslLinuxSide(FAKE, "Lab").run(List.of("base64"), input, Duration.ofSeconds(10));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(Base64.getMimeDecoder().decode(r.stdout())).isEqualTo(input);
    }

    @Test
    void aCommandInTheDistroThatNeverReadsItsInputStillEndsAtItsTimeLimit() throws Exception {
        try (WslLinuxSide side = new WslLinuxSide(FAKE, "Lab")) {
            CommandRun r = side.run(List.of("sleep", "34"), new byte[16 << 20], Duration.ofMillis(300));
            assertThat(r.timedOut()).isTrue();
            assertThat(running("sleep 34")).as("stopped inside the distro, not left to run out").isFalse();
        }
    }

    @Test
    void anUnknownDistroSaysSoInPlainWords() throws Exception {
        CommandRun r = new WslLinuxSide(FAKE, "Nope").run(List.of("true"), Duration.ofSeconds(10));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("There is no distribution with the supplied name.");
    }

    @Test
    void aHangingCommandIsStoppedAtItsLimit() throws Exception {
        try (WslLinuxSide side = new WslLinuxSide(FAKE, "Lab")) {
            CommandRun r = side.run(List.of("sleep", "35"), Duration.ofMillis(300));
            assertThat(r.timedOut()).isTrue();
            assertThat(running("sleep 35")).isFalse();
        }
    }

    /** Whether a process of ours (the stand-in runs the distro's commands right here) has this command line. */
    static boolean running(String commandLine) {
        return ProcessHandle.current().descendants().anyMatch(p -> p.info().commandLine().orElse("").contains(commandLine));
    }
}
