// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 1 as a Windows user meets it: the app runs on "Windows" (its own namespace, which like
 * real Windows never marks its TCP packets), the WSL distro sits behind a path that drops marked
 * SYNs, and every Linux-side command goes through the stand-in wsl.exe, which re-does Windows'
 * command-line round trip, passes only WSLENV variables, runs as the distro's plain default user
 * and takes as long as a real wsl.exe (0.25 s a call, 3 s for the distro's first start).
 */
class WslContrastLabIT {
    static final String FAKE = Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString();
    static Lab.PlainUser user;

    @TempDir
    Path state;

    @BeforeAll
    static void labAvailable() throws Exception {
        user = Lab.PlainUser.forLabTests();
    }

    @AfterAll
    static void cleanUser() throws Exception {
        Lab.PlainUser.cleanAfter(user);
    }

    /** The app on "Windows", the distro in the client namespace; a new stand-in state, so the distro starts cold. */
    private JsonNode diagnoseFromWindows(Lab lab) throws Exception {
        Lab.Result r = lab.inNamespace(lab.get("WINDOWS_NS"), List.of("env", "FAKE_WSL_NETNS=" + lab.get("CLIENT_NS"),
                "FAKE_WSL_USER=" + user.name(), "FAKE_WSL_STATE=" + state, Lab.java(), "-jar", Lab.jar().toString(),
                "diagnose", "--wsl", "Lab", "--wsl-exe", FAKE, "--target", lab.target(), "--json", "--quiet"), Lab.COMMAND_LIMIT_SECONDS);
        JsonNode json = Lab.json(r);
        assertThat(json.path("findings")).as(r.err()).isNotEmpty();
        return json;
    }

    private static JsonNode probe(JsonNode json, String id) {
        return json.path("probes").findParents("probeId").stream()
                .filter(p -> p.path("probeId").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void seedOneFromWindowsIsTheMarkingDropSeenInsideTheDistro() throws Exception {
        user.clean();
        user.writeSshConfig(Lab.PlainUser.OPENSSH_10_DEFAULT);
        try (Lab lab = Lab.up("wsl-dscp"); AutoCloseable hung = lab.hungSsh(user)) {
            JsonNode json = diagnoseFromWindows(lab);
            JsonNode finding = json.path("findings").path(0);
            assertThat(finding.path("id").asText()).isEqualTo("dscp-marked-syn-dropped");
            assertThat(finding.path("confidence").asText()).isEqualTo("high");
            assertThat(finding.path("explanation").asText()).startsWith("From inside WSL")
                    .contains("Windows does not mark its TCP packets").doesNotContain("same marked packets get through");
            BusyMachineLabIT.everyCheckFinished(json);

            // Marked SYNs came from inside the distro: from Windows they would have gone out unmarked.
            JsonNode connect = probe(json, "dscp-connect");
            assertThat(connect.path("parameters").path("from").asText()).isEqualTo("the WSL distro");
            List<String> results = new ArrayList<>();
            connect.path("data").path("attempts").forEach(a -> results.add(a.path("marking").path("name").asText() + " "
                    + a.path("result").asText()));
            assertThat(results).contains("none connected", "af21 timed_out", "cs1 timed_out");
            assertThat(probe(json, "ssh-handshake").path("data").path("attempts")).as("from Windows only the unmarked baseline")
                    .hasSize(1);
            assertThat(json.path("environment").path("sshClient").path("interactiveQos").asText())
                    .as("the distro user's own ~/.ssh/config, read there").isEqualTo("af21");

            // The user's own ssh, stuck, told apart from ours.
            List<String> evidence = probe(json, "socket-table").path("evidence").findValuesAsText("summary");
            assertThat(evidence).anySatisfy(e -> assertThat(e)
                    .matches("ssh \\(pid \\d+\\) waited in SYN-SENT from 198\\.18\\.1\\.2:\\d+ to 198\\.19\\.1\\.2:22 for at least \\d+ ms"));
            assertThat(evidence).as("our own marked ssh run inside the distro is ours")
                    .anySatisfy(e -> assertThat(e).startsWith("ssh (pid ").contains("[this check]"));
            assertThat(evidence).as("our marked connects (python3 inside the distro) are ours too")
                    .filteredOn(e -> e.contains("SYN-SENT") && !e.contains("[this check]"))
                    .allSatisfy(e -> assertThat(e).startsWith("ssh (pid "));
        } finally {
            user.clean();
        }
    }

    /** Run from "Windows", the distro's own network is read inside it (OSHI sees Windows'), and Windows' WSL adapter beside it. */
    @Test
    void theDistrosOwnNetworkAndWindowsFactsAreSeenFromWindows() throws Exception {
        try (Lab lab = Lab.up("wsl-dscp")) {
            JsonNode json = diagnoseFromWindows(lab);
            JsonNode env = json.path("environment");
            assertThat(env.path("interfaces").findValuesAsText("name")).as("the distro's interfaces").contains("eth0");
            assertThat(env.path("interfaces").toString()).contains("198.18.1.2").doesNotContain(lab.get("WINDOWS_IP"));
            assertThat(env.path("defaultGateway").asText()).isEqualTo("198.18.1.1");
            JsonNode windows = env.path("windows");
            assertThat(windows.path("defaultDistro").asText()).isEqualTo("Lab");
            assertThat(windows.path("windowsBuild").asText()).isEqualTo("10.0.26100.2605");
            assertThat(windows.path("wslAdapters").path(0).path("name").asText()).isEqualTo("vEthernet (WSL (Hyper-V firewall))");
            assertThat(windows.path("wslAdapters").path(0).path("mtu").asInt()).isEqualTo(1280);
            BusyMachineLabIT.everyCheckFinished(json);
        }
    }
}
