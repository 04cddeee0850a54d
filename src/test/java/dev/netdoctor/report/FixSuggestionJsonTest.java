// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.FixParameters;
import dev.netdoctor.model.FixId;
import com.fasterxml.jackson.databind.JsonNode;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.NetworkingMode;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A fix's typed plan is written as the schema's flat {@code parameters} and read back as the same plan. */
class FixSuggestionJsonTest {
    @Test
    void eachPlanIsWrittenAsTheParametersScriptsRead() throws Exception {
        FixSuggestion ssh = new FixSuggestion(FixId.SSH_CONFIG_IPQOS_NONE, "t", "d", new FixPlan.SshIpqosNone("198.18.1.*", "198.18.1.2"));
        FixSuggestion nat = new FixSuggestion(FixId.WSLCONFIG_NETWORKING_MODE, "t", "d", new FixPlan.WslNetworkingMode(NetworkingMode.NAT));
        FixSuggestion advice = new FixSuggestion(FixId.OPEN_FIREWALL, "t", "d");

        JsonNode tree = JsonReport.mapper().valueToTree(List.of(ssh, nat, advice));
        assertThat(tree.get(0).get("parameters").toString()).isEqualTo("{\"target\":\"198.18.1.2\",\"pattern\":\"198.18.1.*\"}");
        assertThat(tree.get(1).get("parameters").toString()).isEqualTo("{\"mode\":\"nat\"}");
        assertThat(tree.get(2).get("parameters").toString()).isEqualTo("{}");
        assertThat(tree.get(0).get("id").asText()).isEqualTo("ssh-config-ipqos-none");
        assertThat(tree.get(0).has("plan")).isFalse();

        List<FixSuggestion> back = JsonReport.mapper().readerForListOf(FixSuggestion.class).readValue(tree);
        assertThat(back).containsExactly(ssh, nat, advice);
    }

    @Test
    void anIncompleteOrUnknownPlanReadsBackAsStepsNeverAsAGuessedWrite() {
        assertThat(FixSuggestionJson.plan(FixId.SSH_CONFIG_IPQOS_NONE, Map.of(FixParameters.PATTERN, "198.18.1.*"))).isEqualTo(FixPlan.BY_HAND);
        assertThat(FixSuggestionJson.plan(FixId.WSLCONFIG_NETWORKING_MODE, Map.of(FixParameters.MODE, "bridged"))).isEqualTo(FixPlan.BY_HAND);
        assertThat(FixSuggestionJson.plan(FixId.WSLCONFIG_NETWORKING_MODE, Map.of(FixParameters.MODE, "Mirrored")))
                .isEqualTo(new FixPlan.WslNetworkingMode(NetworkingMode.MIRRORED));
        assertThat(FixSuggestionJson.plan(FixId.OPEN_FIREWALL, Map.of(FixParameters.MODE, "nat"))).isEqualTo(FixPlan.BY_HAND);
    }

    @Test
    void savedResultsReadBackWithTheirPlans() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("results/dscp.json")) {
            var report = JsonReport.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            FixSuggestion first = report.result().findings().getFirst().fixes().getFirst();
            assertThat(first.plan()).isEqualTo(new FixPlan.SshIpqosNone("198.19.1.*", "198.19.1.2"));
        }
        try (InputStream in = getClass().getResourceAsStream("results/mirrored.json")) {
            var report = JsonReport.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(report.result().findings()).flatMap(f -> f.fixes()).extracting(FixSuggestion::plan)
                    .contains(new FixPlan.WslNetworkingMode(NetworkingMode.NAT), FixPlan.BY_HAND);
        }
    }
}
