// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Technical details name their terms; the glossary explains exactly the ones a text uses. */
class GlossaryTest {
    @Test
    void theTermsOfATextAreFoundWithTheirMeaningAndNoOthers() {
        var terms = Glossary.termsIn("SYN marked af21 (ToS 0x48): no answer within 2000 ms; ssh has been waiting in SYN-SENT");
        assertThat(terms.keySet()).containsExactly("DSCP / ToS", "af21, cs1, ef, lowdelay, throughput", "SYN", "SYN-SENT");
        assertThat(terms.get("SYN-SENT")).isEqualTo("a connection that has asked to connect and is still waiting for any answer.");
        assertThat(Glossary.termsIn("Ping the target: 3 of 3 answered")).isEmpty();
        assertThat(Glossary.termsIn("efficient throughputs")).as("whole words only").isEmpty();
    }

    @Test
    void aFindingsTermsComeFromItsEvidence() {
        Finding f = new Finding(FindingId.DSCP_MARKED_SYN_DROPPED, Severity.PROBLEM, Confidence.HIGH, "Marked SSH packets are dropped", "plain words",
                List.of(Evidence.of("Your ssh's marking for 198.18.1.2 (IPQoS, from ssh -G): af21"),
                        new Evidence("route", "ip route get 127.0.0.1", "127.0.0.1 dev loopback0 table 127")), List.of());
        assertThat(Glossary.termsIn(f).keySet()).containsExactly("IPQoS", "af21, cs1, ef, lowdelay, throughput", "ssh -G");
    }
}
