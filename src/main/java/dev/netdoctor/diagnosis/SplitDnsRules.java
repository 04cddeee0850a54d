// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.DnsPath;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsNameLookup;
import dev.netdoctor.model.WindowsPolicy;
import dev.netdoctor.model.Words;
import dev.netdoctor.model.WslFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Company names on a VPN (split DNS): Windows' own resolver applies the VPN's name rules (NRPT),
 * WSL's lookups only reach that resolver through DNS tunneling. From Windows the app sees both
 * answers for the same name and tells "the VPN's names do not reach WSL" from "nobody knows this
 * name"; inside the distro it can only say what tunneling would change.
 */
final class SplitDnsRules {
    /** WSL turns DNS tunneling on by default from this version (docs, "DNS tunneling"), on Windows 11 22H2 and later. */
    static final int[] TUNNELING_DEFAULT_FROM = {2, 2, 1};
    /** Windows 11 22H2's build: DNS tunneling needs it. */
    static final int TUNNELING_MIN_BUILD = 22621;
    private static final Pattern WSL_VERSION = Pattern.compile("^WSL (\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Pattern BUILD = Pattern.compile("^10\\.0\\.(\\d+)");

    private SplitDnsRules() {
    }

    /** Whether WSL's DNS tunneling is on for this run, and how that is known. */
    enum Tunneling { ON, OFF, UNKNOWN }

    record TunnelingState(Tunneling state, String because) {
    }

    /**
     * The distro's resolv.conf first, since it shows what WSL did this time (an explicit setting is
     * overruled by an older Windows, by Global Secure Access, by an invalid tunneling address);
     * then what .wslconfig sets; then WSL's default for its version and Windows' build.
     */
    static TunnelingState tunneling(Observations obs) {
        Optional<ProbeData.DnsServers> dns = obs.data(ProbeData.DnsServers.class);
        if (dns.isPresent()) {
            ProbeData.DnsServers d = dns.get();
            String servers = String.join(", ", d.servers());
            if (d.path() == DnsPath.DNS_TUNNELING) {
                return new TunnelingState(Tunneling.ON, Words.get("vpnDns.tunneling.resolvConf.on", servers));
            }
            if (d.path() == DnsPath.NAT_DNS_PROXY) {
                return new TunnelingState(Tunneling.OFF, Words.get("vpnDns.tunneling.resolvConf.natProxy", servers));
            }
            if (d.path() == DnsPath.OTHER_SERVERS && d.writtenByWsl()) {
                return new TunnelingState(Tunneling.OFF, Words.get("vpnDns.tunneling.resolvConf.windowsServers", servers));
            }
        }
        Optional<Boolean> set = obs.data(ProbeData.ConfigFiles.class).flatMap(c -> c.file(ConfigFileCheck.WSLCONFIG))
                .filter(ConfigFileCheck::read).flatMap(f -> setting(f.settings()));
        if (set.isPresent()) {
            return new TunnelingState(set.get() ? Tunneling.ON : Tunneling.OFF, Words.get("vpnDns.tunneling.wslconfig", set.get()));
        }
        return byVersion(Optional.ofNullable(obs.environment()).map(Environment::windows).orElse(null));
    }

    /**
     * {@code dnsTunneling} as .wslconfig sets it ({@code [wsl2]}, or its older name under
     * {@code [experimental]}). The settings hold only values WSL accepts, for a boolean 1, 0, true
     * or false in any case, so anything but 1 and true is off.
     */
    private static Optional<Boolean> setting(Map<String, String> settings) {
        for (String key : List.of("wsl2.dnsTunneling", "experimental.dnsTunneling")) {
            Optional<Boolean> v = settings.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
                    .map(e -> "1".equals(e.getValue()) || "true".equalsIgnoreCase(e.getValue())).findFirst();
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** Whether .wslconfig turns tunneling on (whatever WSL then did). */
    private static boolean wslconfigSetsTunneling(Observations obs) {
        return obs.data(ProbeData.ConfigFiles.class).flatMap(c -> c.file(ConfigFileCheck.WSLCONFIG))
                .filter(ConfigFileCheck::read).flatMap(f -> setting(f.settings())).orElse(false);
    }

    /** WSL's default when nothing sets it: on from WSL 2.2.1 on Windows 11 22H2 and later, else off. */
    static TunnelingState byVersion(WindowsFacts windows) {
        if (windows == null) {
            return new TunnelingState(Tunneling.UNKNOWN, Words.get("vpnDns.tunneling.unknown"));
        }
        Matcher v = windows.wsl() == null ? null : WSL_VERSION.matcher(windows.wsl());
        Matcher b = windows.windowsBuild() == null ? null : BUILD.matcher(windows.windowsBuild());
        boolean versionKnown = v != null && v.find();
        boolean buildKnown = b != null && b.find();
        if (versionKnown && compare(v, TUNNELING_DEFAULT_FROM) < 0) {
            return new TunnelingState(Tunneling.OFF, Words.get("vpnDns.tunneling.oldWsl", version(v)));
        }
        if (buildKnown && Integer.parseInt(b.group(1)) < TUNNELING_MIN_BUILD) {
            return new TunnelingState(Tunneling.OFF, Words.get("vpnDns.tunneling.oldWindows", windows.windowsBuild()));
        }
        if (versionKnown && buildKnown) {
            return new TunnelingState(Tunneling.ON, Words.get("vpnDns.tunneling.default",
                    version(v), windows.windowsBuild()));
        }
        return new TunnelingState(Tunneling.UNKNOWN, Words.get("vpnDns.tunneling.unknown"));
    }

    private static String version(Matcher v) {
        return String.join(".", v.group(1), v.group(2), v.group(3));
    }

    private static int compare(Matcher version, int[] than) {
        for (int i = 0; i < than.length; i++) {
            int c = Integer.compare(Integer.parseInt(version.group(i + 1)), than[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** What the distro's own questions showed, when tunneling is on and the name still fails there. */
    enum Quirk {
        /** The tunnel answered for the name with a search suffix after it (microsoft/WSL#11382, #13415). */
        SUFFIX_APPENDED,
        /** The tunnel's answer could not be used: FORMERR, SERVFAIL, another question (WSL's parser; bestEffortDnsParsing). */
        UNPARSED,
        /** The tunnel gave no answer in time (microsoft/WSL#10520, #11382). */
        TIMEOUTS,
        /** The tunnel said the name does not exist, which fits none of the known quirks. */
        NONE
    }

    private static String quirkWords(Quirk quirk) {
        return switch (quirk) {
            case SUFFIX_APPENDED -> Words.get("finding.VPN_DNS_NOT_IN_WSL.quirk.SUFFIX_APPENDED");
            case UNPARSED -> Words.get("finding.VPN_DNS_NOT_IN_WSL.quirk.UNPARSED");
            case TIMEOUTS -> Words.get("finding.VPN_DNS_NOT_IN_WSL.quirk.TIMEOUTS");
            case NONE -> Words.get("finding.VPN_DNS_NOT_IN_WSL.quirk.NONE");
        };
    }

    static Quirk quirk(List<DnsReply> replies) {
        if (replies.stream().anyMatch(DnsReply::suffixAppended)) {
            return Quirk.SUFFIX_APPENDED;
        }
        if (replies.stream().anyMatch(r -> r.questionMismatch() || r.outcome() == DnsReply.Outcome.SERVFAIL
                || r.outcome() == DnsReply.Outcome.ERROR && "FORMERR".equals(r.detail()))) {
            return Quirk.UNPARSED;
        }
        if (replies.stream().anyMatch(r -> r.outcome() == DnsReply.Outcome.NO_ANSWER)) {
            return Quirk.TIMEOUTS;
        }
        return Quirk.NONE;
    }

    /**
     * Windows finds the target's name and the distro does not. Tunneling off (or not known): the
     * VPN's name rules cannot reach WSL, unless the distro's DNS path is dead (no server, or none answering; then
     * {@code dns-server-unreachable} says so, as it would for every name). Tunneling on: which
     * known quirk of tunneling fits what the distro's own questions got. Tunneling asked for in
     * .wslconfig and still off: WSL turned it off itself (Global Secure Access, an older Windows).
     */
    static final Rule NOT_IN_WSL = obs -> {
        Optional<ProbeData.Resolution> found = obs.data(ProbeData.Resolution.class)
                .filter(r -> obs.target() != null && !r.resolved() && r.windows() != null && r.windows().resolved());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ProbeData.Resolution r = found.get();
        WindowsNameLookup windows = r.windows();
        Optional<ProbeData.DnsServers> dns = obs.data(ProbeData.DnsServers.class);
        TunnelingState tunneling = tunneling(obs);
        // No server at all, or none answering without tunneling: a dead DNS path, whatever the name.
        if (dns.map(d -> d.servers().isEmpty() || tunneling.state() != Tunneling.ON && !d.anyServerAnswered()).orElse(false)) {
            return Optional.empty();
        }
        Fact<List<WindowsPolicy.NameRule>> rules = Optional.ofNullable(obs.environment()).map(Environment::windows)
                .map(w -> w.policy().nameRules()).orElse(Fact.unknown(Words.get("vpnDns.rules.notRead")));
        List<WindowsPolicy.NameRule> matching = rules.known()
                ? rules.value().stream().filter(n -> n.matches(r.host())).toList() : List.of();
        String rulesSaid = rulesSentence(r.host(), rules, matching);
        String wslError = r.error() == null ? Words.get("vpnDns.noAddress") : r.error();

        List<Evidence> evidence = new ArrayList<>(ReachabilityRules.evidenceOf(obs, ProbeId.NAME_RESOLUTION));
        evidence.addAll(ReachabilityRules.evidenceOf(obs, ProbeId.DNS_SERVERS));
        evidence.add(Evidence.of(rulesSaid));
        evidence.add(Evidence.of(tunneling.because()));

        String windowsFound = Words.get("finding.VPN_DNS_NOT_IN_WSL.windowsFound", r.host(), String.join(", ", windows.addresses()), wslError);
        List<FixSuggestion> fixes = new ArrayList<>();
        Confidence confidence;
        String explanation;
        if (tunneling.state() == Tunneling.ON) {
            Quirk quirk = quirk(dns.map(ProbeData.DnsServers::replies).orElse(List.of()));
            explanation = windowsFound + " " + rulesSaid + " " + tunneling.because() + " "
                    + quirkWords(quirk);
            confidence = quirk == Quirk.NONE ? Confidence.MEDIUM : Confidence.HIGH;
            if (quirk == Quirk.UNPARSED) {
                fixes.add(new FixSuggestion(FixId.WSLCONFIG_BEST_EFFORT_DNS_PARSING,
                        Words.get("finding.VPN_DNS_NOT_IN_WSL.fix.WSLCONFIG_BEST_EFFORT_DNS_PARSING.title"),
                        Words.get("finding.VPN_DNS_NOT_IN_WSL.fix.WSLCONFIG_BEST_EFFORT_DNS_PARSING.detail"),
                        FixPlan.WslconfigSetting.bestEffortDnsParsingOn()));
            }
            fixes.add(new FixSuggestion(FixId.DNS_SERVERS_FROM_WINDOWS, Words.get("finding.VPN_DNS_NOT_IN_WSL.fix.DNS_SERVERS_FROM_WINDOWS.title"),
                    Words.get("finding.VPN_DNS_NOT_IN_WSL.fix.DNS_SERVERS_FROM_WINDOWS.detail")));
        } else if (tunneling.state() == Tunneling.OFF && wslconfigSetsTunneling(obs)) {
            // .wslconfig asks for it and WSL still runs without: WSL turned it off itself, so
            // setting it again changes nothing; Windows' servers in resolv.conf is the way left.
            explanation = windowsFound + " " + rulesSaid + " " + tunneling.because() + " "
                    + Words.get("finding.VPN_DNS_NOT_IN_WSL.turnedOffByWsl");
            confidence = Confidence.MEDIUM;
            fixes.add(new FixSuggestion(FixId.DNS_SERVERS_FROM_WINDOWS, Words.get("finding.VPN_DNS_NOT_IN_WSL.fix.DNS_SERVERS_FROM_WINDOWS.title"),
                    Words.get("finding.VPN_DNS_NOT_IN_WSL.fix.DNS_SERVERS_FROM_WINDOWS.detail")));
        } else {
            explanation = windowsFound + " " + rulesSaid + " " + tunneling.because() + " "
                    + Words.get("finding.VPN_DNS_NOT_IN_WSL.tunnelingOff");
            // Sure when a name rule covers the name and tunneling is known off: exactly what the docs describe.
            confidence = tunneling.state() == Tunneling.OFF && !matching.isEmpty() ? Confidence.HIGH : Confidence.MEDIUM;
            fixes.add(new FixSuggestion(FixId.WSLCONFIG_DNS_TUNNELING, Words.get("finding.VPN_DNS_NOT_IN_WSL.fix.WSLCONFIG_DNS_TUNNELING.title"),
                    Words.get("finding.VPN_DNS_NOT_IN_WSL.fix.WSLCONFIG_DNS_TUNNELING.detail"), FixPlan.WslconfigSetting.dnsTunnelingOn()));
        }
        return Optional.of(new Finding(FindingId.VPN_DNS_NOT_IN_WSL, Severity.PROBLEM, confidence,
                Words.get("finding.VPN_DNS_NOT_IN_WSL.title", r.host()), explanation, evidence, fixes));
    };

    /** Which of Windows' name rules cover the name: one, others only, none at all, or not known. */
    static String rulesSentence(String name, Fact<List<WindowsPolicy.NameRule>> rules, List<WindowsPolicy.NameRule> matching) {
        if (!rules.known()) {
            return Words.get("vpnDns.rules.unknown", rules.unknownBecause());
        }
        if (!matching.isEmpty()) {
            return Words.get("vpnDns.rules.matching", String.join(Words.get("list.and"), matching.stream().map(SplitDnsRules::rule).toList()), name);
        }
        if (!rules.value().isEmpty()) {
            return Words.get("vpnDns.rules.others", String.join(Words.get("list.and"), rules.value().stream().map(SplitDnsRules::rule).toList()), name);
        }
        return Words.get("vpnDns.rules.none", name);
    }

    private static String rule(WindowsPolicy.NameRule n) {
        return n.nameServers().isEmpty() ? "\"" + n.namespace() + "\""
                : Words.get("vpnDns.rule", n.namespace(), String.join(", ", n.nameServers()));
    }

    /**
     * Inside the distro, for a name that does not resolve: with WSL 2 in NAT mode and tunneling
     * known off, what tunneling would change if Windows opens the name on a VPN. Only a hint on
     * {@code name-not-resolved}, never a VPN verdict: from here no VPN and no Windows answer is
     * visible, and a mistyped name looks just the same.
     */
    static Optional<String> insideHint(Observations obs) {
        Optional<ProbeData.Resolution> res = obs.data(ProbeData.Resolution.class).filter(r -> !r.resolved() && r.windows() == null);
        Environment env = obs.environment();
        boolean natWsl2 = env != null && env.wsl() != null && env.wsl().kind() == WslFacts.Kind.WSL2
                && "nat".equalsIgnoreCase(env.wsl().networkingMode());
        if (res.isEmpty() || !natWsl2 || tunneling(obs).state() != Tunneling.OFF) {
            return Optional.empty();
        }
        return Optional.of(Words.get("finding.NAME_NOT_RESOLVED.vpnHint", res.get().host()));
    }

    /** The fix that goes with {@link #insideHint}. */
    static FixSuggestion tunnelingFixForHint() {
        return new FixSuggestion(FixId.WSLCONFIG_DNS_TUNNELING, Words.get("finding.VPN_DNS_NOT_IN_WSL.fix.WSLCONFIG_DNS_TUNNELING.title"),
                Words.get("finding.NAME_NOT_RESOLVED.fix.WSLCONFIG_DNS_TUNNELING.detail"), FixPlan.WslconfigSetting.dnsTunnelingOn());
    }
}
