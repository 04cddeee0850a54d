// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.Severity;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * A stopped run whose finished checks all look healthy: the Diagnosis step says it is not a full
 * answer and which checks were not learned, and shows no green "no problem" card. Rendered to
 * target/screenshots/light-5-diagnosis-stopped.png.
 */
@ExtendWith(ApplicationExtension.class)
class StoppedRunDiagnosisTest {
    @TempDir
    static Path home;

    private WizardViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        WizardApp.applyTheme(false);
        FakeDialogs dialogs = new FakeDialogs();
        model = Fixtures.wizard(home, new ScriptedRunner(Fixtures.stoppedHealthyResult()), dialogs);
        scene = WizardApp.createScene(model, dialogs);
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStoppedRunShowsWhatWasNotLearnedAndNoAllClear(FxRobot robot) throws Exception {
        robot.interact(() -> model.symptomProperty().set(dev.netdoctor.ui.symptom.Symptom.SSH_HANGS));
        robot.interact(model::next);
        robot.interact(() -> model.details().hostProperty().set(Fixtures.TARGET));
        robot.interact(model::next);
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> model.resultProperty().get() != null));
        robot.interact(model::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.stepProperty().get()).isEqualTo(Step.DIAGNOSIS);

        assertThat(model.findings()).extracting(f -> f.id()).doesNotContain(FindingId.NO_PROBLEM_FOUND);
        assertThat(model.findings()).noneMatch(f -> f.severity() == Severity.INFO);
        assertThat(robot.lookup(".finding-info").tryQuery()).as("no green card").isEmpty();
        Label banner = robot.lookup("#incomplete-diagnosis").queryAs(Label.class);
        assertThat(fx(banner::isVisible)).isTrue();
        assertThat(fx(banner::getText)).contains("This is not a full answer").contains("Not learned: Try your own ssh with and without marking");
        Screenshots.save(scene, "light-5-diagnosis-stopped.png");
    }
}
