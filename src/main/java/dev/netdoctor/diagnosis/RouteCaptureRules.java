// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.NetworkingMode;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsInterface;
import dev.netdoctor.model.WindowsRoute;
import dev.netdoctor.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A VPN on Windows that takes WSL's traffic (NAT mode; wsl-networking.md §1.1 class 2): the VPN
 * routes WSL's subnet, or the part holding the distro's address, into its tunnel, so every answer
 * Windows has for the distro goes into the VPN. Everything from WSL then times out, which the
 * plain rules would call an unreachable target although Windows reaches it: these rules come
 * first, and {@link ReachabilityRules#UNREACHABLE} steps aside when one of them explains the silence.
 */
final class RouteCaptureRules {
    /** VirtioProxy networking came with WSL 2.3.25 (wsl-config.md); 2.9.0 renamed it Consomme and kept the old name. */
    private static final int[] VIRTIOPROXY_SINCE = {2, 3, 25};
    private static final int[] CONSOMME_SINCE = {2, 9, 0};
    private static final Pattern WSL_VERSION = Pattern.compile("^WSL (\\d+)\\.(\\d+)\\.(\\d+)");

    private RouteCaptureRules() {
    }

    /**
     * From Windows: the route for the distro's address leaves through another adapter than WSL's,
     * Windows itself reaches the target, and the distro's gateway answers no ping.
     */
    static final Rule CAPTURE = obs -> capture(obs)
            .filter(c -> obs.target() != null && c.distroAddress() != null && c.routedElsewhere() && c.windowsReachesTarget() && c.gatewaySilent()
                    && !anythingAnswered(obs))
            .map(c -> captured(obs, c));

    /**
     * Inside the distro (or from Windows when its routes do not show the cause): the gateway's link
     * address resolves, yet the gateway answers no ping and nothing else answered either.
     */
    static final Rule SILENT = obs -> capture(obs)
            .filter(c -> c.gatewayLinkResolves() && c.gatewaySilent() && !anythingAnswered(obs) && CAPTURE.apply(obs).isEmpty())
            .map(c -> silent(obs, c));

    /** Whether one of these rules explains why nothing answers, so "cannot be reached" would name the wrong cause. */
    static boolean explainsSilence(Observations obs) {
        return CAPTURE.apply(obs).isPresent() || SILENT.apply(obs).isPresent();
    }

    private static Optional<ProbeData.RouteCapture> capture(Observations obs) {
        // A saved result read back may lack parts the check always sets: without the gateway there is nothing to say.
        return obs.data(ProbeId.ROUTE_CAPTURE, ProbeData.RouteCapture.class).filter(c -> c.gateway() != null);
    }

    /** Whether anything beyond the distro answered the distro: the target's connects or ping, or the gateway's ping. */
    private static boolean anythingAnswered(Observations obs) {
        boolean connects = obs.outcome(ProbeId.DSCP_CONNECT)
                .filter(o -> !ProbeId.FROM_WINDOWS.equals(o.parameters().get(ProbeId.FROM)))
                .flatMap(o -> o.dataAs(ProbeData.MarkedConnects.class))
                .map(m -> m.attempts().stream().anyMatch(a -> a.result().answered())).orElse(false);
        boolean ping = obs.data(ProbeId.PING, ProbeData.Ping.class).map(ProbeData.Ping::answered).orElse(false);
        boolean gateway = obs.data(ProbeId.DEFAULT_GATEWAY, ProbeData.Ping.class).map(ProbeData.Ping::answered).orElse(false);
        return connects || ping || gateway;
    }

    private static Finding captured(Observations obs, ProbeData.RouteCapture c) {
        WindowsInterface vpn = c.routeAdapter() != null ? c.routeAdapter()
                : new WindowsInterface(c.route().interfaceIndex(), "", Words.get("capture.adapterByIndex", c.route().interfaceIndex()), 0, true, List.of());
        String adapter = vpn.describedName();
        String how = c.wslRoute() == null ? Words.get("capture.noWslRoute", route(c.route()))
                : c.route().prefixLength() > c.wslRoute().prefixLength() ? Words.get("capture.moreSpecific", route(c.route()), route(c.wslRoute()))
                : Words.get("capture.lowerMetric", route(c.route()), route(c.wslRoute()));
        String explanation = Words.get("finding.VPN_CAPTURES_WSL_TRAFFIC.explanation", adapter, obs.target(), c.distroAddress(),
                c.wslAdapter().describedName(), how, c.gateway());
        List<FixSuggestion> fixes = new ArrayList<>();
        fixes.add(mirrored());
        virtioproxy(obs).ifPresent(fixes::add);
        fixes.add(routeBack(c));
        return new Finding(FindingId.VPN_CAPTURES_WSL_TRAFFIC, Severity.PROBLEM, Confidence.HIGH,
                Words.get("finding.VPN_CAPTURES_WSL_TRAFFIC.title", adapter), explanation, evidence(obs), fixes);
    }

    private static Finding silent(Observations obs, ProbeData.RouteCapture c) {
        List<String> alsoSilent = new ArrayList<>();
        if (obs.target() != null && obs.data(ProbeData.MarkedConnects.class).flatMap(ProbeData.MarkedConnects::unmarked)
                .map(a -> a.result() == ConnectResult.TIMED_OUT).orElse(false)) {
            alsoSilent.add(Words.get(obs.data(ProbeId.PING, ProbeData.Ping.class).isPresent() ? "finding.GATEWAY_SILENT.also.targetAndPing"
                    : "finding.GATEWAY_SILENT.also.target", obs.target()));
        }
        if (obs.data(ProbeId.DNS_SERVERS, ProbeData.DnsServers.class).map(d -> d.replies().stream()
                .anyMatch(r -> c.gateway().equals(r.server())) && d.replies().stream()
                .noneMatch(r -> c.gateway().equals(r.server()) && r.outcome().serverAnswered())).orElse(false)) {
            alsoSilent.add(Words.get("finding.GATEWAY_SILENT.also.dns", c.gateway()));
        }
        String also = alsoSilent.isEmpty() ? "" : Words.get("finding.GATEWAY_SILENT.also", alsoSilent.size() == 1 ? alsoSilent.getFirst()
                : Words.get("finding.GATEWAY_SILENT.also.both", alsoSilent.get(0), alsoSilent.get(1)));
        String hint = Words.get(c.route() != null ? "finding.GATEWAY_SILENT.hint.windowsRoutesFine" : "finding.GATEWAY_SILENT.hint.runOnWindows");
        String explanation = Words.get("finding.GATEWAY_SILENT.explanation", c.gateway(), c.gatewayLinkAddress(), also,
                c.distroAddress() == null ? Words.get("finding.GATEWAY_SILENT.theDistro") : c.distroAddress()) + " " + hint;
        List<FixSuggestion> fixes = new ArrayList<>();
        fixes.add(mirrored());
        virtioproxy(obs).ifPresent(fixes::add);
        if (c.distroAddress() != null) {
            fixes.add(new FixSuggestion(FixId.WINDOWS_ROUTE_FOR_WSL, Words.get("finding.GATEWAY_SILENT.fix.WINDOWS_ROUTE_FOR_WSL.title"),
                    Words.get("finding.GATEWAY_SILENT.fix.WINDOWS_ROUTE_FOR_WSL.detail", c.distroAddress(), c.gateway())));
        }
        return new Finding(FindingId.GATEWAY_SILENT, Severity.PROBLEM, Confidence.MEDIUM,
                Words.get("finding.GATEWAY_SILENT.title"), explanation, evidence(obs), fixes);
    }

    private static List<Evidence> evidence(Observations obs) {
        List<Evidence> e = new ArrayList<>(ReachabilityRules.evidenceOf(obs, ProbeId.ROUTE_CAPTURE));
        e.addAll(ReachabilityRules.evidenceOf(obs, ProbeId.DSCP_CONNECT));
        e.addAll(ReachabilityRules.evidenceOf(obs, ProbeId.PING));
        e.addAll(ReachabilityRules.evidenceOf(obs, ProbeId.DEFAULT_GATEWAY));
        return e;
    }

    private static FixSuggestion mirrored() {
        return new FixSuggestion(FixId.WSLCONFIG_NETWORKING_MODE, Words.get("capture.fix.WSLCONFIG_NETWORKING_MODE.title"),
                Words.get("capture.fix.WSLCONFIG_NETWORKING_MODE.detail"), FixPlan.WslconfigSetting.networkingMode(NetworkingMode.MIRRORED));
    }

    /** Only where wsl.exe said which WSL runs, and that one knows the mode: an older WSL ignores the line and stays in NAT. */
    private static Optional<FixSuggestion> virtioproxy(Observations obs) {
        Optional<int[]> version = Optional.ofNullable(obs.environment()).map(e -> e.windows()).map(WindowsFacts::wsl)
                .flatMap(RouteCaptureRules::wslVersion);
        if (version.isEmpty() || !atLeast(version.get(), VIRTIOPROXY_SINCE)) {
            return Optional.empty();
        }
        int[] v = version.get();
        String shown = String.format(java.util.Locale.ROOT, "%d.%d.%d", v[0], v[1], v[2]);
        // From 2.9.0 the file names the mode as WSL now does; before, only its first name is known.
        String mode = atLeast(v, CONSOMME_SINCE) ? "consomme" : NetworkingMode.VIRTIOPROXY.value();
        return Optional.of(new FixSuggestion(FixId.WSLCONFIG_NETWORKING_VIRTIOPROXY,
                Words.get("capture.fix.WSLCONFIG_NETWORKING_VIRTIOPROXY.title", mode),
                Words.get("capture.fix.WSLCONFIG_NETWORKING_VIRTIOPROXY.detail", mode, shown),
                new FixPlan.WslconfigSetting("wsl2.networkingMode", mode)));
    }

    /**
     * The route change the VPN may allow, as an administrator's command to copy. A VPN route more
     * specific than WSL's loses to a host route for the distro's address alone; one of the same
     * prefix wins by its metric, so WSL's adapter gets the lowest.
     */
    private static FixSuggestion routeBack(ProbeData.RouteCapture c) {
        int index = c.wslAdapter().index();
        boolean hostRoute = c.route().prefixLength() < 32
                && (c.wslRoute() == null || c.route().prefixLength() > c.wslRoute().prefixLength());
        return hostRoute
                ? new FixSuggestion(FixId.WINDOWS_ROUTE_FOR_WSL, Words.get("capture.fix.WINDOWS_ROUTE_FOR_WSL.route.title"),
                        Words.get("capture.fix.WINDOWS_ROUTE_FOR_WSL.route.detail", c.distroAddress(), String.valueOf(index), route(c.route())))
                : new FixSuggestion(FixId.WINDOWS_ROUTE_FOR_WSL, Words.get("capture.fix.WINDOWS_ROUTE_FOR_WSL.metric.title"),
                        Words.get("capture.fix.WINDOWS_ROUTE_FOR_WSL.metric.detail", c.distroAddress(), String.valueOf(index), route(c.route())));
    }

    /** {@code 198.18.1.0/28 (metric 1)}. */
    private static String route(WindowsRoute r) {
        return Words.get("capture.route", r.destination() + "/" + r.prefixLength(), String.valueOf(r.metric()));
    }

    static Optional<int[]> wslVersion(String wsl) {
        if (wsl == null) {
            return Optional.empty();
        }
        Matcher m = WSL_VERSION.matcher(wsl.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean atLeast(int[] version, int[] since) {
        for (int i = 0; i < since.length; i++) {
            if (version[i] != since[i]) {
                return version[i] > since[i];
            }
        }
        return true;
    }
}
