// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe.dns;

import dev.netdoctor.host.FakeWsl;
import dev.netdoctor.host.WslLinuxSide;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.DnsReply.Outcome;
import dev.netdoctor.model.DnsReply.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * From Windows, the DNS questions leave from inside the distro: dnsjava's question through the
 * faithful wsl.exe stand-in (Windows' command-line round trip, its delay, only WSLENV variables
 * cross), moved by bash's /dev/udp and /dev/tcp, and the answer read back by dnsjava.
 */
class DnsQueryInsideDistroTest {
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static WslLinuxSide distro;

    @BeforeAll
    static void fake() {
        assumeTrue(FakeWsl.runs(), "Skipping: the wsl.exe stand-in needs python3");
        distro = new WslLinuxSide(FakeWsl.FAKE, "Lab");
    }

    @AfterAll
    static void close() {
        if (distro != null) {
            distro.close();
        }
    }

    @Test
    void anAnswerANameThatDoesNotExistAndSilenceAreToldApartOverBothTransports() throws Exception {
        try (FakeDnsServer dns = new FakeDnsServer(Map.of("nas.example.test", "198.18.7.7"))) {
            int port = dns.address().getPort();
            for (Transport t : Transport.values()) {
                DnsReply r = DnsQuery.askInside(distro, "127.0.0.1", port, "nas.example.test", t, LIMIT);
                assertThat(r.outcome()).as(t + ": " + r.detail()).isEqualTo(Outcome.ANSWER);
                assertThat(r.addresses()).containsExactly("198.18.7.7");
                DnsReply gone = DnsQuery.askInside(distro, "127.0.0.1", port, "gone.example.test", t, LIMIT);
                assertThat(gone.outcome()).as(t + ": " + gone.detail()).isEqualTo(Outcome.NXDOMAIN);
            }
            assertThat(dns.udpQuestions.get()).isEqualTo(2);
            assertThat(dns.tcpQuestions.get()).isEqualTo(2);
            dns.udpMode = FakeDnsServer.Mode.SILENT;
            DnsReply silent = DnsQuery.askInside(distro, "127.0.0.1", port, "nas.example.test", Transport.UDP, LIMIT);
            assertThat(silent.outcome()).as(silent.detail()).isEqualTo(Outcome.NO_ANSWER);
        }
    }

    @Test
    void nothingListeningIsSaidSo() throws Exception {
        int port;
        try (FakeDnsServer dns = new FakeDnsServer(Map.of())) {
            port = dns.address().getPort();
        }
        DnsReply tcp = DnsQuery.askInside(distro, "127.0.0.1", port, "nas.example.test", Transport.TCP, LIMIT);
        assertThat(tcp.outcome()).as(tcp.detail()).isEqualTo(Outcome.UNREACHABLE);
        DnsReply udp = DnsQuery.askInside(distro, "127.0.0.1", port, "nas.example.test", Transport.UDP, LIMIT);
        assertThat(udp.outcome()).as(udp.detail()).isEqualTo(Outcome.UNREACHABLE);
    }
}
