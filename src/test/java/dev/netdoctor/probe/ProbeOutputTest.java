// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.OpenSshAttempt;
import dev.netdoctor.model.OpenSshAttempt.Result;
import dev.netdoctor.model.ProbeData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the probes read from the output of the commands they run, and the words they say about it. */
class ProbeOutputTest {
    private static DscpClass dscp(String name) {
        return DscpClass.parse(name).orElseThrow();
    }

    private static CommandRun ssh(String stderr, boolean timedOut) {
        return new CommandRun(List.of("ssh"), timedOut ? -1 : 255, "", stderr, 100, timedOut, false, false);
    }

    private static Result interpret(String stderr, boolean timedOut) {
        return OpenSshClientProbe.interpret("af21", ssh(stderr, timedOut)).result();
    }

    @Test
    void everyWayTheUsersSshCanEndIsNamed() {
        assertThat(interpret("debug1: Authenticated to 198.19.1.2 ([198.19.1.2]:22) using \"publickey\".", false))
                .isEqualTo(Result.KEY_EXCHANGE_DONE);
        assertThat(interpret("user@198.19.1.2: Permission denied (publickey).", false)).isEqualTo(Result.KEY_EXCHANGE_DONE);
        assertThat(interpret("ssh: Could not resolve hostname nas.invalid: Name or service not known", false)).isEqualTo(Result.NAME_NOT_RESOLVED);
        assertThat(interpret("ssh: connect to host 198.19.1.2 port 22: No route to host", false)).isEqualTo(Result.UNREACHABLE);
        assertThat(interpret("ssh: connect to host 198.19.1.2 port 22: Network is unreachable", false)).isEqualTo(Result.UNREACHABLE);
        assertThat(interpret("debug1: Connection established.\nConnection timed out during banner exchange", false))
                .isEqualTo(Result.STALLED_AFTER_CONNECT);
        assertThat(interpret("debug1: Connection established.\ndebug1: expecting SSH2_MSG_KEX_ECDH_REPLY\nTimeout, server not responding", true))
                .isEqualTo(Result.STALLED_AFTER_CONNECT);
        assertThat(interpret("debug1: Connection established.\nssh_dispatch_run_fatal: Connection to 198.19.1.2 port 22: Operation timed out", false))
                .isEqualTo(Result.STALLED_AFTER_CONNECT);
        // Killed by our own time limit while still connecting: SYN-SENT, not a stall.
        assertThat(interpret("debug1: Connecting to 198.19.1.2 [198.19.1.2] port 22.", true)).isEqualTo(Result.CONNECT_TIMED_OUT);
        assertThat(interpret("ssh: connect to host 198.19.1.2 port 22: Operation timed out", false)).isEqualTo(Result.CONNECT_TIMED_OUT);
        assertThat(interpret("kex_exchange_identification: read: Connection reset by peer", false)).isEqualTo(Result.OTHER);
    }

    @Test
    void theLastDebugStepAndTheTimeAreKept() {
        OpenSshAttempt a = OpenSshClientProbe.interpret("cs1", ssh("debug1: Connecting to x port 22.\nsomething else\n", true));
        assertThat(a.ipqos()).isEqualTo("cs1");
        assertThat(a.millis()).isEqualTo(100);
        assertThat(a.lastStep()).isEqualTo("Connecting to x port 22.");
        assertThat(OpenSshClientProbe.interpret("none", ssh("no debug output at all", false)).lastStep()).isNull();
    }

    @Test
    void theUsersSshRunsAreDescribedInPlainWords() {
        CommandRun run = new CommandRun(List.of("ssh"), 7, "", "", 100, false, false, false);
        assertThat(OpenSshClientProbe.describe(new OpenSshAttempt("none", Result.KEY_EXCHANGE_DONE, 12, null, run)))
                .isEqualTo("reached the server's host key after 12 ms");
        assertThat(OpenSshClientProbe.describe(new OpenSshAttempt("af21", Result.CONNECT_TIMED_OUT, 5000, null, run)))
                .isEqualTo("connection timed out (stuck in SYN-SENT) after 5000 ms");
        assertThat(OpenSshClientProbe.describe(new OpenSshAttempt("af21", Result.STALLED_AFTER_CONNECT, 1, null, run)))
                .isEqualTo("connected, then stalled after 1 ms");
        assertThat(OpenSshClientProbe.describe(new OpenSshAttempt("af21", Result.REFUSED, 1, null, run))).isEqualTo("connection refused after 1 ms");
        assertThat(OpenSshClientProbe.describe(new OpenSshAttempt("af21", Result.UNREACHABLE, 1, null, run))).isEqualTo("host unreachable after 1 ms");
        assertThat(OpenSshClientProbe.describe(new OpenSshAttempt("af21", Result.NAME_NOT_RESOLVED, 1, null, run))).isEqualTo("name not resolved after 1 ms");
        assertThat(OpenSshClientProbe.describe(new OpenSshAttempt("af21", Result.OTHER, 1, null, run))).isEqualTo("ended otherwise (exit 7) after 1 ms");
    }

