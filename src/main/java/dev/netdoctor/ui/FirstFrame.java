// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For the startup benchmark and the training run that builds the installers' AOT cache: with
 * {@code -Dnetdoctor.firstFrameFile=FILE}, once the wizard's first frame has been drawn, writes
 * the wall-clock time (epoch milliseconds) to FILE and closes the app normally. Without the
 * property it does nothing.
 */
final class FirstFrame {
    static final String PROPERTY = "netdoctor.firstFrameFile";

    private FirstFrame() {
    }

    /** Call after the window was shown. */
    static void reportIfAsked() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // Each pulse waits for the previous frame to be rendered before it syncs the
                // scene, so at the start of the third pulse the first frame has been drawn.
                if (++pulses < 3) {
                    return;
                }
                stop();
                long at = System.currentTimeMillis();
                try {
                    Files.writeString(Path.of(file), at + "\n");
                } catch (IOException e) {
                    System.getLogger(FirstFrame.class.getName()).log(System.Logger.Level.WARNING, "first frame time not written: {0}", e.getMessage());
                }
                Platform.exit();
            }
        }.start();
    }
}
