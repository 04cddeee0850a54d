// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import java.util.ArrayList;
import java.util.List;

/**
 * What Windows does to an argument list on its way from {@code ProcessBuilder} to a Linux
 * command behind wsl.exe, in three steps, for fast in-process tests on Linux: the JDK joins the
 * list into one command line ({@link #javaLegacyJoin}), wsl.exe reads its own options off that
 * line ({@link #wslExe}), and whatever follows {@code --exec} is cut apart once by
 * {@link #commandLineToArgvW}. The same three steps are in src/test/lab/fake-wsl.exe (Python);
 * {@code WindowsCommandLineCrossCheckTest} keeps the two in agreement. Sources:
 * ../shared/research/windows-argv.md, and Microsoft's "Parsing C command-line arguments".
 */
final class WindowsRoundTrip {
    /** What the Linux side is given in shell mode: the user's passwd shell, whichever it is. */
    static final String USER_SHELL = "$SHELL";

    private WindowsRoundTrip() {
    }

    /** Character.isSpaceChar or isWhitespace: what makes the JDK (25) wrap an argument in quotes. */
    static boolean javaSpace(char c) {
        return Character.isSpaceChar(c) || Character.isWhitespace(c);
    }

    /** Whether the JDK puts this argument between quotes: empty, or whitespace and not already quoted. */
    static boolean javaWraps(String arg) {
        if (arg.isEmpty()) {
            return true;
        }
        if (arg.length() >= 2 && arg.charAt(0) == '"' && arg.charAt(arg.length() - 1) == '"') {
            return false;
        }
        return arg.chars().anyMatch(c -> javaSpace((char) c));
    }

