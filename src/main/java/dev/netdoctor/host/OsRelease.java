// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which Linux a distro is, as its os-release file says (freedesktop.org's format: one
 * {@code KEY=value} per line, the value perhaps in single or double quotes with backslash
 * escapes in double quotes). Read through the {@link LinuxSide}, so from Windows too.
 */
public final class OsRelease {
    private static final int CAP = 16 * 1024;

    private OsRelease() {
    }

    /** {@code PRETTY_NAME} of /etc/os-release (else /usr/lib/os-release), or NAME and VERSION_ID; empty when neither says. */
    public static Optional<String> of(LinuxSide linux) {
        return linux.readFile("/etc/os-release", CAP).or(() -> linux.readFile("/usr/lib/os-release", CAP)).flatMap(OsRelease::prettyName);
    }

    static Optional<String> prettyName(String text) {
        Map<String, String> values = parse(text);
        String pretty = values.get("PRETTY_NAME");
        if (pretty != null && !pretty.isBlank()) {
            return Optional.of(pretty.strip());
        }
        String name = values.get("NAME");
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String version = values.get("VERSION_ID");
        return Optional.of(name.strip() + (version == null || version.isBlank() ? "" : " " + version.strip()));
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("#") || eq <= 0) {
                continue;
            }
            values.put(l.substring(0, eq).strip(), unquote(l.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            return v.substring(1, v.length() - 1);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < v.length() - 1; i++) {
                char c = v.charAt(i);
                if (c == '\\' && i + 1 < v.length() - 1) {
                    c = v.charAt(++i);
                }
                b.append(c);
            }
            return b.toString();
        }
        return v;
    }
}
