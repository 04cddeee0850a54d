// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.diagnosis.config.ConfigRules;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;

import java.util.List;
import java.util.Set;

import static dev.netdoctor.model.FindingId.LOCALHOST_FORWARDING_OFF;
import static dev.netdoctor.model.FindingId.LOCALHOST_NOT_RELAYED;
import static dev.netdoctor.model.FindingId.WINDOWS_PORT_TAKEN;
import static dev.netdoctor.model.FindingId.LOCALHOST_IPV6_ONLY;
import static dev.netdoctor.model.FindingId.WINDOWS_PORT_RESERVED;
import static dev.netdoctor.model.FindingId.LOCALHOST_RELAY_BROKEN;
import static dev.netdoctor.model.FindingId.WINDOWS_SERVICE_NOT_LISTENING;
import static dev.netdoctor.model.FindingId.WINDOWS_SERVICE_NO_ANSWER;
import static dev.netdoctor.model.FindingId.WINDOWS_SERVICE_LOOPBACK_ONLY;
import static dev.netdoctor.model.FindingId.WINDOWS_FIREWALL_BLOCKS_WSL;
import static dev.netdoctor.model.FindingId.LAN_NO_PORT_PROXY;
import static dev.netdoctor.model.FindingId.LAN_PORT_PROXY_STALE;
import static dev.netdoctor.model.FindingId.LAN_IP_HELPER_STOPPED;
import static dev.netdoctor.model.FindingId.HYPERV_FIREWALL_BLOCKS_INBOUND;
import static dev.netdoctor.model.FixId.WSLCONFIG_LOCALHOST_FORWARDING;
import static dev.netdoctor.model.FixId.RESTART_WSL;
import static dev.netdoctor.model.FixId.BIND_SERVICE_FOR_RELAY;
import static dev.netdoctor.model.FixId.USE_ANOTHER_PORT;
import static dev.netdoctor.model.FixId.BIND_WINDOWS_SERVICE;
import static dev.netdoctor.model.FixId.UPDATE_PORT_PROXY;
import static dev.netdoctor.model.FixId.WINDOWS_FIREWALL_ALLOW_PORT;
import static dev.netdoctor.model.FixId.START_IP_HELPER;
import static dev.netdoctor.model.FindingId.DNS_SERVER_UNREACHABLE;
import static dev.netdoctor.model.FindingId.DSCP_FIXED_FOR_SSH;
import static dev.netdoctor.model.FindingId.DSCP_MARKED_SYN_DROPPED;
import static dev.netdoctor.model.FindingId.HOST_UNREACHABLE;
import static dev.netdoctor.model.FindingId.LOCAL_CONNECT_BLOCKED;
import static dev.netdoctor.model.FindingId.LOOPBACK_REDIRECTED;
import static dev.netdoctor.model.FindingId.NAME_NOT_RESOLVED;
import static dev.netdoctor.model.FindingId.PATH_MTU_BLACKHOLE;
import static dev.netdoctor.model.FindingId.PORT_FILTERED;
import static dev.netdoctor.model.FindingId.PORT_REFUSED;
import static dev.netdoctor.model.FindingId.SERVICE_NOT_LISTENING;
import static dev.netdoctor.model.FindingId.SSH_NO_GREETING;
import static dev.netdoctor.model.FindingId.VANTAGE_HOST_KEY_UNCONFIRMED;
import static dev.netdoctor.model.FindingId.WSLCONFIG_DUPLICATE_KEY;
import static dev.netdoctor.model.FindingId.WSLCONFIG_ENCODING;
import static dev.netdoctor.model.FindingId.WSLCONFIG_LINE_IGNORED;
import static dev.netdoctor.model.FindingId.WSLCONFIG_MODE_NOT_EFFECTIVE;
import static dev.netdoctor.model.FindingId.WSL_CONF_PARSING_STOPS;
import static dev.netdoctor.model.FixId.BIND_SERVICE_TO_INTERFACE;
import static dev.netdoctor.model.FixId.CHECK_HOST_NAME;
import static dev.netdoctor.model.FixId.CHECK_HOST_POWER;
import static dev.netdoctor.model.FixId.CHECK_MIRRORED_REQUIREMENTS;
import static dev.netdoctor.model.FixId.CHECK_SSH_SERVICE;
import static dev.netdoctor.model.FixId.CONFIG_COMMENT_OUT_DUPLICATES;
import static dev.netdoctor.model.FixId.CONFIG_REWRITE_AS_UTF8;
import static dev.netdoctor.model.FixId.CONFIG_REWRITE_IGNORED_LINES;
import static dev.netdoctor.model.FixId.LOWER_MTU;
import static dev.netdoctor.model.FixId.WINDOWS_ADAPTER_MTU;
import static dev.netdoctor.model.FixId.WSL_CONF_BOOT_MTU;
import static dev.netdoctor.model.FixId.OPEN_FIREWALL;
import static dev.netdoctor.model.FixId.REVERSE_PROXY;
import static dev.netdoctor.model.FixId.SSH_CONFIG_IPQOS_NONE;
import static dev.netdoctor.model.FixId.START_SERVICE;
import static dev.netdoctor.model.FixId.TEST_FROM_ANOTHER_HOST;
import static dev.netdoctor.model.FixId.USE_OTHER_LOOPBACK;
import static dev.netdoctor.model.FixId.WSLCONFIG_DNS_TUNNELING;
import static dev.netdoctor.model.FixId.WSLCONFIG_HOST_ADDRESS_LOOPBACK;
import static dev.netdoctor.model.FixId.WSLCONFIG_NETWORKING_MODE;
import static dev.netdoctor.model.FixId.WSL_CONF_COMMENT_OUT_STOPPING_LINE;
import static dev.netdoctor.model.FixId.WSL_CONF_GENERATE_RESOLV_CONF;
import static dev.netdoctor.model.FindingId.VPN_DNS_NOT_IN_WSL;
import static dev.netdoctor.model.FixId.DNS_SERVERS_FROM_WINDOWS;
import static dev.netdoctor.model.FixId.WSLCONFIG_BEST_EFFORT_DNS_PARSING;

