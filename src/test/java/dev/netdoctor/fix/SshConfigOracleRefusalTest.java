// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.testing.ChangedLinux;
import dev.netdoctor.host.LocalLinuxSide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The other half of "check, roll back if it fails": edits that do not do what they promise are
 * caught by the real {@code ssh -G}, and the user's file stays byte for byte as it was.
 */
class SshConfigOracleRefusalTest {
    static final String PATTERN = "198.18.1.*";
    static final String TARGET = "198.18.1.56";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);
    static final byte[] ORIGINAL = "# mine\r\nHost nas\n  User admin\n  IPQoS af21\nHost *\n  ServerAliveInterval 30\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @BeforeAll
    static void sshPresent() {
        assumeTrue(new LocalLinuxSide().hasCommand("ssh"), "Skipping: no OpenSSH client (ssh) to act as the oracle");
    }

    private static Function<byte[], EditResult> appending(String text) {
        return b -> new EditResult((new String(b, StandardCharsets.ISO_8859_1) + text).getBytes(StandardCharsets.ISO_8859_1),
                true, List.of(), List.of());
    }

    private Path config() throws Exception {
        Path f = dir.resolve("config");
        Files.write(f, ORIGINAL);
        return f;
    }

    private SshConfigOracle oracle(Path f) throws InterruptedException {
        return new SshConfigOracle(new LocalLinuxSide(), f.toString(), ORIGINAL, PATTERN, "none", List.of(TARGET));
    }

    private void assertUntouched(Path f) throws Exception {
        assertThat(Files.readAllBytes(f)).as("the user's file, byte for byte").isEqualTo(ORIGINAL);
        try (var names = Files.list(dir)) {
            assertThat(names.map(x -> x.getFileName().toString())).as("no temp file left").noneMatch(n -> n.contains(".tmp"));
        }
    }

    @Test
    void anEditThatLeavesTheTargetMarkedIsNotApplied() throws Exception {
        Path f = config();
        SafeApply apply = new SafeApply(new LocalConfigFiles(dir), CLOCK);
        // A block for the right hosts with the wrong value: ssh would still mark.
        SafeApply.Preview p = apply.preview(f.toString(), appending("Host 198.18.1.*\n  IPQoS af21\n"));
        assertThatThrownBy(() -> apply.apply(p, oracle(f)))
                .isInstanceOf(FixException.class)
                .hasMessageStartingWith("Not applied, nothing was written: ")
                .hasMessageContaining("for " + TARGET + " ssh would still use \"ipqos af21 af21\"");
        assertUntouched(f);
    }

    @Test
    void anEditThatChangesOtherHostsIsNotApplied() throws Exception {
        Path f = config();
        SafeApply apply = new SafeApply(new LocalConfigFiles(dir), CLOCK);
        // Reaches the target, but leaks to every host without a setting of its own.
        SafeApply.Preview p = apply.preview(f.toString(), b -> new EditResult(
                ("IPQoS none\nPort 2222\n" + new String(b, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1),
                true, List.of(), List.of()));
        assertThatThrownBy(() -> apply.apply(p, oracle(f)))
                .hasMessageStartingWith("Not applied, nothing was written: ")
                .hasMessageContaining("for " + TARGET + " settings other than IPQoS would change")
                .hasMessageContaining("the settings for nas would change")
                .hasMessageContaining("the settings for wsl-net-doctor-unrelated.example would change");
        assertUntouched(f);
    }

    @Test
    void aFileSshCannotReadIsNotApplied() throws Exception {
        Path f = config();
        SafeApply apply = new SafeApply(new LocalConfigFiles(dir), CLOCK);
        SafeApply.Preview p = apply.preview(f.toString(), appending("Host 198.18.1.*\n  IPQoS none\n  NoSuchOption yes\n"));
        assertThatThrownBy(() -> apply.apply(p, oracle(f)))
                .hasMessageStartingWith("Not applied, nothing was written: ")
                .hasMessageContaining("ssh cannot read the changed version of " + f + " for " + TARGET);
        assertUntouched(f);
    }

    @Test
    void aChangeThatShowsOnlyInTheWrittenFileIsRolledBack() throws Exception {
        Path f = config();
        SafeApply apply = new SafeApply(new LocalConfigFiles(dir), CLOCK);
        SafeApply.Preview p = apply.preview(f.toString(), appending("Host 198.18.1.*\n  IPQoS none\n"));
        SshConfigOracle real = oracle(f);
        // Something else (a dotfile manager, say) rewrites the file right after our move; the real
        // ssh -G must notice that the fix no longer holds for the file in place.
        Verifier racing = candidate -> {
            if (candidate.equals(f.toString())) {
                try {
                    Files.writeString(f, "IPQoS cs1\n" + Files.readString(f, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return real.verify(candidate);
        };
        assertThatThrownBy(() -> apply.apply(p, racing))
                .hasMessageStartingWith("Rolled back: after writing, the check failed")
                .hasMessageContaining("ssh would still use \"ipqos cs1 cs1\"")
                .hasMessageContaining("The original file is back in place (also kept as ");
        assertUntouched(f);
    }

    @Test
    void aGoodEditIsConfirmedWithWhatWasChecked() throws Exception {
        Path f = config();
        SafeApply apply = new SafeApply(new LocalConfigFiles(dir), CLOCK);
        SafeApply.Applied a = apply.apply(apply.preview(f.toString(), appending("Host 198.18.1.*\n  IPQoS none\n")), oracle(f));
        assertThat(a.verdict().ok()).isTrue();
        // the names filled in for wildcards are said as what they stand for ("1" was the sample for "Host *")
        assertThat(a.verdict().message()).isEqualTo("ssh -G confirms: ipqos none none for hosts matching 198.18.1.* (tried as 198.18.1.1), "
                + TARGET + "; no change for 4 other host(s) (nas, every host (Host *), wsl-net-doctor-unrelated.example, 198.18.255.254).");
    }

    @Test
    void withoutSshTheCheckSaysItCouldNotRun() throws Exception {
        Path f = config();
        LocalLinuxSide real = new LocalLinuxSide();
        dev.netdoctor.host.LinuxSide noSsh = ChangedLinux.of(real).without("ssh").describedAs("this computer without ssh");
        Verifier.Verdict v = new SshConfigOracle(noSsh, f.toString(), ORIGINAL, PATTERN, "none", List.of(TARGET)).verify(f.toString());
        assertThat(v.ran()).isFalse();
        assertThat(v.message()).contains("No ssh is installed here");
    }
}
