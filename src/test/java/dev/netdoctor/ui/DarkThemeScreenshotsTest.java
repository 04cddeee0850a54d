// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.ui.symptom.Symptom;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every step in the dark theme, rendered to target/screenshots/dark-*.png for people to look at. */
@ExtendWith(ApplicationExtension.class)
class DarkThemeScreenshotsTest {
    @TempDir
    static Path home;
    private WizardViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        WizardApp.applyTheme(true);
        Path userHome = Files.createTempDirectory(home, "home");
        model = Screenshots.wizard(userHome, new ScriptedRunner(Fixtures.result(false), Fixtures.result(true)));
        scene = WizardApp.createScene(model, new FakeDialogs());
        stage.setScene(scene);
        stage.show();
    }

    @AfterAll
    static void backToLight() {
        javafx.application.Platform.runLater(() -> WizardApp.applyTheme(false));
    }

    private void step(FxRobot robot, Runnable action, String name) throws Exception {
        robot.interact(action);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.Tone tone = Screenshots.tone(Screenshots.save(scene, "dark-" + name + ".png"));
        // Dark: a dark window, with text that stands out from it
        assertThat(tone.meanLuminance()).as(name + ": mean luminance").isLessThan(0.3);
        assertThat(tone.contrastShare()).as(name + ": share of pixels that stand out (text)").isGreaterThan(0.004);
    }

    @Test
    void everyStepInTheDark(FxRobot robot) throws Exception {
        step(robot, () -> model.symptomProperty().set(Symptom.SSH_HANGS), "1-whats-wrong");
        step(robot, model::next, "2-details-empty");
        step(robot, () -> model.details().hostProperty().set(Fixtures.TARGET), "2-details");
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.systemReadyProperty().get());
        step(robot, () -> { }, "3-your-system");
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        step(robot, () -> { }, "4-running-checks");
        step(robot, model::next, "5-diagnosis");
        step(robot, model::next, "6-fix");
        robot.interact(model::next);
        robot.interact(model::verifyNow);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.verify().rows().isEmpty());
        step(robot, () -> { }, "7-verify");
        step(robot, model::next, "8-report");
    }
}
