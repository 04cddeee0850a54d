// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.InvalidInputException;
import dev.netdoctor.model.WindowsPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The firewall fix against the powershell.exe stand-in, as a plain user on Windows: the rule is
 * added only through Windows' administrator prompt, exactly as shown, read back before it counts,
 * and removed by its name alone; a declined prompt or bad input changes nothing.
 */
class WindowsFirewallFixStandInTest {
    private static final String ALIAS = "vEthernet (WSL (Hyper-V firewall))";
    /** A rule of Windows' own, there before any fix: nothing of ours may touch it. */
    private static final String WINDOWS_RULE = "[{\"Name\": \"CoreNet-DNS-Out-UDP\", \"DisplayName\": \"Core Networking - DNS (UDP-Out)\","
            + " \"Enabled\": \"True\", \"Direction\": \"Outbound\", \"Action\": \"Allow\", \"Profile\": \"Any\", \"Protocol\": \"UDP\","
            + " \"LocalPort\": [\"Any\"], \"RemotePort\": [\"53\"], \"InterfaceAlias\": [\"Any\"]}]";

    @TempDir
    Path folder;

    private FirewallStandIn windows(String uac) {
        assumeTrue(FirewallStandIn.runs(), "Skipping: the powershell.exe stand-in needs python3");
        return new FirewallStandIn(folder, uac, WINDOWS_RULE);
    }

    private static WindowsFirewallFix fix(FirewallStandIn windows) {
        return FixWiring.firewall(windows.windows(), FirewallStandIn.EXE.toString());
    }

    @Test
    void applyAddsExactlyThePortOnWslsAdapterAsShownAndReadsItBack() throws Exception {
        FirewallStandIn windows = windows("accept");
        FixPlan.WindowsFirewallRule plan = FixPlan.WindowsFirewallRule.allowFromWsl(5432, ALIAS);

        WindowsFirewallFix.Result r = fix(windows).apply(plan);

        assertThat(r.outcome()).isEqualTo(WindowsFirewallFix.Outcome.DONE);
        assertThat(r.undo()).isEqualTo("Remove-NetFirewallRule -Name 'WSLNetDoctor-TCP-5432-from-WSL'");
        assertThat(r.verification()).contains("WSLNetDoctor-TCP-5432-from-WSL").contains("TCP port 5432").contains("adapter " + ALIAS);
        JsonNode rule = windows.writtenRules().stream().filter(n -> n.path("Name").asText().equals(plan.rule())).findFirst().orElseThrow();
        assertThat(rule.path("Direction").asText()).isEqualTo("Inbound");
        assertThat(rule.path("Action").asText()).isEqualTo("Allow");
        assertThat(rule.path("Protocol").asText()).isEqualTo("TCP");
        assertThat(rule.path("LocalPort").toString()).isEqualTo("[\"5432\"]");
        assertThat(rule.path("InterfaceAlias").toString()).isEqualTo("[\"" + ALIAS + "\"]");
        assertThat(rule.path("RemoteAddress").toString()).isEqualTo("[\"Any\"]");
        assertThat(windows.writtenRules()).hasSize(1);
        // What ran with administrator rights is, character for character, the command the user was shown.
        assertThat(windows.elevatedCommands()).containsExactly(plan.addCommand());
    }

