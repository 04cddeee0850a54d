// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.report;

import dev.netdoctor.ui.Texts;
import dev.netdoctor.ui.Ui;
import dev.netdoctor.ui.WizardViewModel;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Step 8: the summary a help desk can act on, to copy or save. */
public final class ReportPage {
    private ReportPage() {
    }

    public static Node build(WizardViewModel model) {
        TextArea summary = new TextArea(model.report().summaryText());
        summary.setId("summary");
        summary.setEditable(false);
        summary.setWrapText(true);
        summary.getStyleClass().add("mono");
        VBox.setVgrow(summary, Priority.ALWAYS);
        Button copy = new Button(Texts.get("report.copy"), Ui.icon(Feather.CLIPBOARD, "button-icon"));
        copy.setId("copy-summary");
        copy.getStyleClass().add(Styles.ACCENT);
        copy.setOnAction(e -> model.report().copySummary());
        Button pdf = new Button(Texts.get("report.savePdf"), Ui.icon(Feather.FILE_TEXT, "button-icon"));
        pdf.setId("export-pdf");
        pdf.setOnAction(e -> model.report().exportPdf());
        pdf.disableProperty().bind(model.resultProperty().isNull());
        pdf.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.CheckBox redact = new javafx.scene.control.CheckBox(Texts.get("report.redact"));
        redact.setId("redact");
        redact.selectedProperty().bindBidirectional(model.report().redactProperty());
        Button json = new Button(Texts.get("report.saveJson"), Ui.icon(Feather.SAVE, "button-icon"));
        json.setId("save-json");
        json.setOnAction(e -> model.report().saveJson());
        copy.disableProperty().bind(model.resultProperty().isNull());
        json.disableProperty().bind(model.resultProperty().isNull());
        Label status = new Label();
        status.textProperty().bind(model.report().statusProperty());
        status.getStyleClass().add(Styles.SUCCESS);
        copy.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        json.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.setMinWidth(0);
        Button open = new Button(Texts.get("report.open"), Ui.icon(Feather.EXTERNAL_LINK, "button-icon"));
        open.setId("open-saved");
        open.setOnAction(e -> model.report().openLastSaved());
        Button folder = new Button(Texts.get("report.showFolder"), Ui.icon(Feather.FOLDER, "button-icon"));
        folder.setId("show-saved-folder");
        folder.setOnAction(e -> model.report().showLastSavedFolder());
        for (Button b : java.util.List.of(open, folder)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.getStyleClass().add(Styles.FLAT);
            b.visibleProperty().bind(model.report().lastSavedProperty().isNotNull().and(model.report().exportingProperty().not()));
            b.managedProperty().bind(b.visibleProperty());
        }
        for (Button b : java.util.List.of(pdf, json)) {
            b.disableProperty().unbind();
            b.disableProperty().bind(model.resultProperty().isNull().or(model.report().exportingProperty()));
        }
        HBox bar = new HBox(8, pdf, copy, json);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox saved = new HBox(8, status, open, folder);
        saved.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        // The saved file's whole path: the folder part is what a user needs to find it.
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setId("report-status");
        summary.textProperty().bind(Bindings.createStringBinding(model.report()::summaryText, model.resultProperty(), model.stepProperty(),
                model.report().redactProperty()));
        // While a report is written (the first PDF takes seconds), ControlsFX's masker says so over the summary.
        org.controlsfx.control.MaskerPane masker = new org.controlsfx.control.MaskerPane();
        masker.setId("report-masker");
        masker.setText(Texts.get("report.writingMask"));
        masker.visibleProperty().bind(model.report().exportingProperty());
        javafx.scene.layout.StackPane body = new javafx.scene.layout.StackPane(summary, masker);
        VBox.setVgrow(body, Priority.ALWAYS);
        return Ui.page(Texts.get("report.title"), Texts.get("report.intro"), Ui.incompleteBanner(model, "report"), bar, saved, redact, body);
    }
}
