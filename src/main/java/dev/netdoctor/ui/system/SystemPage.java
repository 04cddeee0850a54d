// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.system;

import dev.netdoctor.ui.Texts;
import dev.netdoctor.ui.Ui;
import dev.netdoctor.ui.WizardViewModel;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 3: the environment scan as a readable checklist with ok / worth knowing / problem marks. */
public final class SystemPage {
    private SystemPage() {
    }

    /** The widest the names' column gets; longer names wrap. */
    private static final double LABEL_WIDTH = 210;

    public static Node build(WizardViewModel model) {
        GridPane list = new GridPane();
        list.setHgap(12);
        list.setVgap(10);
        list.getStyleClass().add("checklist");
        // A long name ("Firewall rules added by WSL Net Doctor") wraps rather than squeezing every
        // value into a narrow column: at 900×600 the values are the longer half.
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        names.setMaxWidth(LABEL_WIDTH);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        list.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), names, values);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        HBox waiting = new HBox(10, spinner, new Label(Texts.get("system.waiting")));
        waiting.setAlignment(Pos.CENTER_LEFT);
        waiting.visibleProperty().bind(model.systemReadyProperty().not());
        waiting.managedProperty().bind(waiting.visibleProperty());
        Runnable fill = () -> {
            list.getChildren().clear();
            int row = 0;
            String section = null;
            for (CheckItem item : SystemChecklist.bySection(model.system())) {
                if (item.section() != null && !item.section().equals(section)) {
                    // Windows' own facts under a heading of their own, apart from the distro's
                    section = item.section();
                    Label heading = new Label(section);
                    heading.getStyleClass().add("checklist-section");
                    heading.setId("system-section-" + row);
                    heading.setMaxWidth(Double.MAX_VALUE);
                    list.add(heading, 0, row++, 3, 1);
                }
                var icon = Ui.statusIcon(item.status());
                icon.setAccessibleText(Texts.get("system.status." + item.status().name()));
                Label label = Ui.wrapping(item.label(), Styles.TEXT_BOLD);
                Label value = Ui.wrapping(item.value());
                value.setAccessibleText(item.label() + ": " + item.value() + " (" + Texts.get("system.status." + item.status().name()) + ")");
                list.addRow(row++, icon, label, value);
            }
        };
        fill.run();
        model.system().addListener((ListChangeListener<CheckItem>) c -> fill.run());
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        return Ui.page(Texts.get("system.title"), Texts.get("system.intro"), waiting, scroll);
    }
}
