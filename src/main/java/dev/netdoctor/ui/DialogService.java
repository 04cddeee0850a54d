// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import java.nio.file.Path;
import java.util.Optional;

/** Every question the wizard asks in a window of its own; tests answer with a fake. */
public interface DialogService {
    /** A yes/no question; true when the user confirmed. The safe answer, no, is the default (Enter and Escape). */
    boolean confirm(String title, String header, String content, String confirmLabel);

    /** Shows a change before it is made; true when the user chose to apply it. */
    boolean previewChange(String title, String explanation, String diff, String applyLabel);

    /** A friendly error, with the technical details folded away. */
    void showError(String title, String message, String details);

    Optional<Path> chooseSaveFile(String title, String suggestedName, String description, String extension);

    Optional<Path> chooseOpenFile(String title, String description);

    void copyToClipboard(String text);

    /** Opens a file the wizard wrote with the program the desktop uses for it. */
    void open(Path file);
}
