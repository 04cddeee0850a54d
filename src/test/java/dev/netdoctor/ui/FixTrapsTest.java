// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import atlantafx.base.controls.Message;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Right after Apply, the keyboard and the mouse go on safely: Enter goes to the next step (it
 * does not undo the fix just made), and what the fix did is said on the page, where it covers
 * neither Cancel, Back nor Next and opens no window over them.
 */
@ExtendWith(ApplicationExtension.class)
class FixTrapsTest {
    @TempDir
    static Path home;

    private static final String USERS_CONFIG = "Host *\n    IPQoS af21 cs1\n";
    private WizardViewModel model;
    private Path sshConfig;
    private Stage stage;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        WizardApp.applyTheme(false);
        Path userHome = Files.createTempDirectory(home, "home");
        sshConfig = userHome.resolve(".ssh").resolve("config");
        Files.createDirectories(sshConfig.getParent());
        Files.writeString(sshConfig, USERS_CONFIG);
        FakeDialogs dialogs = new FakeDialogs();
        model = Fixtures.wizardIn(userHome, new ScriptedRunner(Fixtures.result(false)), dialogs);
        scene = WizardApp.createScene(model, dialogs);
        stage.setScene(scene);
        stage.show();
    }

    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(ButtonBase.class).fire());
    }

    private void toTheFixStep(FxRobot robot) throws Exception {
        fire(robot, "#symptom-ssh-hangs");
        fire(robot, "#next");
        robot.interact(() -> robot.lookup("#host").queryAs(TextField.class).setText(Fixtures.TARGET));
        fire(robot, "#next");
        fire(robot, "#next");
        Fixtures.until(() -> model.resultProperty().get() != null);
        fire(robot, "#next");
        fire(robot, "#next");
        assertThat(model.stepProperty().get()).isEqualTo(Step.FIX);
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void enterRightAfterApplyGoesOnAndKeepsTheFix(FxRobot robot) throws Exception {
        toTheFixStep(robot);
        fire(robot, "#fix-ssh-config-ipqos-none");
        Fixtures.until(() -> model.fixes().actions().getFirst().statusProperty().get().startsWith("Applied"));
        WaitForAsyncUtils.waitForFxEvents();
        Node focused = Fixtures.fx(() -> robot.lookup("#fix-ssh-config-ipqos-none").queryAs(Node.class).getScene().getFocusOwner());
        assertThat(focused).isNotNull();
        assertThat(focused.getId()).as("where Enter goes right after Apply").isNotEqualTo("undo-ssh-config-ipqos-none").isEqualTo("next");

        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.stepProperty().get()).isEqualTo(Step.VERIFY);
        assertThat(Files.readString(sshConfig)).as("the fix is still in place").contains("IPQoS none");
        assertThat(model.fixes().actions().getFirst().undoProperty().get()).isNotNull();
    }

    @Test
    void whatTheFixDidIsSaidOnThePageAndCoversNoButton(FxRobot robot) throws Exception {
        toTheFixStep(robot);
        int windows = Fixtures.fx(() -> Window.getWindows().size());
        fire(robot, "#fix-ssh-config-ipqos-none");
        Fixtures.until(() -> model.fixes().actions().getFirst().statusProperty().get().startsWith("Applied"));
        WaitForAsyncUtils.waitForFxEvents();

        Message notice = robot.lookup("#fix-notice").queryAs(Message.class);
        assertThat(Fixtures.fx(notice::isVisible)).isTrue();
        // The title one short line; which fix and what happened in the sentence, which wraps
        assertThat(Fixtures.fx(notice::getTitle)).isEqualTo("Fix applied");
        assertThat(Fixtures.fx(notice::getDescription)).startsWith("Turn off SSH packet marking").contains(": Applied. Backup: ");
        assertThat(Fixtures.fx(() -> notice.getStyleClass())).as("the theme's success style").contains("success");
        assertThat(Fixtures.fx(() -> Window.getWindows().size())).as("no note in a window of its own").isEqualTo(windows);
        for (String id : new String[]{"#cancel", "#back", "#next"}) {
            Button b = robot.lookup(id).queryAs(Button.class);
            assertThat(Fixtures.fx(() -> inScene(notice).intersects(inScene(b)))).as("the note covers " + id).isFalse();
        }
        Screenshots.save(scene, "light-6-fix-notice.png");
        try {
            robot.interact(() -> WizardApp.applyTheme(true));
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(scene, "dark-6-fix-notice.png");
        } finally {
            robot.interact(() -> WizardApp.applyTheme(false));
        }
        // Undone: said in the same place; closed: gone, and its room given back.
        fire(robot, "#undo-ssh-config-ipqos-none");
        Fixtures.until(() -> model.fixes().actions().getFirst().statusProperty().get().startsWith("Undone"));
        assertThat(Fixtures.fx(notice::getTitle)).isEqualTo("Fix undone");
        assertThat(Fixtures.fx(notice::getDescription)).startsWith("Turn off SSH packet marking").contains(": Undone");
        robot.interact(() -> model.fixes().dismissNotice());
        assertThat(Fixtures.fx(() -> notice.isVisible() || notice.isManaged())).isFalse();
        assertThat(stage.isShowing()).isTrue();
    }
}
