// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {


    @ParameterizedTest
    @ValueSource(strings = {"", "-oProxyCommand=x", "host name", "nas:0", "nas:99999", "bad\u0007bell", "a;b"})
    void badTargetsGetOneClearLineExitTwoAndNothingRuns(String target) {
        CliRun r = CliRun.of("diagnose", "--target", target, "--json");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSizeBetween(1, 2);
        assertThat(r.err()).startsWith("wsl-net-doctor: ");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        CliRun r = CliRun.of("diagnose", "--frobnicate");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("Unknown option");
    }

    @Test
    void timeoutOutOfRangeIsBadInput() {
        assertThat(CliRun.of("diagnose", "--target", "198.18.0.1", "--timeout", "0").exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRun.of("diagnose", "--target", "198.18.0.1", "--timeout", "abc").exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void versionAndHelpWork() {
        assertThat(CliRun.of("--version").out()).contains("WSL Net Doctor");
        CliRun help = CliRun.of("diagnose", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--target").contains("--json");
    }

    /** A closed port on this machine's loopback: refused, found as a problem, in the documented schema. */
    @Test
    void jsonResultFollowsTheSchema() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun r = CliRun.of("diagnose", "--target", "127.0.0.1:" + port, "--json", "--quiet", "--timeout", "10");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.path("environment").path("interfaces").isArray()).isTrue();
        assertThat(json.path("probes").size()).isGreaterThanOrEqualTo(6);
        JsonNode finding = json.path("findings").path(0);
        assertThat(finding.path("id").asText()).isEqualTo("port-refused");
        assertThat(finding.path("severity").asText()).isEqualTo("problem");
        for (String field : new String[]{"title", "explanation", "evidence", "fixes"}) {
            assertThat(finding.has(field)).as(field).isTrue();
        }
        assertThat(json.path("probes").findValues("data")).anySatisfy(d -> assertThat(d.path("kind").asText()).isEqualTo("marked-connects"));
    }

    /**
     * Neither a machine nor a service port: "what is wrong here?". The way out is checked too (the
     * DNS servers asked for the name Windows' connectivity check uses, the default gateway pinged);
     * a service port alone is the question about that port, without them.
     */
    @Test
    void withoutATargetTheWayOutIsCheckedToo() throws Exception {
        CliRun r = CliRun.of("diagnose", "--json", "--quiet", "--timeout", "30");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("probes").findValuesAsText("probeId")).contains("name-resolution", "dns-servers", "default-gateway",
                "loopback-self-test", "config-files");
        assertThat(json.path("probes").path(0).path("parameters").path("host").asText()).isEqualTo("www.msftconnecttest.com");
        // whatever this machine's network is, the all-clear never says less specifically than what it checked
        assertThat(json.path("findings").findValuesAsText("title")).noneMatch(t -> t.startsWith("No problem"));

        CliRun port = CliRun.of("diagnose", "--service-port", "8443", "--json", "--quiet", "--timeout", "30");
        assertThat(new ObjectMapper().readTree(port.out()).path("probes").findValuesAsText("probeId"))
                .doesNotContain("name-resolution", "dns-servers", "default-gateway").contains("service-ports");
    }
}
