// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.ProbeData;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The A/B test at the heart of the SSH hang: the same TCP connect, once with an unmarked SYN
 * and once per DSCP class, all at the same time. If the unmarked SYN is answered and the
 * marked ones vanish, something on the way drops marked packets.
 */
public final class DscpConnectProbe implements Probe {
    @Override
    public ProbeId id() {
        return ProbeId.DSCP_CONNECT;
    }

    @Override
    public String title() {
        return "Connect with and without packet marking";
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return context.attemptTimeout().plusSeconds(2);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        InetAddress address = InetAddress.ofLiteral(ctx.address());
        int port = ctx.target().port();
        List<DscpClass> classes = Markings.toCompare(ctx.environment());
        Sent sent = switch (ctx.linux().standpoint()) {
            case THIS_LINUX -> fromThisProcess(ctx, address, port, classes);
            // Windows sends every TCP SYN unmarked, whatever IP_TOS says: marked SYNs must come from the distro.
            case WINDOWS -> fromDistro(ctx, address, port, classes);
        };
        List<ConnectAttempt> attempts = sent.attempts();
        String from = sent.from();
        String note = sent.note();
        Map<String, String> params = new LinkedHashMap<>();
        params.put(ProbeContext.FROM, from);
        if (note != null) {
            params.put("note", note);
        }
        params.put("address", ctx.address());
        params.put("port", Integer.toString(port));
        params.put("classes", String.join(",", attempts.stream().map(a -> a.marking().name()).toList()));
        params.put("timeoutMillis", Long.toString(ctx.attemptTimeout().toMillis()));
        MarkedRounds.Outcome outcome = sent.outcome();
        params.put("rounds", Integer.toString(outcome.rounds()));
        params.put("rttMillis", Long.toString(outcome.roundTripMillis()));
        params.put("waitMillis", Long.toString(outcome.waitMillis()));
        List<Evidence> evidence = new java.util.ArrayList<>(attempts.stream()
                .map(a -> Evidence.of(String.format("SYN %-10s (ToS 0x%02x) → %s", a.marking().name(), a.marking().tos(), describe(a))))
                .toList());
        evidence.add(Evidence.of(rounds(outcome)));
        ProbeData.MarkedConnects data = new ProbeData.MarkedConnects(ctx.address(), port, attempts);
        return ProbeReport.completed(summarize(data), params, data, evidence);
    }

    /**
     * This check, run beside the caller in the same stage, has finished and found SYNs with this
     * ToS byte dropped: the unmarked SYN answered, the marked ones silent round after round. A
     * marked ssh or handshake still waiting for its connection is then waiting for nothing.
     */
    static boolean foundDropped(ProbeContext ctx, int tos) {
        return ctx.siblingReport(ProbeId.DSCP_CONNECT)
                .map(ProbeReport::data)
                .filter(ProbeData.MarkedConnects.class::isInstance)
                .map(ProbeData.MarkedConnects.class::cast)
                .filter(c -> c.unmarked().map(u -> u.result().answered()).orElse(false))
                .map(c -> c.marked().stream().anyMatch(a -> a.marking().tos() == tos && a.result() == dev.netdoctor.model.ConnectResult.TIMED_OUT))
                .orElse(false);
    }

    /** How the SYNs were sent and waited for, in one line. */
    static String rounds(MarkedRounds.Outcome o) {
        if (o.roundTripMillis() < 0) {
            return o.rounds() + (o.rounds() == 1 ? " round" : " rounds") + " of SYNs; no unmarked SYN was answered, so each was waited for "
                    + o.waitMillis() + " ms (the limit)";
        }
        return o.rounds() + (o.rounds() == 1 ? " round" : " rounds") + " of SYNs sent side by side; the unmarked SYN came back within "
                + o.roundTripMillis() + " ms, so a marked one was waited for " + o.waitMillis() + " ms ("
                + MarkedRounds.MULTIPLE + " times that, at least " + MarkedRounds.FLOOR.toMillis() + " ms); a marking counts as dropped after "
                + MarkedRounds.CONTRASTS + " rounds in which only the unmarked SYN was answered";
    }

    static String describe(ConnectAttempt a) {
        return switch (a.result()) {
            case CONNECTED -> "connected in " + a.millis() + " ms";
            case REFUSED -> "refused in " + a.millis() + " ms";
            case TIMED_OUT -> "no answer within " + a.millis() + " ms";
            case UNREACHABLE -> "unreachable: " + a.error();
            case ERROR -> "error: " + a.error();
        };
    }

    static String summarize(ProbeData.MarkedConnects data) {
        long answered = data.marked().stream().filter(a -> a.result().answered()).count();
        String unmarked = data.unmarked().map(DscpConnectProbe::describe).orElse("not tried");
        return "unmarked: " + unmarked + "; marked: " + answered + " of " + data.marked().size() + " answered";
    }

    /** The SYNs sent, where they left from, and a note when they are not what was asked for (null: none). */
    private record Sent(MarkedRounds.Outcome outcome, String from, String note) {
        List<ConnectAttempt> attempts() {
            return outcome.attempts();
        }
    }

    private static Sent fromThisProcess(ProbeContext ctx, InetAddress address, int port, List<DscpClass> classes) throws Exception {
        ctx.progress(0.05, "sending " + classes.size() + " SYNs to " + ctx.target());
        int[] done = {0};
        MarkedRounds.Outcome outcome = MarkedConnector.rounds(address, port, classes, ctx.attemptTimeout(),
                a -> ctx.progress(0.05 + 0.95 * ++done[0] / classes.size(), a.marking().name() + ": " + describe(a)));
        return new Sent(outcome, ctx.appSide(), null);
    }

    private static Sent fromDistro(ProbeContext ctx, InetAddress address, int port, List<DscpClass> classes) throws Exception {
        ctx.progress(0.05, "sending " + classes.size() + " SYNs to " + ctx.target() + " from inside " + ctx.linux().describe());
        var inDistro = DistroMarkedConnects.connect(ctx.linux(), ctx.address(), port, classes, ctx.attemptTimeout());
        if (inDistro.isPresent()) {
            return new Sent(inDistro.get(), ProbeContext.FROM_DISTRO, null);
        }
        ConnectAttempt baseline = MarkedConnector.attempt(address, port, DscpClass.UNMARKED, ctx.attemptTimeout());
        return new Sent(new MarkedRounds.Outcome(List.of(baseline), 1, baseline.result().answered() ? baseline.millis() : -1, ctx.attemptTimeout().toMillis()), ctx.appSide(),
                "only an unmarked connect, from Windows: the distro has neither python3 nor perl to send marked SYNs, "
                        + "and Windows does not mark TCP packets");
    }
}
