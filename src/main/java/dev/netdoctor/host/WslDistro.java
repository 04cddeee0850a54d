// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One WSL distro as {@code wsl.exe -l -v} lists it: its name, state (as printed, which is
 * localized), WSL version, and whether it is the default.
 */
public record WslDistro(String name, String state, int version, boolean isDefault) {
    /** The states English Windows prints; other languages are kept as printed. */
    public boolean running() {
        String s = state.toLowerCase(Locale.ROOT);
        return s.equals("running") || s.contains("ausgeführt") || s.contains("en cours") || s.contains("in esecuzione");
    }

    /**
     * Parses the table: a header line (localized), then one line per distro, the default marked
     * with '*'. Distro names have no spaces; states may ("Wird ausgeführt"), so the name is the
     * first word, the version the last, and the state what lies between.
     */
    public static List<WslDistro> parseList(String text) {
        List<WslDistro> distros = new ArrayList<>();
        List<String> lines = text.replace("\u0000", "").lines().filter(l -> !l.isBlank()).toList();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean isDefault = line.startsWith("*");
            if (isDefault) {
                line = line.substring(1).strip();
            }
            String[] words = line.split("\\s+");
            if (words.length < 3 || !words[words.length - 1].matches("\\d")) {
                continue;
            }
            String state = String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length - 1));
            distros.add(new WslDistro(words[0], state, Integer.parseInt(words[words.length - 1]), isDefault));
        }
        return distros;
    }

    /** The distro to use: the one named, else the default, else the only one. */
    public static Optional<WslDistro> choose(List<WslDistro> distros, String wanted) {
        if (wanted != null && !wanted.isBlank()) {
            return distros.stream().filter(d -> d.name().equalsIgnoreCase(wanted)).findFirst();
        }
        return distros.stream().filter(WslDistro::isDefault).findFirst()
                .or(() -> distros.size() == 1 ? Optional.of(distros.getFirst()) : Optional.empty());
    }
}
