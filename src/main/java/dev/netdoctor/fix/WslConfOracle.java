// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the candidate /etc/wsl.conf the way the distro will: WSL must now write resolv.conf,
 * and every other setting WSL reads must read as before (the same values, and reading stops at
 * the same line, if it stops). The candidate is a file of the same {@link ConfigFiles} (a
 * distro's, written through wsl.exe, or this Linux's own).
 */
public final class WslConfOracle implements Verifier {
    private final ConfigFiles files;
    private final WslConfEdit.Reading before;

    public WslConfOracle(ConfigFiles files, byte[] original) {
        this.files = files;
        this.before = WslConfEdit.read(WslConfigDocument.of(original, false).lines());
    }

    @Override
    public Verdict verify(String candidate) throws InterruptedException {
        Optional<byte[]> bytes;
        try {
            bytes = files.read(candidate, SafeApply.MAX_BYTES);
        } catch (IOException e) {
            return Verdict.failed("the new file cannot be read back: " + e.getMessage());
        }
        if (bytes.isEmpty()) {
            return Verdict.failed("the new file is not there");
        }
        WslConfEdit.Reading after = WslConfEdit.read(WslConfigDocument.of(bytes.get(), false).lines());
        if (!WslConfEdit.generatesResolvConf(bytes.get())) {
            return Verdict.failed("WSL would still read generateResolvConf = false");
        }
        if (!others(before).equals(others(after)) || before.stopsAt().isPresent() != after.stopsAt().isPresent()) {
            return Verdict.failed("other settings would read differently: before " + others(before) + ", after " + others(after));
        }
        return Verdict.passed("read back as WSL reads it: generateResolvConf is "
                + Optional.ofNullable(after.value(WslConfEdit.SECTION, WslConfEdit.KEY)).orElse("not set (true)")
                + ", every other setting as before.");
    }

    private static Map<String, String> others(WslConfEdit.Reading reading) {
        Map<String, String> map = reading.effective();
        map.remove(WslConfEdit.SECTION + "." + WslConfEdit.KEY.toLowerCase(java.util.Locale.ROOT));
        return map;
    }
}
