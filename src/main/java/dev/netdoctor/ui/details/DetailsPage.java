// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.details;

import atlantafx.base.theme.Styles;
import dev.netdoctor.host.WslDistro;
import dev.netdoctor.ui.DialogService;
import dev.netdoctor.ui.DistroViewModel;
import dev.netdoctor.ui.Texts;
import dev.netdoctor.ui.Ui;
import dev.netdoctor.ui.WizardViewModel;
import dev.netdoctor.ui.symptom.Symptom;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Step 2: what to check, each field with its message right next to it. */
public final class DetailsPage {
    private DetailsPage() {
    }

    public static Node build(WizardViewModel model, DialogService dialogs) {
        DetailsViewModel d = model.details();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(wide, new ColumnConstraints(110));
        Symptom symptom = model.symptomProperty().get();
        // ControlsFX marks a field whose text is wrong (a red frame, style class "error"); the words
        // under it say what to change.
        org.controlsfx.validation.ValidationSupport validation = new org.controlsfx.validation.ValidationSupport();
        validation.setValidationDecorator(new org.controlsfx.validation.decoration.StyleClassValidationDecoration());
        int row = 0;
        if (symptom.asksForTarget()) {
            boolean names = symptom == Symptom.NAMES_DONT_RESOLVE;
            TextField host = field("host", d.hostProperty(), Texts.get(names ? "details.name.prompt" : "details.host.prompt"));
            TextField port = field("port", d.portProperty(), "22");
            MenuButton recent = new MenuButton(Texts.get("details.recent"), Ui.icon(Feather.CLOCK, "field-icon"));
            recent.setId("recent");
            recent.disableProperty().bind(Bindings.isEmpty(model.recentTargets()));
            Runnable fill = () -> recent.getItems().setAll(model.recentTargets().stream().map(t -> {
                MenuItem item = new MenuItem(t);
                item.setMnemonicParsing(false);
                item.setOnAction(e -> model.useRecent(t));
                return item;
            }).toList());
            fill.run();
            model.recentTargets().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
            HBox hostRow = new HBox(8, host, recent);
            HBox.setHgrow(host, Priority.ALWAYS);
            // A name lookup has no port: the Port field would only puzzle.
            grid.add(label(Texts.get(names ? "details.name" : "details.host"), host), 0, row, names ? 2 : 1, 1);
            if (!names) {
                grid.add(label(Texts.get("details.port"), port), 1, row);
            }
            row++;
            grid.add(hostRow, 0, row, names ? 2 : 1, 1);
            if (!names) {
                grid.add(port, 1, row);
            }
            row++;
            grid.add(error("host-error", d.hostErrorProperty(), host, validation), 0, row++, 2, 1);
            if (!names) {
                // On its own row: "the host says 2222 but this field says 22" needs more than the Port column.
                grid.add(error("port-error", d.portErrorProperty(), port, validation), 0, row++, 2, 1);
            }
        }
        if (symptom.asksForServicePort()) {
            TextField service = field("service-port", d.servicePortsProperty(), Texts.get("details.service.prompt"));
            grid.add(label(Texts.get("details.service"), service), 0, row++, 2, 1);
            grid.add(service, 0, row++);
            grid.add(error("service-error", d.servicePortErrorProperty(), service, validation), 0, row++, 2, 1);
        }
        if (!symptom.asksForTarget() && !symptom.asksForServicePort()) {
            // nothing to ask: say what will be read instead of showing an empty form
            Label nothing = new Label(Texts.get("details.settings.only"));
            nothing.setWrapText(true);
            grid.add(nothing, 0, row++, 2, 1);
        }
        Node page = Ui.page(Texts.get("details.title"), Texts.get("details.intro"), grid);
        if (model.distros().activeProperty().get()) {
            ((VBox) page).getChildren().add(2, distroChoice(model.distros()));
        }
        if (symptom.asksForServicePort()) {
            ((VBox) page).getChildren().add(vantage(d, dialogs, validation));
        }
        return page;
    }

