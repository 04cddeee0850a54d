package dev.netdoctor.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Back and Next a hundred times build no page twice: a page binds to the view model's lists, so
 * a page built anew on every visit would leave the old one listening and re-filling.
 */
@ExtendWith(ApplicationExtension.class)
class PagesBuiltOnceTest {
    @TempDir
    static Path home;

    private final ScriptedRunner runner = new ScriptedRunner(Fixtures.result(false));
    private WizardViewModel model;
    private WizardView view;

    @Start
    void start(Stage stage) throws Exception {
        WizardApp.applyTheme(false);
        FakeDialogs dialogs = new FakeDialogs();
        model = Fixtures.wizard(home, runner, dialogs);
        Scene scene = WizardApp.createScene(model, dialogs);
        view = (WizardView) scene.getRoot();
        stage.setScene(scene);
        stage.show();
    }

    private Node shown() {
        return ((javafx.scene.layout.BorderPane) view.getCenter()).getCenter();
    }

    @Test
    void backAndNextAHundredTimesBuildNoPageTwice(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#symptom-ssh-hangs").queryAs(javafx.scene.control.ButtonBase.class).fire());
        robot.interact(model::next);
        robot.interact(() -> robot.lookup("#host").queryAs(TextField.class).setText(Fixtures.TARGET));
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        Map<Step, Node> firstSeen = new HashMap<>();
        // Forward to the last step, noting each page.
        while (!model.stepProperty().get().isLast()) {
            robot.interact(model::next);
            firstSeen.putIfAbsent(model.stepProperty().get(), shown());
        }
        for (int i = 0; i < 100; i++) {
            robot.interact(model::back);
            assertThat(shown()).isSameAs(firstSeen.computeIfAbsent(model.stepProperty().get(), s -> shown()));
            robot.interact(model::next);
            assertThat(shown()).isSameAs(firstSeen.get(model.stepProperty().get()));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runner.requests).as("moving between the later steps starts no new run").hasSize(1);
        for (Step step : firstSeen.keySet()) {
            assertThat(view.page(step)).isSameAs(firstSeen.get(step));
        }
    }
}