/**
 * Every rule of a diagnosis, in the order its findings are shown (the most fundamental failure
 * first), with the findings it may raise and the fixes those may offer: adding a rule is one line
 * here. What a rule may raise is declared so that a test can hold every {@link FindingId} and
 * {@link FixId} to a rule that produces it, and every rule to what it declared.
 */
final class RuleCatalog {
    /** What a rule speaks of. */
    enum Scope {
        /** The connection to the target: nothing to say without one. */
        TARGET,
        /** This computer, its own ports and its settings files, with or without a target. */
        THIS_COMPUTER
    }

    record Entry(Rule rule, Scope scope, Set<FindingId> raises, Set<FixId> offers) {
    }

    static final List<Entry> ALL = List.of(
            // This computer's DNS path is checked with or without a target; the target's own name only with one.
            // Windows finds the target's name and the distro does not (from Windows): instead of the generic cards below.
            target(SplitDnsRules.NOT_IN_WSL, Set.of(VPN_DNS_NOT_IN_WSL),
                    Set.of(WSLCONFIG_DNS_TUNNELING, WSLCONFIG_BEST_EFFORT_DNS_PARSING, DNS_SERVERS_FROM_WINDOWS)),
            thisComputer(ReachabilityRules.NAME, Set.of(NAME_NOT_RESOLVED, DNS_SERVER_UNREACHABLE),
                    Set.of(CHECK_HOST_NAME, WSL_CONF_GENERATE_RESOLV_CONF, WSLCONFIG_DNS_TUNNELING)),
            // Before "cannot be reached", which steps aside when these explain why nothing answers WSL.
            target(RouteCaptureRules.CAPTURE, Set.of(FindingId.VPN_CAPTURES_WSL_TRAFFIC),
                    Set.of(WSLCONFIG_NETWORKING_MODE, FixId.WSLCONFIG_NETWORKING_VIRTIOPROXY, FixId.WINDOWS_ROUTE_FOR_WSL)),
            thisComputer(RouteCaptureRules.SILENT, Set.of(FindingId.GATEWAY_SILENT),
                    Set.of(WSLCONFIG_NETWORKING_MODE, FixId.WSLCONFIG_NETWORKING_VIRTIOPROXY, FixId.WINDOWS_ROUTE_FOR_WSL)),
            target(ReachabilityRules.UNREACHABLE, Set.of(HOST_UNREACHABLE), Set.of(CHECK_HOST_POWER)),
            target(ReachabilityRules.REFUSED, Set.of(PORT_REFUSED), Set.of(START_SERVICE)),
            target(ReachabilityRules.FILTERED, Set.of(PORT_FILTERED), Set.of(OPEN_FIREWALL)),
            target(ReachabilityRules.NO_GREETING, Set.of(SSH_NO_GREETING), Set.of(CHECK_SSH_SERVICE)),
            target(new DscpDropRule(), Set.of(DSCP_MARKED_SYN_DROPPED, DSCP_FIXED_FOR_SSH),
                    Set.of(SSH_CONFIG_IPQOS_NONE, WSLCONFIG_NETWORKING_MODE)),
            target(new PathMtuRule(), Set.of(PATH_MTU_BLACKHOLE), Set.of(LOWER_MTU, WSL_CONF_BOOT_MTU, WINDOWS_ADAPTER_MTU)),
            thisComputer(LoopbackRules.NOT_LISTENING, Set.of(SERVICE_NOT_LISTENING), Set.of(START_SERVICE)),
            thisComputer(LoopbackRules.REDIRECTED, Set.of(LOOPBACK_REDIRECTED), Set.of(USE_OTHER_LOOPBACK,
                    BIND_SERVICE_TO_INTERFACE, REVERSE_PROXY, TEST_FROM_ANOTHER_HOST, WSLCONFIG_HOST_ADDRESS_LOOPBACK,
                    WSLCONFIG_NETWORKING_MODE)),
            thisComputer(WindowsSideRules.LOCALHOST, Set.of(LOCALHOST_FORWARDING_OFF, LOCALHOST_NOT_RELAYED, WINDOWS_PORT_TAKEN,
                    LOCALHOST_IPV6_ONLY, WINDOWS_PORT_RESERVED, LOCALHOST_RELAY_BROKEN),
                    Set.of(WSLCONFIG_LOCALHOST_FORWARDING, RESTART_WSL, BIND_SERVICE_FOR_RELAY, USE_ANOTHER_PORT)),
            thisComputer(WindowsSideRules.WINDOWS_SERVICE, Set.of(WINDOWS_SERVICE_NOT_LISTENING, WINDOWS_SERVICE_NO_ANSWER,
                    WINDOWS_SERVICE_LOOPBACK_ONLY, WINDOWS_FIREWALL_BLOCKS_WSL),
                    Set.of(START_SERVICE, BIND_WINDOWS_SERVICE, WSLCONFIG_NETWORKING_MODE, WINDOWS_FIREWALL_ALLOW_PORT, OPEN_FIREWALL)),
            thisComputer(WindowsSideRules.OTHER_DEVICES, Set.of(LAN_NO_PORT_PROXY, LAN_PORT_PROXY_STALE, LAN_IP_HELPER_STOPPED,
                    HYPERV_FIREWALL_BLOCKS_INBOUND), Set.of(UPDATE_PORT_PROXY, START_IP_HELPER, WINDOWS_FIREWALL_ALLOW_PORT)),
            thisComputer(new LoopbackProxyRule(), Set.of(FindingId.WINDOWS_PROXY_LOOPBACK), Set.of(FixId.WSLCONFIG_NETWORKING_MODE,
                    FixId.PROXY_ALLOW_LAN, FixId.WINDOWS_FIREWALL_ALLOW_PORT, FixId.OPEN_FIREWALL, FixId.WSLCONFIG_AUTO_PROXY)),
            thisComputer(new ClockSkewRule(), Set.of(FindingId.CLOCK_SKEW), Set.of(FixId.RESYNC_CLOCK)),
            thisComputer(LoopbackRules.BLOCKED, Set.of(LOCAL_CONNECT_BLOCKED), Set.of(OPEN_FIREWALL)),
            thisComputer(LoopbackRules.HOST_KEY, Set.of(VANTAGE_HOST_KEY_UNCONFIRMED), Set.of()),
            thisComputer(ConfigRules.MODE_NOT_EFFECTIVE, Set.of(WSLCONFIG_MODE_NOT_EFFECTIVE), Set.of(CHECK_MIRRORED_REQUIREMENTS)),
            thisComputer(ConfigRules.PARSING_STOPS, Set.of(WSL_CONF_PARSING_STOPS), Set.of(WSL_CONF_COMMENT_OUT_STOPPING_LINE)),
            thisComputer(ConfigRules.LINE_IGNORED, Set.of(WSLCONFIG_LINE_IGNORED), Set.of(CONFIG_REWRITE_IGNORED_LINES)),
            thisComputer(ConfigRules.DUPLICATE_KEY, Set.of(WSLCONFIG_DUPLICATE_KEY), Set.of(CONFIG_COMMENT_OUT_DUPLICATES)),
            thisComputer(ConfigRules.ENCODING, Set.of(WSLCONFIG_ENCODING), Set.of(CONFIG_REWRITE_AS_UTF8)));

    /**
     * Raised by {@link Diagnoser} itself, not by a rule: when no rule saw a problem, the evidence
     * that nothing is wrong is a conclusion too (with a target, or about this computer alone).
     */
    static final Set<FindingId> WHEN_NO_RULE_SAW_A_PROBLEM = Set.of(FindingId.NO_PROBLEM_FOUND, FindingId.ENVIRONMENT_ONLY);

    private RuleCatalog() {
    }

    private static Entry target(Rule rule, Set<FindingId> raises, Set<FixId> offers) {
        return new Entry(rule, Scope.TARGET, raises, offers);
    }

    private static Entry thisComputer(Rule rule, Set<FindingId> raises, Set<FixId> offers) {
        return new Entry(rule, Scope.THIS_COMPUTER, raises, offers);
    }
}
