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
        assumeTrue(new LocalLinuxSide().hasCommand("iconv"), "Skipping: the fake wsl.exe needs bash and iconv");
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
        assertThat(r.exit()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        assertThat(r.err()).contains("No undo record for " + dir.resolve("nothing.bak") + " in the WSL distro Lab");
    }
}
