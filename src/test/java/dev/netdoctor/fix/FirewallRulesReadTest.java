// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.model.WindowsPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading our rules back: an answer that is not a list of our rules is "unknown" (so no fix counts
 * as applied or undone on it), never "no rules"; the path the answer goes to survives the quotes a
 * Windows user name may hold.
 */
class FirewallRulesReadTest {
    @Test
    void ourRulesOfBothFirewallsAreReadWithTheirLimit() {
        var rules = FirewallRulesRead.parse("\uFEFF[{\"Firewall\":\"defender\",\"Name\":\"WSLNetDoctor-TCP-5432-from-WSL\",\"Enabled\":\"True\","
                + "\"Direction\":\"Inbound\",\"Action\":\"Allow\",\"LocalPort\":\"5432\",\"InterfaceAlias\":\"vEthernet (WSL)\"},"
                + "{\"Firewall\":\"hyper-v\",\"Name\":\"WSLNetDoctor-TCP-3000-from-LAN-HyperV\",\"Enabled\":\"False\",\"Direction\":\"Inbound\","
                + "\"Action\":\"Allow\",\"LocalPort\":\"3000\",\"VMCreatorId\":\"" + WindowsPolicy.WSL_VM_CREATOR + "\"}]");
        assertThat(rules.value()).containsExactly(
                new WindowsPolicy.FirewallRule("WSLNetDoctor-TCP-5432-from-WSL", null, true, "Inbound", "Allow", "5432", "vEthernet (WSL)"),
                new WindowsPolicy.FirewallRule("WSLNetDoctor-TCP-3000-from-LAN-HyperV", null, false, "Inbound", "Allow", "3000",
                        WindowsPolicy.WSL_VM_CREATOR));
        assertThat(FirewallRulesRead.parse("[]").value()).isEmpty();
    }

    @Test
    void anythingButAListOfOurRulesIsUnknown() {
        assertThat(FirewallRulesRead.parse("").known()).isFalse();
        assertThat(FirewallRulesRead.parse("{\"Name\":\"WSLNetDoctor-TCP-1-from-WSL\"}").unknownBecause()).contains("not a list");
        assertThat(FirewallRulesRead.parse("[{\"Name\":\"CoreNet-DNS-Out-UDP\"}]").unknownBecause()).contains("not ours");
        assertThat(FirewallRulesRead.parse("[null]").unknownBecause()).contains("not a rule");
        assertThat(FirewallRulesRead.parse("Get-NetFirewallRule : Access is denied.").known()).isFalse();
    }

    @Test
    void theAnswersPathIsOneLiteralWhateverQuotesItHolds() {
        String script = FirewallRulesRead.script(Path.of("/tmp/O'Brien\u2019s/answer.json"), false);
        assertThat(script).contains("Out-File -FilePath '/tmp/O''Brien\u2019\u2019s/answer.json' -Encoding utf8");
        assertThat(script).contains("Get-NetFirewallRule -Name 'WSLNetDoctor-*'").doesNotContain("HyperV");
        assertThat(FirewallRulesRead.script(Path.of("a.json"), true)).contains("Get-NetFirewallHyperVRule -Name 'WSLNetDoctor-*'")
                .doesNotContain("Get-NetFirewallRule ");
    }
}
