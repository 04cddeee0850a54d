// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.WindowsFacts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sizes the path with don't-fragment pings when a TCP connection opened but the SSH key
 * exchange (the first large packets) never completed: the sign of a path that silently drops
 * packets above some size. From Windows it also sizes the path when Windows' route to the
 * target leaves through an adapter other than WSL's with a smaller MTU than the distro's (a VPN's
 * tunnel): there a TLS, git or apt transfer stalls where no SSH handshake does, and the sizes
 * tell that apart from a VPN that captures WSL's traffic (where nothing at all comes back).
 * The pings always leave from the distro, where the stalled programs run. All sizes are tried
 * at once so the probe costs one wait, not many.
 */
public final class PathMtuProbe implements Probe {
    /** Total IP packet sizes to try below the interface MTU: common tunnel and link limits. */
    static final List<Integer> PACKET_SIZES = List.of(1500, 1492, 1400, 1280, 1200, 1000, 900, 576);
    private static final Duration PING_LIMIT = Duration.ofMillis(2500);

    @Override
    public ProbeId id() {
        return ProbeId.PATH_MTU;
    }

    @Override
    public String title() {
        return "Check whether large packets get through";
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return PING_LIMIT.plusSeconds(2);
    }

    /**
     * Why the path is worth sizing, as {@link ProbeData.PathMtu#SIZED_BECAUSE} says it; empty when
     * nothing points at a path that drops large packets.
     */
    static Optional<String> reason(ProbeContext ctx, int interfaceMtu) {
        // Only an SSH server's handshake stalls in a way that points at the path: a web server that
        // waits for the client to speak first would look stalled for nothing.
        if (ctx.request().checksSsh() && ProbeData.PathMtu.keyExchangeStalledIn(ctx.earlierOutcomes())) {
            return Optional.of(ProbeData.PathMtu.SSH_STALLED);
        }
        WindowsFacts windows = ctx.environment().windows();
        if (windows != null && ctx.address() != null && windows.smallerLinkTowards(ctx.address(), interfaceMtu).isPresent()) {
            return Optional.of(ProbeData.PathMtu.SMALLER_WINDOWS_LINK);
        }
        return Optional.empty();
    }

    /**
     * From Windows, when Windows' route to the target already leaves through a smaller link than
     * the distro's (a VPN's tunnel), the sizing needs no stalled handshake first: it starts with
     * the target's checks, so its don't-fragment waits overlap theirs.
     */
    @Override
    public boolean startsEarly(Environment environment, DiagnosisRequest request, String address) {
        return environment != null && environment.windows() != null && address != null && !address.contains(":")
                && environment.windows().smallerLinkTowards(address, interfaceMtu(List.of(), environment.interfaces())).isPresent();
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        int mtu = interfaceMtu(ctx.earlierOutcomes(), ctx.environment().interfaces());
        Optional<String> reason = reason(ctx, mtu);
        if (reason.isEmpty()) {
            return ProbeReport.skipped(ctx.environment().windows() == null ? "Not needed: no connection stalled after opening."
                    : "Not needed: no connection stalled after opening, and Windows' way to the target is no smaller link than the distro's.");
        }
        if (!ctx.linux().hasCommand("ping") || ctx.address().contains(":")) {
            return ProbeReport.skipped("Path MTU sizing needs ping and an IPv4 target.");
        }
        List<Integer> payloads = new ArrayList<>();
        payloads.add(mtu - 28);
        PACKET_SIZES.stream().filter(s -> s < mtu).map(s -> s - 28).forEach(payloads::add);
        ctx.progress(0.1, "don't-fragment pings of " + payloads.size() + " sizes");
        // The path's round trip first, with the smallest size: how long a lost size is waited for
        // follows from it (see silenceSeconds).
        int smallest = payloads.stream().min(Integer::compare).orElseThrow();
        CommandRun first = ctx.linux().run(List.of("ping", "-4", "-n", "-M", "do", "-c", "1", "-W", "1", "-w", "1",
                "-s", Integer.toString(smallest), ctx.address()), PING_LIMIT);
        int silence = silenceSeconds(PingProbe.parse(ctx.address(), first.stdout()));
        Map<Integer, CommandRun> runs = new TreeMap<>();
        List<CommandRun> pings = Parallel.map(payloads, payload -> ctx.linux().run(List.of("ping", "-4", "-n", "-M", "do", "-c", "2",
                "-i", "0.2", "-W", "1", "-w", Integer.toString(silence), "-s", Integer.toString(payload), ctx.address()), PING_LIMIT));
        for (int i = 0; i < payloads.size(); i++) {
            runs.put(payloads.get(i), pings.get(i));
        }
        Integer largestAnswered = null;
        Integer smallestLost = null;
        List<Evidence> evidence = new ArrayList<>();
        for (var e : runs.entrySet()) {
            boolean answered = PingProbe.parse(ctx.address(), e.getValue().stdout()).answered();
            if (answered) {
                largestAnswered = e.getKey();
            } else if (smallestLost == null) {
                smallestLost = e.getKey();
            }
            evidence.add(e.getValue().asEvidence((e.getKey() + 28) + "-byte packets: " + (answered ? "answered" : "lost")));
        }
        ProbeData.PathMtu data = new ProbeData.PathMtu(ctx.address(), mtu, largestAnswered, smallestLost, List.copyOf(runs.keySet()));
        String summary = data.blackHole()
                ? "packets up to " + data.estimatedPathMtu() + " bytes get through, " + (smallestLost + 28) + " bytes are lost"
                : largestAnswered == null ? "no don't-fragment ping was answered" : "all sizes up to " + (largestAnswered + 28) + " bytes got through";
        return ProbeReport.completed(summary, Map.of("interfaceMtu", Integer.toString(mtu), ProbeData.PathMtu.SIZED_BECAUSE, reason.get(),
                "silenceSeconds", Integer.toString(silence)), data, evidence);
    }

    /**
     * How long each size's silence is waited for (ping's -w takes whole seconds): 1 s where the
     * smallest size came back within 150 ms, since each size then sends five echoes in that second
     * and one lost packet decides nothing; else 2 s, which a satellite link's 0.7 s round trip needs
     * (and a path whose small echo was lost gets too).
     */
    static int silenceSeconds(ProbeData.Ping smallest) {
        return smallest.answered() && smallest.averageRttMillis() != null && smallest.averageRttMillis() <= 150 ? 1 : 2;
    }

    /** The MTU of the distro's interface towards the target (the routes check's), else of its first interface that is up. */
    private static int interfaceMtu(List<ProbeOutcome> earlier, List<NetInterface> ifs) {
        String dev = null;
        for (ProbeOutcome o : earlier) {
            // The route to the target only: this computer's own lookups (local-routes: 127.0.0.1
            // via lo, MTU 65536) would have every size above the real MTU "lost" on the way.
            if (ProbeId.ROUTES.is(o) && o.data() instanceof ProbeData.Routes r) {
                dev = r.lookups().stream().filter(RouteLookup::found).map(RouteLookup::device).findFirst().orElse(null);
            }
        }
        for (NetInterface i : ifs) {
            if (i.name().equals(dev) && i.mtu() > 0) {
                return i.mtu();
            }
        }
        return ifs.stream().filter(NetInterface::up).filter(i -> !i.name().equals("lo"))
                .mapToInt(NetInterface::mtu).max().orElse(1500);
    }
}
