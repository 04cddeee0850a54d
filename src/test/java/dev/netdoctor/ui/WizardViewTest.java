package dev.netdoctor.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class WizardViewTest {
    private final WizardViewModel model = new WizardViewModel();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Scene scene;

    @Start
    void start(Stage stage) {
        scene = WizardApp.createScene(model, () -> cancelled.set(true));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void nextWaitsForAChoiceThenMovesOn(FxRobot robot) throws Exception {
        Button next = robot.lookup("#next").queryAs(Button.class);
        assertThat(next.isDisabled()).isTrue();
        screenshot("wizard-1-whats-wrong.png");

        robot.interact(() -> robot.lookup("#symptom-ssh-hangs").queryAs(ToggleButton.class).fire());
        assertThat(model.symptomProperty().get()).isEqualTo(Symptom.SSH_HANGS);
        assertThat(next.isDisabled()).isFalse();
        screenshot("wizard-1-chosen.png");

        robot.interact(next::fire);
        assertThat(model.stepProperty().get()).isEqualTo(1);
        robot.interact(model::back);
        assertThat(model.stepProperty().get()).isZero();
        assertThat(robot.lookup("#symptom-ssh-hangs").queryAs(ToggleButton.class).isSelected())
                .as("the choice survives going back").isTrue();
    }

    @Test
    void cancelIsWired(FxRobot robot) {
        robot.interact(() -> robot.lookup(".button").match(n -> n instanceof Button b && "Cancel".equals(b.getText()))
                .queryAs(Button.class).fire());
        assertThat(cancelled).isTrue();
    }

    private void screenshot(String name) throws Exception {
        assertThat(Screenshots.save(scene, name)).isNotEmptyFile();
    }
}
