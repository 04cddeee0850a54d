// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.FindingId;
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
        FixSuggestion nat = new FixSuggestion(FixId.WSLCONFIG_NETWORKING_MODE, "t", "d", FixPlan.WslconfigSetting.networkingMode(NetworkingMode.NAT));
        FixSuggestion advice = new FixSuggestion(FixId.OPEN_FIREWALL, "t", "d");
        FixSuggestion lines = new FixSuggestion(FixId.CONFIG_COMMENT_OUT_DUPLICATES, "t", "d",
                new FixPlan.RewriteConfigLines(".wslconfig", FindingId.WSLCONFIG_DUPLICATE_KEY));

        JsonNode tree = JsonReport.mapper().valueToTree(List.of(ssh, nat, advice, lines));
        assertThat(tree.get(0).get("parameters").toString()).isEqualTo("{\"pattern\":\"198.18.1.*\",\"target\":\"198.18.1.2\"}");
        assertThat(tree.get(1).get("parameters").toString()).isEqualTo("{\"setting\":\"wsl2.networkingMode\",\"value\":\"nat\"}");
        assertThat(tree.get(2).get("parameters").toString()).isEqualTo("{}");
        assertThat(tree.get(3).get("parameters").toString()).isEqualTo("{\"file\":\".wslconfig\",\"finding\":\"wslconfig-duplicate-key\"}");
        assertThat(tree.get(0).get("id").asText()).isEqualTo("ssh-config-ipqos-none");
        assertThat(tree.get(0).has("plan")).isFalse();

        List<FixSuggestion> back = JsonReport.mapper().readerForListOf(FixSuggestion.class).readValue(tree);
        assertThat(back).containsExactly(ssh, nat, advice, lines);
    }

    @Test
    void anIncompleteOrUnknownPlanReadsBackAsStepsNeverAsAGuessedWrite() {
        assertThat(FixSuggestionJson.plan(FixId.SSH_CONFIG_IPQOS_NONE, Map.of("pattern", "198.18.1.*"))).isEqualTo(FixPlan.BY_HAND);
        // the parameters of an older result ("mode") make no plan of today's
        assertThat(FixSuggestionJson.plan(FixId.WSLCONFIG_NETWORKING_MODE, Map.of("mode", "nat"))).isEqualTo(FixPlan.BY_HAND);
        assertThat(FixSuggestionJson.plan(FixId.WSLCONFIG_NETWORKING_MODE, Map.of("setting", "wsl2.networkingMode", "value", "Mirrored")))
                .isEqualTo(new FixPlan.WslconfigSetting("wsl2.networkingMode", "Mirrored"));
        // a value the plan itself refuses (a line break would write a second line)
        assertThat(FixSuggestionJson.plan(FixId.WSLCONFIG_NETWORKING_MODE, Map.of("setting", "wsl2.networkingMode", "value", "nat\n[x]")))
                .isEqualTo(FixPlan.BY_HAND);
        assertThat(FixSuggestionJson.plan(FixId.CONFIG_COMMENT_OUT_DUPLICATES, Map.of("file", ".wslconfig", "finding", "no-such-finding")))
                .isEqualTo(FixPlan.BY_HAND);
        assertThat(FixSuggestionJson.plan(FixId.CONFIG_COMMENT_OUT_DUPLICATES, Map.of("file", "/etc/passwd", "finding", "wslconfig-duplicate-key")))
                .isEqualTo(FixPlan.BY_HAND);
        // a boot command a saved file would have root run: only an interface name and a number
        assertThat(FixSuggestionJson.plan(FixId.WSL_CONF_BOOT_MTU, Map.of("device", "eth0; reboot", "mtu", "1400"))).isEqualTo(FixPlan.BY_HAND);
        assertThat(FixSuggestionJson.plan(FixId.WSL_CONF_BOOT_MTU, Map.of("device", "eth0", "mtu", "1400"))).isEqualTo(FixPlan.DistroMtuAtBoot.of("eth0", 1400));
        // advice stays advice, whatever parameters an edited file gives it
        assertThat(FixSuggestionJson.plan(FixId.OPEN_FIREWALL, Map.of("setting", "wsl2.networkingMode", "value", "nat"))).isEqualTo(FixPlan.BY_HAND);
    }

    /** Every kind of plan is written as parameters and read back whole: a new plan needs no JSON code, and this proves it. */
    @Test
    void everyKindOfPlanRoundTripsThroughItsParameters() {
        List<FixPlan> one = List.of(new FixPlan.SshIpqosNone("a*", "a1"), new FixPlan.WslconfigSetting("experimental.hostAddressLoopback", "true"),
                new FixPlan.LetWslWriteResolvConf(), FixPlan.DistroMtuAtBoot.of("eth0", 1400),
                new FixPlan.RewriteConfigLines("/etc/wsl.conf", FindingId.WSL_CONF_PARSING_STOPS),
                FixPlan.WindowsFirewallRule.allowFromWsl(5432, "vEthernet (WSL)"), FixPlan.BY_HAND);
        assertThat(one.stream().map(p -> p.getClass().getName()).toList())
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(FixPlan.class.getPermittedSubclasses()).map(Class::getName).toList());
        for (FixPlan plan : one) {
            FixId id = java.util.Arrays.stream(FixId.values()).filter(f -> f.plan() == plan.getClass()).findFirst().orElseThrow();
            assertThat(FixSuggestionJson.plan(id, FixSuggestionJson.parameters(plan))).isEqualTo(plan);
        }
        assertThat(FixSuggestionJson.parameterName("hostPattern")).isEqualTo("host-pattern");
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
                    .contains(FixPlan.WslconfigSetting.networkingMode(NetworkingMode.NAT), FixPlan.BY_HAND);
        }
    }

    /**
     * Every fix that writes a file reads back from the recorded results as a write, not as steps:
     * a reader or a recorded file that lost a plan's parameters would turn the wizard's Preview
     * into "Copy instructions" (it once did for DNS tunneling).
     */
    @Test
    void everyWritableFixOfTheRecordedResultsReadsBackAsAWrite() {
        for (String name : dev.netdoctor.report.fixtures.Results.RECORDED) {
            dev.netdoctor.report.fixtures.Results.recorded(name).result().findings().stream().flatMap(f -> f.fixes().stream())
                    .filter(fix -> fix.id().plan() != FixPlan.ByHand.class)
                    .forEach(fix -> assertThat(fix.plan().writesAFile()).as("%s in %s", fix.id(), name).isTrue());
        }
    }
}
