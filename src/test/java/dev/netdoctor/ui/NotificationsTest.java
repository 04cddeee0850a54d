// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real "fix applied" note (ControlsFX Notifications) shows in the app's own module setup:
 * a popup window over the wizard with the text, and no error on the FX thread (ControlsFX reaches
 * into JavaFX internals, which the module system may refuse).
 */
@ExtendWith(ApplicationExtension.class)
class NotificationsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 900, 600));
        stage.show();
    }

    @Test
    void aFixNoteShowsOverTheWindowWithoutAnError() throws Exception {
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getUncaughtExceptionHandler())
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> errors.add(e))).get(10, TimeUnit.SECONDS);
        try {
            FxDialogService dialogs = new FxDialogService(stage, null);
            WaitForAsyncUtils.asyncFx(() -> dialogs.notify("Fix applied: Turn off SSH packet marking", "Applied. Backup: /tmp/x"))
                    .get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().size() > 1);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(errors).isEmpty();
            List<String> texts = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != stage)
                    .flatMap(w -> w.getScene().getRoot().lookupAll(".label").stream())
                    .map(n -> ((javafx.scene.control.Label) n).getText()).toList()).get(10, TimeUnit.SECONDS);
            assertThat(texts).anyMatch(t -> t != null && t.contains("Applied. Backup: /tmp/x"));
        } finally {
            WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(before)).get(10, TimeUnit.SECONDS);
        }
    }
}
