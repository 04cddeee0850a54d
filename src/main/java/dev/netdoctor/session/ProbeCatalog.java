// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.session;

import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.probe.config.ConfigFilesProbe;
import dev.netdoctor.probe.dns.DnsServersProbe;
import dev.netdoctor.probe.DscpConnectProbe;
import dev.netdoctor.probe.GatewayProbe;
import dev.netdoctor.probe.ListeningSocketsProbe;
import dev.netdoctor.probe.LocalRoutesProbe;
import dev.netdoctor.probe.LoopbackSelfTestProbe;
import dev.netdoctor.probe.NameResolutionProbe;
import dev.netdoctor.probe.OpenSshClientProbe;
import dev.netdoctor.probe.PathMtuProbe;
import dev.netdoctor.probe.PingProbe;
import dev.netdoctor.probe.Probe;
import dev.netdoctor.probe.RouteCaptureProbe;
import dev.netdoctor.probe.RouteProbe;
import dev.netdoctor.probe.ServicePortProbe;
import dev.netdoctor.probe.LocalhostRelayProbe;
import dev.netdoctor.probe.WindowsServiceProbe;
import dev.netdoctor.probe.OtherDevicesProbe;
import dev.netdoctor.probe.ClockProbe;
import dev.netdoctor.probe.LoopbackProxyProbe;
import dev.netdoctor.probe.SocketWatchProbe;
import dev.netdoctor.probe.SshHandshakeProbe;
import dev.netdoctor.probe.VantageProbe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every check a diagnosis can run: in which stage, for which requests, and whether the Verify
 * step compares it before and after. Adding a check is one line here.
 */
public final class ProbeCatalog {
    /** When in a run a check runs: what later checks need comes first. Each stage's checks run at once. */
    public enum Stage {
        /**
         * Looks the target up: the system resolver and each DNS server directly, at once, so the
         * verdict on a name that does not resolve is in within seconds, whatever the resolver's retries.
         */
        RESOLVE,
        /** Everything that needs the target's address, or nothing at all. */
        PROBE,
        /** Sizes the path, after the checks whose stalled handshake makes that worth it. */
        AFTER
    }

    /** Which requests ask for a check. */
    public enum When {
        /** Every run: the checks of this computer are cheap and need no input. */
        ALWAYS,
        WITH_TARGET,
        /**
         * A target that is an SSH server: our handshake and the user's ssh wait for its greeting,
         * which a web server never sends (see {@link DiagnosisRequest#sshTarget()}).
         */
        SSH_TARGET,
        /** A target's name, or without a target the way out (see {@link DiagnosisRequest#wayOut()}). */
        WITH_NAME_TO_LOOK_UP,
        /** No target, and the way out of this computer is asked for. */
        WAY_OUT,
        /** A target, or without one the way out: the checks that hear whether anything beyond this computer answers. */
        WITH_TARGET_OR_WAY_OUT,
        WITH_SERVICE_PORTS,
        WITH_WINDOWS_PORTS,
        /** Whether other devices reach the service ports is asked (or an outside machine checks it). */
        ABOUT_OTHER_DEVICES,
        WITH_OUTSIDE_VANTAGE;

        boolean holds(DiagnosisRequest request) {
            return switch (this) {
                case ALWAYS -> true;
                case WITH_TARGET -> request.target() != null;
                case SSH_TARGET -> request.checksSsh();
                case WITH_NAME_TO_LOOK_UP -> request.nameToLookUp() != null;
                case WAY_OUT -> request.checksWayOut();
                case WITH_TARGET_OR_WAY_OUT -> request.target() != null || request.checksWayOut();
                case WITH_SERVICE_PORTS -> !request.servicePorts().isEmpty();
                case WITH_WINDOWS_PORTS -> !request.windowsPorts().isEmpty();
                case ABOUT_OTHER_DEVICES -> request.asksAboutOtherDevices();
                case WITH_OUTSIDE_VANTAGE -> request.vantage() != null;
            };
        }
    }

    /**
     * One check.
     *
     * @param verified whether its summary says if a problem we diagnose is still there, so the
     *                 Verify step shows it before and after a fix
     */
    public record Entry(ProbeId id, Stage stage, When when, boolean verified, Supplier<Probe> probe) {
    }

