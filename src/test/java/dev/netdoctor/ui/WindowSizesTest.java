// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.ui.symptom.Symptom;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At the window's minimum size (and at a common laptop size) every button and field of every
 * step is inside the window: nothing a user must press is pushed off-screen. Screenshots of each
 * step at both sizes, light and dark, go to target/screenshots/size-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class WindowSizesTest {
    @TempDir
    static Path home;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** Buttons and fields that are shown, outside scrolling areas (those scroll into view). */
    private static void controls(Node node, List<Control> out) {
        if (!node.isVisible() || node instanceof ScrollPane) {
            return;
        }
        if (node instanceof ButtonBase || node instanceof TextInputControl) {
            out.add((Control) node);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> controls(c, out));
        }
    }

    private static List<String> outside(Scene scene) {
        List<Control> all = new ArrayList<>();
        controls(scene.getRoot(), all);
        List<String> off = new ArrayList<>();
        for (Control c : all) {
            Bounds b = c.localToScene(c.getBoundsInLocal());
            if (b.getMinX() < 0 || b.getMinY() < 0 || b.getMaxX() > scene.getWidth() + 0.5 || b.getMaxY() > scene.getHeight() + 0.5
                    || b.getWidth() < 4 || b.getHeight() < 4) {
                off.add((c.getId() == null ? c.getClass().getSimpleName() : "#" + c.getId()) + " at " + b);
            }
        }
        return off;
    }

    private void walk(FxRobot robot, boolean dark, double width, double height) throws Exception {
        Path userHome = Files.createTempDirectory(home, "home");
        Path config = userHome.resolve(".ssh").resolve("config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "Host *\n    IPQoS af21 cs1\n");
        FakeDialogs dialogs = new FakeDialogs();
        WizardViewModel model = Fixtures.wizardIn(userHome, new DscpNetworkRunner(config), dialogs);
        String size = (int) width + "x" + (int) height;
        robot.interact(() -> {
            WizardApp.applyTheme(dark);
            Scene scene = WizardApp.createScene(model, dialogs);
            stage.setScene(scene);
            stage.setMinWidth(WizardApp.WIDTH);
            stage.setMinHeight(WizardApp.HEIGHT);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
        });
        Scene scene = stage.getScene();
        model.symptomProperty().set(Symptom.SSH_HANGS);
        for (Step step : Step.values()) {
            WaitForAsyncUtils.waitForFxEvents();
            if (step == Step.DETAILS) {
                robot.interact(() -> model.details().hostProperty().set(Fixtures.TARGET));
            }
            if (step == Step.SYSTEM) {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.systemReadyProperty().get());
            }
            if (step == Step.CHECKS) {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(model.stepProperty().get()).isEqualTo(step);
            assertThat(WaitForAsyncUtils.asyncFx(() -> outside(scene)).get(10, TimeUnit.SECONDS))
                    .as(step + " at " + size + (dark ? " dark" : " light") + ": controls outside the window").isEmpty();
            if (step == Step.CHECKS) {
                // The connections table's cells whole: a port cut off is a wrong address. Measured
                // as drawn (the text in the cell's font, plus its padding, against the cell's width).
                List<String> cut = WaitForAsyncUtils.asyncFx(() -> scene.getRoot().lookupAll("#sockets .table-cell").stream()
                        .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> c && c.isVisible() && c.getText() != null && !c.getText().isEmpty())
                        .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                        .filter(c -> {
                            javafx.scene.text.Text t = new javafx.scene.text.Text(c.getText());
                            t.setFont(c.getFont());
                            return t.getLayoutBounds().getWidth() + c.snappedLeftInset() + c.snappedRightInset() > c.getWidth() + 0.5;
                        })
                        .map(c -> c.getText() + " in " + (int) c.getWidth() + " px").toList()).get(10, TimeUnit.SECONDS);
                assertThat(cut).as("connections table at " + size + (dark ? " dark" : " light") + ": text cut short").isEmpty();
            }
            Screenshots.save(scene, "size-" + size + (dark ? "-dark-" : "-light-") + (step.ordinal() + 1) + "-" + step.name().toLowerCase() + ".png");
            robot.interact(model::next);
        }
    }

    @Test
    void atTheMinimumSizeEveryControlIsInTheWindow(FxRobot robot) throws Exception {
        walk(robot, false, WizardApp.WIDTH, WizardApp.HEIGHT);
        assertThat(stage.getScene().getWidth()).isEqualTo(WizardApp.WIDTH);
        walk(robot, true, WizardApp.WIDTH, WizardApp.HEIGHT);
    }

    @Test
    void atALaptopSizeEveryControlIsInTheWindow(FxRobot robot) throws Exception {
        walk(robot, false, 1366, 800);
        walk(robot, true, 1366, 800);
        robot.interact(() -> WizardApp.applyTheme(false));
    }

    @Test
    void theWindowCannotBeMadeSmallerThanItsMinimum(FxRobot robot) throws Exception {
        walk(robot, false, 640, 480);
        assertThat(stage.getWidth()).isGreaterThanOrEqualTo(WizardApp.WIDTH);
        assertThat(stage.getHeight()).isGreaterThanOrEqualTo(WizardApp.HEIGHT);
    }
}
