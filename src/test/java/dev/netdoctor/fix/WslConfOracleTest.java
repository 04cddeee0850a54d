// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** The check of a new /etc/wsl.conf: WSL writes resolv.conf again, and reads every other setting as before. */
class WslConfOracleTest {
    @TempDir
    Path dir;

    private final ConfigFiles files = new LocalConfigFiles(Path.of("/nonexistent-home"));

    private Verifier.Verdict check(String before, String candidate) throws Exception {
        Path written = Files.writeString(dir.resolve("candidate"), candidate);
        return new WslConfOracle(files, before.getBytes(UTF_8)).verify(written.toString());
    }

    @Test
    void theEditPassesAndTheVerdictSaysWhatWslReads() throws Exception {
        String before = "[network]\ngenerateResolvConf=false\nhostname=dev\n";
        Verifier.Verdict v = check(before, new String(WslConfEdit.letWslWriteResolvConf(before.getBytes(UTF_8)).updated(), UTF_8));
        assertThat(v).isEqualTo(Verifier.Verdict.passed("read back as WSL reads it: generateResolvConf is true, every other setting as before."));

        Verifier.Verdict removed = check(before, "[network]\nhostname=dev\n");
        assertThat(removed.ok()).isTrue();
        assertThat(removed.message()).contains("generateResolvConf is not set (true)");
    }

    @Test
    void aMissingOrUnreadableCandidateIsAFailure() throws Exception {
        WslConfOracle oracle = new WslConfOracle(files, "[network]\ngenerateResolvConf=false\n".getBytes(UTF_8));
        assertThat(oracle.verify(dir.resolve("nowhere").toString())).isEqualTo(Verifier.Verdict.failed("the new file is not there"));
        Verifier.Verdict folder = oracle.verify(Files.createDirectory(dir.resolve("folder")).toString());
        assertThat(folder.ok()).isFalse();
        assertThat(folder.message()).startsWith("the new file cannot be read back: ");
    }

    @Test
    void aSettingThatGoesOrChangesIsAFailure() throws Exception {
        String before = "[boot]\nsystemd=true\n[network]\ngenerateResolvConf=false\n";
        Verifier.Verdict gone = check(before, "[network]\ngenerateResolvConf=true\n");
        assertThat(gone.ok()).isFalse();
        assertThat(gone.message()).isEqualTo("other settings would read differently: before {boot.systemd=true}, after {}");

        Verifier.Verdict changed = check(before, "[boot]\nsystemd=false\n[network]\ngenerateResolvConf=true\n");
        assertThat(changed.ok()).isFalse();
    }

    /** A value WSL did not take must not become one it takes: that too changes what the distro does. */
    @Test
    void aValueWslDidNotTakeMustStayUntaken() throws Exception {
        String before = "[automount]\nenabled=maybe\n[network]\ngenerateResolvConf=false\n";
        assertThat(check(before, "[automount]\nenabled=maybe\n[network]\ngenerateResolvConf=true\n").ok()).isTrue();
        Verifier.Verdict taken = check(before, "[automount]\nenabled=true\n[network]\ngenerateResolvConf=true\n");
        assertThat(taken.ok()).isFalse();
        assertThat(taken.message()).contains("(not taken)");
    }

    /** Where the distro stopped reading before, it must stop after too (and not start reading settings it never read). */
    @Test
    void whereReadingStopsMustStayAsItWas() throws Exception {
        String before = "[network]\ngenerateResolvConf=false\n;x\n";
        assertThat(check(before, "[network]\ngenerateResolvConf=true\n;x\n").ok()).isTrue();
        assertThat(check(before, "[network]\ngenerateResolvConf=true\n#x\n").ok()).isFalse();
        assertThat(check("[network]\ngenerateResolvConf=false\n", "[network]\ngenerateResolvConf=true\n;x\n").ok()).isFalse();
    }
}
