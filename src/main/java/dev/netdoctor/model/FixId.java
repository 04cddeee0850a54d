// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every fix a finding can offer, by the stable id that JSON, reports, the fix layer, the CLI
 * and the wizard use. What a fix writes, and so its parameters, is its {@link #plan()}.
 */
public enum FixId {
    SSH_CONFIG_IPQOS_NONE("ssh-config-ipqos-none", FixPlan.SshIpqosNone.class),
    WSLCONFIG_NETWORKING_MODE("wslconfig-networking-mode", FixPlan.WslconfigSetting.class),
    START_SERVICE("start-service"),
    OPEN_FIREWALL("open-firewall"),
    CHECK_SSH_SERVICE("check-ssh-service"),
    CHECK_HOST_NAME("check-host-name"),
    CHECK_HOST_POWER("check-host-reachable"),
    LOWER_MTU("lower-interface-mtu"),
    USE_OTHER_LOOPBACK("use-127-0-0-2"),
    BIND_SERVICE_TO_INTERFACE("bind-service-to-interface"),
    WSLCONFIG_HOST_ADDRESS_LOOPBACK("wslconfig-host-address-loopback"),
    REVERSE_PROXY("reverse-proxy"),
    TEST_FROM_ANOTHER_HOST("test-from-another-host"),
    WSLCONFIG_DNS_TUNNELING("wslconfig-dns-tunneling", FixPlan.WslconfigSetting.class),
    WSL_CONF_GENERATE_RESOLV_CONF("wsl-conf-generate-resolv-conf", FixPlan.LetWslWriteResolvConf.class),
    /** Settings files WSL reads otherwise than they look: each rewrite is one kind of finding, every line of it. */
    CONFIG_REWRITE_IGNORED_LINES("config-rewrite-ignored-lines", FixPlan.RewriteConfigLines.class),
    CONFIG_COMMENT_OUT_DUPLICATES("config-comment-out-duplicates", FixPlan.RewriteConfigLines.class),
    CONFIG_REWRITE_AS_UTF8("config-rewrite-as-utf8", FixPlan.RewriteConfigLines.class),
    WSL_CONF_COMMENT_OUT_STOPPING_LINE("wsl-conf-comment-out-stopping-line", FixPlan.RewriteConfigLines.class),
    CHECK_MIRRORED_REQUIREMENTS("check-mirrored-requirements"),
    /** Bind the service in WSL to an address WSL's relay forwards (0.0.0.0, 127.0.0.1, or both stacks). */
    BIND_SERVICE_FOR_RELAY("bind-service-for-relay"),
    /** Serve on another port than the one Windows or another program holds. */
    USE_ANOTHER_PORT("use-another-port"),
    WSLCONFIG_LOCALHOST_FORWARDING("wslconfig-localhost-forwarding", FixPlan.WslconfigSetting.class),
    /** Restart WSL ({@code wsl --shutdown}): the relay starts again with it. */
    RESTART_WSL("restart-wsl-for-relay"),
    /** Make the Windows program listen on WSL's adapter (or every address), not only on 127.0.0.1. */
    BIND_WINDOWS_SERVICE("bind-windows-service"),
    /** Start the IP Helper service, which runs the port proxies. */
    START_IP_HELPER("start-ip-helper"),
    /** Point the port proxy at the distro's current address (an administrator's command to copy). */
    UPDATE_PORT_PROXY("update-port-proxy"),
    /**
     * One inbound firewall rule of ours that lets one TCP port through from WSL (or, for a service in
     * WSL, from the local network) only; added with administrator rights, removed by its name.
     */
    WINDOWS_FIREWALL_ALLOW_PORT("windows-firewall-allow-port", FixPlan.WindowsFirewallRule.class),
    /** {@code bestEffortDnsParsing=true} in {@code [experimental]}: DNS tunneling passes on answers it cannot fully parse. */
    WSLCONFIG_BEST_EFFORT_DNS_PARSING("wslconfig-best-effort-dns-parsing", FixPlan.WslconfigSetting.class),
    /**
     * Tunneling off with {@code dnsProxy=false}: WSL then writes Windows' DNS servers (the VPN's
     * included) into the distro's resolv.conf. Two settings at once, so written by hand.
     */
    DNS_SERVERS_FROM_WINDOWS("wslconfig-dns-servers-from-windows"),
    /** Let the proxy program on Windows take connections from WSL ("Allow LAN") and point the distro's proxy variables at Windows' address. */
    PROXY_ALLOW_LAN("proxy-allow-lan"),
    /** {@code autoProxy=false} in .wslconfig: only stops WSL's warning about a proxy it can't use. */
    WSLCONFIG_AUTO_PROXY("wslconfig-auto-proxy", FixPlan.WslconfigSetting.class),
    /** Set the distro's clock from the host again ({@code sudo hwclock -s}, or restart WSL). */
    RESYNC_CLOCK("resync-distro-clock"),
    /**
     * The distro's MTU at every start ({@code [boot] command} in its wsl.conf): {@link #LOWER_MTU}
     * where WSL reads a wsl.conf, which stays the advice elsewhere.
     */
    WSL_CONF_BOOT_MTU("wsl-conf-boot-mtu", FixPlan.DistroMtuAtBoot.class),
    /** The VPN adapter's MTU on Windows (an administrator's netsh command to copy); WSL's eth0 follows it when WSL starts. */
    WINDOWS_ADAPTER_MTU("windows-adapter-mtu"),
    /** {@code networkingMode=virtioproxy} (Consomme from WSL 2.9.0): WSL's traffic through Windows' own sockets, so a VPN's routes apply. */
    WSLCONFIG_NETWORKING_VIRTIOPROXY("wslconfig-networking-virtioproxy", FixPlan.WslconfigSetting.class),
    /** A route (or an adapter metric) on Windows that sends the distro's address back through WSL's adapter (an administrator's command to copy). */
    WINDOWS_ROUTE_FOR_WSL("windows-route-for-wsl");

    private final String id;
    private final Class<? extends FixPlan> plan;

    /** Advice: the user follows the steps in the fix's words. */
    FixId(String id) {
        this(id, FixPlan.ByHand.class);
    }

    /** A fix that writes a file, by the kind of plan it carries. */
    FixId(String id, Class<? extends FixPlan> plan) {
        this.id = id;
        this.plan = plan;
    }

    /**
     * The kind of plan this fix carries ({@link FixPlan.ByHand} for advice): a saved result's
     * parameters are read back into it, and a finding offering the fix with another kind of plan is
     * refused ({@link FixSuggestion}).
     */
    public Class<? extends FixPlan> plan() {
        return plan;
    }

    /** As in JSON: {@code ssh-config-ipqos-none}. */
    public String id() {
        return id;
    }

    /** The fix a stable id names, if it is one of ours. */
    public static Optional<FixId> of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** The stable id, so a fix's id reads the same in every text it is written into. */
    @Override
    public String toString() {
        return id;
    }
}
