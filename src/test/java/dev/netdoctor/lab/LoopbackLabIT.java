// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * WSL's mirrored-mode loopback trap, emulated in namespaces (loopback0, policy rules sending
 * local TCP to a "Windows" namespace), diagnosed by the real CLI; and the outside check from a
 * vantage namespace with a real sshd and a per-run key.
 */
class LoopbackLabIT {
    /**
     * The verdict comes from the evidence, not from waiting out the run's 20 s deadline. This only
     * catches that kind of hang; how fast it is lives in LabBenchmark (mvn -Pbench verify), not in
     * a timed test that would flake on a busy machine.
     */
    private static final long HANG = 10_000;

    @TempDir
    Path home;

    @BeforeAll
    static void labAvailable() {
        var reason = Lab.reasonToSkip();
        assumeTrue(reason.isEmpty(), () -> "Skipping network lab tests: " + reason.orElse(""));
    }

    private List<String> isolatedHome() {
        return List.of("-Duser.home=" + home);
    }

    private static List<String> ids(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.path("findings").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    private static JsonNode finding(JsonNode json, String id) {
        for (JsonNode f : json.path("findings")) {
            if (f.path("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in " + json.path("findings"));
    }

    private static List<String> evidence(JsonNode finding) {
        List<String> lines = new ArrayList<>();
        finding.path("evidence").forEach(e -> lines.add(e.path("summary").asText()));
        return lines;
    }

    private JsonNode diagnose(Lab lab, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("diagnose", "--service-port", lab.get("SERVICE_PORT"), "--json", "--quiet"));
        args.addAll(List.of(extra));
        return Lab.json(lab.cli(isolatedHome(), args.toArray(String[]::new)));
    }

    @Test
    void mirroredLoopbackIsFoundWithItsRouteEvidenceWithinASecond() throws Exception {
        try (Lab lab = Lab.up("mirrored")) {
            JsonNode json = diagnose(lab);
            assertThat(ids(json)).containsExactly("loopback-redirected");
            assertThat(json.path("_exit").asInt()).isEqualTo(1);
            JsonNode f = finding(json, "loopback-redirected");
            // the lab is plain Linux, so the text does not claim WSL
            assertThat(f.path("title").asText()).isEqualTo("Port 8443 can't be reached through 127.0.0.1 and 198.18.2.2 from this computer");
            assertThat(f.path("explanation").asText()).contains("socat").contains("out through another network interface").doesNotContain("loopback0");
            assertThat(evidence(f)).anyMatch(e -> e.contains("routes TCP for 127.0.0.1 out of loopback0"))
                    .anyMatch(e -> e.contains("Policy rule 1:"))
                    .anyMatch(e -> e.contains("127.0.0.2 reaches the same listener"));
            assertThat(f.path("fixes").path(0).path("id").asText()).isEqualTo("use-127-0-0-2");
            assertThat(json.path("durationMillis").asLong()).as("loopback verdict").isLessThan(HANG);
        }
    }

    @Test
    void aHangingLoopbackIsTheSameTrap() throws Exception {
        try (Lab lab = Lab.up("mirrored-silent")) {
            JsonNode json = diagnose(lab);
            assertThat(ids(json)).containsExactly("loopback-redirected");
            assertThat(evidence(finding(json, "loopback-redirected"))).anyMatch(e -> e.contains("not answered"));
            assertThat(json.path("durationMillis").asLong()).isLessThan(HANG);
        }
    }

    @Test
    void healthyLoopbackRaisesNothing() throws Exception {
        try (Lab lab = Lab.up("loopback-ok")) {
            JsonNode json = diagnose(lab);
            assertThat(ids(json)).containsExactly("environment-only");
            assertThat(json.path("_exit").asInt()).isZero();
        }
    }

    @Test
    void theOutsideCheckLogsInWithAKeyAndSeesTheServiceReachable() throws Exception {
        try (Lab lab = Lab.up("mirrored")) {
            String vantage = lab.get("VANTAGE_USER") + "@" + lab.get("VANTAGE_IP");
            JsonNode json = diagnose(lab, "--vantage", vantage, "--identity", lab.get("VANTAGE_KEY"),
                    "--accept-host-key", lab.get("VANTAGE_HOST_KEY_FP"));
            JsonNode data = probeData(json, "outside-vantage");
            assertThat(data.path("loggedIn").asBoolean()).as(data.toString()).isTrue();
            assertThat(data.path("hostKeyStatus").asText()).isEqualTo("accepted_by_fingerprint");
            assertThat(data.path("checks").path(0).path("reachable").asBoolean()).isTrue();
            assertThat(data.path("checks").path(0).path("address").asText()).isEqualTo("198.18.2.2");
            JsonNode f = finding(json, "loopback-redirected");
            assertThat(f.path("explanation").asText()).contains("Other machines can reach it: we checked from 198.18.2.3");
            assertThat(Files.exists(home.resolve(".ssh/known_hosts"))).as("nothing is written to known_hosts").isFalse();
        }
    }

    @Test
    void aHostKeyInKnownHostsIsTrustedWithoutAsking() throws Exception {
        try (Lab lab = Lab.up("loopback-ok")) {
            Files.createDirectories(home.resolve(".ssh"));
            String pub = Files.readString(Path.of(lab.get("VANTAGE_HOST_KEY_PUB"))).strip();
            String[] parts = pub.split(" ");
            Files.writeString(home.resolve(".ssh/known_hosts"), lab.get("VANTAGE_IP") + " " + parts[0] + " " + parts[1] + "\n");
            byte[] before = Files.readAllBytes(home.resolve(".ssh/known_hosts"));
            JsonNode json = diagnose(lab, "--vantage", lab.get("VANTAGE_USER") + "@" + lab.get("VANTAGE_IP"),
                    "--identity", lab.get("VANTAGE_KEY"));
            JsonNode data = probeData(json, "outside-vantage");
            assertThat(data.path("hostKeyStatus").asText()).isEqualTo("known");
            assertThat(data.path("checks").path(0).path("reachable").asBoolean()).isTrue();
            assertThat(Files.readAllBytes(home.resolve(".ssh/known_hosts"))).isEqualTo(before);
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprint() throws Exception {
        try (Lab lab = Lab.up("loopback-ok")) {
            JsonNode json = diagnose(lab, "--vantage", lab.get("VANTAGE_USER") + "@" + lab.get("VANTAGE_IP"),
                    "--identity", lab.get("VANTAGE_KEY"));
            JsonNode data = probeData(json, "outside-vantage");
            assertThat(data.path("loggedIn").asBoolean()).isFalse();
            assertThat(data.path("hostKeyStatus").asText()).isEqualTo("unknown");
            assertThat(data.path("hostKeyFingerprint").asText()).isEqualTo(lab.get("VANTAGE_HOST_KEY_FP"));
            JsonNode f = finding(json, "vantage-host-key-unconfirmed");
            assertThat(f.path("explanation").asText()).contains("--accept-host-key " + lab.get("VANTAGE_HOST_KEY_FP"));
            // a wrong fingerprint is no better
            JsonNode wrong = diagnose(lab, "--vantage", lab.get("VANTAGE_USER") + "@" + lab.get("VANTAGE_IP"),
                    "--identity", lab.get("VANTAGE_KEY"), "--accept-host-key", "SHA256:" + "A".repeat(43));
            assertThat(probeData(wrong, "outside-vantage").path("loggedIn").asBoolean()).isFalse();
        }
    }

    private static JsonNode probeData(JsonNode json, String id) {
        for (JsonNode p : json.path("probes")) {
            if (p.path("probeId").asText().equals(id)) {
                return p.path("data");
            }
        }
        throw new AssertionError("no probe " + id);
    }
}
