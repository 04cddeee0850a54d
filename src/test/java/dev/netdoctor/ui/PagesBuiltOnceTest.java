// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
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
 * Back and Next a hundred times build no page twice and leave the window's node count and the
 * heap flat: a page binds to the view model's lists, so a page built anew on every visit would
 * leave the old one listening and re-filling.
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

    private void backAndNext(FxRobot robot, Map<Step, Node> firstSeen) {
        robot.interact(model::back);
        assertThat(shown()).isSameAs(firstSeen.computeIfAbsent(model.stepProperty().get(), s -> shown()));
        robot.interact(model::next);
        assertThat(shown()).isSameAs(firstSeen.get(model.stepProperty().get()));
    }

    /** Every node in the tree under {@code node}, pages not on screen included (the view holds them). */
    private int count(Node node) {
        int n = 1;
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                n += count(child);
            }
        }
        return n;
    }

    /** Used heap after full collections, settled: two readings in a row within 64 KB, at most ten tries. */
    private static long usedHeapAfterGc() throws InterruptedException {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - last) < 65_536) {
                return Math.min(used, last);
            }
            last = used;
            WaitForAsyncUtils.waitForFxEvents();
        }
        return last;
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
        // Warm up (first visits fill caches: CSS, text layout, skins), then measure around a hundred more.
        for (int i = 0; i < 10; i++) {
            backAndNext(robot, firstSeen);
        }
        int nodesBefore = WaitForAsyncUtils.asyncFx(() -> count(view)).get(10, TimeUnit.SECONDS);
        long heapBefore = usedHeapAfterGc();
        for (int i = 0; i < 100; i++) {
            backAndNext(robot, firstSeen);
        }
        WaitForAsyncUtils.waitForFxEvents();
        long heapAfter = usedHeapAfterGc();
        int nodesAfter = WaitForAsyncUtils.asyncFx(() -> count(view)).get(10, TimeUnit.SECONDS);
        assertThat(nodesAfter).as("nodes in the window after 100 more Back/Next").isEqualTo(nodesBefore);
        // A page tree kept alive per visit is tens of kilobytes; 200 of them would be megabytes.
        assertThat(heapAfter - heapBefore).as("heap growth over 100 Back/Next, bytes").isLessThan(1_500_000);
        assertThat(runner.requests).as("moving between the later steps starts no new run").hasSize(1);
        for (Step step : firstSeen.keySet()) {
            assertThat(view.page(step)).isSameAs(firstSeen.get(step));
        }
    }
}
