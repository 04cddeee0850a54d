// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The firewall fix's plan: the exact commands shown and run, the name that alone says what Undo
 * removes, and the input it refuses (never escapes) before any command exists.
 */
class WindowsFirewallRuleTest {
    private static final String ALIAS = "vEthernet (WSL (Hyper-V firewall))";

    @Test
    void fromWslIsAnInboundPortRuleOnWslsAdapterOnly() {
        FixPlan.WindowsFirewallRule r = FixPlan.WindowsFirewallRule.allowFromWsl(5432, ALIAS);
        assertThat(r).isEqualTo(new FixPlan.WindowsFirewallRule("WSLNetDoctor-TCP-5432-from-WSL", "wsl-to-windows", "5432", ALIAS));
        assertThat(r.addCommand()).isEqualTo("New-NetFirewallRule -Name 'WSLNetDoctor-TCP-5432-from-WSL'"
                + " -DisplayName 'WSL Net Doctor: TCP 5432 from WSL' -Direction Inbound -Action Allow -Protocol TCP -LocalPort 5432"
                + " -InterfaceAlias 'vEthernet (WSL (Hyper-V firewall))'");
        assertThat(r.removeCommand()).isEqualTo("Remove-NetFirewallRule -Name 'WSLNetDoctor-TCP-5432-from-WSL'");
        assertThat(r.where()).isEqualTo("Windows Defender Firewall, rule WSLNetDoctor-TCP-5432-from-WSL");
        assertThat(r.rule()).startsWith(WindowsPolicy.OUR_RULE_PREFIX);
    }

    @Test
    void fromTheLanIsAHyperVRuleForWslsVmInMirroredModeAndASubnetRuleForThePortProxyInNat() {
        FixPlan.WindowsFirewallRule mirrored = FixPlan.WindowsFirewallRule.allowFromLan(3000, true);
        assertThat(mirrored.addCommand()).isEqualTo("New-NetFirewallHyperVRule -Name 'WSLNetDoctor-TCP-3000-from-LAN-HyperV'"
                + " -DisplayName 'WSL Net Doctor: TCP 3000 from the local network to WSL' -Direction Inbound -Action Allow -Protocol TCP"
                + " -LocalPorts 3000 -VMCreatorId '{40E0AC32-46A5-438A-A0B2-2B479E8F2E90}'");
        assertThat(mirrored.removeCommand()).isEqualTo("Remove-NetFirewallHyperVRule -Name 'WSLNetDoctor-TCP-3000-from-LAN-HyperV'");
        assertThat(mirrored.where()).startsWith("Hyper-V firewall");
        FixPlan.WindowsFirewallRule nat = FixPlan.WindowsFirewallRule.allowFromLan(3000, false);
        assertThat(nat.addCommand()).isEqualTo("New-NetFirewallRule -Name 'WSLNetDoctor-TCP-3000-from-LAN'"
                + " -DisplayName 'WSL Net Doctor: TCP 3000 from the local network to the WSL port proxy' -Direction Inbound -Action Allow"
                + " -Protocol TCP -LocalPort 3000 -RemoteAddress LocalSubnet -Profile Private,Domain");
        assertThat(nat.removeCommand()).isEqualTo("Remove-NetFirewallRule -Name 'WSLNetDoctor-TCP-3000-from-LAN'");
        assertThat(nat.interfaceAlias()).isEmpty();
    }

