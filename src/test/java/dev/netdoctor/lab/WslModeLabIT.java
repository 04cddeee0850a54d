// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same lab scenarios, with every Linux-side command going through a fake wsl.exe
 * (src/test/lab/fake-wsl.exe): the findings must be the same as in local mode.
 */
class WslModeLabIT {
    static final String FAKE = Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString();

    @BeforeAll
    static void labAvailable() {
        var reason = Lab.reasonToSkip();
        assumeTrue(reason.isEmpty(), () -> "Skipping network lab tests: " + reason.orElse(""));
    }

    private static List<String> ids(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.path("findings").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    @Test
    void dscpThroughWslExeIsTheSameFinding() throws Exception {
        try (Lab lab = Lab.up("dscp")) {
            JsonNode json = Lab.json(lab.cli("diagnose", "--wsl", "Lab", "--wsl-exe", FAKE, "--target", lab.target(), "--json", "--quiet"));
            assertThat(ids(json)).containsExactly("dscp-marked-syn-dropped");
            JsonNode ssh = json.path("probes").findValues("data").stream()
                    .filter(d -> d.path("kind").asText().equals("open-ssh-runs")).findFirst().orElseThrow();
            assertThat(ssh.path("attempts").path(1).path("result").asText()).isEqualTo("connect_timed_out");
        }
    }

    /**
     * The app in the lab's "Windows" namespace, the distro in the client namespace: the
     * listener and every local connect must be made inside the distro, as on real Windows.
     */
    private static JsonNode diagnoseFromWindows(Lab lab, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("env", "FAKE_WSL_NETNS=" + lab.get("CLIENT_NS"), Lab.java(), "-jar",
                Lab.jar().toString(), "diagnose", "--wsl", "Lab", "--wsl-exe", FAKE, "--json", "--quiet"));
        argv.addAll(List.of(args));
        return Lab.json(lab.inNamespace(lab.get("WINDOWS_NS"), argv, Lab.COMMAND_LIMIT_SECONDS));
    }

    private static JsonNode probe(JsonNode json, String id) {
        return json.path("probes").findParents("probeId").stream()
                .filter(p -> p.path("probeId").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void mirroredLoopbackSeenFromWindowsIsTheSameFinding() throws Exception {
        try (Lab lab = Lab.up("mirrored")) {
            JsonNode json = diagnoseFromWindows(lab, "--service-port", lab.get("SERVICE_PORT"));
            assertThat(ids(json)).containsExactly("loopback-redirected");
            JsonNode self = probe(json, "loopback-self-test");
            assertThat(self.path("status").asText()).isEqualTo("completed");
            assertThat(self.path("evidence").findValuesAsText("summary"))
                    .anySatisfy(e -> assertThat(e).startsWith("127.0.0.1:").contains("(loopback): refused"))
                    .anySatisfy(e -> assertThat(e).startsWith("127.0.0.2:").contains("connected"));
            JsonNode service = probe(json, "service-ports");
            assertThat(service.path("summary").asText()).contains("socat (pid ").contains("listening");
            BusyMachineLabIT.everyCheckFinished(json);
        }
    }

    @Test
    void workingLoopbackSeenFromWindowsIsNoProblem() throws Exception {
        try (Lab lab = Lab.up("loopback-ok")) {
            JsonNode json = diagnoseFromWindows(lab, "--service-port", lab.get("SERVICE_PORT"));
            assertThat(ids(json)).doesNotContain("loopback-redirected", "local-connect-blocked");
            assertThat(probe(json, "loopback-self-test").path("summary").asText()).startsWith("all ");
            BusyMachineLabIT.everyCheckFinished(json);
        }
    }
}
