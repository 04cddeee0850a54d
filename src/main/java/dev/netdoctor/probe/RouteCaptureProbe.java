// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netdoctor.host.Standpoint;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.NetworkingMode;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsInterface;
import dev.netdoctor.model.WindowsRoute;
import dev.netdoctor.model.WslFacts;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a VPN on Windows takes WSL's traffic (NAT mode): the VPN routes WSL's subnet, or a part
 * of it holding the distro's address, into its tunnel, so nothing Windows sends back reaches the
 * distro, while the distro still finds its gateway on the link (ARP is answered by the adapter
 * itself, whatever the routes). Inside the distro: a ping of the gateway, then what the link
 * layer knows of the gateway. From Windows also Windows' route for the distro's address against
 * WSL's adapter, and whether Windows itself reaches the target.
 *
 * <p>Runs after the other checks and only when they heard nothing at all from beyond the distro
 * (a connect with no answer, a silent gateway or DNS proxy, and no answer from anything): a
 * healthy run pays nothing for it, and a run that failed for another reason does not wait on
 * the gateway's ping. From Windows, when Windows' own route for the distro's address already
 * leaves through another adapter than WSL's, it starts with the target's checks instead
 * ({@link #startsEarly}): the gateway's silence is then waited for once, beside theirs.
 */
public final class RouteCaptureProbe implements Probe {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** ip neigh reads a kernel table: it answers at once, the bound is for a wedged command. */
    private static final Duration NEIGH_WAIT = Duration.ofSeconds(2);
    /** Link states {@code ip neigh} prints, in the order they are looked for in its text output. */
    private static final List<String> STATES = List.of("REACHABLE", "STALE", "DELAY", "PROBE", "PERMANENT", "INCOMPLETE", "FAILED", "NOARP", "NONE");

    @Override
    public ProbeId id() {
        return ProbeId.ROUTE_CAPTURE;
    }

    @Override
    public String title() {
        return "Check whether a VPN takes WSL's traffic";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        // the app's connect, the gateway's ping, then ip neigh (and its text form where iproute2 has no JSON)
        return context.attemptTimeout().plus(PingProbe.wait(context)).plus(NEIGH_WAIT.plus(context.linux().standpoint().commandWait()).multipliedBy(2));
    }

    /**
     * With a target only: without one the default-gateway check pings the gateway in the same
     * stage, and this check, run after it, takes that ping instead of sending its own.
     */
    @Override
    public boolean startsEarly(Environment environment, DiagnosisRequest request, String address) {
        return request.target() != null && windowsRoutesDistroElsewhere(environment);
    }

    /**
     * Whether Windows' route for the distro's address (NAT mode, IPv4) leaves through another
     * adapter than the one holding the distro's gateway: a fact of Windows' route table, no wait.
     */
    static boolean windowsRoutesDistroElsewhere(Environment env) {
        if (env == null || env.windows() == null || env.wsl() == null || env.wsl().kind() != WslFacts.Kind.WSL2
                || NetworkingMode.parse(env.wsl().networkingMode()).filter(m -> m != NetworkingMode.NAT).isPresent()
                || env.defaultGateway() == null || env.defaultGateway().contains(":")) {
            return false;
        }
        String distroAddress = distroAddress(env.interfaces());
        WindowsInterface wslAdapter = env.windows().wslAdapter();
        return distroAddress != null && wslAdapter != null
                && env.windows().routeTo(distroAddress).map(r -> r.interfaceIndex() != wslAdapter.index()).orElse(false);
    }

    /**
     * Whether the checks before heard nothing from beyond the distro: some check got no answer
     * (the target's unmarked connect timed out, the gateway's ping or the gateway's DNS proxy was
     * silent) and none got any. Connects the app made on Windows say nothing of the distro's way out.
     */
    static boolean nothingAnswered(List<ProbeOutcome> earlier, String gateway) {
        boolean silence = false;
        for (ProbeOutcome o : earlier) {
            if (ProbeId.DSCP_CONNECT.is(o) && o.data() instanceof ProbeData.MarkedConnects c
                    && !ProbeId.FROM_WINDOWS.equals(o.parameters().get(ProbeId.FROM))) {
                Optional<ConnectAttempt> unmarked = c.unmarked();
                if (unmarked.map(a -> a.result().answered()).orElse(false) || c.attempts().stream().anyMatch(a -> a.result().answered())) {
                    return false;
                }
                silence |= unmarked.map(a -> a.result() == ConnectResult.TIMED_OUT).orElse(false);
            } else if ((ProbeId.PING.is(o) || ProbeId.DEFAULT_GATEWAY.is(o)) && o.data() instanceof ProbeData.Ping p) {
                if (p.answered()) {
                    return false;
                }
                silence |= ProbeId.DEFAULT_GATEWAY.is(o);
            } else if (ProbeId.DNS_SERVERS.is(o) && o.data() instanceof ProbeData.DnsServers d && gateway != null) {
                List<DnsReply> fromGateway = d.replies().stream().filter(r -> gateway.equals(r.server())).toList();
                if (fromGateway.stream().anyMatch(r -> r.outcome().serverAnswered())) {
                    return false;
                }
                silence |= !fromGateway.isEmpty();
            }
        }
        return silence;
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        Environment env = ctx.environment();
        WslFacts wsl = env == null ? null : env.wsl();
        if (wsl == null || wsl.kind() != WslFacts.Kind.WSL2) {
            return ProbeReport.skipped("Only WSL 2 in NAT mode has a network of its own behind Windows for a VPN to take.");
        }
        Optional<NetworkingMode> mode = NetworkingMode.parse(wsl.networkingMode());
        if (mode.isPresent() && mode.get() != NetworkingMode.NAT) {
            return ProbeReport.skipped("WSL runs in " + mode.get().value() + " mode: only NAT mode has its own network behind Windows for a VPN to take.");
        }
        String gateway = env.defaultGateway();
        if (gateway == null || gateway.contains(":")) {
            return ProbeReport.skipped("The distro has no IPv4 default gateway, so the way to Windows is not known.");
        }
        if (!windowsRoutesDistroElsewhere(env) && !nothingAnswered(ctx.earlierOutcomes(), gateway)) {
            return ProbeReport.skipped("Not needed: the other checks heard answers from beyond the distro, or saw no silence.");
        }
        String distroAddress = distroAddress(env.interfaces());
        List<Evidence> evidence = new ArrayList<>();

        // The app's own connect on Windows first: a few milliseconds when Windows reaches the target.
        LocalConnect fromWindows = null;
        if (ctx.linux().standpoint() == Standpoint.WINDOWS && ctx.address() != null && ctx.target() != null) {
            ctx.progress(0.1, "connecting from Windows itself to " + ctx.target());
            ConnectAttempt a = MarkedConnector.attempt(InetAddress.ofLiteral(ctx.address()), ctx.target().port(), DscpClass.UNMARKED,
                    ctx.attemptTimeout());
            fromWindows = new LocalConnect(ctx.address(), "Windows itself", ctx.target().port(), a.result(), a.millis(), a.error());
            evidence.add(Evidence.of("from Windows itself to " + ctx.address() + ":" + ctx.target().port() + ": " + LocalAddresses.describe(fromWindows)));
        }

        // Without a target the gateway was pinged already, and silent, or this check would not run.
        ProbeData.Ping ping = ctx.earlierOutcomes().stream().filter(ProbeId.DEFAULT_GATEWAY::is)
                .map(o -> o.dataAs(ProbeData.Ping.class)).flatMap(Optional::stream).filter(p -> gateway.equals(p.address()))
                .findFirst().orElse(null);
        if (ping != null) {
            evidence.add(Evidence.of("the gateway " + gateway + " answered none of " + ping.sent() + " pings (the " + ProbeId.DEFAULT_GATEWAY + " check)"));
        } else if (ctx.linux().hasCommand("ping")) {
            ctx.progress(0.3, "pinging the gateway " + gateway + " from the distro");
            // One answer settles it: echoes 0.2 s apart until the first comes back, at most 2 s.
            CommandRun run = ctx.linux().run(List.of("ping", "-4", "-n", "-c", "1", "-i", "0.2", "-W", "1", "-w", "2", gateway),
                    PingProbe.wait(ctx));
            ping = PingProbe.parse(gateway, run.stdout());
            evidence.add(run.asEvidence(ping.answered() ? "the gateway " + gateway + " answered " + ping.received() + " of " + ping.sent() + " pings"
                    : "the gateway " + gateway + " answered none of " + ping.sent() + " pings"));
        } else {
            evidence.add(Evidence.of("ping is not installed in the distro (package iputils-ping): the gateway was not pinged"));
        }

        // After the ping, the kernel has asked for the gateway's link address if it had none.
        String[] link = ctx.linux().hasCommand("ip") ? neighbour(ctx, gateway, evidence) : new String[2];

        WindowsRoute route = null;
        WindowsInterface routeAdapter = null;
        WindowsRoute wslRoute = null;
        WindowsInterface wslAdapter = null;
        WindowsFacts windows = env.windows();
        if (windows != null && distroAddress != null) {
            wslAdapter = windows.wslAdapter();
            route = windows.routeTo(distroAddress).orElse(null);
            routeAdapter = route == null ? null : windows.adapter(route.interfaceIndex()).orElse(null);
            wslRoute = wslAdapter == null ? null : windows.routeTo(distroAddress, wslAdapter.index()).orElse(null);
            evidence.add(Evidence.of(route == null ? "Windows has no route for the distro's address " + distroAddress
                    : "Windows' route for the distro's address " + distroAddress + ": " + describe(route, routeAdapter)));
            if (wslAdapter != null) {
                evidence.add(Evidence.of("WSL's adapter on Windows: " + wslAdapter.describedName() + (wslRoute == null
                        ? ", with no route for " + distroAddress : ", its route " + describe(wslRoute, wslAdapter))));
            }
        }
        ProbeData.RouteCapture data = new ProbeData.RouteCapture(distroAddress, gateway, ping, link[0], link[1], route, routeAdapter,
                wslRoute, wslAdapter, fromWindows);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("gateway", gateway);
        if (distroAddress != null) {
            parameters.put("distro-address", distroAddress);
        }
        parameters.put(ProbeId.FROM, ctx.appSide());
        return ProbeReport.completed(summary(data), parameters, data, evidence);
    }

    /** The distro's own IPv4 address: eth0's, else the first other interface's that is not loopback. */
    static String distroAddress(List<NetInterface> interfaces) {
        return interfaces.stream().filter(i -> i.name().equals("eth0")).flatMap(i -> i.ipv4().stream()).findFirst()
                .or(() -> interfaces.stream().filter(i -> !i.name().equals("lo")).flatMap(i -> i.ipv4().stream())
                        .filter(a -> !a.startsWith("127.")).findFirst())
                .orElse(null);
    }

    /** {link address, state} of the gateway from {@code ip -j neigh}, or its text form on an iproute2 without JSON. */
    private static String[] neighbour(ProbeContext ctx, String gateway, List<Evidence> evidence) throws InterruptedException {
        Duration wait = NEIGH_WAIT.plus(ctx.linux().standpoint().commandWait());
        CommandRun json = ctx.linux().run(List.of("ip", "-j", "neigh", "show", "to", gateway), wait);
        String[] link = json.succeeded() ? fromJson(json.stdout(), gateway) : null;
        CommandRun used = json;
        if (link == null) {
            used = ctx.linux().run(List.of("ip", "neigh", "show", "to", gateway), wait);
            link = used.succeeded() ? fromText(used.stdout(), gateway) : new String[2];
        }
        evidence.add(used.asEvidence(link[0] == null ? "the gateway's link address is not known"
                + (link[1] == null ? "" : " (" + link[1] + ")") : "the gateway's link address: " + link[0] + " (" + link[1] + ")"));
        return link;
    }

    static String[] fromJson(String json, String gateway) {
        try {
            JsonNode list = JSON.readTree(json);
            if (list == null || !list.isArray()) {
                return null;
            }
            for (JsonNode n : list) {
                if (!gateway.equals(n.path("dst").asText())) {
                    continue;
                }
                JsonNode state = n.path("state");
                String s = state.isArray() && !state.isEmpty() ? state.get(0).asText() : state.isTextual() ? state.asText() : null;
                String lladdr = n.hasNonNull("lladdr") ? n.get("lladdr").asText() : null;
                return new String[] {lladdr, s};
            }
            return new String[2];
        } catch (IOException e) {
            return null;
        }
    }

    static String[] fromText(String text, String gateway) {
        for (String line : text.split("\\R")) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 0 || !words[0].equals(gateway)) {
                continue;
            }
            String lladdr = null;
            String state = null;
            for (int i = 1; i < words.length; i++) {
                if (words[i].equals("lladdr") && i + 1 < words.length) {
                    lladdr = words[i + 1];
                } else if (STATES.contains(words[i].toUpperCase(Locale.ROOT))) {
                    state = words[i].toUpperCase(Locale.ROOT);
                }
            }
            return new String[] {lladdr, state};
        }
        return new String[2];
    }

    /** {@code 198.18.1.0/28 metric 1 on "PANGP Virtual Ethernet Adapter" (index 23)}. */
    static String describe(WindowsRoute r, WindowsInterface adapter) {
        return r.destination() + "/" + r.prefixLength() + " metric " + r.metric() + (r.gateway() == null || r.gateway().equals("0.0.0.0")
                ? "" : " via " + r.gateway()) + " on " + (adapter == null ? "adapter" : adapter.describedName()) + " (index " + r.interfaceIndex() + ")";
    }

    private static String summary(ProbeData.RouteCapture d) {
        String gateway = d.gatewayPing() == null ? "the gateway was not pinged"
                : d.gatewayPing().answered() ? "the gateway answers ping" : "the gateway answers no ping";
        String link = d.gatewayLinkResolves() ? ", its link address resolves" : ", its link address is not known";
        String windows = d.route() == null ? "" : d.routedElsewhere()
                ? "; Windows sends the distro's address through " + (d.routeAdapter() == null ? "adapter " + d.route().interfaceIndex()
                        : d.routeAdapter().describedName()) + ", not WSL's adapter"
                : "; Windows sends the distro's address through WSL's adapter";
        String reaches = d.fromWindows() == null ? "" : d.windowsReachesTarget() ? "; Windows itself reaches the target"
                : "; Windows itself gets no answer from the target either";
        return gateway + link + windows + reaches;
    }
}