    /**
     * The command line JDK 25's Windows ProcessImpl builds in its default (legacy) mode: a wrapped
     * argument keeps its inner quotes as they are and gets its trailing backslashes doubled; an
     * argument that starts and ends with a quote is copied verbatim; the program is wrapped
     * without any doubling.
     */
    static String javaLegacyJoin(List<String> cmd) {
        String program = cmd.getFirst();
        StringBuilder line = new StringBuilder(javaWraps(program) ? "\"" + program + "\"" : program);
        for (String arg : cmd.subList(1, cmd.size())) {
            line.append(' ');
            if (javaWraps(arg)) {
                int trailing = 0;
                while (trailing < arg.length() && arg.charAt(arg.length() - 1 - trailing) == '\\') {
                    trailing++;
                }
                line.append('"').append(arg).repeat('\\', trailing).append('"');
            } else {
                line.append(arg);
            }
        }
        return line.toString();
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * {@code CommandLineToArgvW}, from Microsoft's documented rules. The first word is a program
     * name: it ends at the next quote when it starts with one, else at the first blank, with no
     * backslash processing. After it: only space and tab separate, outside quotes; a quote toggles
     * quoting and is dropped; 2n backslashes before a quote are n backslashes (the quote still
     * toggles), 2n+1 are n backslashes and a literal quote; other backslashes are literal. Inside
     * quotes two quotes in a row are one literal quote and end the quoting.
     */
    static List<String> commandLineToArgvW(String line) {
        List<String> args = new ArrayList<>();
        int n = line.length();
        int i;
        if (n > 0 && line.charAt(0) == '"') {
            int end = line.indexOf('"', 1);
            end = end < 0 ? n : end;
            args.add(line.substring(1, end));
            i = Math.min(end + 1, n);
        } else {
            i = 0;
            while (i < n && !blank(line.charAt(i))) {
                i++;
            }
            args.add(line.substring(0, i));
        }
        while (true) {
            while (i < n && blank(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return args;
            }
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            while (i < n) {
                char c = line.charAt(i);
                if (blank(c) && !quoted) {
                    break;
                }
                if (c == '\\') {
                    int runEnd = i;
                    while (runEnd < n && line.charAt(runEnd) == '\\') {
                        runEnd++;
                    }
                    int count = runEnd - i;
                    if (runEnd < n && line.charAt(runEnd) == '"') {
                        word.repeat('\\', count / 2);
                        if (count % 2 == 1) {
                            word.append('"');
                            i = runEnd + 1;
                        } else {
                            i = runEnd;
                        }
                    } else {
                        word.repeat('\\', count);
                        i = runEnd;
                    }
                } else if (c == '"') {
                    if (quoted && i + 1 < n && line.charAt(i + 1) == '"') {
                        word.append('"');
                        quoted = false;
                        i += 2;
                    } else {
                        quoted = !quoted;
                        i++;
                    }
                } else {
                    word.append(c);
                    i++;
                }
            }
            args.add(word.toString());
        }
    }

    /** What wsl.exe does with a command line. */
    enum Kind { EXEC, SHELL, LOGIN, WINDOWS, ERROR }

    /**
     * @param distro the {@code -d} value, or null for the default
     * @param linux  the argv the Linux side gets ({@link #USER_SHELL} standing for the user's
     *               shell), or null when nothing runs there
     */
    record WslCall(Kind kind, String distro, List<String> linux) {
    }

    private static String token(String line) {
        for (int k = 0; k < line.length(); k++) {
            if (blank(line.charAt(k))) {
                return line.substring(0, k);
            }
        }
        return line;
    }

    private static String consume(String line, String token) {
        String rest = line.substring(token.length());
        int k = 0;
        while (k < rest.length() && blank(rest.charAt(k))) {
            k++;
        }
        return rest.substring(k);
    }

    private static final java.util.regex.Pattern GUID = java.util.regex.Pattern.compile(
            "\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}?");
    private static final java.util.Set<String> WINDOWS_SIDE = java.util.Set.of("-l", "--list", "-v", "--version",
            "--status", "--shutdown", "--help", "--install", "--update", "--uninstall", "--set-default-version",
            "--set-version", "--export", "--import", "--import-in-place", "--unregister", "-t", "--terminate", "-s",
            "--set-default", "--setdefault", "--mount", "--unmount", "--manage", "--debug-shell");
    private static final java.util.Set<String> NOT_MODELLED = java.util.Set.of("--system", "--shell-type",
            "--distribution-id", "--parent-console");

    /**
     * wsl.exe's reading of its command line (WslMain): the program name is stripped (a quote only
     * toggles, since a file name holds none), then options are taken one by one, each ending at
     * the first blank, with no quote handling at all. {@code --exec} hands the rest to
     * {@link #commandLineToArgvW}; {@code --} or the first word that is no option hands the rest,
     * as one string, to the user's shell ({@code $SHELL -c REST}).
     */
    static WslCall wslExe(String line) {
        int i = 0;
        boolean quoted = false;
        while (i < line.length() && (quoted || !blank(line.charAt(i)))) {
            if (line.charAt(i) == '"') {
                quoted = !quoted;
            }
            i++;
        }
        String rest = consume(line.substring(i), "");
        String distro = null;
        String first = token(rest);
        if (GUID.matcher(first).matches()) {
            return new WslCall(Kind.ERROR, null, null);
        }
        if (first.equals("~")) {
            rest = consume(rest, first);
        }
        boolean exec = false;
        while (true) {
            String t = token(rest);
            if (t.isEmpty()) {
                break;
            }
            if (t.equals("-d") || t.equals("--distribution") || t.equals("-u") || t.equals("--user")) {
                boolean isDistro = t.equals("-d") || t.equals("--distribution");
                if (isDistro && distro != null) {
                    return new WslCall(Kind.ERROR, null, null);
                }
                rest = consume(rest, t);
                t = token(rest);
                if (t.isEmpty()) {
                    return new WslCall(Kind.ERROR, null, null);
                }
                if (isDistro) {
                    distro = t;
                }
            } else if (t.equals("--cd")) {
                rest = consume(rest, t);
                t = token(rest);
                int close = rest.startsWith("\"") ? rest.indexOf('"', 1) : -1;
                if (close > 0) {
                    t = rest.substring(0, close + 1);
                }
                String where = t.replaceAll("^\"+|\"+$", "");
                if (where.isEmpty() || "/~".indexOf(where.charAt(0)) < 0) {
                    return new WslCall(Kind.ERROR, null, null);
                }
            } else if (t.equals("--")) {
                rest = consume(rest, t);
                break;
            } else if (t.equals("-e") || t.equals("--exec")) {
                rest = consume(rest, t);
                exec = true;
                break;
            } else if (WINDOWS_SIDE.contains(t)) {
                return new WslCall(Kind.WINDOWS, distro, null);
            } else if (NOT_MODELLED.contains(t) || t.startsWith("-")) {
                return new WslCall(Kind.ERROR, null, null);
            } else {
                break;
            }
            rest = consume(rest, t);
        }
        if (exec) {
            return rest.isEmpty() ? new WslCall(Kind.ERROR, distro, null)
                    : new WslCall(Kind.EXEC, distro, commandLineToArgvW(rest));
        }
        return rest.isEmpty() ? new WslCall(Kind.LOGIN, distro, List.of(USER_SHELL))
                : new WslCall(Kind.SHELL, distro, List.of(USER_SHELL, "-c", rest));
    }

    /** The argv Linux gets from this command line, or null when wsl.exe runs nothing there. */
    static List<String> linuxArgv(String line) {
        return wslExe(line).linux();
    }
}
