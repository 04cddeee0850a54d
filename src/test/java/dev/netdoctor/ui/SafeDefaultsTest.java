// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real questions (the quit question, Restart WSL) keep things as they are when the user
 * just presses Enter or Escape: the safe answer is the default button.
 */
@ExtendWith(ApplicationExtension.class)
class SafeDefaultsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        WizardApp.applyTheme(false);
        stage.setScene(new Scene(new StackPane(), 900, 600));
        stage.show();
    }

    /** The answer to the question, given by one key. */
    private boolean answerWith(FxRobot robot, KeyCode key, String title, String header, String body, String yes) throws Exception {
        FxDialogService dialogs = new FxDialogService(stage, null);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.confirm(title, header, body, yes)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(key).release(key);
        return answer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void enterOnTheQuitQuestionStays(FxRobot robot) throws Exception {
        assertThat(answerWith(robot, KeyCode.ENTER, Texts.get("quit.title"), Texts.get("quit.header"), Texts.get("quit.fixApplied"),
                Texts.get("quit.confirm"))).isFalse();
    }

    @Test
    void enterOnRestartWslStopsNoDistro(FxRobot robot) throws Exception {
        assertThat(answerWith(robot, KeyCode.ENTER, Texts.get("fix.restart.title"), Texts.get("fix.restart.header"), Texts.get("fix.restart.body"),
                Texts.get("fix.restart.confirm"))).isFalse();
    }

    @Test
    void escapeSaysNoToo(FxRobot robot) throws Exception {
        assertThat(answerWith(robot, KeyCode.ESCAPE, Texts.get("fix.restart.title"), Texts.get("fix.restart.header"), Texts.get("fix.restart.body"),
                Texts.get("fix.restart.confirm"))).isFalse();
    }

    @Test
    void onlyTheChosenYesQuits(FxRobot robot) throws Exception {
        // Tab to the other button, then Space: a deliberate yes still works.
        FxDialogService dialogs = new FxDialogService(stage, null);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialogs.confirm(Texts.get("quit.title"), Texts.get("quit.header"), Texts.get("quit.unsaved"),
                Texts.get("quit.confirm"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow().getScene().getRoot()
                .lookupAll(".button").stream().map(javafx.scene.control.Button.class::cast)
                .filter(b -> b.getText().equals(Texts.get("quit.confirm"))).findFirst().orElseThrow().fire());
        assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
    }
}
