// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.DnsPath;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsNameLookup;
import dev.netdoctor.model.WindowsPolicy;
import dev.netdoctor.testing.Environments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Company names on a VPN: Windows finds the name, the distro does not. Tunneling off gives the
 * tunneling fix, tunneling on names the quirk the distro's questions show; every other case is
 * left to the generic name cards.
 */
class SplitDnsRulesTest {
    private static final String NAME = "intranet.corp.example";
    private static final Target TARGET = Target.parse(NAME + ":443");
    private static final WindowsPolicy.NameRule CORP = new WindowsPolicy.NameRule(".corp.example", List.of("10.1.1.1"));
    private static final WindowsPolicy.NameRule OTHER = new WindowsPolicy.NameRule(".other.example", List.of("10.2.2.2"));
    private static final WindowsNameLookup WINDOWS_FINDS = new WindowsNameLookup(List.of("10.1.2.3"), null, 40, false);
    private static final WindowsNameLookup WINDOWS_DOES_NOT = new WindowsNameLookup(List.of(), "Windows found no address for " + NAME, 40, false);

    private final Diagnoser diagnoser = new Diagnoser();

    private static DnsReply reply(String server, DnsReply.Transport t, DnsReply.Outcome o, String detail) {
        return new DnsReply(server, t, o, List.of(), 30, detail);
    }

    private static List<ProbeOutcome> outcomes(WindowsNameLookup windows, DnsPath path, DnsReply.Outcome outcome, String detail) {
        String server = path == DnsPath.DNS_TUNNELING ? "10.255.255.254" : "198.18.1.1";
        List<ProbeOutcome> o = new ArrayList<>();
        o.add(Scenarios.outcome(ProbeId.NAME_RESOLUTION, new ProbeData.Resolution(NAME, List.of(), "getent ahosts",
                "no address found for " + NAME, windows)));
        o.add(Scenarios.outcome(ProbeId.DNS_SERVERS, new ProbeData.DnsServers(NAME, List.of(server), path, true, List.of(
                reply(server, DnsReply.Transport.UDP, outcome, detail), reply(server, DnsReply.Transport.TCP, outcome, detail)))));
        return o;
    }

    private static Environment fromWindows(Fact<List<WindowsPolicy.NameRule>> rules, String wsl, String build) {
        WindowsPolicy policy = new WindowsPolicy(Fact.unknown("-"), Fact.unknown("-"), Fact.unknown("-"), Fact.unknown("-"),
                Fact.unknown("-"), Fact.unknown("-"), rules, Fact.unknown("-"), Fact.unknown("-"), Fact.unknown("-"));
        WindowsFacts windows = new WindowsFacts(wsl, build, "Ubuntu", 2, "", List.of(), null, null, null, policy);
        return Environments.from(inside()).windows(windows).build();
    }

    private static Environment fromWindows(WindowsPolicy.NameRule... rules) {
        return fromWindows(Fact.known(List.of(rules)), "WSL 2.3.26.0, WSL kernel 5.15.167.4-1, Windows 10.0.26100.2605", "10.0.26100.2605");
    }

    /** WSL 2 in NAT mode, gateway 198.18.1.1. */
    private static Environment inside() {
        return new Scenarios("198.18.0.10").environment();
    }

    private Finding only(Environment env, List<ProbeOutcome> o) {
        List<Finding> f = diagnoser.diagnose(TARGET, env, o);
        assertThat(f).extracting(Finding::id).containsExactly(FindingId.VPN_DNS_NOT_IN_WSL);
        return f.getFirst();
    }

