// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.Severity;
import dev.netdoctor.ui.fix.FixPage;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The firewall fix's card: the command and its undo are on it before anything runs, each with its
 * own Copy; the app here is not on Windows (this Linux), so its button copies the command rather
 * than adding the rule.
 */
@ExtendWith(ApplicationExtension.class)
class FirewallFixPageTest {
    private static final FixPlan.WindowsFirewallRule PLAN = FixPlan.WindowsFirewallRule.allowFromWsl(5432, "vEthernet (WSL)");

    @TempDir
    static Path home;

    private final FakeDialogs dialogs = new FakeDialogs();
    private WizardViewModel model;

    @Start
    void start(Stage stage) {
        model = Fixtures.wizardIn(home, new ScriptedRunner(Fixtures.result(false)), dialogs);
        model.fixes().show(List.of(new Finding(FindingId.WINDOWS_FIREWALL_BLOCKS_WSL, Severity.PROBLEM, Confidence.HIGH, "t", "e",
                List.of(), List.of(new FixSuggestion(FixId.WINDOWS_FIREWALL_ALLOW_PORT, "Let WSL reach port 5432", "…", PLAN)))));
        stage.setScene(new Scene(new StackPane(FixPage.build(model)), 900, 600));
        stage.show();
    }

    private static String shown(FxRobot robot, String copyId) throws Exception {
        Button copy = robot.lookup("#copy-" + copyId).queryAs(Button.class);
        return Fixtures.fx(() -> ((TextArea) ((HBox) copy.getParent()).getChildren().getFirst()).getText());
    }

    @Test
    void theCommandAndItsUndoAreShownAndCopyable(FxRobot robot) throws Exception {
        assertThat(shown(robot, "firewall-command-windows-firewall-allow-port")).isEqualTo(PLAN.addCommand());
        assertThat(shown(robot, "firewall-undo-windows-firewall-allow-port")).isEqualTo(PLAN.removeCommand());

        robot.clickOn("#copy-firewall-undo-windows-firewall-allow-port");
        Fixtures.until(() -> PLAN.removeCommand().equals(dialogs.clipboard));

        Button go = robot.lookup("#fix-windows-firewall-allow-port").queryAs(Button.class);
        assertThat(Fixtures.fx(go::getText)).isEqualTo("_Copy the command");
        robot.clickOn(go);
        Fixtures.until(() -> PLAN.addCommand().equals(dialogs.clipboard));
        assertThat(dialogs.confirmations).singleElement().asString().startsWith("Run this in PowerShell as administrator, on Windows.");
    }
}
