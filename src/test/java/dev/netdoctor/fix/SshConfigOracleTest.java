// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LocalLinuxSide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real OpenSSH as the judge, on a corpus of configs people really write: after the edit,
 * `ssh -G` gives ipqos none for the target and the very same settings for every other host;
 * where the edit refuses, the file is untouched.
 */
class SshConfigOracleTest {
    static final String PATTERN = "198.18.1.*";
    static final String TARGET = "198.18.1.56";

    @TempDir
    Path dir;

    @BeforeAll
    static void sshPresent() {
        assumeTrue(new LocalLinuxSide().hasCommand("ssh"), "Skipping: no OpenSSH client (ssh) to act as the oracle");
    }

    /** name, config text, whether the edit can reach the goal. */
    static Stream<Object[]> corpus() {
        return Stream.of(
                new Object[]{"empty", "", true},
                new Object[]{"global preamble IPQoS", "IPQoS af21\nHost nas\n  User x\n", false},
                new Object[]{"Host * first", "Host *\n  IPQoS lowdelay\n  ServerAliveInterval 30\n", true},
                new Object[]{"Host * first with our block later", "Host *\n  IPQoS lowdelay\nHost 198.18.1.*\n  IPQoS af21\n", false},
                new Object[]{"existing block for the pattern", "Host 198.18.1.*\n  IPQoS af21 cs1\n  User pi\nHost *\n  IPQoS throughput\n", true},
                new Object[]{"existing block without IPQoS", "Host 198.18.1.*\n  User pi\n", true},
                new Object[]{"Match block first (our block goes above it)", "Match host 198.18.1.*\n  IPQoS af21\n", true},
                new Object[]{"Match before an existing block", "Match host 198.18.1.*\n  IPQoS af21\nHost 198.18.1.*\n  User pi\n", false},
                new Object[]{"Match later", "Host jump\n  HostName 198.18.0.1\nMatch all\n  IPQoS ef\n", true},
                new Object[]{"negated patterns", "Host * !198.18.1.*\n  IPQoS af21\nHost 198.18.1.9\n  Port 2222\n", true},
                new Object[]{"equals syntax", "Host other\n  IPQoS=af21\n  Port=2200\n", true},
                new Object[]{"CRLF", "ServerAliveInterval 15\r\nHost nas\r\n  HostName 198.18.1.5\r\n  IPQoS af21\r\n", true},
                new Object[]{"no final newline", "Host nas\n  User admin", true},
                new Object[]{"comments and tabs", "# my config\n\tCompression yes\n\nHost nas # home NAS\n\tUser admin\n", true},
                new Object[]{"quoted and comma patterns", "Host \"nas\",backup 198.18.9.*\n  User ops\n", true});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void sshAgreesWithTheEdit(String name, String config, boolean reachable) throws Exception {
        check(config.getBytes(StandardCharsets.UTF_8), reachable, SshConfigEdit.IncludeReader.NONE);
    }

    @ParameterizedTest(name = "non-UTF-8 bytes")
    @MethodSource("nonUtf8")
    void foreignBytesDoNotConfuseSsh(byte[] config) throws Exception {
        check(config, true, SshConfigEdit.IncludeReader.NONE);
    }

    static Stream<byte[]> nonUtf8() {
        return Stream.of("# Gr\u00fc\u00dfe \u00ff\u00fe\nHost nas\n  User x\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    @org.junit.jupiter.api.Test
    void anIncludedFileThatSetsIpqosFirstIsAConflictAndSshAgrees() throws Exception {
        Path extra = dir.resolve("extra.conf");
        Files.writeString(extra, "IPQoS ef\n");
        String config = "Include " + extra + "\nHost nas\n  User x\n";
        SshConfigEdit.IncludeReader reader = arg -> List.of(new SshConfigEdit.Included(arg, read(Path.of(arg))));
        check(config.getBytes(StandardCharsets.UTF_8), false, reader);
        // and ssh really would use the included value for the target
        Path file = dir.resolve("config");
        Files.writeString(file, config);
        var g = new LocalLinuxSide().run(List.of("ssh", "-G", "-F", file.toString(), TARGET), java.time.Duration.ofSeconds(5));
        assertThat(g.stdout()).contains("ipqos ef ef");
    }

    @org.junit.jupiter.api.Test
    void aSymlinkedConfigIsFollowedAndItsTargetWritten() throws Exception {
        Path real = dir.resolve("dotfiles-ssh-config");
        Files.writeString(real, "Host nas\n  User x\n");
        Path link = dir.resolve("config");
        Files.createSymbolicLink(link, real);
        SafeApply apply = new SafeApply(new LocalConfigFiles(dir), Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        SafeApply.Preview preview = apply.preview(link.toString(), b -> SshConfigEdit.setIpqos(b, PATTERN, "none", LocalDate.of(2026, 11, 22),
                List.of(TARGET), SshConfigEdit.IncludeReader.NONE));
        SshConfigOracle oracle = new SshConfigOracle(new LocalLinuxSide(), preview.file(), preview.original(), PATTERN, "none", List.of(TARGET));
        apply.apply(preview, oracle);
        assertThat(Files.isSymbolicLink(link)).as("the link stays a link").isTrue();
        assertThat(Files.readString(real)).contains("IPQoS none");
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private void check(byte[] config, boolean reachable, SshConfigEdit.IncludeReader includes) throws Exception {
        Path file = dir.resolve("config");
        Files.write(file, config);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        SafeApply apply = new SafeApply(new LocalConfigFiles(dir), Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        SafeApply.Preview preview = apply.preview(file.toString(), b -> SshConfigEdit.setIpqos(b, PATTERN, "none", LocalDate.of(2026, 11, 22),
                List.of(TARGET), includes));
        SshConfigOracle oracle = new SshConfigOracle(new LocalLinuxSide(), file.toString(), config, PATTERN, "none", List.of(TARGET));
        if (!reachable) {
            assertThat(preview.edit().applicable()).as(preview.edit().notes().toString()).isFalse();
            try {
                apply.apply(preview, oracle);
                throw new AssertionError("a conflicting edit must not be applied");
            } catch (FixException expected) {
                assertThat(Files.readAllBytes(file)).isEqualTo(config);
            }
            return;
        }
        assertThat(preview.edit().conflicts()).isEmpty();
        SafeApply.Applied applied = apply.apply(preview, oracle);
        assertThat(applied.verdict().ok()).as(applied.verdict().message()).isTrue();
        assertThat(applied.verdict().ran()).isTrue();
        assertThat(applied.verdict().message()).contains("ipqos none none");
        // undo gives back the exact bytes
        apply.undo(applied.backup());
        assertThat(Files.readAllBytes(file)).isEqualTo(config);
    }
}