    @Test
    void tunnelingOffWithARuleForTheNameIsTheVpnsDnsWithTheTunnelingFix() {
        Finding f = only(fromWindows(OTHER, CORP), outcomes(WINDOWS_FINDS, DnsPath.NAT_DNS_PROXY, DnsReply.Outcome.NXDOMAIN, "NXDOMAIN"));
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.title()).isEqualTo("Windows finds intranet.corp.example, WSL does not: the VPN's names do not reach WSL");
        assertThat(f.explanation()).contains("Windows' own resolver finds \"intranet.corp.example\" (10.1.2.3)")
                .contains("a name rule for \".corp.example\" (asked of 10.1.1.1), which covers intranet.corp.example")
                .doesNotContain(".other.example")
                .contains("DNS tunneling is off: the distro's /etc/resolv.conf names WSL's NAT DNS proxy at its gateway (198.18.1.1)");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.WSLCONFIG_DNS_TUNNELING);
        assertThat(f.fixes().getFirst().plan()).isEqualTo(FixPlan.WslconfigSetting.dnsTunnelingOn());
        assertThat(f.fixes().getFirst().detail()).contains("wsl --shutdown");
    }

    @Test
    void rulesThatDoNotCoverTheNameAreNamedAndMakeItLessSure() {
        Finding f = only(fromWindows(OTHER), outcomes(WINDOWS_FINDS, DnsPath.NAT_DNS_PROXY, DnsReply.Outcome.NXDOMAIN, "NXDOMAIN"));
        assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(f.explanation()).contains("name rules (NRPT) for \".other.example\" (asked of 10.2.2.2), though none covers intranet.corp.example");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.WSLCONFIG_DNS_TUNNELING);

        Finding none = only(fromWindows(), outcomes(WINDOWS_FINDS, DnsPath.NAT_DNS_PROXY, DnsReply.Outcome.NXDOMAIN, "NXDOMAIN"));
        assertThat(none.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(none.explanation()).contains("Windows has no name rule (NRPT) at all");

        Finding unread = only(fromWindows(Fact.unknown("PowerShell did not start"), "WSL 2.3.26.0", "10.0.26100.2605"),
                outcomes(WINDOWS_FINDS, DnsPath.NAT_DNS_PROXY, DnsReply.Outcome.NXDOMAIN, "NXDOMAIN"));
        assertThat(unread.explanation()).contains("could not be read: PowerShell did not start");
    }

    @Test
    void withTunnelingOnASuffixAppendedAnswerIsThatQuirkWithWindowsServersAsTheWayAround() {
        Finding f = only(fromWindows(CORP), outcomes(WINDOWS_FINDS, DnsPath.DNS_TUNNELING, DnsReply.Outcome.ERROR,
                DnsReply.SUFFIX_APPENDED + ": the answer is for intranet.corp.example.lan."));
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.explanation()).contains("DNS tunneling is on").contains("search suffix").contains("#11382");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.DNS_SERVERS_FROM_WINDOWS);
        assertThat(f.fixes().getFirst().detail()).contains("dnsTunneling=false and dnsProxy=false");
    }

    @Test
    void withTunnelingOnAnAnswerItCannotParseOffersBestEffortParsingInExperimental() {
        for (DnsReply.Outcome o : List.of(DnsReply.Outcome.SERVFAIL, DnsReply.Outcome.ERROR)) {
            String detail = o == DnsReply.Outcome.ERROR ? "FORMERR" : "SERVFAIL";
            Finding f = only(fromWindows(CORP), outcomes(WINDOWS_FINDS, DnsPath.DNS_TUNNELING, o, detail));
            assertThat(f.explanation()).as(detail).contains("bestEffortDnsParsing");
            assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.WSLCONFIG_BEST_EFFORT_DNS_PARSING, FixId.DNS_SERVERS_FROM_WINDOWS);
            assertThat(f.fixes().getFirst().plan()).isEqualTo(new FixPlan.WslconfigSetting("experimental.bestEffortDnsParsing", "true"));
        }
        Finding mismatch = only(fromWindows(CORP), outcomes(WINDOWS_FINDS, DnsPath.DNS_TUNNELING, DnsReply.Outcome.ERROR,
                DnsReply.QUESTION_MISMATCH + ": the answer is for other.example."));
        assertThat(mismatch.fixes()).extracting(FixSuggestion::id).startsWith(FixId.WSLCONFIG_BEST_EFFORT_DNS_PARSING);
    }

    @Test
    void withTunnelingOnTimeoutsAreTheVpnTimeoutQuirkNotADeadDnsPath() {
        Finding f = only(fromWindows(CORP), outcomes(WINDOWS_FINDS, DnsPath.DNS_TUNNELING, DnsReply.Outcome.NO_ANSWER, "no answer within 2000 ms"));
        assertThat(f.explanation()).contains("no answer in time").contains("#10520");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.DNS_SERVERS_FROM_WINDOWS);
    }

    @Test
    void withTunnelingOnAPlainNoFitsNoKnownQuirkAndIsLessSure() {
        Finding f = only(fromWindows(CORP), outcomes(WINDOWS_FINDS, DnsPath.DNS_TUNNELING, DnsReply.Outcome.NXDOMAIN, "NXDOMAIN"));
        assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(f.explanation()).contains("fits none of tunneling's known problems");
    }

    @Test
    void whenWindowsDoesNotFindTheNameEitherItIsTheGenericNameCard() {
        List<Finding> f = diagnoser.diagnose(TARGET, fromWindows(CORP), outcomes(WINDOWS_DOES_NOT, DnsPath.NAT_DNS_PROXY, DnsReply.Outcome.NXDOMAIN, "NXDOMAIN"));
        assertThat(f).extracting(Finding::id).containsExactly(FindingId.NAME_NOT_RESOLVED);
        // the inside hint is for when Windows was not asked: here it was, and knows nothing either
        assertThat(f.getFirst().explanation()).doesNotContain("dnsTunneling");
        assertThat(f.getFirst().fixes()).extracting(FixSuggestion::id).containsExactly(FixId.CHECK_HOST_NAME);
    }

    @Test
    void aDeadDnsPathWithTunnelingOffStaysTheDnsPathCard() {
        List<Finding> f = diagnoser.diagnose(TARGET, fromWindows(CORP), outcomes(WINDOWS_FINDS, DnsPath.NAT_DNS_PROXY, DnsReply.Outcome.NO_ANSWER, "x"));
        assertThat(f).extracting(Finding::id).containsExactly(FindingId.DNS_SERVER_UNREACHABLE);
    }

    @Test
    void tunnelingAskedForYetOffIsWslTurningItOffItselfWithWindowsServersAsTheWayLeft() {
        List<ProbeOutcome> o = outcomes(WINDOWS_FINDS, DnsPath.NAT_DNS_PROXY, DnsReply.Outcome.NXDOMAIN, "NXDOMAIN");
        o.add(wslconfig(Map.of("wsl2.dnsTunneling", "true")));
        Finding f = only(fromWindows(CORP), o);
        assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(f.explanation()).contains("WSL turned tunneling off itself").contains("Global Secure Access")
                .contains("if the setting was written since WSL last started, run wsl --shutdown");
        assertThat(f.fixes()).extracting(FixSuggestion::id).containsExactly(FixId.DNS_SERVERS_FROM_WINDOWS);
    }

    @Test
    void noServerInResolvConfIsTheDnsPathCardNotTheVpn() {
        List<ProbeOutcome> o = outcomes(WINDOWS_FINDS, DnsPath.NAT_DNS_PROXY, DnsReply.Outcome.NXDOMAIN, "NXDOMAIN");
        o.set(1, Scenarios.outcome(ProbeId.DNS_SERVERS, new ProbeData.DnsServers(NAME, List.of(), DnsPath.NONE, true, List.of())));
        List<Finding> f = diagnoser.diagnose(TARGET, fromWindows(CORP), o);
        assertThat(f).extracting(Finding::id).containsExactly(FindingId.DNS_SERVER_UNREACHABLE);
    }

    private static ProbeOutcome wslconfig(Map<String, String> settings) {
        return Scenarios.outcome(ProbeId.CONFIG_FILES, new ProbeData.ConfigFiles(List.of(new ConfigFileCheck(ConfigFileCheck.WSLCONFIG,
                "C:\\Users\\me\\.wslconfig", ConfigFileCheck.READ, null, "UTF-8", settings, null, List.of()))));
    }

    @Test
    void insideTheDistroWithTunnelingOffInNatModeTheNameCardSaysWhatTunnelingWouldChange() {
        List<Finding> f = diagnoser.diagnose(TARGET, inside(), outcomes(null, DnsPath.NAT_DNS_PROXY, DnsReply.Outcome.NXDOMAIN, "NXDOMAIN"));
        assertThat(f).extracting(Finding::id).containsExactly(FindingId.NAME_NOT_RESOLVED);
        assertThat(f.getFirst().confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.getFirst().explanation()).contains("If Windows opens intranet.corp.example").contains("dnsTunneling=true");
        assertThat(f.getFirst().fixes()).extracting(FixSuggestion::id).containsExactly(FixId.CHECK_HOST_NAME, FixId.WSLCONFIG_DNS_TUNNELING);
        assertThat(f.getFirst().fixes().getLast().plan()).isEqualTo(FixPlan.WslconfigSetting.dnsTunnelingOn());
    }

    @Test
    void insideTheDistroWithTunnelingOnOrInMirroredModeThereIsNoHint() {
        List<Finding> on = diagnoser.diagnose(TARGET, inside(), outcomes(null, DnsPath.DNS_TUNNELING, DnsReply.Outcome.NXDOMAIN, "NXDOMAIN"));
        assertThat(on.getFirst().fixes()).extracting(FixSuggestion::id).containsExactly(FixId.CHECK_HOST_NAME);
        Environment mirrored = Environments.from(inside()).wsl(Environments.wsl2("Ubuntu", "mirrored")).build();
        List<Finding> m = diagnoser.diagnose(TARGET, mirrored, outcomes(null, DnsPath.OTHER_SERVERS, DnsReply.Outcome.NXDOMAIN, "NXDOMAIN"));
        assertThat(m.getFirst().fixes()).extracting(FixSuggestion::id).containsExactly(FixId.CHECK_HOST_NAME);
        assertThat(m.getFirst().explanation()).doesNotContain("dnsTunneling");
    }

    @Test
    void tunnelingIsReadFromResolvConfThenWslconfigThenWslsDefaultByVersion() {
        // resolv.conf decides over .wslconfig: it is what WSL did this time
        Observations tunnel = obs(fromWindows(CORP), DnsPath.DNS_TUNNELING, Map.of("wsl2.dnsTunneling", "false"));
        assertThat(SplitDnsRules.tunneling(tunnel).state()).isEqualTo(SplitDnsRules.Tunneling.ON);
        Observations written = obs(fromWindows(CORP), DnsPath.OTHER_SERVERS, Map.of());
        assertThat(SplitDnsRules.tunneling(written).state()).isEqualTo(SplitDnsRules.Tunneling.OFF);
        // no resolv.conf reading: .wslconfig, under either section
        assertThat(SplitDnsRules.tunneling(obs(fromWindows(CORP), null, Map.of("wsl2.dnsTunneling", "false"))).state())
                .isEqualTo(SplitDnsRules.Tunneling.OFF);
        assertThat(SplitDnsRules.tunneling(obs(fromWindows(CORP), null, Map.of("experimental.dnsTunneling", "true"))).state())
                .isEqualTo(SplitDnsRules.Tunneling.ON);
        assertThat(SplitDnsRules.tunneling(obs(fromWindows(CORP), null, Map.of("wsl2.dnsTunneling", "1"))).state())
                .isEqualTo(SplitDnsRules.Tunneling.ON);
        assertThat(SplitDnsRules.tunneling(obs(fromWindows(CORP), null, Map.of("wsl2.dnsTunneling", "FALSE"))).state())
                .isEqualTo(SplitDnsRules.Tunneling.OFF);
        // nothing set: WSL's default, on from 2.2.1 on Windows 11 22H2 (build 22621) and later
        assertThat(byVersion("WSL 2.2.1.0", "10.0.22621.1")).isEqualTo(SplitDnsRules.Tunneling.ON);
        assertThat(byVersion("WSL 2.3.26.0", "10.0.26100.2605")).isEqualTo(SplitDnsRules.Tunneling.ON);
        assertThat(byVersion("WSL 2.1.5.0", "10.0.26100.2605")).isEqualTo(SplitDnsRules.Tunneling.OFF);
        assertThat(byVersion("WSL 2.0.14.0", "10.0.22631.1")).isEqualTo(SplitDnsRules.Tunneling.OFF);
        assertThat(byVersion("WSL 2.3.26.0", "10.0.19045.5247")).isEqualTo(SplitDnsRules.Tunneling.OFF);
        assertThat(byVersion("WSL 2.3.26.0", null)).isEqualTo(SplitDnsRules.Tunneling.UNKNOWN);
        assertThat(byVersion("wsl.exe --version gave no version", "10.0.26100.1")).isEqualTo(SplitDnsRules.Tunneling.UNKNOWN);
        assertThat(SplitDnsRules.byVersion(null).state()).isEqualTo(SplitDnsRules.Tunneling.UNKNOWN);
    }

    private static SplitDnsRules.Tunneling byVersion(String wsl, String build) {
        return SplitDnsRules.byVersion(new WindowsFacts(wsl, build, null, null, "", List.of())).state();
    }

    private static Observations obs(Environment env, DnsPath path, Map<String, String> wslconfig) {
        List<ProbeOutcome> o = new ArrayList<>();
        if (path != null) {
            o.add(Scenarios.outcome(ProbeId.DNS_SERVERS, new ProbeData.DnsServers(NAME, List.of("192.168.1.1"), path, true, List.of())));
        }
        o.add(Scenarios.outcome(ProbeId.CONFIG_FILES, new ProbeData.ConfigFiles(List.of(new ConfigFileCheck(ConfigFileCheck.WSLCONFIG,
                "C:\\Users\\me\\.wslconfig", ConfigFileCheck.READ, null, "UTF-8", wslconfig, null, List.of())))));
        return new Observations(TARGET, env, o);
    }
}