    @Test
    void undoRemovesThatRuleAndNothingElse() throws Exception {
        FirewallStandIn windows = windows("accept");
        FixPlan.WindowsFirewallRule postgres = FixPlan.WindowsFirewallRule.allowFromWsl(5432, ALIAS);
        FixPlan.WindowsFirewallRule ssh = FixPlan.WindowsFirewallRule.allowFromWsl(22, ALIAS);
        WindowsFirewallFix fix = fix(windows);
        fix.apply(postgres);
        fix.apply(ssh);

        WindowsFirewallFix.Result r = fix.undo(postgres.rule());

        assertThat(r.outcome()).isEqualTo(WindowsFirewallFix.Outcome.DONE);
        assertThat(r.verification()).isEqualTo("read back: no rule named WSLNetDoctor-TCP-5432-from-WSL is there");
        assertThat(windows.writtenRules()).extracting(n -> n.path("Name").asText()).containsExactly(ssh.rule());
        assertThat(windows.elevatedCommands()).containsExactly(postgres.addCommand(), ssh.addCommand(), postgres.removeCommand());
        List<WindowsPolicy.FirewallRule> ours = FirewallRulesRead.of(windows.windows(), FirewallStandIn.EXE.toString()).ourRules(false).value();
        assertThat(ours).extracting(WindowsPolicy.FirewallRule::name).containsExactly(ssh.rule()); // Windows' own rule is not ours to list
        CommandRun all = windows.windows().run(List.of(FirewallStandIn.EXE.toString(), "-NoProfile", "-NonInteractive", "-Command",
                "Get-NetFirewallRule -Name 'CoreNet-*' | ForEach-Object { [string]$_.Name }"), Duration.ofSeconds(30));
        assertThat(all.stdout().strip()).isEqualTo("CoreNet-DNS-Out-UDP");

        assertThat(fix.undo(postgres.rule()).outcome()).as("undone twice: nothing there, no prompt")
                .isEqualTo(WindowsFirewallFix.Outcome.ALREADY);
        assertThat(windows.elevatedCommands()).hasSize(3);
    }

    @Test
    void aDeclinedPromptChangesNothingAndSaysSo() throws Exception {
        FirewallStandIn windows = windows("decline");
        FixPlan.WindowsFirewallRule plan = FixPlan.WindowsFirewallRule.allowFromWsl(5432, ALIAS);

        WindowsFirewallFix.Result r = fix(windows).apply(plan);

        assertThat(r.outcome()).isEqualTo(WindowsFirewallFix.Outcome.DECLINED);
        assertThat(r.verification()).contains("The operation was canceled by the user.");
        assertThat(r.undo()).isNull();
        assertThat(windows.writtenRules()).isEmpty();
        assertThat(windows.elevatedCommands()).isEmpty();
    }

    /** Why the prompt is needed at all: a plain user's PowerShell may not add the rule. */
    @Test
    void theSameCommandUnelevatedIsRefusedByWindows() throws Exception {
        FirewallStandIn windows = windows("accept");
        FixPlan.WindowsFirewallRule plan = FixPlan.WindowsFirewallRule.allowFromWsl(5432, ALIAS);

        CommandRun direct = windows.windows().run(List.of(FirewallStandIn.EXE.toString(), "-NoProfile", "-NonInteractive", "-Command",
                plan.addCommand()), Duration.ofSeconds(30));

        assertThat(direct.exitCode()).isNotZero();
        assertThat(direct.stderr() + direct.stdout()).contains("Access is denied");
        assertThat(windows.writtenRules()).isEmpty();
    }

