// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.ConfigProblem;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.DnsPath;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.testing.Environments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static dev.netdoctor.report.RedactionTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the names to hide come from, one place at a time: a report that names a host or a user
 * in only that place, and otherwise only in plain words ("zephyr and carol were asked"), where
 * no text shows them by their form. Each place alone must be enough to hide the name everywhere.
 */
class RedactionNamesTest {
    private static final String NOTE = "zephyr and carol were asked; Zephyr again";
    private static final SshClientFacts NO_SSH = SshClientFacts.missing("No OpenSSH client (ssh) is installed.");

    /** A report whose only mention of anything is the note, plus what {@code with} adds. */
    private static DiagnosisResult result(DiagnosisResult.Request request, SshClientFacts ssh, List<ProbeOutcome> probes,
                                          List<Finding> findings, String... notes) {
        Environment env = Environments.linux().kernel("6.6.87.2-microsoft-standard-WSL2").wsl(Environments.wsl2("Ubuntu", "nat"))
                .sshClient(ssh).notes(notes).build();
        return new DiagnosisResult(DiagnosisResult.SCHEMA_VERSION, "wsl-net-doctor", "0.1.0",
                OffsetDateTime.parse("2026-11-22T03:00:00Z"), 5, request, env, probes, findings, "No problem found", true);
    }

    private static DiagnosisResult.Request request(String target, String vantage) {
        return new DiagnosisResult.Request(target, List.of(), vantage, 2000, 20000);
    }

    private static ReportData withProbe(ProbeData data, Map<String, String> parameters) {
        ProbeOutcome p = new ProbeOutcome(ProbeId.NAME_RESOLUTION, "a check", ProbeStatus.COMPLETED, "done", parameters, 0, 1,
                data, List.of(), null);
        return ReportData.of(result(request(null, null), NO_SSH, List.of(p), List.of(), NOTE));
    }

    private static ReportData withSsh(Map<String, String> effective) {
        SshClientFacts ssh = new SshClientFacts(true, "OpenSSH_9.6p1", effective, "lowdelay", "throughput", null);
        return ReportData.of(result(request(null, null), ssh, List.of(), List.of(), NOTE));
    }

    private static ReportData noting(String... notes) {
        return ReportData.of(result(request(null, null), NO_SSH, List.of(), List.of(), notes));
    }

    private static ReportData withFixDiff(String diff) {
        FixRecord fix = new FixRecord(FixId.SSH_CONFIG_IPQOS_NONE, "Turn off SSH packet marking", FixRecord.APPLIED,
                "/etc/ssh/ssh_config", null, diff, null, OffsetDateTime.parse("2026-11-22T03:40:00Z"));
        return new ReportData(result(request(null, null), NO_SSH, List.of(), List.of(), NOTE), List.of(fix), null, false);
    }

    private static ConfigFileCheck wslConf(Map<String, String> settings, List<ConfigProblem> problems) {
        return new ConfigFileCheck(ConfigFileCheck.WSL_CONF, "/etc/wsl.conf", ConfigFileCheck.READ, null, "UTF-8", settings, null, problems);
    }

    private static ConfigProblem problem(String key, String text) {
        return new ConfigProblem(FindingId.WSLCONFIG_DUPLICATE_KEY, "duplicate-key", 3, text, key, "WSL uses the first one", false);
    }

