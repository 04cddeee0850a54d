// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.ConfigReader;
import dev.netdoctor.config.ConfigReading;
import dev.netdoctor.model.FixPlan;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the candidate /etc/wsl.conf the way the distro will, with the check's reader: the boot
 * command WSL runs must be ours in front of whatever other command was there before (read back
 * unchanged), and every other setting WSL reads must read as before, reading stopping at the same
 * line if it stops.
 */
public final class WslConfMtuOracle implements Verifier {
    private final ConfigFiles files;
    private final FixPlan.DistroMtuAtBoot plan;
    private final ConfigReading before;
    private final String wanted;

    public WslConfMtuOracle(ConfigFiles files, FixPlan.DistroMtuAtBoot plan, byte[] original) {
        this.files = files;
        this.plan = plan;
        this.before = ConfigReader.read(ConfigFileKind.WSL_CONF, original);
        this.wanted = WslConfMtuEdit.combined(plan, WslConfMtuEdit.bootCommand(original));
    }

    @Override
    public Verdict verify(String candidate) throws InterruptedException {
        ReadBack back = ReadBack.of(files, candidate);
        if (back.failure() != null) {
            return back.failure();
        }
        byte[] written = back.bytes();
        ConfigReading after = ConfigReader.read(ConfigFileKind.WSL_CONF, written);
        Optional<String> command = after.first(WslConfMtuEdit.KEY).map(s -> s.value());
        if (command.isEmpty()) {
            return Verdict.failed("WSL would read no [boot] command");
        }
        if (!command.get().equals(wanted)) {
            return Verdict.failed("WSL would run \"" + ConfigReader.readable(command.get()) + "\" at start, not \"" + wanted + "\"");
        }
        if (!others(before).equals(others(after)) || before.stopsAt().isPresent() != after.stopsAt().isPresent()) {
            return Verdict.failed("other settings would read differently: before " + others(before) + ", after " + others(after));
        }
        return Verdict.passed("read back as WSL reads it: at start the distro runs \"" + wanted + "\" (MTU " + plan.mtu()
                + " on " + plan.device() + "), every other setting as before.");
    }

    /** Every setting WSL reads but the boot command, by its name in WSL's table: the value, and whether WSL takes it. */
    private static Map<String, String> others(ConfigReading reading) {
        Map<String, String> map = new LinkedHashMap<>();
        reading.settings().stream().filter(s -> !s.key().equalsIgnoreCase(WslConfMtuEdit.KEY))
                .forEach(s -> map.putIfAbsent(s.key().toLowerCase(Locale.ROOT), ConfigReader.readable(s.value())
                        + (s.accepted() ? "" : " (not taken)")));
        return map;
    }
}
