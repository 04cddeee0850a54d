// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/**
 * The checks a diagnosis can run, by the stable id that JSON, reports and the rules use. One
 * place: a rule that names a check by a mistyped string would silently find no evidence.
 */
public enum ProbeId {
    NAME_RESOLUTION("name-resolution"),
    DNS_SERVERS("dns-servers"),
    PING("ping"),
    ROUTES("routes"),
    DSCP_CONNECT("dscp-connect"),
    SSH_HANDSHAKE("ssh-handshake"),
    OPENSSH_CLIENT("openssh-client"),
    SOCKET_TABLE("socket-table"),
    PATH_MTU("path-mtu"),
    LISTENING_SOCKETS("listening-sockets"),
    LOOPBACK_SELF_TEST("loopback-self-test"),
    LOCAL_ROUTES("local-routes"),
    SERVICE_PORTS("service-ports"),
    OUTSIDE_VANTAGE("outside-vantage"),
    CONFIG_FILES("config-files"),
    DEFAULT_GATEWAY("default-gateway"),
    /** Windows' localhost:PORT towards the user's app in WSL (WSL's relay). */
    LOCALHOST_RELAY("localhost-relay"),
    /** A program on Windows that WSL should reach. */
    WINDOWS_SERVICE("windows-service"),
    /** Whether other devices can reach the user's app in WSL: Windows' port proxies and firewall for it. */
    OTHER_DEVICES("other-devices"),
    /** A proxy on Windows' (or the distro's) 127.0.0.1 while WSL runs in NAT mode. */
    LOOPBACK_PROXY("loopback-proxy"),
    /** The distro's clock against Windows'. */
    CLOCK("clock"),
    /** NAT mode: whether Windows sends the distro's traffic into another adapter (a VPN's) than WSL's. */
    ROUTE_CAPTURE("route-capture");

    /** The probe parameter saying where a probe's own connections came from, and its values. */
    public static final String FROM = "from";
    public static final String FROM_WINDOWS = "Windows";
    public static final String FROM_THIS_LINUX = "this Linux";
    /** Made inside the WSL distro while the app runs on Windows: where marked packets can come from. */
    public static final String FROM_DISTRO = "the WSL distro";

    /** The outside check's parameter naming the machine it ran from ({@code user@host}). */
    public static final String VANTAGE_HOST = "vantage";

    private final String id;

    ProbeId(String id) {
        this.id = id;
    }

    /** As in JSON: {@code dscp-connect}. */
    public String id() {
        return id;
    }

    /** The check a stable id names, if it is one of ours. */
    public static java.util.Optional<ProbeId> of(String id) {
        return java.util.Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** The stable id, so a check's id reads the same in every text it is written into. */
    @Override
    public String toString() {
        return id;
    }

    /** Whether an outcome is this check's. */
    public boolean is(ProbeOutcome outcome) {
        return outcome != null && outcome.probeId() == this;
    }
}
