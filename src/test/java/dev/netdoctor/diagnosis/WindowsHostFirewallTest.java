// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.OpenSshAttempt.Result;
import dev.netdoctor.model.WslFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A blocked port on WSL's gateway, which is Windows: Windows advice in plain words, never Linux commands. */
class WindowsHostFirewallTest {
    /** The distro's default gateway in {@link Scenarios}: in NAT mode, the Windows host. */
    private static final String GATEWAY = "198.18.1.1";

    private static FixSuggestion firewallFix(Scenarios s) {
        List<Finding> findings = new Diagnoser().diagnose(s.target, s.environment(), s.outcomes);
        Finding f = findings.stream().filter(x -> x.id() == FindingId.PORT_FILTERED).findFirst().orElseThrow(() -> new AssertionError(findings));
        return f.fixes().stream().filter(x -> x.id() == FixId.OPEN_FIREWALL).findFirst().orElseThrow();
    }

    private static Scenarios filtered(String address) {
        return new Scenarios(address).ping(true).route(true).connects(ConnectResult.TIMED_OUT, ConnectResult.TIMED_OUT)
                .openssh(Result.CONNECT_TIMED_OUT, Result.CONNECT_TIMED_OUT);
    }

    @Test
    void theGatewayOfWslIsWindowsAndGetsWindowsAdvice() {
        FixSuggestion fix = firewallFix(filtered(GATEWAY));
        assertThat(fix.title()).isEqualTo("Allow the port in Windows Defender Firewall");
        assertThat(fix.detail()).startsWith(GATEWAY + " is Windows itself").contains("Windows Defender Firewall with Advanced Security")
                .contains("Inbound Rules").contains("TCP port 22").doesNotContain("sudo").doesNotContain("ufw").doesNotContain("nft")
                .doesNotContain("iptables");
    }

    @Test
    void anotherMachineKeepsTheLinuxAdvice() {
        assertThat(firewallFix(filtered("198.19.1.2")).detail()).contains("sudo ufw status").contains("198.19.1.2");
    }

    @Test
    void inMirroredModeTheGatewayIsTheNetworksRouterNotWindows() {
        Scenarios s = filtered(GATEWAY);
        s.wsl = new WslFacts(WslFacts.Kind.WSL2, "Ubuntu", "mirrored", "wslinfo --networking-mode", List.of());
        assertThat(firewallFix(s).detail()).doesNotContain("Windows Defender");
        Scenarios plain = filtered(GATEWAY);
        plain.wsl = new WslFacts(WslFacts.Kind.NOT_WSL, null, null, "no WSL", List.of());
        assertThat(firewallFix(plain).detail()).doesNotContain("Windows Defender");
    }
}
