// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe.dns;

import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.DnsReply.Outcome;
import dev.netdoctor.model.DnsReply.Transport;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Real DNS questions to a server of the test's own on loopback: each way a server can answer, or not. */
class DnsQueryTest {
    private static final Duration LIMIT = Duration.ofMillis(800);

    @Test
    void aWorkingServerGivesTheAddressOverUdpAndTcp() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer(Map.of("nas.example.test", "198.18.5.5"))) {
            for (Transport t : Transport.values()) {
                DnsReply r = DnsQuery.ask(dns.address(), "nas.example.test", t, LIMIT);
                assertThat(r.outcome()).as(t.name()).isEqualTo(Outcome.ANSWER);
                assertThat(r.addresses()).containsExactly("198.18.5.5");
                assertThat(r.transport()).isEqualTo(t);
                assertThat(r.server()).isEqualTo("127.0.0.1:" + dns.address().getPort());
            }
            assertThat(dns.udpQuestions.get()).isEqualTo(1);
            assertThat(dns.tcpQuestions.get()).isEqualTo(1);
        }
    }

    @Test
    void aServerThatClosesEachTcpConnectionIsAskedAgainOnANewOne() throws Exception {
        // The test server closes the connection after each answer, as many servers do; dnsjava
        // keeps connections for reuse, so a later question may meet a closed one.
        try (FakeDnsServer dns = new FakeDnsServer(Map.of("nas.example.test", "198.18.5.5"))) {
            for (int i = 0; i < 6; i++) {
                DnsReply r = DnsQuery.ask(dns.address(), "nas.example.test", Transport.TCP, LIMIT);
                assertThat(r.outcome()).as("question " + i + ": " + r.detail()).isEqualTo(Outcome.ANSWER);
            }
        }
    }

    @Test
    void aNameThatDoesNotExistIsToldApartFromAServerThatFails() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer(Map.of())) {
            DnsReply nx = DnsQuery.ask(dns.address(), "nowhere.example.test", Transport.UDP, LIMIT);
            assertThat(nx.outcome()).isEqualTo(Outcome.NXDOMAIN);
            assertThat(nx.outcome().serverAnswered()).isTrue();
            dns.udpMode = FakeDnsServer.Mode.SERVFAIL;
            assertThat(DnsQuery.ask(dns.address(), "x.example.test", Transport.UDP, LIMIT).outcome()).isEqualTo(Outcome.SERVFAIL);
            dns.udpMode = FakeDnsServer.Mode.REFUSED;
            assertThat(DnsQuery.ask(dns.address(), "x.example.test", Transport.UDP, LIMIT).outcome()).isEqualTo(Outcome.REFUSED);
        }
    }

    @Test
    void aSilentServerIsNoAnswerWithinTheLimitOnEitherTransport() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer(Map.of("nas.example.test", "198.18.5.5"))) {
            dns.udpMode = FakeDnsServer.Mode.SILENT;
            DnsReply udp = DnsQuery.ask(dns.address(), "nas.example.test", Transport.UDP, LIMIT);
            assertThat(udp.outcome()).as(udp.detail()).isEqualTo(Outcome.NO_ANSWER);
            assertThat(udp.outcome().serverAnswered()).isFalse();
            assertThat(udp.detail()).isEqualTo("no answer within 800 ms");
            // the time it waited, as the evidence says it: never less than the limit it waited for
            assertThat(udp.millis()).isBetween(LIMIT.toMillis(), 60_000L);
            // only UDP is dropped: TCP still answers (a server that answers one way only is told apart)
            assertThat(DnsQuery.ask(dns.address(), "nas.example.test", Transport.TCP, LIMIT).outcome()).isEqualTo(Outcome.ANSWER);
            dns.tcpMode = FakeDnsServer.Mode.SILENT;
            DnsReply silentTcp = DnsQuery.ask(dns.address(), "nas.example.test", Transport.TCP, LIMIT);
        assertThat(silentTcp.outcome()).as(silentTcp.detail()).isEqualTo(Outcome.NO_ANSWER);
        }
    }

    @Test
    void nothingListeningIsUnreachableOrNoAnswerNeverAnAnswer() throws Exception {
        int closed;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        InetSocketAddress nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), closed);
        DnsReply tcp = DnsQuery.ask(nobody, "nas.example.test", Transport.TCP, LIMIT);
        assertThat(tcp.outcome()).isEqualTo(Outcome.UNREACHABLE);
        // UDP to a closed port: the ICMP "port unreachable" may or may not reach the client socket
        assertThat(DnsQuery.ask(nobody, "nas.example.test", Transport.UDP, LIMIT).outcome()).isIn(Outcome.UNREACHABLE, Outcome.NO_ANSWER);
    }

    @Test
    void aNameThatIsNoDnsNameIsAnErrorNotAQuestion() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer(Map.of())) {
            DnsReply r = DnsQuery.ask(dns.address(), "a..b", Transport.UDP, LIMIT);
            assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(r.detail()).startsWith("not a DNS name");
            assertThat(dns.udpQuestions.get()).isZero();
        }
    }

    /**
     * An answer for another name than asked is no answer: with a suffix after the name (DNS
     * tunneling's "Question section mismatch", microsoft/WSL#11382) it says so, over UDP and TCP.
     */
    @Test
    void anAnswerForTheNameWithASuffixAppendedIsToldApart() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer(Map.of("nas.example.test.lan", "198.18.5.5", "other.example.test", "198.18.5.6"))) {
            for (Transport t : Transport.values()) {
                dns.udpMode = FakeDnsServer.Mode.SUFFIX_APPENDED;
                dns.tcpMode = FakeDnsServer.Mode.SUFFIX_APPENDED;
                DnsReply suffix = DnsQuery.ask(dns.address(), "nas.example.test", t, LIMIT);
                assertThat(suffix.outcome()).as(t.name()).isEqualTo(Outcome.ERROR);
                assertThat(suffix.suffixAppended()).as(suffix.detail()).isTrue();
                assertThat(suffix.detail()).contains("nas.example.test.lan.");
                dns.udpMode = FakeDnsServer.Mode.OTHER_QUESTION;
                dns.tcpMode = FakeDnsServer.Mode.OTHER_QUESTION;
                DnsReply other = DnsQuery.ask(dns.address(), "nas.example.test", t, LIMIT);
                assertThat(other.questionMismatch()).as(other.detail()).isTrue();
                assertThat(other.suffixAppended()).isFalse();
                assertThat(other.addresses()).isEmpty();
            }
        }
    }


    /**
     * A thread waiting inside the OS when the JVM ends costs the exit 300 ms (HotSpot waits for
     * it): once a run's questions are over, dnsjava's network thread is ended, also after a
     * question given up on a silent server; the next question starts it again.
     */
    @Test
    void dnsjavasNetworkThreadEndsWhenReleasedAndComesBackForTheNextQuestion() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer(Map.of("nas.example.test", "198.18.5.5"))) {
            for (int round = 0; round < 2; round++) {
                assertThat(DnsQuery.ask(dns.address(), "nas.example.test", Transport.UDP, LIMIT).outcome()).isEqualTo(Outcome.ANSWER);
                dns.tcpMode = FakeDnsServer.Mode.SILENT;
                assertThat(DnsQuery.ask(dns.address(), "nas.example.test", Transport.TCP, LIMIT).outcome()).isEqualTo(Outcome.NO_ANSWER);
                dns.tcpMode = FakeDnsServer.Mode.ANSWER;
                DnsQuery.releaseNetworkThread();
                java.util.List<String> left = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.isAlive() && t.getName().startsWith("dnsjava")).map(Thread::toString).toList();
                assertThat(left).as("round " + round).isEmpty();
            }
        }
    }
}
