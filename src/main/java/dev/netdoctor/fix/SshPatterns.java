// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import java.util.List;
import java.util.Locale;

/** OpenSSH's host pattern matching (ssh_config PATTERNS): '*' and '?', '!' negates, case-insensitive. */
final class SshPatterns {
    private SshPatterns() {
    }

    /** A Host line applies when some positive pattern matches and no negated one does. */
    static boolean hostLineMatches(List<String> patterns, String host) {
        boolean positive = false;
        for (String p : patterns) {
            if (p.startsWith("!")) {
                if (wildcard(p.substring(1), host)) {
                    return false;
                }
            } else if (wildcard(p, host)) {
                positive = true;
            }
        }
        return positive;
    }

    static boolean wildcard(String pattern, String text) {
        return match(pattern.toLowerCase(Locale.ROOT), 0, text.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    /** A concrete host a pattern stands for, to test with: wildcards filled in. */
    static String example(String pattern) {
        return pattern.replace("*", "1").replace("?", "1");
    }
}
