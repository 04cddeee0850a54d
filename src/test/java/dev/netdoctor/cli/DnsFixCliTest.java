// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code fix dns-tunneling} and {@code fix wsl-resolv-conf}: diff, write, check, undo byte-exact; bad input changes nothing. */
class DnsFixCliTest {
    @TempDir
    Path dir;

    private static String backupOf(CliRun r) {
        Matcher m = Pattern.compile("To undo: wsl-net-doctor undo (\\S+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        return m.group(1);
    }

    @Test
    void dnsTunnelingIsWrittenCheckedAndUndone() throws Exception {
        byte[] original = "[wsl2]\r\nmemory=8GB\r\n".getBytes(UTF_8);
        Path wslconfig = Files.write(dir.resolve(".wslconfig"), original);

        CliRun dry = CliRun.of("fix", "dns-tunneling", "--wslconfig", wslconfig.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Adds dnsTunneling=true to [wsl2] (line 3).").contains("+dnsTunneling=true")
                .contains("Dry run: nothing was written.");
        assertThat(Files.readAllBytes(wslconfig)).isEqualTo(original);

        CliRun r = CliRun.of("fix", "dns-tunneling", "--wslconfig", wslconfig.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Checked: read back as WSL reads it: dnsTunneling=true, UTF-8.");
        assertThat(Files.readString(wslconfig)).isEqualTo("[wsl2]\r\nmemory=8GB\r\ndnsTunneling=true\r\n");

        CliRun again = CliRun.of("fix", "dns-tunneling", "--wslconfig", wslconfig.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("dnsTunneling is already set to true");

        CliRun undo = CliRun.of("undo", backupOf(r));
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(undo.out()).startsWith("Restored " + wslconfig);
        assertThat(Files.readAllBytes(wslconfig)).isEqualTo(original);
    }

    /** Notepad's "Unicode" (what WSL reads): edited in its own encoding, agreed by check-config, undone exactly. */
    @Test
    void aUtf16FileWithItsByteOrderMarkIsEditedInItsOwnEncoding() throws Exception {
        byte[] original = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, "[wsl2]\r\nmemory=8GB\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        Path wslconfig = Files.write(dir.resolve(".wslconfig"), original);
        Path wslConf = Files.writeString(dir.resolve("wsl.conf"), "[boot]\nsystemd=true\n");
        assertThat(CliRun.of("check-config", "--wslconfig", wslconfig.toString(), "--wsl-conf", wslConf.toString()).exit())
                .as("WSL reads it as written").isZero();

        CliRun dry = CliRun.of("fix", "dns-tunneling", "--wslconfig", wslconfig.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("+dnsTunneling=true\n").contains("\\ The file uses Windows line endings (CRLF), kept.")
                .doesNotContain("\\r").doesNotContain("\u0000");

        CliRun r = CliRun.of("fix", "dns-tunneling", "--wslconfig", wslconfig.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("dnsTunneling=true, UTF-16 with its byte order mark.");
        assertThat(Files.readAllBytes(wslconfig)).isEqualTo(concat(new byte[]{(byte) 0xFF, (byte) 0xFE},
                "[wsl2]\r\nmemory=8GB\r\ndnsTunneling=true\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE)));
        assertThat(CliRun.of("check-config", "--wslconfig", wslconfig.toString(), "--wsl-conf", wslConf.toString()).exit()).isZero();

        assertThat(CliRun.of("undo", backupOf(r)).exit()).isZero();
        assertThat(Files.readAllBytes(wslconfig)).isEqualTo(original);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A fix that created the file is undone by removing it, and says so. */
    @Test
    void undoingAFixThatCreatedTheFileSaysItRemovedIt() throws Exception {
        Path wslconfig = dir.resolve("new.wslconfig");
        CliRun r = CliRun.of("fix", "dns-tunneling", "--wslconfig", wslconfig.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(wslconfig).exists();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("wsl-net-doctor undo (\\S+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        CliRun undo = CliRun.of("undo", m.group(1).replace("'", ""));
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(undo.out()).startsWith("Removed " + wslconfig + ", which the fix had created.");
        assertThat(wslconfig).doesNotExist();
    }

    @Test
    void wslConfIsWrittenCheckedAndUndoneOnThisLinux() throws Exception {
        assumeTrue(Files.isWritable(dir), "the temp folder is writable");
        byte[] original = "[boot]\nsystemd=true\n[network]\ngenerateResolvConf = false\n".getBytes(UTF_8);
        Path wslConf = Files.write(dir.resolve("wsl.conf"), original);

        CliRun r = CliRun.of("fix", "wsl-resolv-conf", "--wsl-conf", wslConf.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Changes generateResolvConf from false to true in [network] (line 4)")
                .contains("sudo chattr -i /etc/resolv.conf; sudo rm /etc/resolv.conf")
                .contains("Checked: read back as WSL reads it: generateResolvConf is true, every other setting as before.");
        assertThat(Files.readString(wslConf)).isEqualTo("[boot]\nsystemd=true\n[network]\ngenerateResolvConf = true\n");

        CliRun undo = CliRun.of("undo", backupOf(r));
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
    }

    @Test
    void aWslConfThatNeedsNoChangeIsLeftAsItIs() throws Exception {
        byte[] original = "[network]\nhostname=dev\n".getBytes(UTF_8);
        Path wslConf = Files.write(dir.resolve("wsl.conf"), original);
        CliRun r = CliRun.of("fix", "wsl-resolv-conf", "--wsl-conf", wslConf.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("does not turn off WSL's resolv.conf; nothing to change in it.");
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void throughWslExeTheDistrosFileIsWrittenAsRootAndUndoneThere() throws Exception {
        assumeTrue(dev.netdoctor.host.FakeWsl.runs(), "Skipping: the wsl.exe stand-in needs python3");
        // "-u root" is really root in the stand-in, as in wsl.exe: as a plain user it refuses, rightly
        assumeTrue(dev.netdoctor.host.FakeWsl.switchesUsers(), "Skipping: the stand-in switches users only when run as root");
        byte[] original = "[network]\r\ngenerateResolvConf=false\r\n".getBytes(UTF_8);
        Path wslConf = Files.write(dir.resolve("wsl.conf"), original);
        CliRun r = CliRun.of("fix", "wsl-resolv-conf", "--wsl-conf", wslConf.toString(), "--wsl", "Lab", "--wsl-exe", FixInDistroCliTest.FAKE);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Written: " + wslConf + " in the WSL distro Lab");
        assertThat(Files.readString(wslConf)).isEqualTo("[network]\r\ngenerateResolvConf=true\r\n");
        Matcher m = Pattern.compile("To undo: wsl-net-doctor undo (\\S+) --wsl Lab").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        CliRun undo = CliRun.of("undo", m.group(1), "--wsl", "Lab", "--wsl-exe", FixInDistroCliTest.FAKE);
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
    }
}
