// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.TcpConnection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TCP table of a Linux we reach only through commands (a WSL distro seen from Windows, where
 * OSHI sees Windows' table instead). Read from {@code ss -tanpH}, which names each socket's owner,
 * or, when ss is missing, from /proc/net/tcp and tcp6, which do not. Pure parsing, tested with
 * recorded texts; states are named as OSHI names them, so both sources read the same.
 */
public final class DistroSockets {
    /** Separates the ss table from the command lines of the processes waiting in SYN-SENT. */
    static final String CMDLINES = "#cmdlines";
    /** Set in the environment of every command we run inside the distro, whoever it execs into. */
    public static final String OURS_VARIABLE = "WSL_NET_DOCTOR_CHECK";
    /** The word {@link #SCRIPT} writes for a process that ended before it could be looked at. */
    static final String GONE = "gone";

    /**
     * One snapshot: the table, then "PID ours|theirs ARGS…" for each process with a socket in
     * SYN-SENT, so our own checks can be told from the user's: by {@link #OURS_VARIABLE} in the
     * process's environment (a script of ours may exec python3, which changes its command line),
     * or else by a command line we know. "PID gone" when the process ended between the table and
     * the look at it (its command line reads empty): a check of ours that gave up just then is the
     * usual case, on a busy machine more often. The environment is read before the command line:
     * a process that ends between the two reads then shows as gone, never as someone else's with
     * an environment that only looked empty because it had just ended. A constant script: no
     * input reaches it at all.
     */
    static final String SCRIPT = "t=$(ss -tanpH) || exit 3; printf '%s\\n' \"$t\"; echo '" + CMDLINES + "'; "
            + "for p in $(printf '%s\\n' \"$t\" | grep '^SYN-SENT' | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do "
            + "e=$(tr '\\000' '\\n' < /proc/$p/environ 2>/dev/null); c=$(tr '\\000' ' ' < /proc/$p/cmdline 2>/dev/null); "
            + "if [ -z \"$c\" ]; then echo \"$p " + GONE + "\"; continue; fi; "
            + "printf '%s ' \"$p\"; if printf '%s\\n' \"$e\" | grep -q '^" + OURS_VARIABLE + "='; "
            + "then printf 'ours '; else printf 'theirs '; fi; printf '%s\\n' \"$c\"; done";
    private static final Map<String, String> SS_STATES = Map.ofEntries(
            Map.entry("ESTAB", "ESTABLISHED"), Map.entry("SYN-SENT", "SYN_SENT"), Map.entry("SYN-RECV", "SYN_RECV"),
            Map.entry("FIN-WAIT-1", "FIN_WAIT_1"), Map.entry("FIN-WAIT-2", "FIN_WAIT_2"), Map.entry("TIME-WAIT", "TIME_WAIT"),
            Map.entry("CLOSE-WAIT", "CLOSE_WAIT"), Map.entry("LAST-ACK", "LAST_ACK"), Map.entry("LISTEN", "LISTEN"),
            Map.entry("CLOSING", "CLOSING"), Map.entry("UNCONN", "CLOSED"), Map.entry("CLOSED", "CLOSED"));
    /** /proc/net/tcp's hex state codes (include/net/tcp_states.h). */
    private static final String[] PROC_STATES = {"UNKNOWN", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT_1", "FIN_WAIT_2",
            "TIME_WAIT", "CLOSED", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"};
    private static final Pattern USER = Pattern.compile("\\(\\(\"([^\"]*)\",pid=(\\d+)");

    private DistroSockets() {
    }

    /**
     * Reads the output of {@link #SCRIPT}.
     *
     * @param ours whether a command line (arguments joined by spaces) is one of our own checks
     */
    public static List<TcpConnection> fromSs(String output, Predicate<String> ours) {
        return fromSs(output, ours, program -> false);
    }

    /**
     * Reads the output of {@link #SCRIPT}.
     *
     * @param ours         whether a command line (arguments joined by spaces) is one of our own checks
     * @param oursJustEnded for a process that was gone before it could be looked at: whether a check
     *                      of ours with that program name (as ss names it) ran a moment ago. Without
     *                      it, our own marked ssh that gave up between the table and the look would be
     *                      shown as the user's ssh stuck in SYN-SENT.
     */
    public static List<TcpConnection> fromSs(String output, Predicate<String> ours, Predicate<String> oursJustEnded) {
        String[] parts = output.split("(?m)^" + CMDLINES + "$", 2);
        Map<Integer, String> cmdlines = new HashMap<>();
        java.util.Set<Integer> marked = new java.util.HashSet<>();
        java.util.Set<Integer> gone = new java.util.HashSet<>();
        if (parts.length == 2) {
            for (String line : parts[1].strip().lines().toList()) {
                if (line.strip().matches("\\d+ " + GONE)) {
                    gone.add(Integer.parseInt(line.strip().split(" ")[0]));
                    continue;
                }
                String[] pidAndArgs = line.strip().split(" ", 2);
                if (pidAndArgs.length == 2 && pidAndArgs[0].matches("\\d+")) {
                    int pid = Integer.parseInt(pidAndArgs[0]);
                    String args = pidAndArgs[1].strip();
                    if (args.startsWith("ours ") || args.startsWith("theirs ")) {
                        if (args.startsWith("ours ")) {
                            marked.add(pid);
                        }
                        args = args.substring(args.indexOf(' ') + 1).strip();
                    }
                    cmdlines.put(pid, args);
                }
            }
        }
        List<TcpConnection> rows = new ArrayList<>();
        for (String line : parts[0].lines().toList()) {
            String[] f = line.strip().split("\\s+", 6);
            if (f.length < 5 || !SS_STATES.containsKey(f[0])) {
                continue;
            }
            Endpoint local = Endpoint.ofSs(f[3]);
            Endpoint remote = Endpoint.ofSs(f[4]);
            if (local == null || remote == null) {
                continue;
            }
            int pid = -1;
            String name = null;
            if (f.length == 6) {
                Matcher m = USER.matcher(f[5]);
                if (m.find()) {
                    name = m.group(1);
                    pid = Integer.parseInt(m.group(2));
                }
            }
            String cmd = pid < 0 ? null : cmdlines.get(pid);
            rows.add(new TcpConnection(SS_STATES.get(f[0]), local.address, local.port, remote.address, remote.port, pid, name,
                    cmd, 0, marked.contains(pid) || cmd != null && ours.test(cmd)
                    || gone.contains(pid) && name != null && oursJustEnded.test(name)));
        }
        return rows;
    }

    /** Reads /proc/net/tcp or /proc/net/tcp6: addresses in kernel byte order, no owners. */
    public static List<TcpConnection> fromProc(String table) {
        List<TcpConnection> rows = new ArrayList<>();
        for (String line : table.lines().skip(1).toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 4) {
                continue;
            }
            Endpoint local = Endpoint.ofProc(f[1]);
            Endpoint remote = Endpoint.ofProc(f[2]);
            int code;
            try {
                code = Integer.parseInt(f[3], 16);
            } catch (NumberFormatException e) {
                continue;
            }
            if (local == null || remote == null) {
                continue;
            }
            String state = code >= 0 && code < PROC_STATES.length ? PROC_STATES[code] : "UNKNOWN";
            rows.add(new TcpConnection(state, local.address, local.port, remote.address, remote.port, -1, null, null, 0, false));
        }
        return rows;
    }

