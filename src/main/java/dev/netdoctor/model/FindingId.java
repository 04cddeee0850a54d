// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every conclusion a diagnosis can draw, by the stable id that JSON, reports, the CLI and the
 * wizard use. One place: the Verify step tells "fixed" from "gone" by these, scripts read them,
 * and a rule that raised a mistyped string would leave a finding nothing else recognises.
 */
public enum FindingId {
    /** The target's name has no address (a server said so, or none was asked). */
    NAME_NOT_RESOLVED("name-not-resolved"),
    /** No configured DNS server answers at all while the network is there. */
    DNS_SERVER_UNREACHABLE("dns-server-unreachable"),
    HOST_UNREACHABLE("host-unreachable"),
    PORT_REFUSED("port-refused"),
    PORT_FILTERED("port-filtered"),
    /** The port accepts, but no SSH server greets. */
    SSH_NO_GREETING("ssh-no-greeting"),
    /** Marked SYNs get no answer while unmarked ones do, and the user's ssh marks: ssh hangs. */
    DSCP_MARKED_SYN_DROPPED("dscp-marked-syn-dropped"),
    /**
     * The same drop, but the user's ssh no longer marks its packets for this host (its settings
     * say IPQoS none, and it gets through): fixed for ssh, still there for other programs.
     */
    DSCP_FIXED_FOR_SSH("dscp-marked-dropped-ssh-unmarked"),
    PATH_MTU_BLACKHOLE("path-mtu-blackhole"),
    SERVICE_NOT_LISTENING("service-not-listening"),
    /** WSL's mirrored networking routes this computer's own loopback traffic away from {@code lo}. */
    LOOPBACK_REDIRECTED("loopback-redirected"),
    LOCAL_CONNECT_BLOCKED("local-connect-blocked"),
    VANTAGE_HOST_KEY_UNCONFIRMED("vantage-host-key-unconfirmed"),
    /** Settings files WSL reads otherwise than they look (issue: "Is WSL really using what you wrote?"). */
    WSLCONFIG_LINE_IGNORED("wslconfig-line-ignored"),
    WSLCONFIG_DUPLICATE_KEY("wslconfig-duplicate-key"),
    WSLCONFIG_ENCODING("wslconfig-encoding"),
    WSL_CONF_PARSING_STOPS("wsl-conf-parsing-stops"),
    WSLCONFIG_MODE_NOT_EFFECTIVE("wslconfig-mode-not-effective"),
    /** A browser on Windows cannot open localhost:PORT: the distro listens only on an address WSL's relay ignores. */
    LOCALHOST_NOT_RELAYED("localhost-not-relayed"),
    /** The distro listens on IPv6 only ([::] or [::1]): WSL relays it to Windows' [::1], never to 127.0.0.1. */
    LOCALHOST_IPV6_ONLY("localhost-ipv6-only"),
    /** Another Windows program holds localhost:PORT, so the browser reaches it instead of the app in WSL. */
    WINDOWS_PORT_TAKEN("windows-port-taken"),
    /** The port is in a range Windows reserves: WSL's relay cannot take it. */
    WINDOWS_PORT_RESERVED("windows-port-reserved"),
    /** {@code localhostForwarding=false} in .wslconfig: WSL relays nothing to Windows' localhost. */
    LOCALHOST_FORWARDING_OFF("localhost-forwarding-off"),
    /** The distro listens where the relay would forward it, yet Windows' localhost:PORT does not reach it. */
    LOCALHOST_RELAY_BROKEN("localhost-relay-broken"),
    /** Nothing on Windows listens on the port WSL should reach. */
    WINDOWS_SERVICE_NOT_LISTENING("windows-service-not-listening"),
    /** The Windows program listens on 127.0.0.1 (or ::1) only: in NAT mode WSL can never reach it there. */
    WINDOWS_SERVICE_LOOPBACK_ONLY("windows-service-loopback-only"),
    /** The Windows program listens on every address and Windows reaches it, while WSL gets no answer. */
    WINDOWS_FIREWALL_BLOCKS_WSL("windows-firewall-blocks-wsl"),
    /**
     * Seen from inside WSL only: Windows' port gives no answer. With Windows' firewall on, nothing
     * listening, a program on 127.0.0.1 only and a firewall drop all look alike from there.
     */
    WINDOWS_SERVICE_NO_ANSWER("windows-service-no-answer"),
    /** NAT mode: no port proxy passes the port from Windows' network to the distro. */
    LAN_NO_PORT_PROXY("lan-no-port-proxy"),
    /** NAT mode: the port proxy passes the port to an address the distro no longer has. */
    LAN_PORT_PROXY_STALE("lan-port-proxy-stale"),
    /** NAT mode: the IP Helper service, which runs every port proxy, is not running. */
    LAN_IP_HELPER_STOPPED("lan-ip-helper-stopped"),
    /** Mirrored mode: the Hyper-V firewall blocks connections from other devices to WSL, and no rule lets the port in. */
    HYPERV_FIREWALL_BLOCKS_INBOUND("hyperv-firewall-blocks-inbound"),
    /** NAT mode: the proxy is on 127.0.0.1 (Windows' own setting, or the distro's variables), which WSL can't use. */
    WINDOWS_PROXY_LOOPBACK("windows-proxy-loopback"),
    /** The distro's clock is off from Windows' by more than a few seconds (TLS and apt fail with "not yet valid"). */
    CLOCK_SKEW("clock-skew"),
    /**
     * Windows finds the name (its resolver applies the VPN's name rules, NRPT) and WSL does not: the
     * VPN's DNS does not reach WSL, with DNS tunneling off, or through a known quirk of tunneling.
     */
    VPN_DNS_NOT_IN_WSL("vpn-dns-not-in-wsl"),
    /**
     * NAT mode, seen from Windows: Windows' route for the distro's address leaves through another
     * adapter (a VPN's) than WSL's own, Windows reaches the target, and the distro's gateway is silent.
     */
    VPN_CAPTURES_WSL_TRAFFIC("vpn-captures-wsl-traffic"),
    /** NAT mode, seen inside the distro: the gateway's link address resolves, yet nothing answers at all. */
    GATEWAY_SILENT("gateway-silent"),
    /** Nothing wrong with the target: the evidence that says so. */
    NO_PROBLEM_FOUND("no-problem-found"),
    /** No target was given and nothing is wrong on this computer. */
    ENVIRONMENT_ONLY("environment-only");

    private final String id;

    FindingId(String id) {
        this.id = id;
    }

    /** As in JSON and on the command line: {@code port-refused}. */
    public String id() {
        return id;
    }

    /** The finding a stable id names, if it is one of ours. */
    public static Optional<FindingId> of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** The stable id, so a finding's id reads the same in every text it is written into. */
    @Override
    public String toString() {
        return id;
    }
}
