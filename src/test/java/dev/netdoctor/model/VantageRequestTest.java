// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VantageRequestTest {
    @Test
    void parsesUserHostAndPort() {
        VantageRequest v = VantageRequest.parse("alice@198.18.2.3:2222", null, null);
        assertThat(v.user()).isEqualTo("alice");
        assertThat(v.host()).isEqualTo(new Target("198.18.2.3", 2222));
        assertThat(v.toString()).isEqualTo("alice@198.18.2.3:2222");
    }

    @ParameterizedTest
    @ValueSource(strings = {"198.18.2.3", "@198.18.2.3", "-oProxyCommand=x@h", "a b@h", "alice@", "alice@-h", "al;ice@h"})
    void refusesBadVantages(String text) {
        assertThatThrownBy(() -> VantageRequest.parse(text, null, null)).isInstanceOf(InvalidInputException.class);
    }

    /** "alice@" said "The target is empty", about a --target the user had not touched. */
    @Test
    void aUserWithoutAHostIsNamedAsTheOutsideMachine() {
        assertThatThrownBy(() -> VantageRequest.parse("bob@", null, null)).hasMessageContaining("The outside machine \"bob@\"")
                .hasMessageContaining("no host after the '@'").hasMessageNotContaining("target");
    }

    @Test
    void fingerprintsMustLookLikeSshPrintsThem() {
        assertThat(VantageRequest.parse("a@h", null, "SHA256:" + "x".repeat(43)).acceptedFingerprint()).startsWith("SHA256:");
        assertThatThrownBy(() -> VantageRequest.parse("a@h", null, "SHA256:short")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> VantageRequest.parse("a@h", null, "MD5:aa:bb")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anOutsideCheckNeedsAServicePort() {
        VantageRequest v = VantageRequest.parse("a@h", null, null);
        assertThatThrownBy(() -> new DiagnosisRequest(null, List.of(), v, null, null)).hasMessageContaining("--service-port");
        assertThatThrownBy(() -> new DiagnosisRequest(null, List.of(70000), null, null, null)).hasMessageContaining("70000");
        assertThat(new DiagnosisRequest(null, List.of(8443, 8443), v, Duration.ofSeconds(1), Duration.ofSeconds(10)).servicePorts())
                .containsExactly(8443);
    }
}
