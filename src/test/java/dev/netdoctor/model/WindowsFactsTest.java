// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Windows' facts as people read them: every fact a value or "unknown" with why, never silently left out or taken for fine. */
class WindowsFactsTest {
    private static final WindowsInterface WSL = new WindowsInterface(47, "vEthernet (WSL)", "Hyper-V Virtual Ethernet Adapter #2", 1500, true,
            List.of("198.18.1.1/24", "fe80::1/64"));

    @Test
    void aFactIsEitherKnownOrUnknownWithAReason() {
        assertThat(Fact.unknown(null).unknownBecause()).isEqualTo("no answer");
        assertThat(Fact.known(List.of()).known()).isTrue();
        assertThatThrownBy(() -> new Fact<>("x", "why")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fact<>(null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyPolicyFactIsARowAndUnknownOnesSayWhyAndStandOut() {
        WindowsPolicy policy = new WindowsPolicy(
                Fact.known(List.of(new WindowsPolicy.FirewallProfile("Public", true, "Block", true, true, true, false))),
                Fact.known(List.of(new WindowsPolicy.NetworkProfile("vEthernet (WSL)", "Public"))),
                Fact.unknown("not on this Windows (the Hyper-V firewall came with Windows 11 22H2)"),
                Fact.known(List.of(new WindowsPolicy.PortRange("ipv4", 50000, 50059, true), new WindowsPolicy.PortRange("ipv4", 5357, 5357, false))),
                Fact.known(List.of(new WindowsPolicy.PortProxy("v4tov4", "0.0.0.0", 8080, "198.18.1.2", 8080))),
                Fact.known("Running"), Fact.known(List.of(new WindowsPolicy.NameRule(".corp.example", List.of("198.19.0.53")))),
                Fact.known(new WindowsPolicy.Proxy(true, "127.0.0.1:3128", null, null)), Fact.known(List.of()),
                Fact.unknown("PowerShell did not answer within 10 s"));
        WindowsFacts facts = new WindowsFacts("WSL 2.6.1.0", "10.0.26100", "Ubuntu", 2, "", List.of(), Fact.known(List.of(WSL)),
                Fact.known(List.of()), WSL, policy);
        var rows = facts.summary();
        assertThat(rows.get("WSL adapter")).isEqualTo("vEthernet (WSL) · 198.18.1.1/24 · MTU 1500");
        assertThat(rows.get("Windows Firewall")).isEqualTo("Public on, incoming blocked, policy blocks all incoming, policy ignores local rules");
        assertThat(rows.get("Hyper-V firewall for WSL")).isEqualTo("unknown: not on this Windows (the Hyper-V firewall came with Windows 11 22H2)");
        assertThat(rows.get("Reserved TCP ports")).isEqualTo("50000-50059*, 5357");
        assertThat(rows.get("Port proxies")).isEqualTo("0.0.0.0:8080 → 198.18.1.2:8080");
        assertThat(rows.get("Name rules (VPN)")).isEqualTo(".corp.example → 198.19.0.53");
        assertThat(rows.get("Proxy")).isEqualTo("on: 127.0.0.1:3128");
        assertThat(rows.get("Firewall rules added by WSL Net Doctor")).isEqualTo("none");
        assertThat(rows.get("PowerShell")).startsWith("unknown: PowerShell did not answer");
        assertThat(facts.rows()).filteredOn(WindowsFacts.Row::notable).extracting(WindowsFacts.Row::label)
                .containsExactly("Hyper-V firewall for WSL", "PowerShell");
    }

    @Test
    void wslExeFactsAloneSayThatWindowsSettingsWereNotRead() {
        WindowsFacts only = new WindowsFacts("WSL 2.6.1.0", null, null, null, "", List.of());
        assertThat(only.summary().get("Windows Firewall")).isEqualTo("unknown: not read");
    }

    @Test
    void wslsRelayIsKnownByItsNameAndOnlyModeOneRelaysPorts() {
        assertThat(WindowsProcess.isRelayName("wslrelay")).isTrue();
        assertThat(WindowsProcess.isRelayName("WSLRELAY.EXE")).isTrue();
        assertThat(WindowsProcess.isRelayName("wslhost.exe")).as("older WSL's relay").isTrue();
        assertThat(WindowsProcess.isRelayName("wslservice")).isFalse();
        assertThat(WindowsProcess.isRelayName(null)).isFalse();
        assertThat(new WindowsProcess(1, "wslrelay", "wslrelay.exe --mode 1 --vm-id {x} --handle 3").relaysPorts()).isTrue();
        assertThat(new WindowsProcess(1, "wslrelay", "python3 /lab/wslrelay --mode 1").relaysPorts()).isTrue();
        assertThat(new WindowsProcess(1, "wslrelay", "wslrelay.exe --mode 0 --vm-id {x}").relaysPorts()).as("the debug console").isFalse();
        assertThat(new WindowsProcess(1, "wslrelay", "wslrelay.exe --mode 10").relaysPorts()).isFalse();
        assertThat(new WindowsProcess(1, "wslrelay", null).relaysPorts()).as("a command line Windows did not show").isTrue();
    }

    @Test
    void theRouteToAnAddressIsTheLongestPrefixThenTheLowestMetricOnAnAdapterThatIsUp() {
        WindowsInterface vpn = new WindowsInterface(12, "Ethernet 3", "PANGP Virtual Ethernet Adapter", 1400, true, List.of("198.19.5.7/32"));
        WindowsInterface wifi = new WindowsInterface(5, "Wi-Fi", "Intel(R) Wi-Fi 6", 1500, true, List.of("198.19.9.20/24"));
        WindowsInterface down = new WindowsInterface(30, "Old VPN", "TAP-Windows Adapter V9", 1500, false, List.of());
        List<WindowsRoute> table = List.of(
                new WindowsRoute("0.0.0.0", 0, "198.19.9.1", 5, 25),
                new WindowsRoute("198.18.1.0", 24, null, 47, 5256),
                new WindowsRoute("198.18.1.0", 28, null, 12, 2),
                new WindowsRoute("198.18.1.2", 32, null, 30, 1),
                new WindowsRoute("198.19.0.0", 16, null, 12, 2),
                new WindowsRoute("198.19.0.0", 16, null, 5, 1));
        WindowsFacts facts = new WindowsFacts("WSL 2.6.1.0", "10.0.26100", "Ubuntu", 2, "", List.of(),
                Fact.known(List.of(WSL, vpn, wifi, down)), Fact.known(table), WSL, null);
        // The VPN's /28 beats WSL's own /24 whatever the metrics; the /32 is on an adapter that is down.
        assertThat(facts.routeTo("198.18.1.2")).map(WindowsRoute::interfaceIndex).contains(12);
        assertThat(facts.routeTo("198.18.1.200")).map(WindowsRoute::interfaceIndex).contains(47);
        // Equal prefixes: the lower metric.
        assertThat(facts.routeTo("198.19.4.4")).map(WindowsRoute::interfaceIndex).contains(5);
        assertThat(facts.routeTo("203.0.113.9")).map(WindowsRoute::gateway).contains("198.19.9.1");
        assertThat(facts.adapter(12)).map(WindowsInterface::description).contains("PANGP Virtual Ethernet Adapter");
        assertThat(facts.routeTo("fe80::1")).isEmpty();
        assertThat(facts.routeTo("198.18.1.256")).isEmpty();
        assertThat(new WindowsFacts("WSL", null, null, null, "", List.of()).routeTo("198.18.1.2")).isEmpty();
    }
}