    @Test
    void badInputStartsNoPowerShellAndChangesNothing() throws Exception {
        FirewallStandIn windows = windows("accept");
        WindowsFirewallFix fix = fix(windows);

        assertThatThrownBy(() -> fix.apply(FixPlan.WindowsFirewallRule.allowFromWsl(5432, "*"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> fix.apply(FixPlan.WindowsFirewallRule.allowFromWsl(70000, ALIAS))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> fix.undo("WSLNetDoctor-*")).isInstanceOf(InvalidInputException.class);

        assertThat(windows.starts()).isZero();
        assertThat(windows.writtenRules()).isEmpty();
    }

    @Test
    void aRuleAlreadyThereAsPlannedIsNotAddedAgain() throws Exception {
        FirewallStandIn windows = windows("accept");
        FixPlan.WindowsFirewallRule plan = FixPlan.WindowsFirewallRule.allowFromWsl(5432, ALIAS);
        fix(windows).apply(plan);

        WindowsFirewallFix.Result again = fix(windows).apply(plan);

        assertThat(again.outcome()).isEqualTo(WindowsFirewallFix.Outcome.ALREADY);
        assertThat(windows.elevatedCommands()).hasSize(1);
    }

    /** A rule of our name for another adapter is not ours to overwrite or to call "in place". */
    @Test
    void aRuleOfOurNameThatLetsOtherTrafficThroughIsRefused() throws Exception {
        FirewallStandIn windows = windows("accept");
        fix(windows).apply(FixPlan.WindowsFirewallRule.allowFromWsl(5432, "Ethernet"));

        assertThatThrownBy(() -> fix(windows).apply(FixPlan.WindowsFirewallRule.allowFromWsl(5432, ALIAS)))
                .isInstanceOf(FixException.class).hasMessageContaining("it is for the adapter Ethernet, not " + ALIAS)
                .hasMessageContaining("Remove-NetFirewallRule -Name 'WSLNetDoctor-TCP-5432-from-WSL'");
        assertThat(windows.elevatedCommands()).hasSize(1);
    }

    @Test
    void mirroredModesLanRuleIsAHyperVRuleForWslsVmAndIsRemovedFromThere() throws Exception {
        FirewallStandIn windows = windows("accept");
        FixPlan.WindowsFirewallRule plan = FixPlan.WindowsFirewallRule.allowFromLan(3000, true);

        WindowsFirewallFix.Result r = fix(windows).apply(plan);

        assertThat(r.outcome()).isEqualTo(WindowsFirewallFix.Outcome.DONE);
        JsonNode rule = windows.writtenRules().getFirst();
        assertThat(rule.path("Name").asText()).isEqualTo("WSLNetDoctor-TCP-3000-from-LAN-HyperV");
        assertThat(rule.path("VMCreatorId").asText()).isEqualTo(WindowsPolicy.WSL_VM_CREATOR);
        assertThat(rule.path("LocalPorts").toString()).isEqualTo("[\"3000\"]");
        assertThat(fix(windows).undo(plan.rule()).outcome()).isEqualTo(WindowsFirewallFix.Outcome.DONE);
        assertThat(windows.writtenRules()).isEmpty();
        assertThat(windows.elevatedCommands()).containsExactly(plan.addCommand(), plan.removeCommand());
    }

    @Test
    void natModesLanRuleIsLimitedToTheLocalSubnetOnPrivateAndDomainNetworks() throws Exception {
        FirewallStandIn windows = windows("accept");
        FixPlan.WindowsFirewallRule plan = FixPlan.WindowsFirewallRule.allowFromLan(8080, false);

        assertThat(fix(windows).apply(plan).outcome()).isEqualTo(WindowsFirewallFix.Outcome.DONE);

        JsonNode rule = windows.writtenRules().getFirst();
        assertThat(rule.path("RemoteAddress").toString()).isEqualTo("[\"LocalSubnet\"]");
        assertThat(rule.path("Profile").asText()).isEqualTo("Private, Domain");
        assertThat(rule.path("LocalPort").toString()).isEqualTo("[\"8080\"]");
    }

    /**
     * Windows 10 has no Hyper-V firewall: its rules cannot even be read, so the fix stops before
     * Windows' prompt; the Windows Defender rule is unaffected by that.
     */
    @Test
    void onWindows10TheHyperVRuleStopsBeforeThePromptAndTheDefenderRuleStillWorks() throws Exception {
        FirewallStandIn windows = windows("accept").with("FAKE_PS_WINDOWS_BUILD", "19045");

        assertThatThrownBy(() -> fix(windows).apply(FixPlan.WindowsFirewallRule.allowFromLan(3000, true)))
                .isInstanceOf(FixException.class).hasMessageContaining("Windows' firewall rules could not be read")
                .hasMessageContaining("nothing was changed");
        assertThat(windows.elevatedCommands()).isEmpty();

        assertThat(fix(windows).apply(FixPlan.WindowsFirewallRule.allowFromWsl(5432, ALIAS)).outcome())
                .isEqualTo(WindowsFirewallFix.Outcome.DONE);
        assertThat(windows.writtenRules()).hasSize(1);
    }
}
