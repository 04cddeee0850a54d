package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seed's situation for real: "Windows" (its own namespace, a clean path) reaches the
 * target with marked packets, the WSL distro (behind the NAT that drops them) does not. The
 * app runs on "Windows"; its Linux-side checks go through a fake wsl.exe into the distro.
 */
class WslContrastLabIT {
    static final String FAKE = Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString();

    @BeforeAll
    static void labAvailable() {
        var reason = Lab.unavailableReason();
        assumeTrue(reason.isEmpty(), () -> "Skipping network lab tests: " + reason.orElse(""));
    }

    @Test
    void worksFromWindowsFailsFromWsl() throws Exception {
        try (Lab lab = Lab.up("wsl-dscp")) {
            Lab.Result r = lab.inNamespace(lab.get("WINDOWS_NS"), List.of("env", "FAKE_WSL_NETNS=" + lab.get("CLIENT_NS"),
                    Lab.java(), "-jar", Lab.jar().toString(), "diagnose", "--wsl", "Lab", "--wsl-exe", FAKE,
                    "--target", lab.target(), "--json", "--quiet"), Lab.COMMAND_LIMIT_SECONDS);
            JsonNode json = Lab.json(r);
            JsonNode finding = json.path("findings").path(0);
            assertThat(finding.path("id").asText()).as(r.err()).isEqualTo("dscp-marked-syn-dropped");
            assertThat(finding.path("confidence").asText()).isEqualTo("high");
            assertThat(finding.path("explanation").asText()).contains("From Windows the same marked packets get through");
            JsonNode connect = json.path("probes").findParents("probeId").stream()
                    .filter(p -> p.path("probeId").asText().equals("dscp-connect")).findFirst().orElseThrow();
            assertThat(connect.path("parameters").path("from").asText()).isEqualTo("Windows");
        }
    }
}