    private record Endpoint(String address, int port) {
        /** "198.18.0.1:22", "[::ffff:198.18.0.1]:22", "127.0.0.53%lo:53", "*:8443", "0.0.0.0:*". */
        static Endpoint ofSs(String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0) {
                return null;
            }
            String host = text.substring(0, colon);
            String portText = text.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int scope = host.indexOf('%');
            if (scope >= 0) {
                host = host.substring(0, scope);
            }
            if (host.equals("*")) {
                host = "::"; // a dual-stack socket on every address
            }
            try {
                return new Endpoint(host, portText.equals("*") ? 0 : Integer.parseInt(portText));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** "0100007F:0016" (127.0.0.1:22): each 32-bit word of the address in host (little-endian) order. */
        static Endpoint ofProc(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String hex = text.substring(0, colon);
            try {
                int port = Integer.parseInt(text.substring(colon + 1), 16);
                if (hex.length() != 8 && hex.length() != 32) {
                    return null;
                }
                byte[] bytes = new byte[hex.length() / 2];
                for (int word = 0; word < bytes.length / 4; word++) {
                    for (int b = 0; b < 4; b++) {
                        int at = word * 8 + (3 - b) * 2;
                        bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
                    }
                }
                String address = HostInspector.address(bytes);
                return new Endpoint(address.toLowerCase(Locale.ROOT), port);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
