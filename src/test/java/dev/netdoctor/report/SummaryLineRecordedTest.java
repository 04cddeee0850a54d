// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.SummaryLine;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.report.fixtures.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary line of every result the lab recorded: no address, host name or user name of the
 * result by default, every part right, within 2,048 characters however many findings.
 */
class SummaryLineRecordedTest {
    static final List<String> RECORDED = Results.RECORDED;

    /** The lab's addresses, host names, and user names (home folders, user@host) as the recorded JSON holds them. */
    private static final Pattern PRIVATE = Pattern.compile("198\\.1[89]\\.\\d{1,3}\\.\\d{1,3}|fe80::[0-9a-f:]+|fd[0-9a-f]{2}:[0-9a-f:]+"
            + "|(?<=/home/)[A-Za-z0-9._-]+|[A-Za-z0-9._-]+(?=@)|[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:test|example|local|arpa|lan|corp)\\b");

    private static String json(String name) throws IOException {
        try (InputStream in = Results.class.getResourceAsStream("/dev/netdoctor/report/results/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every private string of one result: what the JSON text shows, and what its fields hold. */
    private static Set<String> privateStrings(String name, DiagnosisResult r) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PRIVATE.matcher(json(name));
        while (m.find()) {
            found.add(m.group());
        }
        Environment env = r.environment();
        for (NetInterface i : env.interfaces()) {
            found.addAll(i.ipv4());
            found.addAll(i.ipv6());
        }
        found.addAll(env.dnsServers());
        if (env.defaultGateway() != null) {
            found.add(env.defaultGateway());
        }
        if (r.request().target() != null) {
            found.add(r.request().target().replaceFirst(":\\d+$", ""));
        }
        if (r.request().vantage() != null) {
            found.add(r.request().vantage().replaceFirst(":\\d+$", ""));
        }
        if (env.wsl().distro() != null) {
            found.add(env.wsl().distro()); // the registered name: the user may have chosen it
        }
        if (env.windows() != null && env.windows().defaultDistro() != null) {
            found.add(env.windows().defaultDistro());
        }
        found.removeIf(s -> s.length() < 3); // a two-letter fragment would match inside any version
        return found;
    }

    @ParameterizedTest
    @FieldSource("RECORDED")
    void noAddressHostOrUserNameByDefault(String name) throws IOException {
        DiagnosisResult r = Results.recorded(name).result();
        String line = SummaryLine.of(r, false).format();
        Set<String> secrets = privateStrings(name, r);
        assertThat(secrets).as("the recorded result has something to hide").isNotEmpty();
        for (String secret : secrets) {
            assertThat(line).as(name + ": " + secret).doesNotContainIgnoringCase(secret)
                    .doesNotContainIgnoringCase(SummaryLineRecordedTest.encoded(secret));
        }
        assertThat(line).doesNotContain(r.verdict().replace(" ", "%20"));
    }

    /** As RFC 3986 percent-encoding writes it (URLEncoder writes a space as '+', and leaves '*'). */
    private static String encoded(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    @ParameterizedTest
    @FieldSource("RECORDED")
    void everyPartOfTheResultReadsBack(String name) {
        DiagnosisResult r = Results.recorded(name).result();
        SummaryLine s = SummaryLine.parse("Output: " + SummaryLine.of(r, false).format()).orElseThrow();
        assertThat(s.findings()).isEqualTo(r.findings().stream().map(f -> f.id().id()).toList());
        assertThat(s.findingsLeftOut()).isZero();
        int exit = r.problemFound() ? 1 : r.complete() ? 0 : 3;
        assertThat(s.exit()).hasValue(exit);
        assertThat(s.verdict()).isEqualTo(switch (exit) {
            case 1 -> SummaryLine.PROBLEM;
            case 0 -> SummaryLine.NO_PROBLEM;
            default -> SummaryLine.INCOMPLETE;
        });
        assertThat(s.complete()).contains(r.complete());
        assertThat(s.app()).isEqualTo(r.toolVersion());
        assertThat(s.kernel()).isEqualTo(r.environment().kernel());
        String mode = r.environment().wsl().networkingMode();
        assertThat(s.mode()).isEqualTo(mode == null ? "unknown" : mode);
        if (r.environment().windows() == null) {
            // inside the distro: the OS the app read from its os-release, without OSHI's " build <kernel>"
            assertThat(s.distro()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
            assertThat(s.wsl()).isEqualTo("unknown");
            assertThat(s.windows()).isEqualTo("unknown");
        } else {
            // from Windows the result holds Windows' OS only, and the distro's registered name is not asked for
            assertThat(s.distro()).isEqualTo(SummaryLine.REDACTED);
            assertThat(s.wsl()).isEqualTo("2.3.26.0");
            assertThat(s.windows()).isEqualTo(r.environment().windows().windowsBuild()).isEqualTo("10.0.26100.2605");
        }
    }

    @Test
    void theRegisteredNameOnlyWhenAsked() {
        DiagnosisResult r = Results.recorded("vpn-mtu").result();
        assertThat(SummaryLine.of(r, true).distro()).isEqualTo("Lab");
        assertThat(SummaryLine.of(r, true).format()).contains(" distro=Lab ");
        assertThat(SummaryLine.of(r, false).format()).doesNotContain("Lab");
        assertThat(SummaryLine.of(Results.recorded("healthy").result(), true).distro()).isEqualTo("unknown");
    }

    @Test
    void theLargestResultFits() throws IOException {
        String largest = RECORDED.stream().max(Comparator.comparingInt(n -> {
            try {
                return json(n).length();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).orElseThrow();
        List<ReportData> all = new ArrayList<>(Results.everyFindingType());
        all.add(Results.recorded(largest));
        for (ReportData d : all) {
            String line = SummaryLine.of(d.result(), true).format();
            assertThat(line.length()).isLessThanOrEqualTo(SummaryLine.MAX_LENGTH);
            assertThat(SummaryLine.parse(line).orElseThrow().findings()).hasSize(d.result().findings().size());
        }
    }

    @Test
    void aResultWithEveryFindingManyTimesOverEndsWithHowManyWereLeftOut() {
        DiagnosisResult r = Results.recorded("vpn-mtu").result();
        List<Finding> many = IntStream.range(0, 500).mapToObj(i -> new Finding(FindingId.values()[i % FindingId.values().length],
                Severity.PROBLEM, Confidence.values()[0], "t", "e", List.of(), List.of())).toList();
        DiagnosisResult big = new DiagnosisResult(r.schemaVersion(), r.tool(), r.toolVersion(), r.startedAt(), r.durationMillis(),
                r.request(), r.environment(), r.probes(), many, r.verdict(), r.complete());
        String line = SummaryLine.of(big, true).format();
        assertThat(line.length()).isLessThanOrEqualTo(SummaryLine.MAX_LENGTH);
        SummaryLine back = SummaryLine.parse(line).orElseThrow();
        assertThat(back.findingsLeftOut()).isPositive();
        assertThat(back.findings().size() + back.findingsLeftOut()).isEqualTo(500);
        assertThat(back.findings()).isEqualTo(many.subList(0, back.findings().size()).stream().map(f -> f.id().id()).toList());
        assertThat(line).endsWith(" complete=true exit=1");
    }
}
