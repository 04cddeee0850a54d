// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentTest {
    @Test
    void synGiveUpTimeFollowsTheKernelsDoublingRetries() {
        assertThat(Environment.synGiveUpSeconds(6)).isEqualTo(127);
        assertThat(Environment.synGiveUpSeconds(5)).isEqualTo(63);
        assertThat(Environment.synGiveUpSeconds(0)).isEqualTo(1);
        // the retransmission timeout is capped at 120 s
        assertThat(Environment.synGiveUpSeconds(8)).isEqualTo(1 + 2 + 4 + 8 + 16 + 32 + 64 + 120 + 120);
    }
}
