// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check that could not finish is shown as such ("couldn't finish", never a bare "stopped"),
 * the step says the result is not complete, and "Run again" runs the same question again.
 */
@ExtendWith(ApplicationExtension.class)
class IncompleteRunTest {
    @TempDir
    static Path home;

    private final ScriptedRunner runner = new ScriptedRunner(Fixtures.incompleteResult(), Fixtures.result(false));
    private WizardViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        WizardApp.applyTheme(false);
        FakeDialogs dialogs = new FakeDialogs();
        model = Fixtures.wizard(home, runner, dialogs);
        scene = WizardApp.createScene(model, dialogs);
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static javafx.scene.paint.Paint barColour(javafx.scene.control.ProgressBar bar) {
        javafx.scene.layout.Region fill = (javafx.scene.layout.Region) bar.lookup(".bar");
        return fill.getBackground().getFills().getFirst().getFill();
    }

    @Test
    void aCheckThatCouldNotFinishIsSaidPlainlyAndCanBeRunAgain(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#symptom-ssh-hangs").queryAs(javafx.scene.control.ButtonBase.class).fire());
        robot.interact(() -> robot.lookup("#next").queryAs(Button.class).fire());
        robot.interact(() -> robot.lookup("#host").queryAs(TextField.class).setText(Fixtures.TARGET));
        robot.interact(() -> robot.lookup("#next").queryAs(Button.class).fire());
        robot.interact(() -> robot.lookup("#next").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> model.resultProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> robot.lookup("#checks-done").queryAs(Label.class).getText())).contains("couldn't finish")
                .contains("Run them again");
        assertThat(fx(() -> robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .contains("couldn't finish").doesNotContain("stopped");
        // The bars say it too: amber for the check that could not finish, the accent for those done.
        java.util.List<javafx.scene.control.ProgressBar> bars = fx(() -> java.util.List.copyOf(
                robot.lookup(".probe-rows .progress-bar").queryAllAs(javafx.scene.control.ProgressBar.class)));
        assertThat(bars).filteredOn(b -> b.getStyleClass().contains("bar-warning")).hasSize(1);
        assertThat(fx(() -> bars.stream().map(IncompleteRunTest::barColour).distinct().count())).isEqualTo(2);
        Button again = robot.lookup("#checks-run-again").queryAs(Button.class);
        assertThat(fx(again::isVisible)).isTrue();
        Screenshots.save(scene, "light-4-checks-incomplete.png");

        robot.interact(again::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> model.resultProperty().get() != null
                && model.resultProperty().get().complete()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runner.requests).hasSize(2);
        assertThat(runner.requests.get(1)).isEqualTo(runner.requests.get(0));
        assertThat(fx(() -> robot.lookup("#checks-done").queryAs(Label.class).getText())).contains("All checks finished");
        assertThat(fx(() -> robot.lookup("#checks-run-again").queryAs(Node.class).isVisible())).isFalse();
    }
}
