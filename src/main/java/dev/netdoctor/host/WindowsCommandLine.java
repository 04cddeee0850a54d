// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Why this exists: on Windows a child process gets one command line, not a list. The JDK joins
 * our list into that line ("legacy" mode, the default since the SecurityManager is gone: an
 * argument with whitespace is wrapped in quotes, but quotes inside it are not escaped), and
 * wsl.exe cuts everything after {@code --exec} apart again with {@code CommandLineToArgvW}. A
 * script holding a {@code "} would arrive in pieces. So each argument for Linux is written here
 * already quoted by {@code CommandLineToArgvW}'s rules; the JDK copies an argument that starts
 * and ends with a quote verbatim, and wsl.exe hands Linux exactly the original string.
 * <p>
 * The rules (learn.microsoft.com, "Parsing C command-line arguments"): inside quotes, 2n
 * backslashes before a quote are n backslashes and the quote ends the quoting; 2n+1 backslashes
 * before a quote are n backslashes and a literal quote; other backslashes are literal.
 * See ../shared/research/windows-argv.md for the sources on both halves.
 */
public final class WindowsCommandLine {
    /** CreateProcessW's limit on the whole command line, in UTF-16 units, including the terminator. */
    public static final int MAX_COMMAND_LINE = 32_767;
    /** The JDK property that switches ProcessImpl to strict mode, which refuses pre-quoted arguments. */
    static final String STRICT_PROPERTY = "jdk.lang.Process.allowAmbiguousCommands";

    private WindowsCommandLine() {
    }

    /** Each argument quoted so that {@code CommandLineToArgvW} gives back exactly it. */
    public static List<String> forWslExec(List<String> argv) {
        List<String> quoted = new ArrayList<>(argv.size());
        for (String arg : argv) {
            quoted.add(quote(arg));
        }
        return quoted;
    }

    /** One argument: always in quotes, each {@code "} escaped, backslashes doubled only where a quote follows them. */
    public static String quote(String arg) {
        if (arg.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an argument cannot hold a NUL character");
        }
        StringBuilder sb = new StringBuilder(arg.length() + 2).append('"');
        int backslashes = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                sb.repeat('\\', 2 * backslashes + 1);
            } else {
                sb.repeat('\\', backslashes);
            }
            backslashes = 0;
            sb.append(c);
        }
        // Before the closing quote every backslash must be doubled, or it would escape it.
        sb.repeat('\\', 2 * backslashes);
        return sb.append('"').toString();
    }

    /**
     * Empty when Java will pass pre-quoted arguments through; otherwise why it will not. With
     * {@code -Djdk.lang.Process.allowAmbiguousCommands=false} the JDK throws on an argument that
     * starts and ends with a quote and has one inside, so we say so instead of failing later.
     */
    public static java.util.Optional<String> unsupportedReason() {
        String value = System.getProperty(STRICT_PROPERTY);
        if (value != null && value.equalsIgnoreCase("false")) {
            return java.util.Optional.of("This app cannot talk to wsl.exe while Java runs with -D" + STRICT_PROPERTY
                    + "=false: remove that option.");
        }
        return java.util.Optional.empty();
    }

    /** The length of the line the JDK will build from {@code full} (program plus pre-quoted arguments). */
    public static int lineLength(List<String> full) {
        int length = 0;
        for (String part : full) {
            boolean wrap = !part.startsWith("\"") && (part.isEmpty() || part.chars().anyMatch(Character::isWhitespace));
            length += part.length() + (wrap ? 2 : 0) + 1;
        }
        return length;
    }
}
