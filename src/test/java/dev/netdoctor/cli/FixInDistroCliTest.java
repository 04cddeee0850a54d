// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.host.LocalLinuxSide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code fix ssh-ipqos --wsl} and {@code undo --wsl}: the distro's ssh config, written and checked through (the fake) wsl.exe. */
class FixInDistroCliTest {
    static final String FAKE = WslModeCliTest.FAKE;

    @TempDir
    Path dir;

    @BeforeAll
    static void fakeRuns() {
        assumeTrue(dev.netdoctor.host.FakeWsl.runs(), "Skipping: the wsl.exe stand-in needs python3");
    }

    /**
     * Through the stand-in that re-does Windows' command-line round trip: a folder whose name has a
     * space and a quote, the fix written there, ssh -G agreeing, and undo giving back the exact bytes.
     */
    @Test
    void aConfigInAFolderWithASpaceAndAQuoteIsFixedAndUndoneExactly() throws Exception {
        assumeTrue(new LocalLinuxSide().hasCommand("ssh"), "Skipping: no OpenSSH client (ssh) in the distro to check with");
        Path folder = Files.createDirectories(dir.resolve("Alice's \"ssh\" files"));
        byte[] original = "# mine\nHost nas\n\tUser x\n".getBytes(StandardCharsets.UTF_8);
        Path config = Files.write(folder.resolve("config"), original);
        CliRun r = CliRun.of("fix", "ssh-ipqos", "--hosts", "198.18.1.*", "--ssh-config", config.toString(), "--wsl", "Lab",
                "--wsl-exe", FAKE);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Checked: ssh -G confirms: ipqos none none");
        assertThat(Files.readString(config)).contains("IPQoS none").contains("\tUser x");
        try (var backups = Files.list(folder)) {
            assertThat(backups.map(p -> p.getFileName().toString())).anySatisfy(n -> assertThat(n).startsWith("config."));
        }
        try (var stray = Files.list(Path.of("."))) {
            assertThat(stray.map(p -> p.getFileName().toString())).as("no stray files from a cut-up script").doesNotContain("%s");
        }
        Path backup;
        try (var files = Files.list(folder)) {
            backup = files.filter(p -> p.getFileName().toString().endsWith(".bak")).findFirst().orElseThrow();
        }
        // The printed undo command can be pasted: sh reads the quoted path back as it is.
        assertThat(r.out()).contains("To undo: wsl-net-doctor undo " + FixCommand.pasteable(backup.toString()) + " --wsl Lab");
        var sh = new LocalLinuxSide().run(java.util.List.of("sh", "-c", "printf %s " + FixCommand.pasteable(backup.toString())),
                java.time.Duration.ofSeconds(5));
        assertThat(sh.stdout()).isEqualTo(backup.toString());
        CliRun undo = CliRun.of("undo", backup.toString(), "--wsl", "Lab", "--wsl-exe", FAKE);
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(Files.readAllBytes(config)).isEqualTo(original);
    }

    @Test
    void theDistrosConfigIsFixedCheckedThereAndUndoneThere() throws Exception {
        assumeTrue(new LocalLinuxSide().hasCommand("ssh"), "Skipping: no OpenSSH client (ssh) in the distro to check with");
        byte[] original = "Host nas\r\n  User x\r\n".getBytes(StandardCharsets.UTF_8);
        Path config = Files.write(dir.resolve("config"), original);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
        CliRun r = CliRun.of("fix", "ssh-ipqos", "--hosts", "198.18.1.*", "--ssh-config", config.toString(), "--wsl", "Lab",
                "--wsl-exe", FAKE);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Written: " + config + " in the WSL distro Lab")
                .contains("Checked: ssh -G confirms: ipqos none none");
        assertThat(Files.readString(config)).contains("IPQoS none");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-r-----");
        Matcher m = Pattern.compile("To undo: wsl-net-doctor undo (\\S+) --wsl Lab --wsl-exe (\\S+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(m.group(2)).isEqualTo(FAKE);
        CliRun undo = CliRun.of("undo", m.group(1), "--wsl", "Lab", "--wsl-exe", FAKE);
        assertThat(undo.exit()).as(undo.err()).isZero();
        assertThat(undo.out()).contains("Restored " + config + " in the WSL distro Lab");
        assertThat(Files.readAllBytes(config)).isEqualTo(original);
    }

    @Test
    void aDryRunReadsThroughWslExeAndWritesNothing() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "Host nas\n");
        CliRun r = CliRun.of("fix", "ssh-ipqos", "--hosts", "198.18.1.*", "--ssh-config", config.toString(), "--wsl", "Lab",
                "--wsl-exe", FAKE, "--dry-run");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("+Host 198.18.1.*").contains("Dry run: nothing was written.");
        assertThat(Files.readString(config)).isEqualTo("Host nas\n");
    }

    @Test
    void aPathThatIsNoLinuxPathIsRefusedInPlainWords() {
        CliRun r = CliRun.of("fix", "ssh-ipqos", "--hosts", "nas", "--ssh-config", "C:\\Users\\alice\\.ssh\\config", "--wsl", "Lab",
                "--wsl-exe", FAKE);
        assertThat(r.exit()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        assertThat(r.err()).contains("in the WSL distro Lab").contains("must start with /");
    }

    @Test
    void anUnknownDistroOrNoWslStopsBeforeAnythingIsRead() {
        CliRun fix = CliRun.of("fix", "ssh-ipqos", "--hosts", "nas", "--wsl", "Arch", "--wsl-exe", FAKE);
        assertThat(fix.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(fix.err()).contains("There is no WSL distro named Arch; installed: Lab");
        CliRun undo = CliRun.of("undo", "/home/u/.ssh/config.wsl-net-doctor-20261122T030000Z.bak", "--wsl", "--wsl-exe",
                "/nonexistent/wsl.exe");
        assertThat(undo.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(undo.err()).contains("WSL is not installed");
    }

    @Test
    void undoInTheDistroOfSomethingUnknownIsRefused() {
        CliRun r = CliRun.of("undo", dir.resolve("nothing.bak").toString(), "--wsl", "Lab", "--wsl-exe", FAKE);
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("No undo record for " + dir.resolve("nothing.bak") + " in the WSL distro Lab");
    }

    /** "undo --wsl PATH", the natural spelling, once read the path as a distro's name. */
    @Test
    void undoWithWslBeforeThePathTakesThePath() {
        CliRun r = CliRun.of("undo", "--wsl", dir.resolve("nothing.bak").toString(), "--wsl-exe", FAKE);
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("No undo record for " + dir.resolve("nothing.bak") + " in the WSL distro Lab")
                .doesNotContain("Missing required parameter");
        CliRun none = CliRun.of("undo");
        assertThat(none.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.err()).contains("say which backup to put back");
    }
}