    static Stream<Arguments> places() {
        return Stream.of(
                Arguments.of("the outside host asked for", ReportData.of(result(request(null, "carol@zephyr:2222"), NO_SSH, List.of(), List.of(), NOTE))),
                Arguments.of("ssh's effective hostkeyalias and user", withSsh(Map.of("hostkeyalias", "zephyr", "user", "carol"))),
                Arguments.of("ssh's proxycommand", withSsh(Map.of("proxycommand", "ssh -W %h:%p carol@zephyr"))),
                Arguments.of("the outside host a check was given",
                        withProbe(null, Map.of(ProbeId.VANTAGE_HOST, "carol@zephyr:22"))),
                Arguments.of("the outside check's user and host", withProbe(new ProbeData.Vantage("carol", "zephyr", 22, null,
                        ProbeData.Vantage.HostKeyStatus.NOT_SEEN, false, List.of(), "refused"), Map.of())),
                Arguments.of("wsl.conf's host name and default user", withProbe(new ProbeData.ConfigFiles(List.of(
                        wslConf(Map.of("network.hostname", "zephyr", "user.default", "carol"), List.of()))), Map.of())),
                Arguments.of("wsl.conf's lines WSL does not use", withProbe(new ProbeData.ConfigFiles(List.of(
                        wslConf(Map.of(), List.of(problem("network.hostname", "hostname = \"zephyr\""),
                                problem("user.default", "default=carol"))))), Map.of())),
                Arguments.of("a fix diff's HostKeyAlias and User lines",
                        withFixDiff("--- a\n+++ b\n@@ -1,2 +1,2 @@\n Host work\n     HostKeyAlias zephyr\n-    User carol\n")),
                Arguments.of("a fix diff's Match line",
                        withFixDiff("--- a\n+++ b\n@@ -1 +1 @@\n Match originalhost zephyr localuser !carol\n")),
                Arguments.of("a home folder", noting(NOTE, "key in /home/carol/.ssh/id_ed25519", "debug1: Connecting to zephyr [203.0.113.9] port 22.")),
                Arguments.of("a Windows profile folder", noting(NOTE, "C:\\Users\\carol\\.wslconfig", "debug1: Connecting to zephyr [203.0.113.9] port 22.")),
                Arguments.of("ssh -v's Connecting and Authenticating lines", noting(NOTE,
                        "debug1: Connecting to zephyr [203.0.113.9] port 22.", "debug1: Authenticating to zephyr:22 as 'carol'")),
                Arguments.of("ssh's could-not-resolve message", noting(NOTE,
                        "ssh: Could not resolve hostname zephyr: Name or service not known; user carol",
                        "debug1: Authenticating to gate:22 as 'carol'")),
                Arguments.of("getent's answer", noting(NOTE, "203.0.113.9     STREAM zephyr\n203.0.113.9     DGRAM  \n",
                        "debug1: Authenticating to gate:22 as 'carol'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void aNameGivenInOnePlaceIsHiddenEverywhere(String place, ReportData report) {
        String note = Redaction.apply(report).result().environment().notes().getFirst();
        assertThat(note).matches("host-\\d+ and user-\\d+ were asked; host-\\d+ again");
    }

    @Test
    void plainWordsAloneNameNothing() {
        assertThat(Redaction.apply(noting(NOTE)).result().environment().notes()).containsExactly(NOTE);
    }

    @Test
    void theTargetTheNameLookupAndTheDnsCheckNameHosts() {
        for (ReportData report : List.of(
                withProbe(new ProbeData.Resolution("zephyr", List.of(), "getent ahosts", "not found"), Map.of()),
                withProbe(new ProbeData.DnsServers("zephyr", List.of("203.0.113.53"), DnsPath.OTHER_SERVERS, false, List.of()), Map.of()),
                withFixDiff("--- a\n+++ b\n@@ -1 +1 @@\n Host work\n     HostName zephyr\n"))) {
            String note = Redaction.apply(report).result().environment().notes().getFirst();
            assertThat(note).matches("host-\\d+ and carol were asked; host-\\d+ again");
        }
    }

    @Test
    void theFixForTheTargetNamesItsHostAndPattern() {
        FixSuggestion fix = new FixSuggestion(FixId.SSH_CONFIG_IPQOS_NONE, "Turn off SSH packet marking", "IPQoS none",
                new FixPlan.SshIpqosNone("build-*.zephyr.lan", "nimbus"));
        Finding finding = new Finding(FindingId.DSCP_MARKED_SYN_DROPPED, Severity.PROBLEM, Confidence.HIGH, "Marked packets are dropped",
                "explained", List.of(), List.of(fix));
        ReportData report = ReportData.of(result(request(null, null), NO_SSH, List.of(), List.of(finding), "nimbus is in zephyr.lan"));
        assertThat(Redaction.apply(report).result().environment().notes()).containsExactly("host-1 is in host-2");
    }

    @Test
    void aNameOnlyTheVerificationRunGivesIsHiddenInTheFirstRunToo() {
        ReportData report = new ReportData(result(request(null, null), NO_SSH, List.of(), List.of(), NOTE), List.of(),
                result(request("zephyr:22", "carol@gate:22"), NO_SSH, List.of(), List.of()), false);
        assertThat(Redaction.apply(report).result().environment().notes().getFirst())
                .matches("host-\\d+ and user-\\d+ were asked; host-\\d+ again");
    }

    @Test
    void everyWordOfAMatchLineThatNamesAHostOrUser() {
        ReportData report = withFixDiff("--- a\n+++ b\n@@ -1 +1 @@\n-Match host build*,ci-box user deploy,!guest exec true\n");
        ReportData redacted = Redaction.apply(report);
        assertThat(redacted.fixHistory().getFirst().diff())
                .endsWith("\n-Match host host-1*,host-2 user user-1,!user-2 exec true\n");
    }

    @Test
    void aHostHidesItsParentDomainsButNotItsTopLevelDomain() {
        RedactionNames names = new RedactionNames();
        names.collect(result(request("NAS.corp.acme.com.:22", null), NO_SSH, List.of(), List.of()));
        assertThat(names.hosts()).containsExactly("nas.corp.acme.com", "corp.acme.com", "acme.com");
    }

    @Test
    void twoLetterNamesAreHiddenOneLetterNamesAreNot() {
        RedactionNames names = new RedactionNames();
        names.collect(result(request("db:22", "a@b:22"), NO_SSH, List.of(), List.of()));
        assertThat(names.hosts()).containsExactly("db");
        assertThat(names.users()).isEmpty();
    }

    /** Only text is rewritten: a name that is also one of the report's own words leaves enums, kinds and ids alone. */
    @Test
    void aNameThatIsAlsoAWordOfTheSchemaLeavesTheReportReadable() throws IOException {
        // "info" is a common shared account, "ping" a host's name as good as any
        Finding finding = new Finding(FindingId.DSCP_MARKED_SYN_DROPPED, Severity.INFO, Confidence.HIGH, "info about ping",
                "explained", List.of(), List.of());
        ProbeOutcome ping = new ProbeOutcome(ProbeId.PING, "Reach ping", ProbeStatus.COMPLETED, "ping answered info",
                Map.of(), 0, 1, new ProbeData.Ping("203.0.113.9", 2, 2, 1.0), List.of(), null);
        ProbeOutcome vantage = new ProbeOutcome(ProbeId.OUTSIDE_VANTAGE, "From outside", ProbeStatus.COMPLETED, "known",
                Map.of(), 0, 1, new ProbeData.Vantage("info", "known", 22, null, ProbeData.Vantage.HostKeyStatus.KNOWN, true,
                List.of(), null), List.of(), null);
        FixRecord fix = new FixRecord(FixId.SSH_CONFIG_IPQOS_NONE, "for ping", FixRecord.APPLIED, "/home/info/.ssh/config",
                null, null, null, OffsetDateTime.parse("2026-11-22T03:40:00Z"));
        ReportData report = new ReportData(result(request("ping:22", "info@known:22"), NO_SSH, List.of(ping, vantage),
                List.of(finding)), List.of(fix), null, false);
        ReportData redacted = Redaction.apply(report);
        String json = json(redacted);
        ReportData back = JsonReport.read(json);
        assertThat(back.result().findings().getFirst().severity()).isEqualTo(Severity.INFO);
        assertThat(back.result().probes().get(0).data()).isInstanceOf(ProbeData.Ping.class);
        assertThat(back.result().probes().get(1).dataAs(ProbeData.Vantage.class).orElseThrow().hostKeyStatus())
                .isEqualTo(ProbeData.Vantage.HostKeyStatus.KNOWN);
        assertThat(back.fixHistory().getFirst().fixId()).isEqualTo(FixId.SSH_CONFIG_IPQOS_NONE);
        assertThat(back.result().probes().get(0).title()).matches("Reach host-\\d+");
        assertThat(back.fixHistory().getFirst().file()).matches("/home/user-\\d+/\\.ssh/config");
        assertThat(json.toLowerCase(Locale.ROOT)).contains("\"kind\" : \"ping\"");
    }
}
