// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DscpClassTest {
    /** The ToS bytes measured with tcpdump on OpenSSH's SYNs in the lab (src/test/lab/README.md). */
    @ParameterizedTest
    @CsvSource({"af21, 0x48", "cs1, 0x20", "ef, 0xb8", "lowdelay, 0x10", "throughput, 0x08", "none, 0x00",
            "AF21, 0x48", "cs0, 0x00", "af43, 0x98", "le, 0x04"})
    void namesMapToTheBytesOpenSshPutsOnTheWire(String name, String tos) {
        assertThat(DscpClass.parse(name)).get().extracting(DscpClass::tos).isEqualTo(Integer.decode(tos));
    }

    @Test
    void numbersAreAcceptedLikeSshConfigDoes() {
        assertThat(DscpClass.parse("0x48").orElseThrow().tos()).isEqualTo(0x48);
        assertThat(DscpClass.parse("72").orElseThrow().tos()).isEqualTo(72);
        assertThat(DscpClass.parse("256")).isEmpty();
        assertThat(DscpClass.parse("bogus")).isEmpty();
        assertThat(DscpClass.parse(null)).isEmpty();
    }

    @Test
    void markedMeansANonZeroByte() {
        assertThat(DscpClass.UNMARKED.marked()).isFalse();
        assertThat(DscpClass.parse("af21").orElseThrow().marked()).isTrue();
        assertThat(DscpClass.parse("af21").orElseThrow().dscp()).isEqualTo(18);
    }
}
