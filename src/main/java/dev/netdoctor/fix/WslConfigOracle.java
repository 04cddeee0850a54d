// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.TextEncoding;
import dev.netdoctor.model.NetworkingMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the candidate .wslconfig the way WSL will, with the check's reader: it must be in an
 * encoding WSL reads (UTF-8, or UTF-16 LE with its byte order mark) and give the wanted setting.
 * The .wslconfig is always on this computer (Windows' profile, or reached through /mnt/c from
 * inside WSL), so the candidate is a local path.
 */
public final class WslConfigOracle implements Verifier {
    private final String setting;
    private final String value;

    /** Checks that WSL would read {@code setting} as {@code value} (or a spelling WSL reads the same). */
    public WslConfigOracle(String setting, String value) {
        this.setting = setting;
        this.value = value;
    }

    /** Checks that WSL would use networkingMode {@code mode}. */
    public WslConfigOracle(NetworkingMode mode) {
        this("wsl2.networkingMode", mode.value());
    }

    /** Checks that WSL would read dnsTunneling as on. */
    public static WslConfigOracle dnsTunnelingOn() {
        return new WslConfigOracle("wsl2.dnsTunneling", "true");
    }

    @Override
    public Verdict verify(String candidate) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(Path.of(candidate));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Verdict.failed("the new file cannot be read back: " + e.getMessage());
        }
        TextEncoding encoding = TextEncoding.detect(bytes);
        boolean utf16WslReads = encoding == TextEncoding.UTF16LE_BOM;
        if (!ConfigFileKind.WSLCONFIG.readsAsText(encoding)) {
            return Verdict.failed("the new file is " + encoding.display() + ", which WSL may not read");
        }
        WslConfigEdit.Wanted wanted;
        try {
            wanted = WslConfigEdit.Wanted.of(setting, value);
        } catch (WslConfigEdit.Refused refused) {
            return Verdict.failed(refused.getMessage());
        }
        String key = wanted.shortName();
        String effective = WslConfigEdit.effective(bytes, setting).orElse("(not set)");
        if (!wanted.holds().test(effective)) {
            return Verdict.failed("WSL would use " + key + " " + effective + ", not " + wanted.value());
        }
        return Verdict.passed("read back as WSL reads it: " + key + "=" + effective + (utf16WslReads ? ", UTF-16 with its byte order mark." : ", UTF-8."));
    }
}
