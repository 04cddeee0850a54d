// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.LocalConnect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Connects to a Linux's own addresses from inside it, when the app runs elsewhere (on Windows,
 * reaching a WSL distro through wsl.exe): Windows' sockets say nothing about where a connect
 * inside the distro goes. One run of a constant bash script (local-connects.sh) does every
 * connect at once, optionally behind a listener of its own.
 */
final class DistroConnects {
    /** The script, constant: addresses and ports reach it only as arguments. */
    static final String SCRIPT = Scripts.load("local-connects.sh");
    /**
     * A connect that got no answer within the limit is tried once more for this long: the limit
     * includes starting bash, which a busy computer delays; a silent network stays silent.
     */
    static final Duration CONFIRM_LIMIT = Duration.ofSeconds(3);
    /** bash and a python3 listener start in well under this. */
    private static final Duration OVERHEAD = Duration.ofSeconds(8);

    private DistroConnects() {
    }

    /** What a run found: the ports of its own listener (-1 when none), and each connect. */
    record Run(int port, int v6Port, List<LocalConnect> connects) {
    }

    /** Why the connects could not be made inside the distro; the message is for people. */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /** Connects to the user's service on {@code port} through each address. */
    static List<LocalConnect> connect(LinuxSide linux, Map<String, String> addresses, int port, Duration limit)
            throws Unavailable, InterruptedException {
        return run(linux, addresses, Integer.toString(port), limit).connects();
    }

    /** Opens a listener inside the distro, then connects to it through each address. */
    static Run selfTest(LinuxSide linux, Map<String, String> addresses, Duration limit) throws Unavailable, InterruptedException {
        return run(linux, addresses, "listen", limit);
    }

    private static Run run(LinuxSide linux, Map<String, String> addresses, String mode, Duration limit)
            throws Unavailable, InterruptedException {
        if (!linux.hasCommand("bash")) {
            throw new Unavailable("bash is not installed on " + linux.describe() + ", and these connects need its /dev/tcp");
        }
        List<String> argv = new ArrayList<>(List.of("bash", "-c", SCRIPT, "local-connects", mode, seconds(limit),
                seconds(CONFIRM_LIMIT)));
        argv.addAll(addresses.keySet());
        CommandRun r = linux.run(argv, limit.plus(CONFIRM_LIMIT).plus(OVERHEAD));
        if (r.stdout().strip().equals("no-listener")) {
            throw new Unavailable("neither python3 nor perl is installed on " + linux.describe()
                    + ", so no test listener could be opened there");
        }
        if (!r.succeeded()) {
            throw new Unavailable("the connects inside " + linux.describe() + " did not run: "
                    + (r.timedOut() ? "no answer in time" : r.stderr().strip()));
        }
        return parse(r.stdout(), addresses);
    }

    static Run parse(String output, Map<String, String> addresses) {
        int port = -1;
        int v6Port = -1;
        Map<String, LocalConnect> byAddress = new java.util.HashMap<>();
        for (String line : output.lines().toList()) {
            String[] f = line.strip().split(" ", 5);
            if (f.length >= 3 && f[0].equals("listening")) {
                port = Integer.parseInt(f[1]);
                v6Port = Integer.parseInt(f[2]);
            } else if (f.length >= 4 && addresses.containsKey(f[0]) && f[1].matches("\\d+") && f[3].matches("\\d+")) {
                String error = f.length == 5 ? f[4].strip() : "";
                ConnectResult result = switch (f[2]) {
                    case "connected" -> ConnectResult.CONNECTED;
                    case "timeout" -> ConnectResult.TIMED_OUT;
                    default -> failure(error);
                };
                byAddress.put(f[0], new LocalConnect(f[0], addresses.get(f[0]), Integer.parseInt(f[1]), result,
                        Long.parseLong(f[3]), result == ConnectResult.CONNECTED || error.isEmpty() ? null : reason(f[0], error)));
            }
        }
        // In the order people think of the addresses, as the local connects are listed.
        List<LocalConnect> ordered = addresses.keySet().stream().filter(byAddress::containsKey).map(byAddress::get).toList();
        return new Run(port, v6Port, ordered);
    }

    private static ConnectResult failure(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        if (e.contains("refused")) {
            return ConnectResult.REFUSED;
        }
        if (e.contains("unreachable") || e.contains("no route")) {
            return ConnectResult.UNREACHABLE;
        }
        return e.contains("timed out") ? ConnectResult.TIMED_OUT : ConnectResult.ERROR;
    }

    /** bash says "ADDR: connect: Network is unreachable ADDR: line 1: /dev/tcp/…: Network is unreachable": keep the reason. */
    static String reason(String address, String error) {
        int at = error.indexOf("connect: ");
        String r = at >= 0 ? error.substring(at + "connect: ".length()) : error;
        int end = r.indexOf(" " + address + ":");
        return (end >= 0 ? r.substring(0, end) : r).strip();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }
}
