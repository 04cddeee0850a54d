// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.fix;

import dev.netdoctor.fix.FirewallStandIn;
import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.fix.LocalConfigFiles;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.WindowsHost;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.Severity;
import dev.netdoctor.testing.ScriptedLinux;
import dev.netdoctor.ui.FakeDialogs;
import dev.netdoctor.ui.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The firewall fix on the Fix step, the app on "Windows" (the distro behind wsl.exe, powershell.exe
 * the stand-in): the command and its undo are in the confirmation, which says Windows will ask for
 * administrator rights; only a yes there reaches Windows' prompt; the rule is recorded with its
 * undo, and Undo removes exactly it. Declining either question changes nothing.
 */
class FirewallFixViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);
    private static final FixPlan.WindowsFirewallRule PLAN = FixPlan.WindowsFirewallRule.allowFromWsl(5432, "vEthernet (WSL)");
    private static final FixSuggestion FIX = new FixSuggestion(FixId.WINDOWS_FIREWALL_ALLOW_PORT,
            "Let WSL reach port 5432 through Windows' firewall", "…", PLAN);

    @TempDir
    Path home;

    private final FakeDialogs dialogs = new FakeDialogs();

    @BeforeEach
    void pointAtTheStandIn() {
        assumeTrue(FirewallStandIn.runs(), "Skipping: the powershell.exe stand-in needs python3");
        System.setProperty(WindowsHost.POWERSHELL_PROPERTY, FirewallStandIn.EXE.toString());
    }

    @AfterEach
    void forgetTheStandIn() {
        System.clearProperty(WindowsHost.POWERSHELL_PROPERTY);
    }

    /** The Fix step of an app on Windows ({@code onWindows}) or inside WSL, with "this computer" being the stand-in's Windows. */
    private FixAction offered(FirewallStandIn windows, boolean onWindows, List<FixViewModel> model) {
        LinuxSide diagnosed = onWindows ? new ScriptedLinux().asDistro() : new ScriptedLinux();
        FixPlaces places = new FixPlaces(new LocalConfigFiles(home), diagnosed, Optional::empty, windows.windows(), CLOCK);
        FixViewModel fixes = new FixViewModel(places, dialogs, TaskExecutor.sameThread());
        fixes.show(List.of(new Finding(FindingId.WINDOWS_FIREWALL_BLOCKS_WSL, Severity.PROBLEM, Confidence.HIGH, "t", "e", List.of(),
                List.of(FIX))));
        model.add(fixes);
        return fixes.actions().getFirst();
    }

    @Test
    void confirmedTheRuleIsAddedThroughWindowsPromptRecordedWithItsUndoAndUndoneExactly() throws Exception {
        FirewallStandIn windows = new FirewallStandIn(home, "accept", "[]");
        List<FixViewModel> model = new java.util.ArrayList<>();
        FixAction a = offered(windows, true, model);
        FixViewModel fixes = model.getFirst();
        assertThat(a.kind()).isEqualTo(FixWiring.Writes.WINDOWS_FIREWALL);
        assertThat(fixes.appliesHere(a)).isTrue();

        fixes.run(a);

        assertThat(dialogs.confirmations).singleElement().asString().startsWith("Windows will ask for administrator rights.")
                .contains(PLAN.addCommand()).contains(PLAN.removeCommand()).contains("120 seconds");
        assertThat(windows.elevatedCommands()).containsExactly(PLAN.addCommand());
        assertThat(windows.writtenRules()).extracting(n -> n.path("Name").asText()).containsExactly(PLAN.rule());
        assertThat(a.undoProperty().get()).isEqualTo(PLAN.rule());
        assertThat(a.statusProperty().get()).isEqualTo("Applied: the firewall rule WSLNetDoctor-TCP-5432-from-WSL is in place.");
        FixRecord applied = fixes.history().getLast();
        assertThat(applied.action()).isEqualTo(FixRecord.APPLIED);
        assertThat(applied.file()).isEqualTo("Windows Defender Firewall, rule WSLNetDoctor-TCP-5432-from-WSL");
        assertThat(applied.diff()).isEqualTo(PLAN.addCommand());
        assertThat(applied.undo()).isEqualTo(PLAN.removeCommand());
        assertThat(applied.verification()).contains("adapter vEthernet (WSL)");
        assertThat(fixes.hasAppliedFix()).isTrue();

        fixes.undo(a);

        assertThat(dialogs.confirmations.getLast()).startsWith("Windows will ask for administrator rights again.").contains(PLAN.removeCommand());
        assertThat(windows.writtenRules()).isEmpty();
        assertThat(windows.elevatedCommands()).containsExactly(PLAN.addCommand(), PLAN.removeCommand());
        assertThat(a.undoProperty().get()).isNull();
        assertThat(fixes.history()).extracting(FixRecord::action).containsExactly(FixRecord.APPLIED, FixRecord.UNDONE);
        assertThat(fixes.history().getLast().file()).isEqualTo(applied.file());
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void noToOurQuestionNeverReachesWindows() throws Exception {
        FirewallStandIn windows = new FirewallStandIn(home, "accept", "[]");
        List<FixViewModel> model = new java.util.ArrayList<>();
        FixAction a = offered(windows, true, model);
        dialogs.answerYes = false;

        model.getFirst().run(a);

        assertThat(windows.starts()).isZero();
        assertThat(a.statusProperty().get()).isEqualTo("Not applied.");
        assertThat(model.getFirst().history()).isEmpty();
    }

    @Test
    void noAtWindowsPromptChangesNothingRecordsNothingAndSaysSo() throws Exception {
        FirewallStandIn windows = new FirewallStandIn(home, "decline", "[]");
        List<FixViewModel> model = new java.util.ArrayList<>();
        FixAction a = offered(windows, true, model);

        model.getFirst().run(a);

        assertThat(a.statusProperty().get()).isEqualTo("Not applied: Windows did not give administrator rights (This command cannot be run"
                + " due to the error: The operation was canceled by the user.). Nothing was changed.");
        assertThat(a.undoProperty().get()).isNull();
        assertThat(model.getFirst().history()).isEmpty();
        assertThat(windows.writtenRules()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    /** Inside WSL the app cannot ask Windows: the command is copied for PowerShell run as administrator, nothing runs. */
    @Test
    void insideWslTheCommandIsCopiedAndNothingRuns() throws Exception {
        FirewallStandIn windows = new FirewallStandIn(home, "accept", "[]");
        List<FixViewModel> model = new java.util.ArrayList<>();
        FixAction a = offered(windows, false, model);
        assertThat(model.getFirst().appliesHere(a)).isFalse();

        model.getFirst().run(a);

        assertThat(dialogs.confirmations).singleElement().asString().contains(PLAN.addCommand()).contains(PLAN.removeCommand());
        assertThat(dialogs.clipboard).isEqualTo(PLAN.addCommand());
        assertThat(a.statusProperty().get()).contains("paste it into PowerShell run as administrator");
        assertThat(windows.starts()).isZero();
        assertThat(model.getFirst().history()).isEmpty();
    }
}
