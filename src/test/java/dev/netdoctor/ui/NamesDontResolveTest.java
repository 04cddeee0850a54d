// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static dev.netdoctor.ui.Fixtures.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** "Names don't resolve": the wizard asks for a name that should work, not an address, and no port. */
@ExtendWith(ApplicationExtension.class)
class NamesDontResolveTest {
    @TempDir
    static Path home;
    private final ScriptedRunner runner = new ScriptedRunner(Fixtures.result(false));
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

    @Test
    void theDetailsAskForANameAndTheRunAsksAboutIt(FxRobot robot) throws Exception {
        assertThat(fx(() -> robot.lookup("#symptom-names-dont-resolve").tryQuery().isPresent())).isTrue();
        robot.interact(() -> robot.lookup("#symptom-names-dont-resolve").queryAs(javafx.scene.control.ButtonBase.class).fire());
        robot.interact(model::next);
        assertThat(model.stepProperty().get()).isEqualTo(Step.DETAILS);
        assertThat(robot.lookup("#port").tryQuery()).as("a name lookup has no port").isEmpty();
        assertThat(model.canGoNextProperty().get()).as("a name is needed").isFalse();

        robot.interact(() -> robot.lookup("#host").queryAs(TextField.class).setText("198.18.5.5"));
        assertThat(fx(() -> robot.lookup("#host-error").queryAs(Label.class).getText()))
                .isEqualTo("198.18.5.5 is an address, and addresses need no lookup: enter a name, such as deb.debian.org.");
        assertThat(model.canGoNextProperty().get()).isFalse();

        robot.interact(() -> robot.lookup("#host").queryAs(TextField.class).setText("deb.debian.org"));
        assertThat(fx(() -> robot.lookup("#host-error").queryAs(Label.class).getText())).isEmpty();
        Screenshots.save(scene, "light-2-details-names.png");
        robot.interact(model::next);
        assertThat(runner.requests).singleElement().satisfies(r -> assertThat(r.target().host()).isEqualTo("deb.debian.org"));
    }
}
