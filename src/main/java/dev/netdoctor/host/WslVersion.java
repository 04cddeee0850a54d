// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code wsl.exe --version} says, read defensively: its labels are translated ("WSL
 * version", "WSL-Version", "Version de WSL"), so lines are matched by their order and value shape,
 * and the raw text is kept for when that fails. The first lines are, in every language: WSL,
 * kernel, WSLg, MSRDC, Direct3D, DXCore, Windows.
 */
public record WslVersion(String wsl, String kernel, String windows, String raw) {
    private static final Pattern VALUE = Pattern.compile(":\\s*(\\S.*)$");
    /** A Windows build number; DXCore's "10.0.26100.1-240331…" is not one (it goes on with '-'). */
    private static final Pattern WINDOWS = Pattern.compile("\\b10\\.0\\.\\d{5}(\\.\\d+)?\\b(?![-.\\d])");

    public static WslVersion parse(String text) {
        Map<Integer, String> values = new LinkedHashMap<>();
        int i = 0;
        for (String line : text.replace("\u0000", "").split("\\R")) {
            Matcher m = VALUE.matcher(line.strip());
            if (m.find()) {
                values.put(i++, m.group(1).strip());
            }
        }
        String wsl = values.getOrDefault(0, null);
        String kernel = values.getOrDefault(1, null);
        Matcher w = WINDOWS.matcher(text);
        String windows = null;
        while (w.find()) {
            windows = w.group(); // the last one: Windows comes last in every language
        }
        if (wsl != null && !wsl.matches("\\d+(\\.\\d+)+")) {
            wsl = null; // not the shape of a WSL version: an older wsl.exe printed its usage instead
            kernel = null;
        }
        return new WslVersion(wsl, kernel, windows, text.strip());
    }

    /** One line for people, or the raw text when nothing could be read. */
    public String describe() {
        if (wsl == null) {
            return "wsl.exe --version gave no version (WSL older than 0.67, or an unusual output): " + raw;
        }
        return "WSL " + wsl + (kernel == null ? "" : ", WSL kernel " + kernel) + (windows == null ? "" : ", Windows " + windows);
    }
}
