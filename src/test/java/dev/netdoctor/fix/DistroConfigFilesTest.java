// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.host.WslLinuxSide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What only a distro's files have: Linux paths, wsl.exe's own errors, the distro user's home.
 * The pipeline's guarantees in a distro are in {@link SafeApplyTest} and {@link FileSystemFaultsTest}.
 */
class DistroConfigFilesTest {
    @TempDir
    Path home;

    private final DistroConfigFiles files = new DistroConfigFiles(new WslLinuxSide(Stores.FAKE_WSL, "Lab"));

    private static final java.util.function.Function<byte[], EditResult> UNCHANGED =
            b -> new EditResult(b, true, List.of(), List.of());

    @BeforeAll
    static void fakeRuns() {
        assumeTrue(new LocalLinuxSide().hasCommand("iconv"), "Skipping: the fake wsl.exe needs bash and iconv");
    }

    @Test
    void anUnknownDistroIsReportedInWslsWords() {
        SafeApply nowhere = new SafeApply(new DistroConfigFiles(new WslLinuxSide(Stores.FAKE_WSL, "Nope")), Clock.systemUTC());
        assertThatThrownBy(() -> nowhere.preview("/home/u/.ssh/config", UNCHANGED)).isInstanceOf(FixException.class)
                .hasMessageContaining("/home/u/.ssh/config in the WSL distro Nope")
                .hasMessageContaining("There is no distribution with the supplied name.");
    }

    @Test
    void onlyFullLinuxPathsAreTaken() {
        SafeApply apply = new SafeApply(files, Clock.systemUTC());
        assertThatThrownBy(() -> apply.preview(".ssh/config", UNCHANGED)).hasMessageContaining("must start with /");
        assertThatThrownBy(() -> apply.preview("C:\\Users\\alice\\.ssh\\config", UNCHANGED)).hasMessageContaining("must start with /");
        assertThat(files.folder("/home/u/.ssh/config")).isEqualTo("/home/u/.ssh");
        assertThat(files.folder("/config")).isEqualTo("/");
        assertThat(files.name("/home/u/.ssh/config")).isEqualTo("config");
        assertThat(files.inFolder("/", "etc")).isEqualTo("/etc");
        assertThat(files.sibling("/home/u/.ssh/config", "config.bak")).isEqualTo("/home/u/.ssh/config.bak");
    }

    @Test
    void theHomeIsTheDistroUsersAndIncludesAreReadThere() throws Exception {
        assertThat(files.home()).isEqualTo(System.getenv("HOME"));
        Path confD = Files.createDirectories(home.resolve(".ssh/conf.d"));
        Files.writeString(confD.resolve("b.conf"), "IPQoS ef\n");
        Files.writeString(confD.resolve("a.conf"), "User x\n");
        Files.createDirectory(confD.resolve("c.conf"));
        assertThat(files.matching(confD.toString(), "*.conf"))
                .containsExactly(confD.resolve("a.conf").toString(), confD.resolve("b.conf").toString());
        assertThat(files.matching(home.resolve("nowhere").toString(), "*.conf")).isEmpty();
        EditResult r = SshConfigEdit.setIpqos("Include conf.d/*.conf\nHost nas\n".getBytes(StandardCharsets.UTF_8), "198.18.1.*",
                "none", LocalDate.of(2026, 11, 22), List.of(), SshIncludes.under(files, home.toString()));
        assertThat(r.applicable()).as("b.conf, included through the distro, sets IPQoS first").isFalse();
        assertThat(String.join(" ", r.conflicts())).contains(confD.resolve("b.conf").toString());
    }
}
