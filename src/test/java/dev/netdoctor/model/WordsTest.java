// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The one word source: what every layer reads, the same for each value of the model's enums. */
class WordsTest {
    @Test
    void aPortReadsAsItsDigitsWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertThat(Words.get("details.port.conflict", 2222, 22L)).contains("port 2222").contains("says 22");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aCountReadsInTheSingularForOne() {
        assertThat(Words.get("system.config.otherwise", 1, "x")).startsWith("1 line WSL reads otherwise");
        assertThat(Words.get("system.config.otherwise", 2, "x")).startsWith("2 lines WSL reads otherwise");
        assertThat(Words.get("probe.listening.summary", 1)).isEqualTo("1 listening socket");
        assertThat(Words.get("probe.listening.summary", 0)).isEqualTo("no listening sockets");
        assertThat(Words.get("probe.listening.summary", 3)).isEqualTo("3 listening sockets");
        assertThat(Words.get("probe.localRoutes.away", 1L, "r")).startsWith("1 TCP route to this computer's own addresses leaves through");
        assertThat(Words.get("probe.socketWatch.waited", 1, 0L)).startsWith("1 connection waited");
    }

    @Test
    void aMissingKeyShowsItselfInsteadOfFailing() {
        assertThat(Words.get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void everyValueOfTheWordedEnumsHasItsOwnWords() {
        for (Enum<?>[] values : new Enum<?>[][] {Severity.values(), Confidence.values(), DnsReply.Outcome.values(), DnsPath.values(),
                ProbeStatus.values()}) {
            var words = Arrays.stream(values).map(WordsTest::words).toList();
            assertThat(words).as(values[0].getDeclaringClass().getSimpleName()).doesNotHaveDuplicates()
                    .noneMatch(w -> w.startsWith("!") || w.isBlank());
        }
    }

    @Test
    void theWordingsAChoiceWasMadeFor() {
        assertThat(Severity.INFO.words()).isEqualTo("All good");
        assertThat(Confidence.HIGH.words()).isEqualTo("We are sure");
        assertThat(DnsPath.NAT_DNS_PROXY.words()).isEqualTo("WSL's DNS proxy on Windows");
        assertThat(DnsPath.NAT_DNS_PROXY.id()).isEqualTo("nat-dns-proxy");
        assertThat(ProbeStatus.TIMED_OUT.words()).isEqualTo("couldn't finish");
    }

    private static String words(Enum<?> e) {
        return switch (e) {
            case Severity s -> s.words();
            case Confidence c -> c.words();
            case DnsReply.Outcome o -> o.words();
            case DnsPath p -> p.words();
            case ProbeStatus p -> p.words();
            default -> throw new IllegalArgumentException(e.toString());
        };
    }
}
