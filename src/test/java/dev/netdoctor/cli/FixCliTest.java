// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class FixCliTest {
    @TempDir
    Path dir;



    @Test
    void badPatternOrValueIsExitTwoAndTouchesNothing() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "Host nas\n");
        assertThat(CliRun.of("fix", "ssh-ipqos", "--hosts", "a b", "--ssh-config", config.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("fix", "ssh-ipqos", "--hosts", "-oX", "--ssh-config", config.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("fix", "ssh-ipqos", "--hosts", "nas", "--value", "turbo", "--ssh-config", config.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("fix", "wsl-networking-mode", "--mode", "bridged", "--wslconfig", dir.resolve(".wslconfig").toString()).exit()).isEqualTo(2);
        assertThat(Files.readString(config)).isEqualTo("Host nas\n");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void dryRunShowsTheDiffAndWritesNothing() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "Host nas\n  User x\n");
        CliRun r = CliRun.of("fix", "ssh-ipqos", "--hosts", "198.18.1.*", "--ssh-config", config.toString(), "--dry-run");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("+Host 198.18.1.*").contains("+  IPQoS none").contains("Dry run: nothing was written.");
        assertThat(Files.readString(config)).isEqualTo("Host nas\n  User x\n");
    }

    @Test
    void aRealRunPrintsBackupAndVerdictAndUndoRestoresTheBytes() throws Exception {
        byte[] original = "Host nas\r\n  User x".getBytes(StandardCharsets.UTF_8);
        Path config = Files.write(dir.resolve("config"), original);
        CliRun r = CliRun.of("fix", "ssh-ipqos", "--hosts", "198.18.1.*", "--ssh-config", config.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Backup:  ").contains("To undo: wsl-net-doctor undo ");
        assertThat(Files.readString(config)).contains("IPQoS none");
        Matcher m = Pattern.compile("To undo: wsl-net-doctor undo (\\S+)").matcher(r.out());
        assertThat(m.find()).isTrue();
        CliRun again = CliRun.of("fix", "ssh-ipqos", "--hosts", "198.18.1.*", "--ssh-config", config.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already none");
        CliRun undo = CliRun.of("undo", m.group(1));
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(Files.readAllBytes(config)).isEqualTo(original);
    }

    @Test
    void aConflictIsRefusedWithWhatToChange() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "IPQoS af21\nHost nas\n");
        CliRun r = CliRun.of("fix", "ssh-ipqos", "--hosts", "198.18.1.*", "--ssh-config", config.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("Conflict:").contains("line 1").contains("Nothing was changed.");
        assertThat(Files.readString(config)).isEqualTo("IPQoS af21\nHost nas\n");
    }

    @Test
    void aUtf16WslconfigIsOnlyRewrittenWhenAskedTo() throws Exception {
        // Without its byte order mark, which WSL misreads (with one, it is edited as it is: DnsFixCliTest).
        byte[] utf16 = "[wsl2]\r\nmemory=4GB\r\n".getBytes(StandardCharsets.UTF_16LE);
        Path file = Files.write(dir.resolve(".wslconfig"), utf16);
        CliRun refused = CliRun.of("fix", "wsl-networking-mode", "--mode", "mirrored", "--wslconfig", file.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).containsIgnoringCase("UTF-16");
        assertThat(Files.readAllBytes(file)).isEqualTo(utf16);
        CliRun done = CliRun.of("fix", "wsl-networking-mode", "--mode", "mirrored", "--wslconfig", file.toString(), "--rewrite-utf16");
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(done.out()).contains("networkingMode=mirrored").contains("wsl --shutdown");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("[wsl2]").contains("memory=4GB").contains("networkingMode=mirrored");
    }

    @Test
    void undoOfSomethingUnknownIsRefused() {
        CliRun r = CliRun.of("undo", dir.resolve("nothing.bak").toString());
        assertThat(r.exit()).as("a backup that is not there is bad input").isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("No undo record");
    }

    @Test
    void restartingWslNeedsConfirmation() {
        CliRun r = CliRun.of("restart-wsl");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("stops every running distro").contains("--yes");
    }

    /** Without wsl.exe (this Linux is no WSL), nothing announces a restart that cannot happen. */
    @Test
    void restartingWithoutWslExeSaysSoBeforeAnything() {
        org.junit.jupiter.api.Assumptions.assumeFalse(java.nio.file.Files.exists(java.nio.file.Path.of("/mnt/c/Windows/System32/wsl.exe")),
                "a real WSL");
        CliRun r = CliRun.of("restart-wsl", "--yes");
        assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(r.out()).doesNotContain("Stopping");
        assertThat(r.err()).contains("wsl --shutdown");
    }
}
