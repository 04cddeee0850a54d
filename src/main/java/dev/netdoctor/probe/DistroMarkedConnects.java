// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;
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
 * Windows sends TCP SYNs unmarked whatever IP_TOS a program sets. The script sends the rounds
 * {@link MarkedRounds} schedules (it gets the numbers as arguments) and reports each SYN; the
 * verdict is given here, by the same {@link MarkedRounds}, from what it reported.
 */
final class DistroMarkedConnects {
    static final String SCRIPT = Scripts.load("marked-connects.sh");
    /** bash and python3 start in well under this, even on a busy computer. */
    private static final Duration OVERHEAD = Duration.ofSeconds(8);

    private DistroMarkedConnects() {
    }

    /** The rounds as the distro sent them; empty when the distro has neither python3 nor perl. */
    static Optional<MarkedRounds.Outcome> connect(LinuxSide linux, String address, int port, List<DscpClass> classes,
                                                  Duration limit) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of("bash", "-c", SCRIPT, "marked-connects", address, Integer.toString(port),
                seconds(limit), Integer.toString(MarkedRounds.CONTRASTS), Integer.toString(MarkedRounds.MAX_ROUNDS),
                seconds(MarkedRounds.FLOOR), Integer.toString(MarkedRounds.MULTIPLE), seconds(MarkedRounds.MIN_GAP),
                Integer.toString(MarkedRounds.ROUNDS_BEFORE_AN_ANSWER)));
        classes.forEach(c -> argv.add(Integer.toString(c.tos())));
        CommandRun r = linux.run(argv, limit.plus(OVERHEAD));
        if (r.stdout().strip().equals("no-marker") || r.notFound()) {
            return Optional.empty();
        }
        return Optional.of(parse(r, classes, limit));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }

    /**
     * Replays the script's report. A SYN it never reported on counts as unanswered; a run that
     * ended without "done" (cut short) is judged at the last moment it reported.
     */
    static MarkedRounds.Outcome parse(CommandRun r, List<DscpClass> classes, Duration limit) {
        MarkedRounds rounds = new MarkedRounds(classes, limit);
        long last = 0;
        boolean any = false;
        for (String line : r.stdout().lines().toList()) {
            String[] f = line.strip().split(" ", 6);
            try {
                switch (f[0]) {
                    case "round" -> {
                        long at = micros(f[2]);
                        List<DscpClass> sent = new ArrayList<>();
                        String[] all = line.strip().split(" ");
                        for (int i = 3; i < all.length; i++) {
                            int tos = Integer.parseInt(all[i]);
                            classes.stream().filter(c -> c.tos() == tos).findFirst().ifPresent(sent::add);
                        }
                        rounds.roundSent(at, sent);
                        last = Math.max(last, at);
                        any = true;
                    }
                    case "end" -> {
                        long at = micros(f[4]);
                        String error = f.length == 6 && !f[5].isBlank() ? f[5].strip() : null;
                        rounds.ended(Integer.parseInt(f[1]), Integer.parseInt(f[2]), result(f[3]), at, error);
                        last = Math.max(last, at);
                    }
                    case "done" -> last = Math.max(last, micros(f[1]));
                    default -> {
                        // not ours (a distro's profile printing something): ignored
                    }
                }
            } catch (RuntimeException malformed) {
                // a line cut short by the time limit: the SYN it spoke of stays unanswered
            }
        }
        if (!any) {
            return noReport(r, classes);
        }
        return rounds.outcome(last);
    }

    private static MarkedRounds.Outcome noReport(CommandRun r, List<DscpClass> classes) {
        String why = "no result from inside the distro" + (r.stderr().isBlank() ? "" : ": " + r.stderr().strip());
        return new MarkedRounds.Outcome(classes.stream()
                .map(c -> new dev.netdoctor.model.ConnectAttempt(c, ConnectResult.ERROR, r.durationMillis(), why)).toList(), 0, -1, -1);
    }

    private static long micros(String s) {
        return Long.parseLong(s) * 1000;
    }

    private static ConnectResult result(String word) {
        return switch (word) {
            case "connected" -> ConnectResult.CONNECTED;
            case "refused" -> ConnectResult.REFUSED;
            case "timeout" -> ConnectResult.TIMED_OUT;
            case "unreachable" -> ConnectResult.UNREACHABLE;
            default -> ConnectResult.ERROR;
        };
    }
}
