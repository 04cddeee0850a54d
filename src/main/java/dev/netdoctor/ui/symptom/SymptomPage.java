// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.symptom;

import dev.netdoctor.ui.Texts;
import dev.netdoctor.ui.Ui;
import dev.netdoctor.ui.WizardViewModel;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.EnumMap;
import java.util.Map;

/**
 * Step 1: the choices in plain words, grouped by which way the trouble goes. Ten choices and
 * five groups fit 900×600 without scrolling only as compact cards with a one-line hint each, in
 * two columns of five: "From WSL out" and "Names" beside "Into WSL", "Settings" and "Not sure".
 * The icon marks the group, not each card. The keyboard goes the way the eye reads: down the
 * left column, then down the right ("Not sure" last), the order of {@link Symptom}.
 */
public final class SymptomPage {
    private static final Map<Symptom.Group, Feather> ICONS = Map.of(
            Symptom.Group.FROM_WSL_OUT, Feather.LOG_OUT,
            Symptom.Group.NAMES, Feather.GLOBE,
            Symptom.Group.INTO_WSL, Feather.LOG_IN,
            Symptom.Group.SETTINGS, Feather.SLIDERS,
            Symptom.Group.NOT_SURE, Feather.SEARCH);

    private SymptomPage() {
    }

    public static Node build(WizardViewModel model) {
        ToggleGroup group = new ToggleGroup();
        Map<Symptom.Group, VBox> groups = new EnumMap<>(Symptom.Group.class);
        for (Symptom s : Symptom.values()) {
            groups.computeIfAbsent(s.group(), SymptomPage::groupBox).getChildren().add(choice(s, group, model));
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true); // a choice stays chosen; clicking it again does not clear it
                return;
            }
            model.symptomProperty().set(now == null ? null : (Symptom) now.getUserData());
        });
        // Chosen elsewhere (a test, a run started again): the card shows it.
        model.symptomProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(t -> t.setSelected(true)));
        GridPane grid = new GridPane();
        grid.setId("symptom-groups");
        grid.setHgap(12);
        grid.setVgap(10);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(half);
        }
        // The two columns end level: a shorter column's cards take the rest of its height.
        groups.values().forEach(g -> VBox.setVgrow(g, Priority.ALWAYS));
        grid.add(new VBox(10, groups.get(Symptom.Group.FROM_WSL_OUT), groups.get(Symptom.Group.NAMES)), 0, 0);
        grid.add(new VBox(10, groups.get(Symptom.Group.INTO_WSL), groups.get(Symptom.Group.SETTINGS), groups.get(Symptom.Group.NOT_SURE)), 1, 0);
        return Ui.page(Texts.get("symptom.title"), Texts.get("symptom.intro"), grid);
    }

    /** A group: its small heading with the group's icon, then its cards. */
    private static VBox groupBox(Symptom.Group g) {
        Label heading = new Label(g.title(), Ui.icon(ICONS.get(g), "group-icon"));
        heading.getStyleClass().add("symptom-group");
        heading.setId("group-" + g.name().toLowerCase().replace('_', '-'));
        heading.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, heading);
        box.setFillWidth(true);
        return box;
    }

    private static ToggleButton choice(Symptom s, ToggleGroup group, WizardViewModel model) {
        Label head = Ui.wrapping(s.title(), "choice-title");
        Label sub = Ui.wrapping(s.description(), "choice-detail", Styles.TEXT_SMALL);
        VBox inner = new VBox(2, head, sub);
        inner.setAlignment(Pos.CENTER_LEFT);
        ToggleButton choice = new ToggleButton();
        choice.setGraphic(inner);
        choice.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // The texts wrap to the card's width, the card as wide as its column: a wrapping Labeled
        // asks its parent for its height at its real width, and passes that width to the graphic.
        choice.setWrapText(true);
        choice.setToggleGroup(group);
        choice.getStyleClass().addAll("choice", "compact");
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setMaxHeight(Double.MAX_VALUE);
        choice.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(choice, Priority.ALWAYS);
        choice.setAlignment(Pos.CENTER_LEFT);
        choice.setUserData(s);
        choice.setAccessibleText(s.group().title() + ": " + s.title() + ". " + s.description());
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
        return choice;
    }
}
