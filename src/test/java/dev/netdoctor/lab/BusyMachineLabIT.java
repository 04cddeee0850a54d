// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Verdicts must not depend on the machine's speed: a user's laptop is scanning or compiling while
 * they look for the cause. Two CPU burners (as many as this build machine has cores) run for the
 * whole of each test; the findings must be those of an idle machine, and every check must finish
 * by itself (completed, or skipped with a reason), none cut by a time limit.
 */
class BusyMachineLabIT {
    @RegisterExtension
    final CpuBurners burners = new CpuBurners();

    @BeforeAll
    static void labAvailable() {
        var reason = Lab.reasonToSkip();
        assumeTrue(reason.isEmpty(), () -> "Skipping network lab tests: " + reason.orElse(""));
    }



    static List<String> findingIds(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.path("findings").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    /** Each check ended by itself: completed, or skipped with its reason; none timed out, failed or was stopped. */
    static void everyCheckFinished(JsonNode json) {
        List<String> ended = new ArrayList<>();
        json.path("probes").forEach(p -> ended.add(p.path("probeId").asText() + " " + p.path("status").asText()
                + ": " + p.path("summary").asText()));
        assertThat(ended).isNotEmpty().allSatisfy(line -> assertThat(line).matches("\\S+ (completed|skipped): .*"));
        assertThat(json.path("complete").asBoolean()).isTrue();
    }

    @Test
    void theHealthyLabIsHealthyTenTimesInARow() throws Exception {
        try (Lab lab = Lab.up("healthy")) {
            burners.start();
            for (int run = 1; run <= 10; run++) {
                JsonNode json = lab.diagnoseJson();
                assertThat(findingIds(json)).as("run " + run).containsExactly("no-problem-found");
                assertThat(json.path("_exit").asInt()).as("run " + run).isZero();
                everyCheckFinished(json);
            }
        }
    }

    /** Seed 1 as its user has it: a plain user whose ssh marks af21 cs1 (OpenSSH 10's default). */
    @Test
    void seedOneAsAPlainUserOnABusyMachine() throws Exception {
        Lab.PlainUser user = Lab.PlainUser.ensure();
        user.clean();
        user.writeSshConfig(Lab.PlainUser.OPENSSH_10_DEFAULT);
        try (Lab lab = Lab.up("dscp")) {
            burners.start();
            JsonNode json = Lab.json(lab.cliAs(user, "diagnose", "--target", lab.target(), "--json", "--quiet"));
            assertThat(findingIds(json)).containsExactly("dscp-marked-syn-dropped");
            assertThat(json.path("findings").path(0).path("confidence").asText()).isEqualTo("high");
            assertThat(json.path("environment").path("sshClient").path("interactiveQos").asText())
                    .as("read from the user's own ~/.ssh/config").isEqualTo("af21");
            everyCheckFinished(json);
        } finally {
            user.clean();
        }
    }

    @Test
    void seedTwoOnABusyMachine() throws Exception {
        try (Lab lab = Lab.up("mirrored")) {
            burners.start();
            JsonNode json = Lab.json(lab.cli("diagnose", "--service-port", lab.get("SERVICE_PORT"), "--json", "--quiet"));
            assertThat(findingIds(json)).contains("loopback-redirected");
            everyCheckFinished(json);
        }
    }

    @Test
    void workingLoopbackOnABusyMachineIsNoProblem() throws Exception {
        try (Lab lab = Lab.up("loopback-ok")) {
            burners.start();
            JsonNode json = Lab.json(lab.cli("diagnose", "--service-port", lab.get("SERVICE_PORT"), "--json", "--quiet"));
            assertThat(findingIds(json)).doesNotContain("loopback-redirected", "local-connect-blocked");
            everyCheckFinished(json);
        }
    }
}
