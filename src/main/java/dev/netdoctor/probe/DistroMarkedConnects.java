// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DscpClass;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Marked and unmarked connects made inside the WSL distro (marked-connects.sh, with python3 or
 * perl). When the app runs on Windows this is the only place a marked SYN can come from:
 * Windows sends TCP SYNs unmarked whatever IP_TOS a program sets.
 */
final class DistroMarkedConnects {
    static final String SCRIPT = Scripts.load("marked-connects.sh");
    /** bash and python3 start in well under this, even on a busy computer. */
    private static final Duration OVERHEAD = Duration.ofSeconds(8);

    private DistroMarkedConnects() {
    }

    /** The attempts in the order of {@code classes}; empty when the distro has neither python3 nor perl. */
    static Optional<List<ConnectAttempt>> connect(LinuxSide linux, String address, int port, List<DscpClass> classes,
                                                  Duration limit) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of("bash", "-c", SCRIPT, "marked-connects", address, Integer.toString(port),
                String.format(Locale.ROOT, "%.3f", limit.toMillis() / 1000.0)));
        classes.forEach(c -> argv.add(Integer.toString(c.tos())));
        CommandRun r = linux.run(argv, limit.plus(OVERHEAD));
        if (r.stdout().strip().equals("no-marker") || r.notFound()) {
            return Optional.empty();
        }
        return Optional.of(parse(r, classes));
    }

    static List<ConnectAttempt> parse(CommandRun r, List<DscpClass> classes) {
        List<ConnectAttempt> attempts = new ArrayList<>();
        for (DscpClass c : classes) {
            ConnectAttempt a = null;
            for (String line : r.stdout().lines().toList()) {
                String[] f = line.strip().split(" ", 4);
                if (f.length >= 3 && f[0].equals(Integer.toString(c.tos())) && f[2].matches("\\d+")) {
                    String error = f.length == 4 && !f[3].isBlank() ? f[3].strip() : null;
                    ConnectResult result = switch (f[1]) {
                        case "connected" -> ConnectResult.CONNECTED;
                        case "refused" -> ConnectResult.REFUSED;
                        case "timeout" -> ConnectResult.TIMED_OUT;
                        case "unreachable" -> ConnectResult.UNREACHABLE;
                        default -> ConnectResult.ERROR;
                    };
                    a = new ConnectAttempt(c, result, Long.parseLong(f[2]), error);
                }
            }
            attempts.add(a != null ? a : new ConnectAttempt(c, ConnectResult.ERROR, r.durationMillis(),
                    "no result from inside the distro" + (r.stderr().isBlank() ? "" : ": " + r.stderr().strip())));
        }
        return attempts;
    }
}
