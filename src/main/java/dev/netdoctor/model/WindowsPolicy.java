// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/**
 * What Windows' own settings say about traffic between Windows and WSL, read once per run without
 * administrator rights (one PowerShell start and the registry): the facts OSHI does not give. Each
 * part is a {@link Fact}: PowerShell refused, the cmdlet is not on this Windows, or no answer came
 * make it unknown, never "fine".
 *
 * @param firewallProfiles   Windows Defender Firewall's three profiles, with what group policy sets
 * @param networkProfiles    which profile (network category) each connected adapter is in
 * @param hyperVFirewall     the Hyper-V firewall's settings for WSL's VM (Windows 11 22H2 and later)
 * @param excludedPorts      TCP port ranges Windows reserves (no program, WSL's relay included, can bind them)
 * @param portProxies        {@code netsh interface portproxy} rules
 * @param ipHelper           the state of the IP Helper service, which runs the port proxies ("Running")
 * @param nameRules          the name resolution policy table (VPNs' "names under corp.example go to this server")
 * @param proxy              the user's proxy setting
 * @param ourFirewallRules   firewall rules this app added (named {@link #OUR_RULE_PREFIX}...), so a fix can be checked and undone
 * @param powerShell         how the one PowerShell run went: version and language mode, or why it gave nothing
 */
public record WindowsPolicy(Fact<List<FirewallProfile>> firewallProfiles, Fact<List<NetworkProfile>> networkProfiles,
                            Fact<HyperVFirewall> hyperVFirewall, Fact<List<PortRange>> excludedPorts,
                            Fact<List<PortProxy>> portProxies, Fact<String> ipHelper, Fact<List<NameRule>> nameRules,
                            Fact<Proxy> proxy, Fact<List<FirewallRule>> ourFirewallRules, Fact<PowerShellRun> powerShell) {
    /** The name every firewall rule this app adds starts with: Undo removes exactly those. */
    public static final String OUR_RULE_PREFIX = "WSLNetDoctor-";

    /** The GUID of WSL's VM creator in the Hyper-V firewall (its friendly name is "WSL"). */
    public static final String WSL_VM_CREATOR = "{40E0AC32-46A5-438A-A0B2-2B479E8F2E90}";

    /** Nothing is known: every part says the same reason (PowerShell did not start, not Windows). */
    public static WindowsPolicy unknown(String because) {
        return new WindowsPolicy(Fact.unknown(because), Fact.unknown(because), Fact.unknown(because), Fact.unknown(because),
                Fact.unknown(because), Fact.unknown(because), Fact.unknown(because), Fact.unknown(because),
                Fact.unknown(because), Fact.unknown(because));
    }

    /**
     * One profile of Windows Defender Firewall. Actions are PowerShell's names ({@code Allow},
     * {@code Block}, {@code NotConfigured}); a null part was not in the answer. The two policy values
     * come from group policy (the registry), null when no policy sets them.
     *
     * @param name                   Domain, Private or Public
     * @param doNotAllowExceptions   policy "Block all incoming connections, including those in the list of allowed programs"
     * @param allowLocalPolicyMerge  policy: whether rules made on this computer count (false: only the organisation's)
     */
    public record FirewallProfile(String name, Boolean enabled, String defaultInboundAction, Boolean allowInboundRules,
                                  Boolean allowLocalFirewallRules, Boolean doNotAllowExceptions, Boolean allowLocalPolicyMerge) {
    }

    /** The network category Windows put an adapter in: {@code Public}, {@code Private} or {@code DomainAuthenticated}. */
    public record NetworkProfile(String interfaceAlias, String category) {
    }

    /** The Hyper-V firewall's settings for WSL's VM ({@link #WSL_VM_CREATOR}). */
    public record HyperVFirewall(Boolean enabled, String defaultInboundAction, String defaultOutboundAction,
                                 Boolean loopbackEnabled, Boolean allowHostPolicyMerge) {
    }

    /** A reserved range of TCP ports; {@code administered}: reserved by an administrator (netsh's "*"), kept across restarts. */
    public record PortRange(String family, int start, int end, boolean administered) {
        public boolean contains(int port) {
            return port >= start && port <= end;
        }
    }

    /** A port proxy rule: connections to {@code listenAddress:listenPort} are passed on to {@code connectAddress:connectPort}. */
    public record PortProxy(String kind, String listenAddress, int listenPort, String connectAddress, int connectPort) {
    }

    /** A name resolution policy rule: names under {@code namespace} are asked of {@code nameServers}. */
    public record NameRule(String namespace, List<String> nameServers) {
        public NameRule {
            nameServers = List.copyOf(nameServers);
        }

        /**
         * Whether Windows applies this rule to {@code name}, as NRPT matches: a namespace with a
         * leading dot ({@code .corp.example}) is a suffix and covers the names under it, not the
         * bare domain (which is why VPN and DirectAccess setups list {@code corp.example} as a rule
         * of its own); {@code .} alone covers every name; any other namespace is one exact name.
         * Letter case and a final dot do not count, as in DNS.
         */
        public boolean matches(String name) {
            if (namespace == null || name == null) {
                return false;
            }
            String ns = namespace.strip().toLowerCase(java.util.Locale.ROOT);
            String n = withoutFinalDot(name.strip().toLowerCase(java.util.Locale.ROOT));
            if (ns.equals(".")) {
                return !n.isEmpty();
            }
            if (ns.startsWith(".")) {
                String suffix = withoutFinalDot(ns);
                return suffix.length() > 1 && n.endsWith(suffix);
            }
            return !n.isEmpty() && n.equals(withoutFinalDot(ns));
        }

        private static String withoutFinalDot(String s) {
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
    }

    /** The user's proxy (Internet Options): on or off, the server, the automatic configuration script. */
    public record Proxy(boolean enabled, String server, String autoConfigUrl, String bypass) {
    }

    /** A Windows Defender Firewall rule. */
    public record FirewallRule(String name, String displayName, boolean enabled, String direction, String action,
                               String localPorts, String interfaceAlias) {
    }

    /** How the PowerShell batch ran: {@code languageMode} is {@code FullLanguage} or {@code ConstrainedLanguage}. */
    public record PowerShellRun(String version, String languageMode, long millis) {
    }
}