    @Test
    void theUsersSshIsRunWithoutSideEffectsAndWithTheMarkingAsked() {
        List<String> argv = OpenSshClientProbe.argv("198.19.1.2", 2222, "cs1", 9);
        assertThat(argv).containsSubsequence("-o", "IPQoS=cs1").containsSubsequence("-o", "ConnectTimeout=9")
                .containsSubsequence("-p", "2222").containsSubsequence("-o", "BatchMode=yes")
                .containsSubsequence("-o", "UserKnownHostsFile=/dev/null").containsSubsequence("-o", "UpdateHostKeys=no");
        // a key exchange stalled by a path that drops large packets ends after 1 s of silence, by ssh itself
        assertThat(argv).containsSubsequence("-o", "ServerAliveInterval=1").containsSubsequence("-o", "ServerAliveCountMax=1");
        assertThat(argv.subList(argv.size() - 3, argv.size())).containsExactly("--", "198.19.1.2", "true");
    }

    @Test
    void markedConnectsFromInsideTheDistroAreReadPerClass() {
        List<DscpClass> classes = List.of(DscpClass.UNMARKED, dscp("af21"), dscp("cs1"), dscp("ef"), dscp("lowdelay"), dscp("throughput"));
        String out = """
                round 0 0 0 72 32 184 16 8
                end 0 0 connected 4000
                end 0 32 refused 3000 Connection refused
                end 0 184 unreachable 1000 No route to host
                end 0 16 error 2000 \s
                garbage line
                end 0 8 connected x
                round 1 50000 0 72 8
                end 1 0 connected 53000
                round 2 100000 0 72 8
                end 2 0 connected 104000
                round 3 150000 0 72 8
                end 3 0 connected 152000
                round 4 200000 0 72 8
                end 4 0 connected 201000
                done 500000
                """;
        MarkedRounds.Outcome o = DistroMarkedConnects.parse(new CommandRun(List.of("bash"), 0, out, "", 2100, false, false, false),
                classes, java.time.Duration.ofSeconds(2));
        List<ConnectAttempt> a = o.attempts();
        assertThat(a).extracting(ConnectAttempt::marking).containsExactlyElementsOf(classes);
        assertThat(a).extracting(ConnectAttempt::result).containsExactly(ConnectResult.CONNECTED, ConnectResult.TIMED_OUT,
                ConnectResult.REFUSED, ConnectResult.UNREACHABLE, ConnectResult.ERROR, ConnectResult.TIMED_OUT);
        assertThat(a).extracting(ConnectAttempt::millis).containsExactly(4L, 300L, 3L, 1L, 2L, 300L);
        assertThat(o.rounds()).isEqualTo(5);
        assertThat(o.roundTripMillis()).isEqualTo(4);
        assertThat(o.waitMillis()).isEqualTo(300);
        assertThat(a.get(0).error()).isNull();
        assertThat(a.get(2).error()).isEqualTo("Connection refused");
        assertThat(a.get(4).error()).as("a blank reason is no reason").isNull();
        assertThat(a.get(5).error()).as("the malformed line left that SYN unanswered").startsWith("5 SYNs, none answered");
        MarkedRounds.Outcome none = DistroMarkedConnects.parse(new CommandRun(List.of("bash"), 1, "", "python3: not found\n", 9, false, false, false),
                List.of(DscpClass.UNMARKED, dscp("af21")), java.time.Duration.ofSeconds(2));
        assertThat(none.attempts().getLast().error()).isEqualTo("no result from inside the distro: python3: not found");
    }

    @Test
    void aReportCutShortIsJudgedAtItsLastLineAndNeverCallsADropItDidNotSee() {
        List<DscpClass> classes = List.of(DscpClass.UNMARKED, dscp("af21"));
        String out = """
                round 0 0 0 72
                end 0 0 connected 4000
                round 1 50000 0 72
                """;
        MarkedRounds.Outcome o = DistroMarkedConnects.parse(new CommandRun(List.of("bash"), 137, out, "", 9000, true, false, false),
                classes, java.time.Duration.ofSeconds(2));
        assertThat(o.attempts().get(1).result()).isEqualTo(ConnectResult.ERROR);
        assertThat(o.attempts().get(1).error()).startsWith("undecided:");
    }

