// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netdoctor.fix.FirewallStandIn;
import dev.netdoctor.host.FakeWsl;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.Severity;
import dev.netdoctor.report.JsonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code fix apply --fix windows-firewall-allow-port} and {@code undo --firewall-rule}, as a plain
 * user on "Windows" (the app beside the wsl.exe stand-in, powershell.exe the stand-in): the
 * command and its undo are printed first, --dry-run stops there, Windows' prompt is asked only
 * when the command is run for real, and the printed undo removes exactly that rule.
 */
class FirewallFixCliTest {
    private static final String ALIAS = "vEthernet (WSL)";
    private static final FixPlan.WindowsFirewallRule PLAN = FixPlan.WindowsFirewallRule.allowFromWsl(5432, ALIAS);

    @TempDir
    Path dir;

    /** A saved diagnosis whose firewall finding offers the rule (the shape diagnose --json writes: findings with their fixes). */
    private Path saved() throws Exception {
        Finding finding = new Finding(FindingId.WINDOWS_FIREWALL_BLOCKS_WSL, Severity.PROBLEM, Confidence.HIGH,
                "Windows' firewall drops WSL's connections to port 5432", "…", List.of(),
                List.of(new FixSuggestion(FixId.WINDOWS_FIREWALL_ALLOW_PORT, "Let WSL reach port 5432 through Windows' firewall", "…", PLAN)));
        ObjectNode result = JsonReport.mapper().createObjectNode();
        result.putArray("findings").add(JsonReport.mapper().valueToTree(finding));
        return Files.writeString(dir.resolve("result.json"), JsonReport.mapper().writeValueAsString(result));
    }

    private FirewallStandIn windows(String uac) {
        assumeTrue(FirewallStandIn.runs() && FakeWsl.runs(), "Skipping: the wsl.exe and powershell.exe stand-ins need python3");
        return new FirewallStandIn(dir, uac, "[]");
    }

    private String wslExe() {
        return FakeWsl.with(dir, Map.of("FAKE_WSL_STATE", dir.resolve("wsl-state").toString(), "FAKE_WSL_DELAY_MS", "0",
                "FAKE_WSL_FIRST_DELAY_MS", "0"));
    }

    @Test
    void theRuleIsShownAddedThroughWindowsPromptCheckedAndUndoneByThePrintedUndo() throws Exception {
        FirewallStandIn windows = windows("accept");
        String ps = windows.wrapper().toString();
        Path result = saved();

        CliRun dry = CliRun.of("fix", "apply", "--from", result.toString(), "--fix", "windows-firewall-allow-port", "--wsl-exe", wslExe(),
                "--powershell-exe", ps, "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("  " + PLAN.addCommand() + "\n").contains("  " + PLAN.removeCommand() + "\n")
                .contains("Dry run: nothing was changed.");
        assertThat(windows.starts()).as("a dry run starts no PowerShell").isZero();

        CliRun r = CliRun.of("fix", "apply", "--from", result.toString(), "--fix", "windows-firewall-allow-port", "--wsl-exe", wslExe(),
                "--powershell-exe", ps);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Fix: Let WSL reach port 5432").contains("Windows now asks for administrator rights")
                .contains("Added the firewall rule WSLNetDoctor-TCP-5432-from-WSL.")
                .contains("Checked: read back: WSLNetDoctor-TCP-5432-from-WSL, on, Inbound, Allow, TCP port 5432, adapter vEthernet (WSL)");
        assertThat(windows.writtenRules()).extracting(n -> n.path("Name").asText()).containsExactly(PLAN.rule());
        assertThat(windows.elevatedCommands()).containsExactly(PLAN.addCommand());

        Matcher undo = Pattern.compile("To undo: wsl-net-doctor (undo --firewall-rule \\S+ --powershell-exe \\S+ --wsl \\S+ --wsl-exe \\S+)").matcher(r.out());
        assertThat(undo.find()).as(r.out()).isTrue();
        CliRun u = CliRun.of(undo.group(1).split(" "));
        assertThat(u.exit()).as(u.err()).isZero();
        assertThat(u.out()).contains("Removed the firewall rule WSLNetDoctor-TCP-5432-from-WSL.");
        assertThat(windows.writtenRules()).isEmpty();
        assertThat(windows.elevatedCommands()).containsExactly(PLAN.addCommand(), PLAN.removeCommand());
    }

    @Test
    void aDeclinedPromptChangesNothingAndSaysWhy() throws Exception {
        FirewallStandIn windows = windows("decline");
        CliRun r = CliRun.of("fix", "apply", "--from", saved().toString(), "--fix", "windows-firewall-allow-port", "--wsl-exe", wslExe(),
                "--powershell-exe", windows.wrapper().toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        assertThat(r.err()).contains("Windows did not give administrator rights (This command cannot be run due to the error:"
                + " The operation was canceled by the user.), so nothing was changed.");
        assertThat(r.out()).doesNotContain("To undo");
        assertThat(windows.writtenRules()).isEmpty();
    }

    /** Inside Linux (no --wsl: the app is not on Windows) nothing can ask Windows: the command is for the user, nothing runs. */
    @Test
    void awayFromWindowsTheCommandIsShownAndNothingRuns() throws Exception {
        FirewallStandIn windows = windows("accept");
        CliRun r = CliRun.of("fix", "apply", "--from", saved().toString(), "--fix", "windows-firewall-allow-port",
                "--powershell-exe", windows.wrapper().toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        assertThat(r.out()).contains(PLAN.addCommand()).contains(PLAN.removeCommand());
        assertThat(r.err()).contains("only by the app running on Windows").contains("Nothing was changed.");
        assertThat(windows.starts()).isZero();

        CliRun undo = CliRun.of("undo", "--firewall-rule", PLAN.rule(), "--powershell-exe", windows.wrapper().toString());
        assertThat(undo.exit()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        assertThat(undo.out()).contains(PLAN.removeCommand());
        assertThat(windows.starts()).isZero();
    }

    @Test
    void undoRefusesANameThatIsNotOneOfOurRules() throws Exception {
        FirewallStandIn windows = windows("accept");
        for (String name : List.of("WSLNetDoctor-*", "CoreNet-DNS-Out-UDP")) {
            CliRun r = CliRun.of("undo", "--firewall-rule", name, "--wsl-exe", wslExe(), "--powershell-exe", windows.wrapper().toString());
            assertThat(r.exit()).as(name).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("is not the name of a firewall rule WSL Net Doctor adds");
        }
        assertThat(CliRun.of("undo", "x.bak", "--firewall-rule", PLAN.rule()).exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(windows.starts()).isZero();
    }
}
