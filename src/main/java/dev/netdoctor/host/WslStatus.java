// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code wsl.exe --status} says, read defensively: its labels are translated ("Default
 * Distribution", "Standarddistribution", "Distribution par défaut"), so the lines are read by
 * place and value shape. The first "label: value" line names the default distro, the first
 * value that is just 1 or 2 the default WSL version; the raw text is kept for people.
 */
public record WslStatus(String defaultDistro, Integer defaultVersion, String raw) {
    private static final Pattern LABELLED = Pattern.compile("^[^:]{2,60}:\\s*(\\S.*)$");

    public static WslStatus parse(String text) {
        String clean = text.replace("\u0000", "").replace("\uFEFF", "");
        List<String> values = new ArrayList<>();
        for (String line : clean.split("\\R")) {
            Matcher m = LABELLED.matcher(line.strip());
            if (m.find()) {
                values.add(m.group(1).strip());
            }
        }
        Integer version = values.stream().filter(v -> v.matches("[12]")).findFirst().map(Integer::valueOf).orElse(null);
        // The distro comes first; a value with spaces or a date is some other line (older wsl.exe
        // put "last updated" and kernel lines here), not a distro name.
        String distro = values.isEmpty() ? null : values.getFirst();
        if (distro != null && (distro.matches("[12]") || distro.contains(" ") || distro.matches(".*\\d+/\\d+/\\d+.*"))) {
            distro = null;
        }
        return new WslStatus(distro, version, clean.strip());
    }
}
