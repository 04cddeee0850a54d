// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LocalLinuxSide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A config the local ssh rejects as it is (macOS's UseKeychain on Linux): the refusal names the
 * user's file and the line in it, as ssh -G reports it for that file, not a temporary copy with
 * the lines shifted by ours; and nothing is left next to the file, no backup and no temp file.
 */
class SshRefusalLeavesNothingTest {
    static final String PATTERN = "198.18.1.*";
    static final byte[] MAC_CONFIG = "Host *\n    UseKeychain yes\n    AddKeysToAgent yes\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @BeforeAll
    static void sshPresent() {
        assumeTrue(new LocalLinuxSide().hasCommand("ssh"), "Skipping: no OpenSSH client (ssh) to act as the oracle");
    }

    @Test
    void anOptionThisSshRejectsIsBlamedOnTheUsersLineAndNoBackupIsLeft() throws Exception {
        Path file = Files.write(dir.resolve("config"), MAC_CONFIG);
        SafeApply apply = new SafeApply(new LocalConfigFiles(dir), Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        SafeApply.Preview preview = apply.preview(file.toString(), b -> SshConfigEdit.setIpqos(b, PATTERN, "none",
                LocalDate.of(2026, 11, 22), List.of(), SshConfigEdit.IncludeReader.NONE));
        assertThat(preview.edit().applicable()).isTrue();
        SshConfigOracle oracle = new SshConfigOracle(new LocalLinuxSide(), file.toString(), MAC_CONFIG, PATTERN, "none", List.of());
        assertThatThrownBy(() -> apply.apply(preview, oracle))
                .isInstanceOf(FixException.class)
                .hasMessageStartingWith("Not applied, nothing was written: this ssh cannot read " + file + " as it is (")
                .hasMessageContaining(file + ": line 2: Bad configuration option: usekeychain")
                .hasMessageContaining("\"IgnoreUnknown usekeychain\"")
                .hasMessageNotContaining(".tmp")
                .hasMessageNotContaining("new file");
        assertThat(Files.readAllBytes(file)).isEqualTo(MAC_CONFIG);
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).as("no backup, no temp file").containsExactly("config");
        }
    }

    @Test
    void withIgnoreUnknownAboveItTheSameFileIsFixed() throws Exception {
        byte[] kept = ("IgnoreUnknown usekeychain\n" + new String(MAC_CONFIG, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("config"), kept);
        SafeApply apply = new SafeApply(new LocalConfigFiles(dir), Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        SafeApply.Preview preview = apply.preview(file.toString(), b -> SshConfigEdit.setIpqos(b, PATTERN, "none",
                LocalDate.of(2026, 11, 22), List.of(), SshConfigEdit.IncludeReader.NONE));
        SafeApply.Applied applied = apply.apply(preview,
                new SshConfigOracle(new LocalLinuxSide(), file.toString(), kept, PATTERN, "none", List.of()));
        assertThat(applied.verdict().message()).contains("hosts matching 198.18.1.* (tried as 198.18.1.1)");
    }

    @Test
    void hostStarIsSaidInWordsNotAsTheNameItWasTriedWith() throws Exception {
        Path file = Files.write(dir.resolve("config"), "Host nas\n  User admin\n".getBytes(StandardCharsets.UTF_8));
        SafeApply apply = new SafeApply(new LocalConfigFiles(dir), Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        SafeApply.Preview preview = apply.preview(file.toString(), b -> SshConfigEdit.setIpqos(b, "*", "none",
                LocalDate.of(2026, 11, 22), List.of(), SshConfigEdit.IncludeReader.NONE));
        SafeApply.Applied applied = apply.apply(preview,
                new SshConfigOracle(new LocalLinuxSide(), file.toString(), Files.readAllBytes(file), "*", "none", List.of()));
        assertThat(applied.verdict().message()).startsWith("ssh -G confirms: ipqos none none for every host (Host *);")
                .doesNotContain(" for 1");
    }
}
