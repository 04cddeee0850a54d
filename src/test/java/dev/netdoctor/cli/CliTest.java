// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
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
        // the published schema, checked by the validator: no field the schema does not declare
        dev.netdoctor.report.ResultSchema.DIAGNOSIS.check(r.out());
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
    void withoutATargetTheWayOutIsCheckedToo() {
        // The request and the checks it selects, not a run: a run would ask this machine's own DNS
        // servers and ping its gateway, and tests send nothing beyond the machine (the lab's
        // DnsLabIT runs it for real, inside its namespaces).
        List<dev.netdoctor.model.ProbeId> all = checks();
        assertThat(all).contains(dev.netdoctor.model.ProbeId.NAME_RESOLUTION, dev.netdoctor.model.ProbeId.DNS_SERVERS,
                dev.netdoctor.model.ProbeId.DEFAULT_GATEWAY, dev.netdoctor.model.ProbeId.LOOPBACK_SELF_TEST, dev.netdoctor.model.ProbeId.CONFIG_FILES);
        assertThat(checks("--service-port", "8443")).doesNotContain(dev.netdoctor.model.ProbeId.NAME_RESOLUTION,
                dev.netdoctor.model.ProbeId.DNS_SERVERS, dev.netdoctor.model.ProbeId.DEFAULT_GATEWAY).contains(dev.netdoctor.model.ProbeId.SERVICE_PORTS);
    }

    /** A target is an SSH server on every port unless --no-ssh says it is not: scripts keep their checks. */
    @Test
    void noSshLeavesTheSshChecksOutAndSshIsTheDefaultOnEveryPort() {
        assertThat(request("--target", "intranet.corp.example:443").sshTarget()).isTrue();
        assertThat(request("--target", "nas:2222", "--ssh").sshTarget()).isTrue();
        assertThat(request("--target", "intranet.corp.example:443", "--no-ssh").sshTarget()).isFalse();
        assertThat(checks("--target", "198.18.0.10:443")).contains(dev.netdoctor.model.ProbeId.SSH_HANDSHAKE, dev.netdoctor.model.ProbeId.OPENSSH_CLIENT);
        assertThat(checks("--target", "198.18.0.10:443", "--no-ssh")).contains(dev.netdoctor.model.ProbeId.DSCP_CONNECT)
                .doesNotContain(dev.netdoctor.model.ProbeId.SSH_HANDSHAKE, dev.netdoctor.model.ProbeId.OPENSSH_CLIENT);
    }

    private static dev.netdoctor.model.DiagnosisRequest request(String... args) {
        DiagnoseCommand command = new DiagnoseCommand();
        new picocli.CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args); // as Cli.run parses
        return command.request();
    }

    private static List<dev.netdoctor.model.ProbeId> checks(String... args) {
        DiagnoseCommand command = new DiagnoseCommand();
        new picocli.CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args); // as Cli.run parses
        return dev.netdoctor.session.ProbeCatalog.stages(command.request()).stream().flatMap(List::stream)
                .map(dev.netdoctor.probe.Probe::id).toList();
    }
}
