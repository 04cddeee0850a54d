// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.ConfigReader;
import dev.netdoctor.config.ConfigReading;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the candidate /etc/wsl.conf the way the distro will, with the check's reader: WSL must now
 * write resolv.conf, and every other setting WSL reads must read as before (the same values, and
 * reading stops at the same line, if it stops). The candidate is a file of the same
 * {@link ConfigFiles} (a distro's, written through wsl.exe, or this Linux's own).
 */
public final class WslConfOracle implements Verifier {
    private final ConfigFiles files;
    private final ConfigReading before;

    public WslConfOracle(ConfigFiles files, byte[] original) {
        this.files = files;
        this.before = ConfigReader.read(ConfigFileKind.WSL_CONF, original);
    }

    @Override
    public Verdict verify(String candidate) throws InterruptedException {
        ReadBack back = ReadBack.of(files, candidate);
        if (back.failure() != null) {
            return back.failure();
        }
        byte[] written = back.bytes();
        ConfigReading after = ConfigReader.read(ConfigFileKind.WSL_CONF, written);
        if (!WslConfEdit.generatesResolvConf(written)) {
            return Verdict.failed("WSL would still read generateResolvConf = false");
        }
        if (!others(before).equals(others(after)) || before.stopsAt().isPresent() != after.stopsAt().isPresent()) {
            return Verdict.failed("other settings would read differently: before " + others(before) + ", after " + others(after));
        }
        return Verdict.passed("read back as WSL reads it: generateResolvConf is "
                + after.first(WslConfEdit.KEY).map(s -> ConfigReader.readable(s.value())).orElse("not set (true)")
                + ", every other setting as before.");
    }

    /** Every setting WSL reads but generateResolvConf, by its name in WSL's table: the value, and whether WSL takes it. */
    private static Map<String, String> others(ConfigReading reading) {
        Map<String, String> map = new LinkedHashMap<>();
        reading.settings().stream().filter(s -> !s.key().equalsIgnoreCase(WslConfEdit.KEY))
                .forEach(s -> map.putIfAbsent(s.key().toLowerCase(Locale.ROOT), ConfigReader.readable(s.value())
                        + (s.accepted() ? "" : " (not taken)")));
        return map;
    }
}