    /**
     * Never a rule that opens the port to every network: every rule any factory makes is limited to
     * WSL's adapter, WSL's VM, or the local subnet on the non-public profiles, and is inbound, TCP and
     * one port.
     */
    @Test
    void noFactoryEverMakesARuleWithoutItsLimit() {
        List<FixPlan.WindowsFirewallRule> all = new ArrayList<>();
        for (int port : new int[] {1, 22, 5432, 65535}) {
            for (String alias : List.of("vEthernet (WSL)", ALIAS, "Ethernet 2", "vEthernet (Default Switch)")) {
                all.add(FixPlan.WindowsFirewallRule.allowFromWsl(port, alias));
            }
            all.add(FixPlan.WindowsFirewallRule.allowFromLan(port, true));
            all.add(FixPlan.WindowsFirewallRule.allowFromLan(port, false));
        }
        for (FixPlan.WindowsFirewallRule r : all) {
            String c = r.addCommand();
            assertThat(c).as(c).contains(" -Direction Inbound ").contains(" -Protocol TCP ")
                    .containsPattern(" -LocalPorts? " + r.port() + "( |$)").doesNotContain("Any").doesNotContain("Public");
            boolean limited = switch (r.scope()) {
                case FixPlan.WindowsFirewallRule.FROM_WSL -> c.endsWith(" -InterfaceAlias '" + r.interfaceAlias() + "'")
                        && !r.interfaceAlias().isBlank();
                case FixPlan.WindowsFirewallRule.FROM_LAN_MIRRORED -> c.endsWith(" -VMCreatorId '" + WindowsPolicy.WSL_VM_CREATOR + "'");
                case FixPlan.WindowsFirewallRule.FROM_LAN_NAT -> c.endsWith(" -RemoteAddress LocalSubnet -Profile Private,Domain");
                default -> false;
            };
            assertThat(limited).as("limited: %s", c).isTrue();
            assertThat(FixPlan.WindowsFirewallRule.removeCommand(r.rule())).isEqualTo(r.removeCommand());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, 100000})
    void aPortOutsideTcpsRangeIsRefused(int port) {
        assertThatThrownBy(() -> FixPlan.WindowsFirewallRule.allowFromWsl(port, ALIAS)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Not a TCP port: " + port);
        assertThatThrownBy(() -> FixPlan.WindowsFirewallRule.allowFromLan(port, true)).isInstanceOf(InvalidInputException.class);
    }

    /** Quotes would end the literal; wildcards would widen -InterfaceAlias (a pattern) to other adapters: refused, not escaped. */
    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "*", "vEthernet (WSL*", "vEthernet ?WSL)", "[v]Ethernet", "it's", "say \"hi\"", "a\u2018b",
            "a\u201Cb", "back`tick", "line\nbreak", " vEthernet (WSL)", "vEthernet (WSL) "})
    void anAdapterNameThatCouldBreakOrWidenTheCommandIsRefused(String alias) {
        assertThatThrownBy(() -> FixPlan.WindowsFirewallRule.allowFromWsl(5432, alias)).isInstanceOf(InvalidInputException.class)
                .satisfiesAnyOf(
                        e -> assertThat(e).hasMessageContaining("would open the port to every network"),
                        e -> assertThat(e).hasMessageContaining("no rule is made for it"));
    }

    @Test
    void aWildcardIsNamedAsWideningAndAQuoteAsBreaking() {
        assertThatThrownBy(() -> FixPlan.WindowsFirewallRule.allowFromWsl(5432, "vEthernet*"))
                .hasMessageContaining("the wildcard '*', which would let the rule match other adapters");
        assertThatThrownBy(() -> FixPlan.WindowsFirewallRule.allowFromWsl(5432, "O'Brien's adapter"))
                .hasMessageContaining("the quote character ''', which would break the command");
        assertThatThrownBy(() -> FixPlan.WindowsFirewallRule.allowFromWsl(5432, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FixPlan.WindowsFirewallRule.allowFromWsl(5432, "x".repeat(257))).isInstanceOf(InvalidInputException.class);
        assertThat(FixPlan.WindowsFirewallRule.allowFromWsl(5432, "x".repeat(256)).interfaceAlias()).hasSize(256);
    }

    /** What a saved result says is checked again: it can name no other rule, port form, scope or adapter limit. */
    @Test
    void aPlanReadBackMustBeOneTheFactoriesMake() {
        assertThatThrownBy(() -> new FixPlan.WindowsFirewallRule("WSLNetDoctor-TCP-22-from-WSL", "wsl-to-windows", "5432", ALIAS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not the name this fix gives its rule");
        assertThatThrownBy(() -> new FixPlan.WindowsFirewallRule("Core Networking", "wsl-to-windows", "5432", ALIAS))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new FixPlan.WindowsFirewallRule("WSLNetDoctor-TCP-5432-from-WSL", "wsl-to-windows", "05432", ALIAS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Not a TCP port");
        assertThatThrownBy(() -> new FixPlan.WindowsFirewallRule("WSLNetDoctor-TCP-5432-from-WSL", "everywhere", "5432", ALIAS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Not a firewall rule scope");
        assertThatThrownBy(() -> new FixPlan.WindowsFirewallRule("WSLNetDoctor-TCP-3000-from-LAN", "lan-to-wsl-nat", "3000", ALIAS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be empty");
        assertThatThrownBy(() -> new FixPlan.WindowsFirewallRule("WSLNetDoctor-TCP-5432-from-WSL", "wsl-to-windows", "5432", ""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("every network");
    }

    /** Remove-NetFirewallRule -Name takes wildcards too: only an exact name of ours is ever removed. */
    @ParameterizedTest
    @ValueSource(strings = {"WSLNetDoctor-*", "*", "WSLNetDoctor-TCP-5432-from-WSL*", "WSLNetDoctor-TCP-70000-from-WSL",
            "WSLNetDoctor-TCP-0-from-WSL", "Core Networking - DNS (UDP-Out)", "WSLNetDoctor-TCP-22-from-WSL' ; Remove-NetFirewallRule -Name '*"})
    void removingIsRefusedForAnyNameThatIsNotExactlyOneOfOurs(String name) {
        assertThatThrownBy(() -> FixPlan.WindowsFirewallRule.removeCommand(name)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nothing is removed");
        assertThatThrownBy(() -> FixPlan.WindowsFirewallRule.where(name)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theFixIdCarriesThisPlan() {
        assertThat(FixId.of("windows-firewall-allow-port")).contains(FixId.WINDOWS_FIREWALL_ALLOW_PORT);
        assertThat(FixId.WINDOWS_FIREWALL_ALLOW_PORT.plan()).isEqualTo(FixPlan.WindowsFirewallRule.class);
        assertThat(FixPlan.WindowsFirewallRule.allowFromLan(80, false).writesAFile()).isTrue();
    }
}
