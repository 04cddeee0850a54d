// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers the wizard's questions the way a test says, and remembers what was shown. */
public final class FakeDialogs implements DialogService {
    public volatile boolean answerYes = true;
    public volatile Path saveTo;
    public volatile Path openFile;
    public volatile String lastDiff;
    public volatile String lastPreviewText;
    public volatile String clipboard;
    public final List<String> errors = new CopyOnWriteArrayList<>();
    public final List<String> confirmations = new CopyOnWriteArrayList<>();

    @Override
    public boolean confirm(String title, String header, String content, String confirmLabel) {
        confirmations.add(header + " " + content);
        return answerYes;
    }

    @Override
    public boolean previewChange(String title, String explanation, String diff, String applyLabel) {
        lastDiff = diff;
        lastPreviewText = explanation;
        return answerYes;
    }

    @Override
    public void showError(String title, String message, String details) {
        errors.add(title + ": " + message);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String description, String extension) {
        return Optional.ofNullable(saveTo);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String description) {
        return Optional.ofNullable(openFile);
    }

    @Override
    public void copyToClipboard(String text) {
        clipboard = text;
    }

    final List<Path> opened = new CopyOnWriteArrayList<>();

    @Override
    public void open(Path file) {
        opened.add(file);
    }
}
