// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.ui.fix.FixPlaces;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys a non-expert can lose trust in: a session lost in one keystroke after a fix, the
 * focus landing on Cancel after Apply, a re-run that forgets the applied fix's Undo, and a
 * stopped run that reads like "no problem" on the later steps.
 */
@ExtendWith(ApplicationExtension.class)
class TrustworthyJourneyTest {
    @TempDir
    static Path home;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final AtomicBoolean exited = new AtomicBoolean();
    private ScriptedRunner runner;
    private WizardViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        WizardApp.applyTheme(false);
        runner = new ScriptedRunner(Fixtures.result(false), Fixtures.result(false), Fixtures.stoppedResult());
        Path userHome = Files.createTempDirectory(home, "home");
        FixPlaces places = FixPlaces.onThisComputer(userHome, () -> java.util.Optional.of(userHome.resolve(".wslconfig")),
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-22T03:00:00Z"), java.time.ZoneOffset.UTC));
        model = new WizardViewModel(runner, dialogs, new Settings(userHome.resolve("settings.properties")), places, () -> exited.set(true));
        scene = WizardApp.createScene(model, dialogs);
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return Fixtures.fx(c);
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        Fixtures.until(condition);
    }

    private void press(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(ButtonBase.class).fire());
    }

    private void toDiagnosis(FxRobot robot) throws Exception {
        press(robot, "#symptom-ssh-hangs");
        press(robot, "#next");
        robot.interact(() -> robot.lookup("#host").queryAs(TextField.class).setText(Fixtures.TARGET));
        press(robot, "#next");
        until(() -> model.systemReadyProperty().get());
        press(robot, "#next");
        until(() -> model.resultProperty().get() != null);
        press(robot, "#next");
    }

    @Test
    void afterAFixEscapeAsksFirstFocusIsSafeAndARerunKeepsTheUndo(FxRobot robot) throws Exception {
        toDiagnosis(robot);
        press(robot, "#next"); // Fix
        press(robot, "#fix-ssh-config-ipqos-none");
        until(() -> model.fixes().actions().getFirst().statusProperty().get().startsWith("Applied"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> scene.getFocusOwner().getId())).as("focus after Apply: Next, neither Undo nor Cancel")
                .isEqualTo("next");

        // Esc, then "no": the wizard stays, and it said why it asked
        dialogs.answerYes = false;
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(exited).isFalse();
        assertThat(dialogs.confirmations).singleElement().asString().contains("A fix is in place").contains("not saved");
        // Enter on the focused button goes on: it neither quits nor undoes
        assertThat(fx(() -> ((Button) scene.getFocusOwner()).isCancelButton())).isFalse();

        // Back to the question and run again: the applied fix keeps its Undo
        dialogs.answerYes = true;
        for (int i = 0; i < 5 && model.stepProperty().get() != Step.DETAILS; i++) {
            press(robot, "#back");
        }
        assertThat(model.stepProperty().get()).isEqualTo(Step.DETAILS);
        press(robot, "#next");
        until(() -> model.systemReadyProperty().get());
        press(robot, "#next");
        until(() -> model.resultProperty().get() != null && runner.requests.size() == 2);
        press(robot, "#next");
        press(robot, "#next");
        assertThat(model.stepProperty().get()).isEqualTo(Step.FIX);
        assertThat(fx(() -> robot.lookup("#undo-ssh-config-ipqos-none").queryAs(Button.class).isVisible())).isTrue();
        assertThat(model.fixes().actions()).filteredOn(a -> a.suggestion().id() == dev.netdoctor.model.FixId.SSH_CONFIG_IPQOS_NONE).hasSize(1);

        // Quitting now, confirmed, leaves
        dialogs.confirmations.clear();
        press(robot, "#cancel");
        assertThat(dialogs.confirmations).hasSize(1);
        assertThat(exited).isTrue();
    }

    @Test
    void aStoppedRunSaysSoOnEveryLaterStepAndIsNeverNoProblem(FxRobot robot) throws Exception {
        ScriptedRunner stopped = new ScriptedRunner(Fixtures.stoppedResult());
        WizardViewModel m = Fixtures.wizard(home, stopped, dialogs);
        robot.interact(() -> {
            Stage s = (Stage) scene.getWindow();
            scene = WizardApp.createScene(m, dialogs);
            s.setScene(scene);
        });
        model = m;
        toDiagnosis(robot);
        for (String page : List.of("diagnosis", "fix", "verify", "report")) {
            String text = fx(() -> robot.lookup("#incomplete-" + page).queryAs(Label.class).getText());
            assertThat(text).as(page).startsWith("You stopped the checks before they finished. This is not a full answer: 1 of 6 checks finished (Look up the target's address).")
                    .contains("Not learned: ").contains("Connect with and without packet marking");
            assertThat(fx(() -> robot.lookup("#incomplete-run-again-" + page).queryAs(Node.class).isVisible())).isTrue();
            if (page.equals("fix")) {
                assertThat(fx(() -> robot.lookup("#fix-none").queryAs(Label.class).getText()))
                        .startsWith("Nothing to fix was found, but the checks did not all finish").doesNotContain("no problem was found");
                Screenshots.save(scene, "light-6-fix-incomplete.png");
            }
            if (!page.equals("report")) {
                press(robot, "#next");
            }
        }
        assertThat(m.report().summaryText()).doesNotContain("No problem found");
        press(robot, "#incomplete-run-again-report");
        until(() -> stopped.requests.size() == 2);
        assertThat(m.stepProperty().get()).isEqualTo(Step.CHECKS);
    }
}
