// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The machine the user cannot reach: a host name or IP literal and a TCP port.
 * Every value reaching a command line or a socket passes {@link #parse} first, so no
 * user text can become an option of an external program.
 */
public record Target(String host, int port) {
    public static final int DEFAULT_SSH_PORT = 22;
    /** RFC 1035 limit on a full domain name. */
    public static final int MAX_HOST_LENGTH = 253;

    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\\.?");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    public Target {
        Objects.requireNonNull(host, "host");
        checkHost(host);
        checkPort(port);
    }

    /** {@code HOST}, {@code HOST:PORT}, {@code [IPV6]:PORT} or a bare IPv6 literal. */
    public static Target parse(String text) {
        return parse(text, DEFAULT_SSH_PORT);
    }

    public static Target parse(String text, int defaultPort) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("The target is empty: give a host name or IP address, e.g. 198.18.0.10 or nas.local:22.");
        }
        if (text.length() <= MAX_HOST_LENGTH + 8) {
            refuseUserOrCommand(text);
        }
        checkCharacters("target", text, MAX_HOST_LENGTH + 8);
        String host = text;
        int port = defaultPort;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new InvalidInputException("The target \"" + text + "\" opens '[' but never closes it; write [IPv6]:PORT.");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new InvalidInputException("Unexpected text after ']' in \"" + text + "\"; write [IPv6]:PORT.");
                }
                port = parsePort(rest.substring(1));
            }
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && colon == text.lastIndexOf(':')) {
                host = text.substring(0, colon);
                port = parsePort(text.substring(colon + 1));
            }
            // two or more colons: a bare IPv6 literal, checked below
        }
        return new Target(host, port);
    }

    /**
     * What people paste from a terminal: {@code root@nas} or a whole {@code ssh root@nas}. Only
     * the machine is wanted here, so say exactly what to leave out, and what remains.
     */
    private static void refuseUserOrCommand(String text) {
        String rest = text.strip();
        boolean command = rest.equals("ssh") || rest.startsWith("ssh ") || rest.startsWith("ssh\t");
        if (command) {
            rest = rest.substring(3).strip();
            // "ssh -p 2222 root@nas": the machine is the last word
            rest = rest.substring(Math.max(rest.lastIndexOf(' '), rest.lastIndexOf('\t')) + 1);
        }
        int at = rest.lastIndexOf('@');
        String user = at > 0 ? rest.substring(0, at + 1) : null;
        if (!command && user == null) {
            return;
        }
        String machine = printable(at >= 0 ? rest.substring(at + 1) : rest);
        String example = machine.isEmpty() ? "198.18.0.10" : machine;
        String key = command && user != null ? "target.leaveOut.both" : command ? "target.leaveOut.ssh" : "target.leaveOut.user";
        throw new InvalidInputException(Words.get(key, user == null ? "" : printable(user), example));
    }

    public static int parsePort(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("The port is empty: give a number from 1 to 65535.");
        }
        if (text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            throw new InvalidInputException("The port \"" + printable(text) + "\" is not a number from 1 to 65535.");
        }
        int port = Integer.parseInt(text);
        checkPort(port);
        return port;
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new InvalidInputException("The port " + port + " is out of range: give a number from 1 to 65535.");
        }
    }

    private static void checkHost(String host) {
        if (host.isEmpty()) {
            throw new InvalidInputException("The host is empty: give a host name or IP address.");
        }
        checkCharacters("host", host, MAX_HOST_LENGTH);
        if (host.contains(":")) {
            if (!IPV6.matcher(host).matches() || !isIpv6Literal(host)) {
                throw new InvalidInputException("\"" + host + "\" is not a valid IPv6 address.");
            }
            return;
        }
        if (host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            if (!IPV4.matcher(host).matches()) {
                throw new InvalidInputException("\"" + host + "\" is not a valid IPv4 address (four numbers 0-255 separated by dots).");
            }
            return;
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw new InvalidInputException("\"" + host + "\" is not a valid host name: use letters, digits, '-', '_' and dots.");
        }
    }

    /**
     * The checks shared by every piece of user text that may reach a command line: no leading
     * '-', which a program would read as an option; no whitespace or control characters; a
     * length bound.
     */
    public static void checkCharacters(String what, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw new InvalidInputException("The " + what + " is too long (" + text.length() + " characters, at most " + maxLength + ").");
        }
        if (text.startsWith("-")) {
            throw new InvalidInputException("The " + what + " \"" + printable(text) + "\" starts with '-', which programs would read as an option.");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw new InvalidInputException("The " + what + " \"" + printable(text) + "\" contains a space or an invisible character (such as a tab).");
            }
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(80).forEach(cp -> {
            // An ordinary space is visible as it is; other invisible characters are shown by code.
            if (cp != ' ' && (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /**
     * The JDK's own reading of an IPv6 literal, which never asks DNS: a text like ":::" that only
     * looks like one would otherwise go on to ssh and the resolver as a host name.
     */
    private static boolean isIpv6Literal(String host) {
        try {
            return java.net.Inet6Address.ofLiteral(host) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean isIpLiteral() {
        return host.contains(":") || IPV4.matcher(host).matches();
    }

    /** As a user would type it back: {@code host:port}, IPv6 in brackets. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
