// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * --wsl-conf takes a relative path as --wslconfig does, from the current folder, where this
 * process reads the file itself; only through wsl.exe, where there is no such folder, it asks
 * for a full path and says why. The same check for every command that takes --wsl-conf.
 */
class WslConfPathCliTest {
    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
    Path dir;

    /** A relative path to a file in the temp folder, from the tests' working folder. */
    private Path relative(Path file) {
        return Path.of("").toAbsolutePath().relativize(file);
    }

    @Test
    void aRelativePathIsReadFromTheCurrentFolderLikeWslconfig() throws Exception {
        Path wslConf = Files.write(dir.resolve("wsl.conf"), "[network]\ngenerateResolvConf=false\n".getBytes(UTF_8));
        String rel = relative(wslConf).toString();
        assertThat(rel).doesNotStartWith("/");
        CliRun r = CliRun.of("fix", "wsl-resolv-conf", "--wsl-conf", rel, "--dry-run");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("generateResolvConf").contains("nothing was written");
        CliRun lines = CliRun.of("fix", "config-lines", "--in", "wsl-conf", "--finding", "wsl-conf-parsing-stops", "--wsl-conf", rel,
                "--dry-run");
        assertThat(lines.err()).doesNotContain("--wsl-conf must be");
        assertThat(lines.exit()).as(lines.err()).isZero();
    }

    @Test
    void throughWslExeARelativePathIsRefusedSayingWhy() {
        assumeTrue(dev.netdoctor.host.FakeWsl.runs(), "Skipping: the wsl.exe stand-in needs python3");
        CliRun r = CliRun.of("fix", "wsl-resolv-conf", "--wsl-conf", "wsl.conf", "--wsl", "Lab", "--wsl-exe", WslModeCliTest.FAKE);
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--wsl-conf must be a full path inside the distro, such as /etc/wsl.conf")
                .contains("reached through wsl.exe").contains("Nothing was changed");
    }
}