    @Test
    void localConnectFailuresFromTheDistroSayWhatHappened() {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("127.0.0.1", "loopback");
        addresses.put("198.18.2.2", "address of eth0");
        addresses.put("127.0.0.2", "another loopback address");
        addresses.put("::1", "IPv6 loopback");
        DistroConnects.Run run = DistroConnects.parse("""
                listening 41213 51843
                127.0.0.1 41213 failed 3 127.0.0.1: connect: Connection refused 127.0.0.1: line 1: /dev/tcp/127.0.0.1/41213: Connection refused
                198.18.2.2 41213 failed 5 198.18.2.2: connect: No route to host
                127.0.0.2 41213 failed 600 127.0.0.2: connect: Connection timed out
                ::1 51843 failed 1 something odd
                10.0.0.9 41213 connected 1
                """, addresses);
        assertThat(run.port()).isEqualTo(41213);
        assertThat(run.v6Port()).isEqualTo(51843);
        assertThat(run.connects()).extracting(c -> c.address()).containsExactly("127.0.0.1", "198.18.2.2", "127.0.0.2", "::1");
        assertThat(run.connects()).extracting(c -> c.result()).containsExactly(ConnectResult.REFUSED, ConnectResult.UNREACHABLE,
                ConnectResult.TIMED_OUT, ConnectResult.ERROR);
        assertThat(run.connects().getFirst().error()).isEqualTo("Connection refused");
        assertThat(run.connects().getFirst().label()).isEqualTo("loopback");
        assertThat(run.connects().get(2).millis()).isEqualTo(600);
        assertThat(run.connects().get(3).error()).isEqualTo("something odd");
        assertThat(DistroConnects.parse("", addresses).port()).as("no listener line").isEqualTo(-1);
        // The reason alone, however bash began its message.
        assertThat(DistroConnects.reason("127.0.0.1", "connect: Connection refused")).isEqualTo("Connection refused");
        assertThat(DistroConnects.reason("127.0.0.2", "bash: connect: Network is unreachable 127.0.0.2: line 1: /dev/tcp")).isEqualTo("Network is unreachable");
        assertThat(DistroConnects.reason("127.0.0.2", "something odd")).isEqualTo("something odd");
    }

    @Test
    void theJdksConnectErrorsMeanWhatTheySay() {
        assertThat(ConnectErrors.classify(new NoRouteToHostException("whatever"))).isEqualTo(ConnectResult.UNREACHABLE);
        assertThat(ConnectErrors.classify(new IOException("Network is unreachable"))).isEqualTo(ConnectResult.UNREACHABLE);
        assertThat(ConnectErrors.classify(new IOException("No route to host"))).isEqualTo(ConnectResult.UNREACHABLE);
        assertThat(ConnectErrors.classify(new SocketTimeoutException())).isEqualTo(ConnectResult.TIMED_OUT);
        assertThat(ConnectErrors.classify(new IOException("Connect timed out"))).isEqualTo(ConnectResult.TIMED_OUT);
        assertThat(ConnectErrors.classify(new ConnectException())).isEqualTo(ConnectResult.REFUSED);
        assertThat(ConnectErrors.classify(new IOException("Connection refused"))).isEqualTo(ConnectResult.REFUSED);
        assertThat(ConnectErrors.classify(new IOException())).isEqualTo(ConnectResult.ERROR);
    }

    @Test
    void markedConnectsAreSummarisedForTheChecksList() {
        ProbeData.MarkedConnects data = new ProbeData.MarkedConnects("198.19.1.2", 22, List.of(
                new ConnectAttempt(DscpClass.UNMARKED, ConnectResult.CONNECTED, 4, null),
                new ConnectAttempt(dscp("af21"), ConnectResult.TIMED_OUT, 2000, null),
                new ConnectAttempt(dscp("cs1"), ConnectResult.REFUSED, 3, null),
                new ConnectAttempt(dscp("ef"), ConnectResult.UNREACHABLE, 1, "No route to host"),
                new ConnectAttempt(dscp("lowdelay"), ConnectResult.ERROR, 1, "Permission denied")));
        assertThat(DscpConnectProbe.summarize(data)).isEqualTo("unmarked: connected in 4 ms; marked: 1 of 4 answered");
        assertThat(data.attempts()).extracting(DscpConnectProbe::describe).containsExactly("connected in 4 ms", "no answer within 2000 ms",
                "refused in 3 ms", "unreachable: No route to host", "error: Permission denied");
        ProbeData.MarkedConnects onlyMarked = new ProbeData.MarkedConnects("198.19.1.2", 22, List.of(
                new ConnectAttempt(dscp("af21"), ConnectResult.TIMED_OUT, 2000, null)));
        assertThat(DscpConnectProbe.summarize(onlyMarked)).isEqualTo("unmarked: not tried; marked: 0 of 1 answered");
    }

    @Test
    void pingCountsAndRoundTripAreRead() {
        ProbeData.Ping p = PingProbe.parse("198.19.1.2", """
                5 packets transmitted, 4 received, 20% packet loss, time 4005ms
                rtt min/avg/max/mdev = 0.041/0.252/0.511/0.180 ms
                """);
        assertThat(p.sent()).isEqualTo(5);
        assertThat(p.received()).isEqualTo(4);
        assertThat(p.averageRttMillis()).isEqualTo(0.252);
        ProbeData.Ping nothing = PingProbe.parse("198.19.1.2", "ping: connect: Network is unreachable");
        assertThat(nothing.received()).isZero();
        assertThat(nothing.averageRttMillis()).isNull();
        assertThat(nothing.answered()).isFalse();
    }
}
