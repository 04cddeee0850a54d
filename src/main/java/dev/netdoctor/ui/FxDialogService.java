// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;

/** The real dialogs, owned by the wizard window. */
final class FxDialogService implements DialogService {
    private final Window owner;
    private final javafx.application.HostServices hostServices;

    FxDialogService(Window owner, javafx.application.HostServices hostServices) {
        this.owner = owner;
        this.hostServices = hostServices;
    }

    @Override
    public boolean confirm(String title, String header, String content, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.WARNING, content, yes, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(header);
        // The yes of these questions loses or risks something (quitting with a fix in place, stopping
        // every distro, trusting a key): Enter and Escape both keep things as they are.
        javafx.scene.control.Button go = (javafx.scene.control.Button) a.getDialogPane().lookupButton(yes);
        javafx.scene.control.Button keep = (javafx.scene.control.Button) a.getDialogPane().lookupButton(ButtonType.CANCEL);
        go.setDefaultButton(false);
        keep.setDefaultButton(true);
        a.setOnShown(e -> keep.requestFocus());
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public boolean previewChange(String title, String explanation, String diff, String applyLabel) {
        ButtonType apply = new ButtonType(applyLabel, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", apply, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        TextArea area = new TextArea(diff);
        area.setEditable(false);
        area.getStyleClass().add("mono");
        area.setPrefRowCount(14);
        Label text = new Label(explanation);
        text.setWrapText(true);
        a.getDialogPane().setContent(new VBox(10, text, area));
        a.getDialogPane().setPrefWidth(720);
        return a.showAndWait().filter(b -> b == apply).isPresent();
    }

    @Override
    public void showError(String title, String message, String details) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        if (details != null && !details.isBlank()) {
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.getStyleClass().add("mono");
            a.getDialogPane().setExpandableContent(area);
        }
        a.showAndWait();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String description, String extension) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(suggestedName);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, extension));
        return Optional.ofNullable(c.showSaveDialog(owner)).map(java.io.File::toPath);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String description) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        return Optional.ofNullable(c.showOpenDialog(owner)).map(java.io.File::toPath);
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public void open(Path file) {
        if (hostServices != null) {
            hostServices.showDocument(file.toUri().toString());
        }
    }
}
