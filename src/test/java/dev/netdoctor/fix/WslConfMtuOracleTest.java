// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.model.FixPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** The check of a new /etc/wsl.conf for the MTU fix: ours runs at start, someone else's after it, nothing else changes. */
class WslConfMtuOracleTest {
    @TempDir
    Path dir;

    private static final FixPlan.DistroMtuAtBoot PLAN = FixPlan.DistroMtuAtBoot.of("eth0", 1400);
    private final ConfigFiles files = new LocalConfigFiles(Path.of("/nonexistent-home"));

    private Verifier.Verdict check(String before, String candidate) throws Exception {
        Path written = Files.writeString(dir.resolve("candidate"), candidate);
        return new WslConfMtuOracle(files, PLAN, before.getBytes(UTF_8)).verify(written.toString());
    }

    @Test
    void theEditPasses() throws Exception {
        for (String before : new String[] {"", "[boot]\nsystemd=true\n", "[boot]\ncommand = service cron start\n",
                "[boot]\ncommand = ip link set dev eth0 mtu 1500\n[network]\nhostname=box\n"}) {
            String candidate = new String(WslConfMtuEdit.setMtuAtBoot(before.getBytes(UTF_8), PLAN, WslConfEdit.FILE).updated(), UTF_8);
            Verifier.Verdict v = check(before, candidate);
            assertThat(v.ok()).as(before + " -> " + candidate + ": " + v.message()).isTrue();
            assertThat(v.message()).startsWith("read back as WSL reads it: at start the distro runs \"ip link set dev eth0 mtu 1400");
        }
    }

    @Test
    void someoneElsesCommandLostOrOursLastOrMissingIsAFailure() throws Exception {
        String before = "[boot]\ncommand = service cron start\n";
        Verifier.Verdict lost = check(before, "[boot]\ncommand = ip link set dev eth0 mtu 1400\n");
        assertThat(lost.ok()).isFalse();
        assertThat(lost.message()).contains("not \"ip link set dev eth0 mtu 1400; service cron start\"");
        assertThat(check(before, "[boot]\ncommand = service cron start; ip link set dev eth0 mtu 1400\n").ok()).isFalse();
        assertThat(check(before, "[boot]\ncommand = ip link set dev eth0 mtu 1300; service cron start\n").ok()).isFalse();
        assertThat(check(before, before)).isEqualTo(Verifier.Verdict.failed(
                "WSL would run \"service cron start\" at start, not \"ip link set dev eth0 mtu 1400; service cron start\""));
        assertThat(check(before, "[network]\nhostname=box\n")).isEqualTo(Verifier.Verdict.failed("WSL would read no [boot] command"));
        assertThat(new WslConfMtuOracle(files, PLAN, new byte[0]).verify(dir.resolve("nowhere").toString()))
                .isEqualTo(Verifier.Verdict.failed("the new file is not there"));
    }

    @Test
    void anotherSettingThatChangesOrWhereReadingStopsIsAFailure() throws Exception {
        String before = "[boot]\nsystemd=true\n";
        Verifier.Verdict changed = check(before, "[boot]\nsystemd=false\ncommand = ip link set dev eth0 mtu 1400\n");
        assertThat(changed.ok()).isFalse();
        assertThat(changed.message()).startsWith("other settings would read differently");
        assertThat(check(before, "[boot]\nsystemd=true\ncommand = ip link set dev eth0 mtu 1400\n;x\n").ok()).isFalse();
        // a command written after the line WSL stops at is not read at all
        assertThat(check("[boot]\nsystemd=true\n;x\n", "[boot]\nsystemd=true\n;x\ncommand = ip link set dev eth0 mtu 1400\n").ok()).isFalse();
    }
}
