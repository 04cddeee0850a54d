// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.HandshakeAttempt;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.OpenSshAttempt;
import dev.netdoctor.model.PolicyRule;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.ServicePort;
import dev.netdoctor.model.RelayConnect;
import dev.netdoctor.model.RelayPort;
import dev.netdoctor.model.WindowsProcess;
import dev.netdoctor.model.WindowsService;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.VantageCheck;
import dev.netdoctor.model.VantageRequest;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WslFacts;
import dev.netdoctor.probe.Probe;
import dev.netdoctor.session.DiagnosisSession;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a run brings back (a probe missing, failed, skipped, cancelled or timed out, data
 * with empty lists or null fields, no target, the session's fallback environment), the
 * diagnoser concludes something a person can read, and never claims certainty from a check
 * that did not complete. "No exception ever reaches the user" starts here.
 */
class DiagnoserRobustnessTest {
    private static final Diagnoser DIAGNOSER = new Diagnoser();

    /** Every probe a session can run: all stages of the fullest request, ids as the probes name themselves. */
    static final List<ProbeId> PROBE_IDS = java.util.stream.Stream.of(DiagnosisSession.defaultStages(new DiagnosisRequest(Target.parse("198.18.0.10"),
                    List.of(8443), VantageRequest.parse("alice@198.18.0.20", null, null), null, null)),
                    // without a target, the way out of this computer too
                    DiagnosisSession.defaultStages(new DiagnosisRequest(null, List.of(), null, null, null).withWayOut()))
            .flatMap(List::stream).flatMap(List::stream).map(Probe::id).distinct().toList();

    private static final List<String> LOCAL_ADDRESSES = List.of("127.0.0.1", "::1", "127.0.0.2", "198.18.2.2", "fe80::2");
    private static final int SELF_TEST_PORT = 40000;

    /**
     * For each finding, which checks must have completed before it may claim HIGH confidence:
     * each inner set is "one of these", all sets must hold.
     */
    private static final Map<FindingId, List<Set<ProbeId>>> HIGH_NEEDS = Map.ofEntries(
            Map.entry(FindingId.NAME_NOT_RESOLVED, List.of(Set.of(ProbeId.NAME_RESOLUTION))),
            Map.entry(FindingId.DNS_SERVER_UNREACHABLE, List.of(Set.of(ProbeId.DNS_SERVERS), Set.of(ProbeId.NAME_RESOLUTION))),
            Map.entry(FindingId.HOST_UNREACHABLE, List.of(Set.of(ProbeId.ROUTES, ProbeId.DSCP_CONNECT))),
            Map.entry(FindingId.PORT_REFUSED, List.of(Set.of(ProbeId.DSCP_CONNECT))),
            Map.entry(FindingId.PORT_FILTERED, List.of(Set.of(ProbeId.DSCP_CONNECT), Set.of(ProbeId.PING))),
            Map.entry(FindingId.SSH_NO_GREETING, List.of(Set.of(ProbeId.DSCP_CONNECT), Set.of(ProbeId.SSH_HANDSHAKE), Set.of(ProbeId.OPENSSH_CLIENT))),
            Map.entry(FindingId.DSCP_MARKED_SYN_DROPPED, List.of(Set.of(ProbeId.DSCP_CONNECT))),
            Map.entry(FindingId.DSCP_FIXED_FOR_SSH, List.of(Set.of(ProbeId.DSCP_CONNECT))),
            Map.entry(FindingId.PATH_MTU_BLACKHOLE, List.of(Set.of(ProbeId.PATH_MTU))),
            Map.entry(FindingId.SERVICE_NOT_LISTENING, List.of(Set.of(ProbeId.SERVICE_PORTS))),
            Map.entry(FindingId.LOOPBACK_REDIRECTED, List.of(Set.of(ProbeId.LOCAL_ROUTES), Set.of(ProbeId.LOOPBACK_SELF_TEST, ProbeId.SERVICE_PORTS))),
            Map.entry(FindingId.LOCAL_CONNECT_BLOCKED, List.of(Set.of(ProbeId.LOCAL_ROUTES), Set.of(ProbeId.LOOPBACK_SELF_TEST, ProbeId.SERVICE_PORTS))),
            Map.entry(FindingId.VANTAGE_HOST_KEY_UNCONFIRMED, List.of(Set.of(ProbeId.OUTSIDE_VANTAGE))),
            Map.entry(FindingId.NO_PROBLEM_FOUND, List.of(Set.of(ProbeId.DSCP_CONNECT), Set.of(ProbeId.SSH_HANDSHAKE))),
            // Sure only of what it names, each from a check that completed (see allClearClaimsOnlyWhatPassed).
            Map.entry(FindingId.ENVIRONMENT_ONLY, List.of(Set.of(ProbeId.LOOPBACK_SELF_TEST, ProbeId.CONFIG_FILES, ProbeId.NAME_RESOLUTION,
                    ProbeId.DNS_SERVERS, ProbeId.DEFAULT_GATEWAY))),
            Map.entry(FindingId.WSLCONFIG_LINE_IGNORED, List.of(Set.of(ProbeId.CONFIG_FILES))),
            Map.entry(FindingId.WSLCONFIG_DUPLICATE_KEY, List.of(Set.of(ProbeId.CONFIG_FILES))),
            Map.entry(FindingId.WSLCONFIG_ENCODING, List.of(Set.of(ProbeId.CONFIG_FILES))),
            Map.entry(FindingId.WSL_CONF_PARSING_STOPS, List.of(Set.of(ProbeId.CONFIG_FILES))),
            Map.entry(FindingId.WSLCONFIG_MODE_NOT_EFFECTIVE, List.of(Set.of(ProbeId.CONFIG_FILES))),
            Map.entry(FindingId.LOCALHOST_FORWARDING_OFF, List.of(Set.of(ProbeId.LOCALHOST_RELAY), Set.of(ProbeId.CONFIG_FILES))),
            Map.entry(FindingId.LOCALHOST_NOT_RELAYED, List.of(Set.of(ProbeId.LOCALHOST_RELAY))),
            Map.entry(FindingId.LOCALHOST_IPV6_ONLY, List.of(Set.of(ProbeId.LOCALHOST_RELAY))),
            Map.entry(FindingId.WINDOWS_PORT_TAKEN, List.of(Set.of(ProbeId.LOCALHOST_RELAY))),
            Map.entry(FindingId.WINDOWS_PORT_RESERVED, List.of(Set.of(ProbeId.LOCALHOST_RELAY))),
            Map.entry(FindingId.LOCALHOST_RELAY_BROKEN, List.of(Set.of(ProbeId.LOCALHOST_RELAY))),
            Map.entry(FindingId.WINDOWS_SERVICE_NOT_LISTENING, List.of(Set.of(ProbeId.WINDOWS_SERVICE))),
            Map.entry(FindingId.WINDOWS_SERVICE_NO_ANSWER, List.of(Set.of(ProbeId.WINDOWS_SERVICE))),
            Map.entry(FindingId.WINDOWS_SERVICE_LOOPBACK_ONLY, List.of(Set.of(ProbeId.WINDOWS_SERVICE))),
            Map.entry(FindingId.WINDOWS_FIREWALL_BLOCKS_WSL, List.of(Set.of(ProbeId.WINDOWS_SERVICE))),
            Map.entry(FindingId.LAN_NO_PORT_PROXY, List.of(Set.of(ProbeId.OUTSIDE_VANTAGE))),
            Map.entry(FindingId.LAN_PORT_PROXY_STALE, List.of(Set.of(ProbeId.OTHER_DEVICES))),
            Map.entry(FindingId.LAN_IP_HELPER_STOPPED, List.of(Set.of(ProbeId.OTHER_DEVICES))),
            Map.entry(FindingId.HYPERV_FIREWALL_BLOCKS_INBOUND, List.of(Set.of(ProbeId.OUTSIDE_VANTAGE))),
            Map.entry(FindingId.WINDOWS_PROXY_LOOPBACK, List.of(Set.of(ProbeId.LOOPBACK_PROXY))),
            Map.entry(FindingId.CLOCK_SKEW, List.of(Set.of(ProbeId.CLOCK))),
            Map.entry(FindingId.VPN_CAPTURES_WSL_TRAFFIC, List.of(Set.of(ProbeId.ROUTE_CAPTURE))),
            Map.entry(FindingId.GATEWAY_SILENT, List.of(Set.of(ProbeId.ROUTE_CAPTURE))));

    /** Findings about the target: without a target there is nothing to say them about. */
    private static final Set<FindingId> ABOUT_THE_TARGET = Set.of(FindingId.NAME_NOT_RESOLVED, FindingId.HOST_UNREACHABLE,
            FindingId.PORT_REFUSED, FindingId.PORT_FILTERED, FindingId.SSH_NO_GREETING, FindingId.DSCP_MARKED_SYN_DROPPED, FindingId.DSCP_FIXED_FOR_SSH, FindingId.PATH_MTU_BLACKHOLE, FindingId.NO_PROBLEM_FOUND,
            FindingId.VPN_CAPTURES_WSL_TRAFFIC);

    /** One generated run, printed so a shrunk failure reads like a probe table. */
    record Run(Target target, List<Integer> servicePorts, String environmentKind, Environment environment, List<ProbeOutcome> outcomes) {
        Set<ProbeId> completed() {
            return outcomes.stream().filter(o -> o.status() == ProbeStatus.COMPLETED).map(ProbeOutcome::probeId).collect(Collectors.toSet());
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("target=" + target + " servicePorts=" + servicePorts + " environment=" + environmentKind);
            for (ProbeOutcome o : outcomes) {
                b.append("\n  ").append(o.probeId()).append(' ').append(o.status());
                if (o.data() != null) {
                    b.append(' ').append(o.data());
                }
                if (!o.parameters().isEmpty()) {
                    b.append(' ').append(o.parameters());
                }
            }
            return b.toString();
        }
    }

    /**
     * Words a non-expert does not read in the plain layer (title and explanation of a finding,
     * title of a fix): they go to the technical details, which the glossary explains.
     */
    static final List<java.util.regex.Pattern> JARGON = java.util.stream.Stream.of(
            "IPQoS", "\\bDSCP\\b", "\\bToS\\b", "\\baf[1-4][1-3]\\b", "\\bcs[0-7]\\b", "\\bef\\b", "\\blowdelay\\b", "\\bthroughput\\b",
            "SYN-SENT", "SYN_SENT", "\\bSYN\\b", "loopback0", "control character", "vantage", "timed_out", "Exception", "\\bnanos",
            "\\bRST\\b", "\\bICMP\\b").map(java.util.regex.Pattern::compile).toList();

    static List<String> jargonIn(String text) {
        return JARGON.stream().filter(p -> p.matcher(text).find()).map(java.util.regex.Pattern::pattern).toList();
    }

    @Test
    void theJargonCheckFindsEachTerm() {
        assertThat(jargonIn("ssh hangs in SYN-SENT (IPQoS af21, cs1, ef)")).hasSize(6);
        assertThat(jargonIn("Marked SSH packets are dropped; a plain connection attempt was answered")).isEmpty();
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void everyRunEndsInReadableFindings(@ForAll("runs") Run run) {
        List<Finding> findings = DIAGNOSER.diagnose(run.target(), run.environment(), run.outcomes());

        assertThat(findings).isNotNull().doesNotContainNull();
        assertThat(findings).extracting(Finding::id).doesNotHaveDuplicates();
        for (Finding f : findings) {
            assertThat(f.id()).isNotNull();
            assertThat(f.severity()).isNotNull();
            assertThat(f.confidence()).isNotNull();
            assertThat(f.title()).as(f.id().id()).isNotBlank().doesNotContain("null");
            assertThat(f.explanation()).as(f.id().id()).isNotBlank().doesNotContain("null");
            assertThat(jargonIn(f.title() + " " + f.explanation())).as(f.id() + ": technical terms belong in the details").isEmpty();
            for (Evidence e : f.evidence()) {
                assertThat(e.summary()).as(f.id() + " evidence").isNotBlank().doesNotContain("null");
            }
            for (FixSuggestion fix : f.fixes()) {
                assertThat(fix.id()).isNotNull();
                assertThat(fix.title()).as(fix.id().id()).isNotBlank().doesNotContain("null");
                assertThat(jargonIn(fix.title())).as(fix.id() + " title").isEmpty();
                assertThat(fix.detail()).as(fix.id().id()).isNotBlank().doesNotContain("null");
            }
            assertThat(HIGH_NEEDS).as("every finding id is known to this test").containsKey(f.id());
            if (f.explanation().contains("the SSH handshake completes")) {
                assertThat(run.outcomes()).as("a handshake was seen to complete").anyMatch(o -> o.dataAs(ProbeData.SshHandshakes.class)
                        .map(h -> h.attempts().stream().anyMatch(HandshakeAttempt::completed)).orElse(false));
            }
            if (f.explanation().contains("with and without packet marking")) {
                assertThat(run.outcomes()).as("a marked connect was answered").anyMatch(o -> o.dataAs(ProbeData.MarkedConnects.class)
                        .map(m -> m.marked().stream().anyMatch(a -> a.result().answered())).orElse(false));
            }
            if (run.target() == null) {
                assertThat(ABOUT_THE_TARGET).as("without a target").doesNotContain(f.id());
            }
        }
        assertThat(Diagnoser.verdict(findings, true)).isNotBlank();
        assertThat(Diagnoser.verdict(findings, false)).isNotBlank();
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void highConfidenceOnlyFromChecksThatCompleted(@ForAll("runs") Run run) {
        Set<ProbeId> completed = run.completed();
        for (Finding f : DIAGNOSER.diagnose(run.target(), run.environment(), run.outcomes())) {
            if (f.confidence() != Confidence.HIGH) {
                continue;
            }
            for (Set<ProbeId> oneOf : HIGH_NEEDS.getOrDefault(f.id(), List.of())) {
                assertThat(completed).as(f.id() + " is HIGH, so one of " + oneOf + " completed").containsAnyElementsOf(oneOf);
            }
        }
    }

    /** A run that did not finish never gets an all-clear, whatever its checks saw. */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void anUnfinishedRunGetsNoAllClear(@ForAll("runs") Run run) {
        assertThat(DIAGNOSER.diagnose(run.target(), run.environment(), run.outcomes(), false))
                .extracting(Finding::id).doesNotContainAnyElementsOf(RuleCatalog.WHEN_NO_RULE_SAW_A_PROBLEM);
    }

    /**
     * Without a target the all-clear is sure only when every check of this computer that ran
     * completed: a check that did not finish is named as not confirmed, never claimed.
     */
    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void allClearClaimsOnlyWhatPassed(@ForAll("runs") Run run) {
        Assume.that(run.target() == null);
        for (Finding f : DIAGNOSER.diagnose(null, run.environment(), run.outcomes())) {
            if (f.id() != FindingId.ENVIRONMENT_ONLY) {
                continue;
            }
            if (f.confidence() == Confidence.HIGH) {
                assertThat(run.outcomes()).filteredOn(o -> Set.of(ProbeId.NAME_RESOLUTION, ProbeId.DEFAULT_GATEWAY, ProbeId.LOOPBACK_SELF_TEST)
                        .contains(o.probeId())).as("sure, so each of these that ran completed").allMatch(o -> o.status() == ProbeStatus.COMPLETED);
            }
            // what it claims: the title and the sentence before what it did not confirm or check
            String e = f.explanation();
            int end = java.util.stream.Stream.of("Not confirmed:", "Names and the way out", "Give a target").mapToInt(e::indexOf)
                    .filter(i -> i >= 0).min().orElse(e.length());
            String claimed = f.title() + " " + e.substring(0, end);
            boolean resolved = run.outcomes().stream().anyMatch(o -> o.dataAs(ProbeData.Resolution.class).map(ProbeData.Resolution::resolved).orElse(false));
            if (!resolved) {
                assertThat(claimed).as("no name resolved").doesNotContainIgnoringCase("names resolve");
            }
            boolean gatewayAnswered = run.outcomes().stream().filter(ProbeId.DEFAULT_GATEWAY::is)
                    .anyMatch(o -> o.dataAs(ProbeData.Ping.class).map(ProbeData.Ping::answered).orElse(false));
            if (!gatewayAnswered) {
                assertThat(claimed).as("the gateway did not answer").doesNotContainIgnoringCase("gateway");
            }
        }
    }

    /** The rule catalog's word holds: a rule raises only the findings, and offers only the fixes, it declared. */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void everyRuleRaisesOnlyWhatTheCatalogSays(@ForAll("runs") Run run) {
        Observations obs = new Observations(run.target(), run.environment(), run.outcomes());
        for (RuleCatalog.Entry entry : RuleCatalog.ALL) {
            if (run.target() == null && entry.scope() == RuleCatalog.Scope.TARGET) {
                continue;
            }
            entry.rule().apply(obs).ifPresent(f -> {
                assertThat(entry.raises()).as("what the catalog says this rule raises").contains(f.id());
                assertThat(entry.offers()).as(f.id() + ": what the catalog says its rule offers")
                        .containsAll(f.fixes().stream().map(FixSuggestion::id).toList());
            });
        }
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void whenNothingCompletedNothingIsClaimed(@ForAll("nothingCompleted") Run run) {
        assertThat(run.completed()).as("the generator's promise").isEmpty();
        List<Finding> findings = DIAGNOSER.diagnose(run.target(), run.environment(), run.outcomes());
        assertThat(findings).noneMatch(f -> f.severity() == Severity.PROBLEM);
        assertThat(findings).noneMatch(f -> f.confidence() == Confidence.HIGH);
        assertThat(Diagnoser.verdict(findings, false)).isNotBlank();
    }

    /**
     * Seed 2 as users saw it through a Windows stand-in: a service port, no target, mirrored
     * networking, and every `ip route get` of the local checks unanswered. The local routes were
     * taken for routes to a target that does not exist.
     */
    @Test
    void withoutATargetLocalRoutesThatFailAreNotAnUnreachableTarget() {
        Environment mirrored = environment("wsl-mirrored").sample();
        RouteLookup unanswered = new RouteLookup("127.0.0.1", "tcp", 8443, null, null, null, null, null, "no answer");
        List<ProbeOutcome> outcomes = List.of(
                Scenarios.outcome(ProbeId.LISTENING_SOCKETS, new ProbeData.Listeners(List.of())),
                Scenarios.outcome(ProbeId.LOOPBACK_SELF_TEST, new ProbeData.LoopbackSelfTest(SELF_TEST_PORT, List.of())),
                Scenarios.outcome(ProbeId.LOCAL_ROUTES, new ProbeData.Routes(List.of(unanswered), List.of())),
                Scenarios.outcome(ProbeId.SERVICE_PORTS, new ProbeData.ServicePorts(List.of(new ServicePort(8443, List.of(), List.of())))));

        List<Finding> findings = DIAGNOSER.diagnose(null, mirrored, outcomes);

        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.SERVICE_NOT_LISTENING);
    }

    @Provide
    Arbitrary<Run> runs() {
        return runs(true);
    }

    @Provide
    Arbitrary<Run> nothingCompleted() {
        return runs(false);
    }

    // ---- the run ----------------------------------------------------------------------------

    static Arbitrary<Run> runs(boolean withCompleted) {
        Arbitrary<Target> target = Combinators.combine(hosts(), Arbitraries.oneOf(Arbitraries.just(22), Arbitraries.integers().between(1, 65535)))
                .as(Target::new).injectNull(0.25);
        Arbitrary<List<Integer>> ports = Arbitraries.integers().between(1, 65535).list().ofMaxSize(3).uniqueElements();
        return Combinators.combine(target, ports, Arbitraries.of("linux", "wsl-nat", "wsl-nat-windows", "wsl-mirrored", "fallback", "sparse", "none"))
                .flatAs((t, p, kind) -> environment(kind).flatMap(env -> outcomes(t, p, withCompleted)
                        .map(o -> new Run(t, p, kind, env, o))));
    }

    private static Arbitrary<String> hosts() {
        return Arbitraries.oneOf(
                Arbitraries.of("nas.home.arpa", "build-server", "gitlab.example.internal.", "a"),
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 255))
                        .as((a, b) -> "198.18." + a + "." + b),
                Arbitraries.of("2001:db8::10", "::1", "fe80::1"));
    }

    private static Arbitrary<List<ProbeOutcome>> outcomes(Target target, List<Integer> ports, boolean withCompleted) {
        String address = target == null ? "198.18.0.10" : target.isIpLiteral() ? target.host() : "198.18.0.10";
        int port = target == null ? 22 : target.port();
        List<Arbitrary<Optional<ProbeOutcome>>> each = new ArrayList<>();
        for (ProbeId id : PROBE_IDS) {
            Arbitrary<Optional<ProbeOutcome>> completed = data(id, target, address, port, ports)
                    .flatMap(d -> completed(id, d)).map(Optional::of);
            Arbitrary<Optional<ProbeOutcome>> notCompleted = Arbitraries.of(ProbeStatus.SKIPPED, ProbeStatus.FAILED,
                    ProbeStatus.TIMED_OUT, ProbeStatus.CANCELLED).map(s -> Optional.of(notCompleted(id, s)));
            each.add(Arbitraries.frequencyOf(
                    Tuple.of(2, Arbitraries.just(Optional.<ProbeOutcome>empty())),
                    Tuple.of(withCompleted ? 5 : 0, completed),
                    Tuple.of(3, notCompleted)));
        }
        // Sessions list outcomes stage by stage; backwards as well, so no rule can lean on the order.
        return Combinators.combine(Combinators.combine(each).as(list -> list.stream().flatMap(Optional::stream).toList()),
                Arbitraries.of(false, true)).as((list, backwards) -> backwards ? list.reversed() : list);
    }

    private static Arbitrary<ProbeOutcome> completed(ProbeId id, ProbeData data) {
        Arbitrary<Map<String, String>> parameters = id == ProbeId.DSCP_CONNECT
                ? Arbitraries.of(Map.of(), Map.of("from", "Windows"), Map.of("from", "Linux")) : Arbitraries.just(Map.of());
        Arbitrary<List<Evidence>> evidence = Arbitraries.of(Evidence.of("observed by " + id),
                new Evidence(id + " ran a command", "ip -j route get 127.0.0.1", "[]")).list().ofMaxSize(2);
        return Combinators.combine(parameters, evidence).as((p, e) ->
                new ProbeOutcome(id, id.id(), ProbeStatus.COMPLETED, id + " done", p, 0, 5, data, e, null));
    }

    private static ProbeOutcome notCompleted(ProbeId id, ProbeStatus status) {
        String why = switch (status) {
            case SKIPPED -> "Not run: no target given.";
            case FAILED -> "IOException: broken pipe";
            case TIMED_OUT -> "the check took longer than its limit";
            case CANCELLED -> "stopped by the user";
            case COMPLETED -> throw new IllegalArgumentException();
        };
        return new ProbeOutcome(id, id.id(), status, why, Map.of(), 0, 0, null, List.of(), status == ProbeStatus.SKIPPED ? null : why);
    }

    private static Arbitrary<? extends ProbeData> data(ProbeId id, Target target, String address, int port, List<Integer> ports) {
        return switch (id) {
            case ProbeId.NAME_RESOLUTION -> resolution(target == null ? DiagnosisRequest.WAY_OUT_NAME : target.host());
            case ProbeId.DNS_SERVERS -> dnsServers(target == null ? DiagnosisRequest.WAY_OUT_NAME : target.host());
            case ProbeId.PING -> ping(address);
            case ProbeId.ROUTES -> routes(List.of(address), List.of(port));
            case ProbeId.DSCP_CONNECT -> markedConnects(address, port);
            case ProbeId.SSH_HANDSHAKE -> handshakes(address, port);
            case ProbeId.OPENSSH_CLIENT -> openSshRuns();
            case ProbeId.SOCKET_TABLE -> sockets(address, port);
            case ProbeId.PATH_MTU -> pathMtu(address);
            case ProbeId.LISTENING_SOCKETS -> tcp(Arbitraries.just(TcpConnection.LISTEN), Arbitraries.integers().between(1, 65535))
                    .list().ofMaxSize(3).map(ProbeData.Listeners::new);
            case ProbeId.LOOPBACK_SELF_TEST -> localConnects(Arbitraries.of(SELF_TEST_PORT, SELF_TEST_PORT - 1))
                    .list().ofMaxSize(5).map(c -> new ProbeData.LoopbackSelfTest(SELF_TEST_PORT, c));
            case ProbeId.LOCAL_ROUTES -> routes(LOCAL_ADDRESSES, concat(ports, SELF_TEST_PORT));
            case ProbeId.SERVICE_PORTS -> servicePorts(ports);
            case ProbeId.OUTSIDE_VANTAGE -> vantage(ports);
            // No default: a new check does not compile here until this test is taught what it observes.
            case ProbeId.CONFIG_FILES -> configFiles();
            case ProbeId.DEFAULT_GATEWAY -> ping("198.18.0.1");
            case ProbeId.LOCALHOST_RELAY -> localhostRelay(ports);
            case ProbeId.WINDOWS_SERVICE -> windowsServices(ports);
            case ProbeId.OTHER_DEVICES -> Combinators.combine(Arbitraries.of(true, false),
                    localConnects(Arbitraries.of(ports.isEmpty() ? List.of(8080) : ports)).list().ofMaxSize(2))
                    .as((w, c) -> new ProbeData.OtherDevices(w, ports, c));
            case ProbeId.LOOPBACK_PROXY -> loopbackProxy();
            case ProbeId.CLOCK -> clock();
            case ProbeId.ROUTE_CAPTURE -> routeCapture(address, port);
        };
    }

    /** Windows' facts as a full read gives them, with something to say in every part. */
    static WindowsFacts windowsRead() {
        dev.netdoctor.model.WindowsInterface wsl = new dev.netdoctor.model.WindowsInterface(47, "vEthernet (WSL)", "Hyper-V Virtual Ethernet Adapter #2",
                1500, true, List.of("198.18.1.1/24"));
        dev.netdoctor.model.WindowsInterface wifi = new dev.netdoctor.model.WindowsInterface(9, "Wi-Fi", "Intel Wi-Fi", 1500, true, List.of("198.19.5.20/24"));
        dev.netdoctor.model.WindowsPolicy policy = new dev.netdoctor.model.WindowsPolicy(
                dev.netdoctor.model.Fact.known(List.of(new dev.netdoctor.model.WindowsPolicy.FirewallProfile("Public", true, "Block", true, true, null, false))),
                dev.netdoctor.model.Fact.known(List.of(new dev.netdoctor.model.WindowsPolicy.NetworkProfile("vEthernet (WSL)", "Public"))),
                dev.netdoctor.model.Fact.unknown("not on this Windows"),
                dev.netdoctor.model.Fact.known(List.of(new dev.netdoctor.model.WindowsPolicy.PortRange("ipv4", 3000, 3099, false))),
                dev.netdoctor.model.Fact.known(List.of(new dev.netdoctor.model.WindowsPolicy.PortProxy("v4tov4", "0.0.0.0", 8080, "198.18.9.9", 8080))),
                dev.netdoctor.model.Fact.known("Stopped"), dev.netdoctor.model.Fact.known(List.of()),
                dev.netdoctor.model.Fact.unknown("PowerShell gave no answer"), dev.netdoctor.model.Fact.known(List.of()),
                dev.netdoctor.model.Fact.known(new dev.netdoctor.model.WindowsPolicy.PowerShellRun("5.1", "ConstrainedLanguage", 900)));
        return new WindowsFacts("WSL version: 2.6.1.0", "10.0.26100", "Ubuntu", 2, "Default Distribution: Ubuntu", List.of(),
                dev.netdoctor.model.Fact.known(List.of(wsl, wifi)), dev.netdoctor.model.Fact.known(List.of()), wsl, policy);
    }

    /** Settings files, clean and with each kind of line WSL reads otherwise, read by the real reader. */
    private static Arbitrary<ProbeData.ConfigFiles> configFiles() {
        Arbitrary<String> wslconfig = Arbitraries.of("", "[wsl2]\nnetworkingMode=mirrored\n", "networkingMode=mirrored\n",
                "[wsl2]\nnetworkingMode=nat\n[experimental]\nnetworkingMode=mirrored\n", "[wsl2]\nmemory=8gb\nkernel=C:\\x\n",
                "[wsl2]\nswapFile=C:\\\\Zo\u00eb\n", "; x\n[ wsl2 ]\nnetworkMode=mirrored\n");
        Arbitrary<String> wslConf = Arbitraries.of("", "[boot]\nsystemd=true\n", "[network]\ngenerateResolvConf=false\n; x\n[boot]\nsystemd=true\n",
                "\uFEFF[boot]\nsystemd=true\n", "[boot]\nsystemd=true\nsystemd=false\n");
        return Combinators.combine(wslconfig, wslConf).as((a, b) -> new ProbeData.ConfigFiles(List.of(
                dev.netdoctor.probe.config.ConfigFilesProbe.checked(dev.netdoctor.config.ConfigFileKind.WSLCONFIG, "/mnt/c/Users/me/.wslconfig",
                        a.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                dev.netdoctor.probe.config.ConfigFilesProbe.checked(dev.netdoctor.config.ConfigFileKind.WSL_CONF, "/etc/wsl.conf",
                        b.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    }

    // ---- environments -----------------------------------------------------------------------

    private static Arbitrary<Environment> environment(String kind) {
        Arbitrary<SshClientFacts> ssh = Arbitraries.oneOf(
                Arbitraries.of("lowdelay", "af21", "cs1", "ef", "none", "0x48").injectNull(0.2).map(q ->
                        new SshClientFacts(true, "OpenSSH_9.6p1", Map.of("ipqos", q == null ? "" : q), q, "throughput", null)),
                Arbitraries.just(SshClientFacts.missing("ssh is not installed")));
        NetInterface eth0 = new NetInterface("eth0", 1500, true, List.of("198.18.2.2"), List.of("fe80::2"));
        NetInterface lo = new NetInterface("lo", 65536, true, List.of("127.0.0.1"), List.of("::1"));
        NetInterface loopback0 = new NetInterface("loopback0", 1500, true, List.of("198.18.2.2"), List.of());
        WindowsFacts windows = new WindowsFacts("WSL version: 2.4.11.0", null, "Ubuntu", 2, "Default Distribution: Ubuntu", List.of());
        return switch (kind) {
            case "linux" -> ssh.map(s -> Environments.linux().kernel("6.8.0").interfaces(lo, eth0).defaultGateway("198.18.1.1")
                    .dnsServers("198.18.1.1").sshClient(s).build());
            case "wsl-nat" -> ssh.map(s -> Environments.linux().kernel("6.6.87.2-microsoft-standard-WSL2").wsl(Environments.wsl2("Ubuntu", "nat"))
                    .interfaces(lo, eth0).defaultGateway("172.20.0.1").dnsServers("10.255.255.254").sshClient(s).build());
            // From Windows, with every Windows fact read: reserved ports, a stale port proxy, a stopped IP Helper, the firewall.
            case "wsl-nat-windows" -> ssh.map(s -> Environments.linux().kernel("6.6.87.2-microsoft-standard-WSL2").wsl(Environments.wsl2("Ubuntu", "nat"))
                    .interfaces(lo, eth0).defaultGateway("198.18.1.1").dnsServers("198.18.1.1").sshClient(s).windows(windowsRead()).build());
            case "wsl-mirrored" -> Combinators.combine(ssh, Arbitraries.of(true, false)).as((s, fromWindows) -> Environments.linux()
                    .kernel("6.6.87.2-microsoft-standard-WSL2").wsl(new WslFacts(WslFacts.Kind.WSL2, "Ubuntu", "mirrored", "inferred: loopback0", List.of()))
                    .interfaces(lo, eth0, loopback0).sshClient(s).synRetries(null, null).windows(fromWindows ? windows : null).build());
            // The shape of DiagnosisSession.fallbackEnvironment: what a run has when the system scan did not finish.
            case "fallback" -> Arbitraries.just(Environments.sparse().os("Windows 11")
                    .wsl(new WslFacts(WslFacts.Kind.NOT_WSL, null, null, null, List.of("unknown: the scan took longer than 6 s")))
                    .sshClient(SshClientFacts.missing("not checked: the scan took longer than 6 s"))
                    .notes("The system scan did not finish: the scan took longer than 6 s").build());
            // Every field the record lets be null, null.
            case "sparse" -> Arbitraries.just(Environments.sparse().build());
            case "none" -> Arbitraries.<Environment>just(null);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    // ---- probe data -------------------------------------------------------------------------

    private static Arbitrary<String> maybe(String... values) {
        return Arbitraries.of(values).injectNull(0.35);
    }

    private static Arbitrary<Long> millis() {
        return Arbitraries.longs().between(0, 3000);
    }

    private static Arbitrary<DscpClass> markings() {
        return Arbitraries.of(DscpClass.UNMARKED, DscpClass.parse("lowdelay").orElseThrow(), DscpClass.parse("af21").orElseThrow(),
                DscpClass.parse("cs1").orElseThrow(), DscpClass.parse("ef").orElseThrow(), DscpClass.parse("throughput").orElseThrow(),
                DscpClass.parse("0x48").orElseThrow());
    }

    private static Arbitrary<ProbeData.Resolution> resolution(String host) {
        return Combinators.combine(Arbitraries.of("198.18.0.10", "2001:db8::10").list().ofMaxSize(2),
                        Arbitraries.of("getent ahosts", "literal"), maybe("no address found for " + host, "the resolver did not answer within 3 s"))
                .as((a, m, e) -> new ProbeData.Resolution(host, a, m, e));
    }

    private static Arbitrary<ProbeData.DnsServers> dnsServers(String name) {
        Arbitrary<dev.netdoctor.model.DnsReply> reply = Combinators.combine(Arbitraries.of("198.18.0.1", "10.255.255.254", "198.51.100.53"),
                        Arbitraries.of(dev.netdoctor.model.DnsReply.Transport.class), Arbitraries.of(dev.netdoctor.model.DnsReply.Outcome.class),
                        Arbitraries.of("198.18.0.10").list().ofMaxSize(1))
                .as((server, transport, outcome, addresses) -> new dev.netdoctor.model.DnsReply(server, transport, outcome,
                        outcome == dev.netdoctor.model.DnsReply.Outcome.ANSWER ? addresses : List.of(), 5, "detail"));
        return Combinators.combine(Arbitraries.of("198.18.0.1", "10.255.255.254", "198.51.100.53").list().uniqueElements().ofMaxSize(3),
                        Arbitraries.of(dev.netdoctor.model.DnsPath.class), Arbitraries.of(true, false),
                        reply.list().ofMaxSize(6))
                .as((servers, path, wsl, replies) -> new ProbeData.DnsServers(name, servers, path, wsl, replies));
    }

    private static Arbitrary<ProbeData.Ping> ping(String address) {
        return Arbitraries.integers().between(0, 3).flatMap(sent -> Combinators.combine(Arbitraries.integers().between(0, sent),
                Arbitraries.doubles().between(0.01, 500).injectNull(0.3)).as((received, rtt) -> new ProbeData.Ping(address, sent, received, rtt)));
    }

    private static Arbitrary<ProbeData.Routes> routes(List<String> destinations, List<Integer> ports) {
        Arbitrary<RouteLookup> lookup = Combinators.combine(Arbitraries.of(destinations), Arbitraries.of("tcp").injectNull(0.4),
                        Arbitraries.of(ports).injectNull(0.5), maybe("lo", "loopback0", "eth0", "mirror7"), maybe("169.254.73.152", "198.18.1.1"),
                        maybe("198.18.2.2", "127.0.0.1"), maybe("main", "local", "127", "128"),
                        maybe("Network is unreachable", "no answer", "unreadable answer: x"))
                .as((d, proto, port, dev, gw, src, table, error) -> new RouteLookup(d, proto, port, dev, gw, src, table,
                        table == null ? null : "unicast", error));
        Arbitrary<PolicyRule> rule = Combinators.combine(Arbitraries.integers().between(-1, 32767),
                        Arbitraries.of("", "iif lo ipproto tcp dst 127.0.0.1", "from all"), Arbitraries.of("", "lookup 127", "lookup local", "lookup main", "goto 5"))
                .as(PolicyRule::new);
        return Combinators.combine(lookup.list().ofMaxSize(6), rule.list().ofMaxSize(3)).as(ProbeData.Routes::new);
    }

    private static Arbitrary<ProbeData.MarkedConnects> markedConnects(String address, int port) {
        Arbitrary<ConnectAttempt> attempt = Combinators.combine(markings(), Arbitraries.of(ConnectResult.class), millis(),
                maybe("Connection refused", "No route to host", "Permission denied")).as(ConnectAttempt::new);
        return attempt.list().ofMaxSize(6).map(a -> new ProbeData.MarkedConnects(address, port, a));
    }

    private static Arbitrary<ProbeData.SshHandshakes> handshakes(String address, int port) {
        Arbitrary<HandshakeAttempt> attempt = Combinators.combine(markings(), Arbitraries.of(HandshakeAttempt.Stage.class),
                        Arbitraries.of(true, false), millis(), maybe("SSH-2.0-OpenSSH_9.2p1"), maybe("curve25519-sha256"),
                        maybe("ssh-ed25519"), maybe("SHA256:abc"))
                .flatAs((m, stage, done, ms, version, kex, type, fp) -> maybe("timeout", "Connection refused").map(error ->
                        new HandshakeAttempt(m, stage, done, ms, version, kex, type, fp, error)));
        return attempt.list().ofMaxSize(3).map(a -> new ProbeData.SshHandshakes(address, port, a));
    }

    private static Arbitrary<ProbeData.OpenSshRuns> openSshRuns() {
        Arbitrary<CommandRun> run = Combinators.combine(Arbitraries.integers().between(0, 255), maybe("", "debug1: Connecting"),
                        maybe("", "ssh: connect to host x port 22: Connection timed out"), millis(), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((exit, out, err, ms, timedOut, truncated, notFound) ->
                        new CommandRun(List.of("ssh", "-o", "IPQoS=none", "host"), exit, out, err, ms, timedOut, truncated, notFound));
        Arbitrary<OpenSshAttempt> attempt = Combinators.combine(Arbitraries.of("none", "lowdelay", "af21", "throughput"),
                Arbitraries.of(OpenSshAttempt.Result.class), millis(), maybe("debug1: SSH2_MSG_KEXINIT sent"), run).as(OpenSshAttempt::new);
        return Combinators.combine(maybe("OpenSSH_9.6p1"), attempt.list().ofMaxSize(3)).as(ProbeData.OpenSshRuns::new);
    }

    private static Arbitrary<TcpConnection> tcp(Arbitrary<String> state, Arbitrary<Integer> localPort) {
        return Combinators.combine(state, Arbitraries.of("0.0.0.0", "::", "127.0.0.1", "198.18.2.2", "0:0:0:0:0:0:0:0", "*"), localPort,
                        Arbitraries.of(-1, 321), maybe("sshd", "socat", ""), maybe("socat TCP-LISTEN:8443"), millis(), Arbitraries.of(true, false))
                .flatAs((s, local, lport, pid, name, cmd, age, ours) -> Arbitraries.of(true, false).map(windows ->
                        new TcpConnection(s, local, lport, "0.0.0.0", 0, pid, name, cmd, age, ours, windows)));
    }

    private static Arbitrary<ProbeData.Sockets> sockets(String address, int port) {
        Arbitrary<TcpConnection> waiting = tcp(Arbitraries.just(TcpConnection.SYN_SENT), Arbitraries.integers().between(32768, 60999))
                .map(c -> new TcpConnection(c.state(), c.localAddress(), c.localPort(), address, port, c.pid(), c.processName(),
                        c.commandLine(), c.ageMillis(), c.ours(), c.onWindows()));
        Arbitrary<TcpConnection> any = tcp(Arbitraries.of(TcpConnection.LISTEN, TcpConnection.ESTABLISHED, TcpConnection.SYN_SENT),
                Arbitraries.integers().between(1, 65535));
        return Combinators.combine(waiting.list().ofMaxSize(2), any.list().ofMaxSize(3)).as(ProbeData.Sockets::new);
    }

    private static Arbitrary<ProbeData.PathMtu> pathMtu(String address) {
        return Combinators.combine(Arbitraries.of(1500, 1400, 9000, 576, 0), Arbitraries.of(1472, 1372, 972, 548).injectNull(0.4),
                        Arbitraries.of(1472, 1172, 872).injectNull(0.4), Arbitraries.of(1472, 1172, 972).list().ofMaxSize(3))
                .as((mtu, largest, lost, tried) -> new ProbeData.PathMtu(address, mtu, largest, lost, tried));
    }

    /** A VPN's route or WSL's, each part possibly unknown, the gateway's ping and link in every state, any answer from Windows. */
    private static Arbitrary<ProbeData.RouteCapture> routeCapture(String address, int port) {
        Arbitrary<dev.netdoctor.model.WindowsInterface> adapter = Arbitraries.of(
                new dev.netdoctor.model.WindowsInterface(23, "Ethernet 3", "PANGP Virtual Ethernet Adapter", 1400, true, List.of("198.19.200.7/32")),
                new dev.netdoctor.model.WindowsInterface(47, "vEthernet (WSL)", "Hyper-V Virtual Ethernet Adapter", 1500, true, List.of("198.18.1.1/24")),
                new dev.netdoctor.model.WindowsInterface(9, "", "", 1500, false, List.of())).injectNull(0.3);
        Arbitrary<dev.netdoctor.model.WindowsRoute> route = Combinators.combine(Arbitraries.of("198.18.1.0", "0.0.0.0", "198.18.1.2"),
                Arbitraries.of(0, 24, 28, 32), Arbitraries.of(23, 47, 9), Arbitraries.of(0, 1, 256))
                .as((d, len, index, metric) -> new dev.netdoctor.model.WindowsRoute(d, len, null, index, metric)).injectNull(0.3);
        Arbitrary<LocalConnect> fromWindows = Combinators.combine(Arbitraries.of(ConnectResult.class), millis())
                .as((r, ms) -> new LocalConnect(address, "Windows itself", port, r, ms, null)).injectNull(0.4);
        return Combinators.combine(maybe("198.18.1.2"), ping("198.18.1.1").injectNull(0.2), maybe("00:15:5d:01:02:03", ""),
                        maybe("REACHABLE", "STALE", "FAILED", "INCOMPLETE", "delay"), route, adapter, route, adapter)
                .flatAs((distro, ping, lladdr, state, r, ra, wr, wa) -> fromWindows.map(w ->
                        new ProbeData.RouteCapture(distro, "198.18.1.1", ping, lladdr, state, r, ra, wr, wa, w)));
    }

    private static Arbitrary<LocalConnect> localConnects(Arbitrary<Integer> port) {
        return Combinators.combine(Arbitraries.of(LOCAL_ADDRESSES), maybe("loopback", "own address", "other loopback"), port,
                        Arbitraries.of(ConnectResult.class), millis(), maybe("Connection refused", "Network is unreachable"))
                .as(LocalConnect::new);
    }

    /** Windows' localhost towards the distro: listeners of every kind, names of the relay and of others, every connect outcome. */
    private static Arbitrary<ProbeData.LocalhostRelay> localhostRelay(List<Integer> ports) {
        List<Integer> list = ports.isEmpty() ? List.of(3000) : ports;
        List<Arbitrary<RelayPort>> each = new ArrayList<>();
        for (int p : list) {
            Arbitrary<TcpConnection> windowsListener = Combinators.combine(Arbitraries.of("127.0.0.1", "0.0.0.0", "::1", "::", "198.18.1.1"),
                    maybe("wslrelay", "node", ""), Arbitraries.of(-1, 77))
                    .as((a, name, pid) -> new TcpConnection(TcpConnection.LISTEN, a, p, "0.0.0.0", 0, pid, name, null, 0, false, true));
            Arbitrary<RelayConnect> connect = Combinators.combine(Arbitraries.of("127.0.0.1", "::1", "198.18.1.2"),
                    Arbitraries.of(ConnectResult.class), Arbitraries.of(true, false), millis())
                    .as((a, r, closed, ms) -> new RelayConnect(a, "label", r, closed, ms, null));
            Arbitrary<WindowsProcess> relay = Arbitraries.of(new WindowsProcess(9, "wslrelay", "wslrelay --mode 1 --vm-id {x}"),
                    new WindowsProcess(9, "wslrelay", "wslrelay --mode 0"), new WindowsProcess(9, "wslrelay", null));
            each.add(Combinators.combine(tcp(Arbitraries.just(TcpConnection.LISTEN), Arbitraries.just(p)).list().ofMaxSize(2),
                    windowsListener.list().ofMaxSize(2), connect.list().ofMaxSize(3), relay.list().ofMaxSize(1),
                    Arbitraries.of("198.18.1.2").injectNull(0.3))
                    .as((d, w, c, r, addr) -> new RelayPort(p, d, w, c, r, addr)));
        }
        return Combinators.combine(Arbitraries.of(true, false), Combinators.combine(each).as(x -> x))
                .as(ProbeData.LocalhostRelay::new);
    }

    /** Programs on Windows WSL should reach: listeners unknown, none, loopback, all; every connect outcome, missing connects. */
    private static Arbitrary<ProbeData.WindowsServices> windowsServices(List<Integer> ports) {
        List<Integer> list = ports.isEmpty() ? List.of(5432) : ports;
        List<Arbitrary<WindowsService>> each = new ArrayList<>();
        for (int p : list) {
            Arbitrary<TcpConnection> listener = Combinators.combine(Arbitraries.of("127.0.0.1", "0.0.0.0", "::1", "::", "198.18.1.1"),
                    maybe("postgres", ""), Arbitraries.of(-1, 55))
                    .as((a, name, pid) -> new TcpConnection(TcpConnection.LISTEN, a, p, "0.0.0.0", 0, pid, name, null, 0, false, true));
            each.add(Combinators.combine(Arbitraries.of("198.18.1.1", "127.0.0.1"), listener.list().ofMaxSize(2).injectNull(0.3),
                    localConnects(Arbitraries.just(p)).injectNull(0.3), localConnects(Arbitraries.just(p)).injectNull(0.2),
                    maybe("bash is not installed"))
                    .as((a, l, w, d, err) -> new WindowsService(p, a, l, w, d, err)));
        }
        return Combinators.combine(Arbitraries.of(true, false), Combinators.combine(each).as(x -> x))
                .as(ProbeData.WindowsServices::new);
    }

    /** A proxy on 127.0.0.1, localhost or elsewhere, seen from Windows or inside, with or without Windows' listeners and connects. */
    private static Arbitrary<ProbeData.LoopbackProxy> loopbackProxy() {
        Arbitrary<dev.netdoctor.model.ProxyAddress> proxy = Arbitraries.of("127.0.0.1", "localhost", "127.0.0.2")
                .map(h -> new dev.netdoctor.model.ProxyAddress("http", h, 7890)).injectNull(0.3);
        Arbitrary<TcpConnection> listener = Combinators.combine(Arbitraries.of("127.0.0.1", "0.0.0.0", "::"), maybe("clash", ""),
                        Arbitraries.of(-1, 77))
                .as((a, name, pid) -> new TcpConnection(TcpConnection.LISTEN, a, 7890, "0.0.0.0", 0, pid, name, null, 0, false, true));
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of("nat", "mirrored").injectNull(0.2),
                        Arbitraries.of(ProbeData.LoopbackProxy.SET_BY_WINDOWS, "https_proxy"), proxy, maybe("198.18.1.1"),
                        listener.list().ofMaxSize(2).injectNull(0.3), localConnects(Arbitraries.just(7890)).injectNull(0.3),
                        localConnects(Arbitraries.just(7890)).injectNull(0.3))
                .as((w, mode, by, p, gw, l, toGw, own) -> new ProbeData.LoopbackProxy(w, mode, by, p, gw, l, toGw,
                        toGw == null ? "bash is not installed" : null, own));
    }

    /** Readings around zero and far off, either way, tight and with a slow wsl.exe; or none. */
    private static Arbitrary<ProbeData.Clock> clock() {
        long t0 = 1_765_000_000_000_000_000L;
        Arbitrary<dev.netdoctor.model.ClockReading> reading = Combinators.combine(
                        Arbitraries.of(0L, 500_000_000L, -3_000_000_000L, 90_000_000_000L, -86_400_000_000_000L),
                        Arbitraries.of(20_000_000L, 6_000_000_000L))
                .as((skew, took) -> new dev.netdoctor.model.ClockReading(t0, t0 + took / 2 + skew, 1, t0 + took)).injectNull(0.3);
        return Combinators.combine(Arbitraries.of(true, false), reading, Arbitraries.of(true, false).injectNull(0.3),
                        maybe("chronyd: /dev/ptp0 not found - kernel must be built with CONFIG_PTP_1588_CLOCK"))
                .as((w, r, ptp, k) -> new ProbeData.Clock(w, r, ptp, k, r == null ? "date failed" : null));
    }

    private static Arbitrary<ProbeData.ServicePorts> servicePorts(List<Integer> ports) {
        Arbitrary<List<Integer>> which = ports.isEmpty() ? Arbitraries.integers().between(1, 65535).list().ofMaxSize(1)
                : Arbitraries.subsetOf(ports).map(List::copyOf);
        return which.flatMap(list -> {
            List<Arbitrary<ServicePort>> each = new ArrayList<>();
            for (int p : list) {
                each.add(Combinators.combine(tcp(Arbitraries.just(TcpConnection.LISTEN), Arbitraries.just(p)).list().ofMaxSize(2),
                        localConnects(Arbitraries.just(p)).list().ofMaxSize(4)).as((l, c) -> new ServicePort(p, l, c)));
            }
            return Combinators.combine(each).as(ProbeData.ServicePorts::new);
        });
    }

    private static Arbitrary<ProbeData.Vantage> vantage(List<Integer> ports) {
        Arbitrary<VantageCheck> check = Combinators.combine(Arbitraries.of("198.18.2.2", "fe80::2"),
                        ports.isEmpty() ? Arbitraries.just(8443) : Arbitraries.of(ports), Arbitraries.of(true, false),
                        Arbitraries.of("bash", "nc"), maybe("netdoctor-result reachable bash"))
                .as(VantageCheck::new);
        return Combinators.combine(maybe("SHA256:" + "A".repeat(43)), Arbitraries.of(ProbeData.Vantage.HostKeyStatus.class),
                        Arbitraries.of(true, false), check.list().ofMaxSize(2),
                        maybe("not in known_hosts; run again with --accept-host-key SHA256:x", "Auth fail"))
                .as((fp, status, loggedIn, checks, error) -> new ProbeData.Vantage("alice", "198.18.2.3", 22, fp, status, loggedIn, checks, error));
    }

    private static List<Integer> concat(List<Integer> ports, int more) {
        Set<Integer> all = new LinkedHashSet<>(ports);
        all.add(more);
        return List.copyOf(all);
    }

}
