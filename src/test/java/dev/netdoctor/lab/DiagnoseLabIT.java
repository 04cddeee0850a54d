// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real CLI, in real network namespaces, against a real sshd: each lab scenario must give
 * its finding and no other. Needs root and `ip netns`; skipped with the reason otherwise.
 */
class DiagnoseLabIT {
    /**
     * The verdict comes from the evidence, not from waiting out the run's 20 s deadline. This only
     * catches that kind of hang; how fast it is lives in LabBenchmark (mvn -Pbench verify), not in
     * a timed test that would flake on a busy machine.
     */
    private static final long HANG = 10_000;

    @BeforeAll
    static void labAvailable() {
        var reason = Lab.reasonToSkip();
        assumeTrue(reason.isEmpty(), () -> "Skipping network lab tests: " + reason.orElse(""));
    }

    private static List<String> findingIds(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.path("findings").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    private static JsonNode probe(JsonNode json, String id) {
        for (JsonNode p : json.path("probes")) {
            if (p.path("probeId").asText().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("no probe " + id + " in " + json);
    }

    @Test
    void dscpLabFindsMarkedSynsDropped() throws Exception {
        try (Lab lab = Lab.up("dscp")) {
            JsonNode json = lab.diagnoseJson();
            assertThat(findingIds(json)).containsExactly("dscp-marked-syn-dropped");
            assertThat(json.path("_exit").asInt()).isEqualTo(1);
            JsonNode finding = json.path("findings").path(0);
            assertThat(finding.path("severity").asText()).isEqualTo("problem");
            assertThat(finding.path("confidence").asText()).isEqualTo("high");
            assertThat(finding.path("fixes").path(0).path("id").asText()).isEqualTo("ssh-config-ipqos-none");
            // the user's own ssh shows the same contrast
            JsonNode ssh = probe(json, "openssh-client").path("data").path("attempts");
            assertThat(ssh.path(0).path("ipqos").asText()).isEqualTo("none");
            assertThat(ssh.path(0).path("result").asText()).isEqualTo("key_exchange_done");
            assertThat(ssh.path(1).path("result").asText()).isEqualTo("connect_timed_out");
            assertThat(json.path("durationMillis").asLong()).as("verdict time").isLessThan(HANG);
        }
    }

    @Test
    void healthyLabRaisesNoProblemAndSaysWhy() throws Exception {
        try (Lab lab = Lab.up("healthy")) {
            JsonNode json = lab.diagnoseJson();
            assertThat(findingIds(json)).containsExactly("no-problem-found");
            assertThat(json.path("_exit").asInt()).isZero();
            JsonNode handshakes = probe(json, "ssh-handshake").path("data").path("attempts");
            assertThat(handshakes).allSatisfy(a -> {
                assertThat(a.path("completed").asBoolean()).isTrue();
                assertThat(a.path("serverVersion").asText()).startsWith("SSH-2.0-OpenSSH");
                assertThat(a.path("hostKeyFingerprint").asText()).startsWith("SHA256:");
                assertThat(a.path("keyExchange").asText()).isNotBlank();
            });
            assertThat(json.path("durationMillis").asLong()).isLessThan(HANG);
        }
    }

    @Test
    void refusedLabFindsNothingListening() throws Exception {
        try (Lab lab = Lab.up("refused")) {
            JsonNode json = lab.diagnoseJson();
            assertThat(findingIds(json)).containsExactly("port-refused");
            assertThat(json.path("durationMillis").asLong()).isLessThan(HANG);
        }
    }

    @Test
    void filteredLabIsNotMistakenForDscp() throws Exception {
        try (Lab lab = Lab.up("filtered")) {
            JsonNode json = lab.diagnoseJson();
            assertThat(findingIds(json)).containsExactly("port-filtered").doesNotContain("dscp-marked-syn-dropped");
        }
    }

    /** A port that takes connections and never greets: once called "no problem". */
    @Test
    void silentLabFindsNoSshServerAnswers() throws Exception {
        try (Lab lab = Lab.up("silent")) {
            JsonNode json = lab.diagnoseJson();
            assertThat(findingIds(json)).containsExactly("ssh-no-greeting");
            assertThat(json.path("verdict").asText()).startsWith("Port 22 of 198.19.1.2 takes connections, but no SSH server answers");
            assertThat(json.path("durationMillis").asLong()).isLessThan(HANG);
        }
    }

    @Test
    void mtuLabFindsTheBlackHole() throws Exception {
        try (Lab lab = Lab.up("mtu")) {
            JsonNode json = lab.diagnoseJson();
            assertThat(findingIds(json)).containsExactly("path-mtu-blackhole");
            JsonNode mtu = probe(json, "path-mtu").path("data");
            assertThat(mtu.path("largestAnsweredPayload").asInt() + 28).isLessThanOrEqualTo(1000);
            assertThat(mtu.path("smallestLostPayload").asInt() + 28).isGreaterThan(1000);
        }
    }

    @Test
    void theHumanReportNamesTheFixAndTheUsersStuckSsh() throws Exception {
        try (Lab lab = Lab.up("dscp"); AutoCloseable hung = lab.hungSsh()) {
            Lab.Result r = lab.cli("diagnose", "--target", lab.target());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("Marked SSH packets are dropped")
                    .contains("Turn off SSH packet marking for 198.19.1.*")
                    .containsPattern("ssh \\(pid \\d+\\) has been waiting in SYN-SENT for 198\\.19\\.1\\.2:22 for at least \\d+ s");
            assertThat(r.err()).as("progress goes to stderr").contains("Connect with and without packet marking");
        }
    }

    /** tcpdump in the target namespace sees each SYN carry the ToS byte the probe asked for. */
    @Test
    void theSynsReallyCarryTheMarks() throws Exception {
        try (Lab lab = Lab.up("healthy")) {
            Path capture = Files.createTempFile("syns", ".txt");
            Process tcpdump = lab.startInNamespace(lab.get("TARGET_NS"), List.of("timeout", "30", "tcpdump", "-n", "-v", "-l", "-i", "any",
                    "-c", "200", "tcp[tcpflags] & tcp-syn != 0 and tcp[tcpflags] & tcp-ack == 0 and dst port 22"), capture);
            try {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!Files.readString(capture).contains("listening on") && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                lab.diagnoseJson();
                // tcpdump prints with -l as it sees packets; wait for the last class to show, at most 5 s
                long flushed = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!Files.readString(capture).contains("tos 0x8,") && System.nanoTime() < flushed) {
                    Thread.sleep(50);
                }
            } finally {
                tcpdump.destroy();
                tcpdump.waitFor(5, TimeUnit.SECONDS);
                tcpdump.destroyForcibly();
            }
            String seen = Files.readString(capture);
            Files.deleteIfExists(capture);
            Set<String> tos = new TreeSet<>();
            Matcher m = Pattern.compile("tos (0x[0-9a-f]+)").matcher(seen);
            while (m.find()) {
                tos.add(m.group(1));
            }
            // unmarked, af21, cs1, ef, lowdelay, throughput
            assertThat(tos).as(seen).contains("0x0", "0x48", "0x20", "0xb8", "0x10", "0x8");
        }
    }
}
