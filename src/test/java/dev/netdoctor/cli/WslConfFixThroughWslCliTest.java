// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.host.FakeWsl;
import dev.netdoctor.model.FindingId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code fix wsl-resolv-conf --wsl} and {@code fix config-lines --in wsl-conf --wsl}: the distro's
 * wsl.conf written as root through (the stand-in) {@code wsl.exe -u root}. The distro's default
 * user is "nobody" and the file lies in a folder only root may write, so only a write as root
 * succeeds; no sudo command is printed.
 */
class WslConfFixThroughWslCliTest {
    @TempDir
    Path dir;

    private String wslExe;
    private Path wslConf;

    @BeforeEach
    void aDistroWhoseDefaultUserIsNotRoot() throws Exception {
        assumeTrue(FakeWsl.runs(), "Skipping: the wsl.exe stand-in needs python3");
        assumeTrue(FakeWsl.switchesUsers(), "Skipping: the stand-in switches users only when run as root");
        wslExe = FakeWsl.distroWhoseUserIsNobody(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path etc = Files.createDirectory(dir.resolve("etc"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        wslConf = etc.resolve("wsl.conf");
    }

    private void rootsFile(String text) throws Exception {
        Files.write(wslConf, text.getBytes(UTF_8));
        Files.setPosixFilePermissions(wslConf, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private void assertWrittenAsRoot(CliRun r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("sudo");
        assertThat(r.out()).contains("Written: " + wslConf + " in the WSL distro Lab").contains("To undo: wsl-net-doctor undo ")
                .contains(" --wsl Lab --wsl-exe ");
        assertThat(Files.getOwner(wslConf, LinkOption.NOFOLLOW_LINKS).getName()).isEqualTo("root");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wslConf))).isEqualTo("rw-r--r--");
    }

    @Test
    void letWslWriteResolvConfWritesTheDistrosFileAsRoot() throws Exception {
        rootsFile("[network]\ngenerateResolvConf=false\n");
        CliRun r = CliRun.of("fix", "wsl-resolv-conf", "--wsl-conf", wslConf.toString(), "--wsl", "Lab", "--wsl-exe", wslExe);
        assertWrittenAsRoot(r);
        // what the edit says names the file it edits
        assertThat(r.out()).contains(wslConf.toString()).contains("from false to true");
        assertThat(Files.readString(wslConf)).isEqualTo("[network]\ngenerateResolvConf=true\n");
    }

    @Test
    void aSettingsLineRewriteWritesTheDistrosFileAsRoot() throws Exception {
        rootsFile("[network]\ngenerateResolvConf=false\n; mine\n[boot]\nsystemd=true\n");
        CliRun r = CliRun.of("fix", "config-lines", "--in", "wsl-conf", "--finding", FindingId.WSL_CONF_PARSING_STOPS.id(),
                "--wsl-conf", wslConf.toString(), "--wsl", "Lab", "--wsl-exe", wslExe);
        assertWrittenAsRoot(r);
        assertThat(Files.readString(wslConf)).contains("# mine").contains("systemd=true");
    }
}
