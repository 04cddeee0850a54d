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

    /**
     * Run from "Windows", the distro's own network and TCP table are read inside the distro
     * (OSHI sees Windows'): its interfaces, the user's ssh hung in SYN-SENT there, our own ssh
     * runs told apart from it; and Windows' WSL adapter with its MTU.
     */
    @Test
    void theDistrosOwnTableAndWindowsFactsAreSeenFromWindows() throws Exception {
        try (Lab lab = Lab.up("wsl-dscp"); AutoCloseable hung = lab.hungSsh()) {
            Thread.sleep(1200);
            Lab.Result r = lab.inNamespace(lab.get("WINDOWS_NS"), List.of("env", "FAKE_WSL_NETNS=" + lab.get("CLIENT_NS"),
                    Lab.java(), "-jar", Lab.jar().toString(), "diagnose", "--wsl", "Lab", "--wsl-exe", FAKE,
                    "--target", lab.target(), "--json", "--quiet"), Lab.COMMAND_LIMIT_SECONDS);
            JsonNode json = Lab.json(r);
            JsonNode env = json.path("environment");
            assertThat(env.path("interfaces").findValuesAsText("name")).as("the distro's interfaces").contains("eth0");
            assertThat(env.path("interfaces").toString()).contains("198.18.1.2").doesNotContain(lab.get("WINDOWS_IP"));
            assertThat(env.path("defaultGateway").asText()).isEqualTo("198.18.1.1");
            JsonNode windows = env.path("windows");
            assertThat(windows.path("defaultDistro").asText()).isEqualTo("Lab");
            assertThat(windows.path("windowsBuild").asText()).isEqualTo("10.0.26100.2605");
            assertThat(windows.path("wslAdapters").path(0).path("name").asText()).isEqualTo("vEthernet (WSL (Hyper-V firewall))");
            assertThat(windows.path("wslAdapters").path(0).path("mtu").asInt()).isEqualTo(1280);

            JsonNode sockets = json.path("probes").findParents("probeId").stream()
                    .filter(p -> p.path("probeId").asText().equals("socket-table")).findFirst().orElseThrow();
            List<String> evidence = sockets.path("evidence").findValuesAsText("summary");
            assertThat(evidence).as(r.err()).anySatisfy(e -> assertThat(e)
                    .matches("ssh \\(pid \\d+\\) waited in SYN-SENT from 198\\.18\\.1\\.2:\\d+ to 198\\.19\\.1\\.2:22 for at least \\d+ ms"));
            assertThat(evidence).as("our own marked ssh run inside the distro is ours")
                    .anySatisfy(e -> assertThat(e).startsWith("ssh (pid ").contains("[this check]"));
        }
    }
}