    /** In the order each stage starts its checks (and the Verify step lists them). */
    public static final List<Entry> ALL = List.of(
            new Entry(ProbeId.NAME_RESOLUTION, Stage.RESOLVE, When.WITH_NAME_TO_LOOK_UP, true, NameResolutionProbe::new),
            new Entry(ProbeId.DNS_SERVERS, Stage.RESOLVE, When.WITH_NAME_TO_LOOK_UP, true, DnsServersProbe::new),
            new Entry(ProbeId.PING, Stage.PROBE, When.WITH_TARGET, false, PingProbe::new),
            new Entry(ProbeId.ROUTES, Stage.PROBE, When.WITH_TARGET, false, RouteProbe::new),
            new Entry(ProbeId.DSCP_CONNECT, Stage.PROBE, When.WITH_TARGET, true, DscpConnectProbe::new),
            new Entry(ProbeId.SSH_HANDSHAKE, Stage.PROBE, When.SSH_TARGET, true, SshHandshakeProbe::new),
            new Entry(ProbeId.OPENSSH_CLIENT, Stage.PROBE, When.SSH_TARGET, true, OpenSshClientProbe::new),
            new Entry(ProbeId.SOCKET_TABLE, Stage.PROBE, When.WITH_TARGET, false, SocketWatchProbe::new),
            new Entry(ProbeId.LISTENING_SOCKETS, Stage.PROBE, When.ALWAYS, false, ListeningSocketsProbe::new),
            new Entry(ProbeId.LOOPBACK_SELF_TEST, Stage.PROBE, When.ALWAYS, true, LoopbackSelfTestProbe::new),
            new Entry(ProbeId.LOCAL_ROUTES, Stage.PROBE, When.ALWAYS, false, LocalRoutesProbe::new),
            new Entry(ProbeId.CONFIG_FILES, Stage.PROBE, When.ALWAYS, true, ConfigFilesProbe::new),
            // Cheap in every run: Windows' proxy setting comes with the one PowerShell read, the clock is one date.
            new Entry(ProbeId.LOOPBACK_PROXY, Stage.PROBE, When.ALWAYS, true, LoopbackProxyProbe::new),
            new Entry(ProbeId.CLOCK, Stage.PROBE, When.ALWAYS, true, ClockProbe::new),
            new Entry(ProbeId.DEFAULT_GATEWAY, Stage.PROBE, When.WAY_OUT, false, GatewayProbe::new),
            new Entry(ProbeId.SERVICE_PORTS, Stage.PROBE, When.WITH_SERVICE_PORTS, true, ServicePortProbe::new),
            new Entry(ProbeId.LOCALHOST_RELAY, Stage.PROBE, When.WITH_SERVICE_PORTS, true, LocalhostRelayProbe::new),
            new Entry(ProbeId.WINDOWS_SERVICE, Stage.PROBE, When.WITH_WINDOWS_PORTS, true, WindowsServiceProbe::new),
            new Entry(ProbeId.OTHER_DEVICES, Stage.PROBE, When.ABOUT_OTHER_DEVICES, false, OtherDevicesProbe::new),
            new Entry(ProbeId.OUTSIDE_VANTAGE, Stage.PROBE, When.WITH_OUTSIDE_VANTAGE, true, VantageProbe::new),
            // Runs its pings only if the stage before saw a stalled handshake.
            new Entry(ProbeId.PATH_MTU, Stage.AFTER, When.WITH_TARGET, true, PathMtuProbe::new),
            // Pings the gateway only if the stages before heard nothing at all from beyond the distro.
            new Entry(ProbeId.ROUTE_CAPTURE, Stage.AFTER, When.WITH_TARGET_OR_WAY_OUT, false, RouteCaptureProbe::new));

    private ProbeCatalog() {
    }

    /** The checks a request asks for, stage by stage; stages with nothing to run at the end are left out. */
    public static List<List<Probe>> stages(DiagnosisRequest request) {
        List<List<Probe>> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            stages.add(ALL.stream().filter(e -> e.stage() == stage && e.when().holds(request)).map(e -> e.probe().get()).toList());
        }
        while (!stages.isEmpty() && stages.getLast().isEmpty()) {
            stages.removeLast();
        }
        return List.copyOf(stages);
    }

    /** The checks the Verify step compares before and after, in catalog order. */
    public static List<ProbeId> verified() {
        return ALL.stream().filter(Entry::verified).map(Entry::id).toList();
    }
}
