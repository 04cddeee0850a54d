// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.symptom;

import dev.netdoctor.ui.Texts;
import dev.netdoctor.ui.Ui;
import dev.netdoctor.ui.WizardViewModel;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.Map;

/** Step 1: a few large choices in plain words. */
public final class SymptomPage {
    private static final Map<Symptom, Feather> ICONS = Map.of(
            Symptom.SSH_HANGS, Feather.TERMINAL,
            Symptom.NAMES_DONT_RESOLVE, Feather.GLOBE,
            Symptom.OWN_PORT_UNREACHABLE, Feather.MONITOR,
            Symptom.SETTING_DOES_NOTHING, Feather.SLIDERS,
            Symptom.NOT_SURE, Feather.SEARCH);

    private SymptomPage() {
    }

    public static Node build(WizardViewModel model) {
        VBox choices = new VBox(6);
        ToggleGroup group = new ToggleGroup();
        for (Symptom s : Symptom.values()) {
            Label head = new Label(s.title());
            head.getStyleClass().add(Styles.TITLE_4);
            Label sub = new Label(s.description());
            sub.getStyleClass().add("choice-detail");
            HBox inner = new HBox(16, Ui.icon(ICONS.get(s), "choice-icon"), new VBox(4, head, sub));
            inner.setAlignment(Pos.CENTER_LEFT);
            inner.setMinHeight(44);
            ToggleButton choice = new ToggleButton();
            choice.setGraphic(inner);
            choice.setToggleGroup(group);
            choice.getStyleClass().add("choice");
            choice.setMaxWidth(Double.MAX_VALUE);
            choice.setAlignment(Pos.CENTER_LEFT);
            choice.setUserData(s);
            choice.setAccessibleText(s.title() + ". " + s.description());
            choice.setSelected(s == model.symptomProperty().get());
            choice.setId("symptom-" + s.name().toLowerCase().replace('_', '-'));
            // Enter on a choice means "this one, go on", as in a Windows wizard.
            choice.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                    choice.setSelected(true);
                    model.next();
                    e.consume();
                }
            });
            choices.getChildren().add(choice);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true); // a choice stays chosen; clicking it again does not clear it
                return;
            }
            model.symptomProperty().set(now == null ? null : (Symptom) now.getUserData());
        });
        return Ui.page(Texts.get("symptom.title"), Texts.get("symptom.intro"), choices);
    }
}
