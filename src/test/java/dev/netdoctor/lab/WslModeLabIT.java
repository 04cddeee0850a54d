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
        var reason = Lab.unavailableReason();
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

    @Test
    void mirroredLoopbackThroughWslExeIsTheSameFinding() throws Exception {
        try (Lab lab = Lab.up("mirrored")) {
            JsonNode json = Lab.json(lab.cli("diagnose", "--wsl", "--wsl-exe", FAKE, "--service-port", lab.get("SERVICE_PORT"),
                    "--json", "--quiet"));
            assertThat(ids(json)).containsExactly("loopback-redirected");
        }
    }
}