    /** On Windows: the distro the checks run in, or why WSL cannot be used. */
    private static Node distroChoice(DistroViewModel distros) {
        ComboBox<WslDistro> choice = new ComboBox<>(distros.distros());
        choice.setId("distro");
        choice.valueProperty().bindBidirectional(distros.chosenProperty());
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(WslDistro d) {
                return d == null ? "" : DistroViewModel.describe(d);
            }

            @Override
            public WslDistro fromString(String s) {
                return null;
            }
        });
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.disableProperty().bind(Bindings.isEmpty(distros.distros()));
        choice.promptTextProperty().bind(Bindings.when(distros.loadingProperty()).then(Texts.get("distro.loading")).otherwise(""));
        Label problem = new Label();
        problem.setId("distro-problem");
        problem.textProperty().bind(distros.problemProperty());
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, "field-error");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER); // only ever shows a problem, or "loading" while the list is read
        VBox box = new VBox(4, label(Texts.get("distro.label"), choice), choice, problem);
        box.setPadding(new Insets(0, 0, 8, 0));
        return box;
    }

    private static Node vantage(DetailsViewModel d, DialogService dialogs, org.controlsfx.validation.ValidationSupport validation) {
        TextField who = field("vantage", d.vantageProperty(), Texts.get("details.vantage.prompt"));
        TextField key = field("identity", d.identityProperty(), Texts.get("details.identity.prompt"));
        Button browse = new Button(Texts.get("details.identity.browse"));
        browse.setOnAction(e -> dialogs.chooseOpenFile(Texts.get("details.identity"), "key")
                .ifPresent(p -> d.identityProperty().set(p.toString())));
        HBox keyRow = new HBox(8, key, browse);
        HBox.setHgrow(key, Priority.ALWAYS);
        VBox box = new VBox(4,
                label(Texts.get("details.vantage.user"), who), who, error("vantage-error", d.vantageErrorProperty(), who, validation),
                label(Texts.get("details.identity"), key), keyRow, error("identity-error", d.identityErrorProperty(), key, validation),
                Ui.wrapping(Texts.get("details.vantage.help"), Styles.TEXT_MUTED, Styles.TEXT_SMALL));
        box.setPadding(new Insets(8, 4, 4, 4));
        TitledPane pane = new TitledPane(Texts.get("details.vantage"), box);
        pane.setId("vantage-pane");
        pane.setExpanded(!d.vantageProperty().get().isBlank());
        return pane;
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        f.setPromptText(prompt);
        f.setMaxWidth(Double.MAX_VALUE);
        return f;
    }

    private static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.getStyleClass().add("field-label");
        return l;
    }

    /**
     * The message next to a field: empty when the value is fine. An empty field the user has not
     * touched yet is not scolded; Next stays disabled, and the message appears once they type or
     * leave the field.
     */
    private static Label error(String id, StringBinding message, TextField field, org.controlsfx.validation.ValidationSupport validation) {
        Label l = new Label();
        l.setId(id);
        javafx.beans.property.BooleanProperty touched = new javafx.beans.property.SimpleBooleanProperty(!field.getText().isEmpty());
        field.textProperty().addListener((o, a, b) -> touched.set(true));
        field.focusedProperty().addListener((o, was, now) -> {
            if (was && !now) {
                touched.set(true);
            }
        });
        l.textProperty().bind(Bindings.when(touched).then(message).otherwise(""));
        l.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "field-error");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        // The field is marked exactly when its message shows; a message can change because of
        // another field (host:2222 against Port), so the mark follows the message, not the text.
        validation.registerValidator(field, false, (javafx.scene.control.Control c, String text) ->
                org.controlsfx.validation.ValidationResult.fromErrorIf(c, l.getText(), !l.getText().isEmpty()));
        l.textProperty().addListener((o, was, now) -> validation.revalidate(field));
        return l;
    }
}
