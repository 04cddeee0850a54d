// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.verify;

import dev.netdoctor.ui.Texts;
import dev.netdoctor.ui.Ui;
import dev.netdoctor.ui.WizardViewModel;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.function.Function;

/** Step 7: the checks again, next to the first run. */
public final class VerifyPage {
    private static final PseudoClass BETTER = PseudoClass.getPseudoClass("better");

    private VerifyPage() {
    }

    public static Node build(WizardViewModel model) {
        Button again = new Button(Texts.get("verify.run"), Ui.icon(Feather.REFRESH_CW, "button-icon"));
        again.setId("verify-run");
        again.getStyleClass().add(Styles.ACCENT);
        again.disableProperty().bind(model.verifyingProperty());
        again.setOnAction(e -> model.verifyNow());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(model.verifyingProperty());
        Label running = new Label(Texts.get("verify.running"));
        running.visibleProperty().bind(model.verifyingProperty());
        HBox bar = new HBox(10, again, spinner, running);
        bar.setAlignment(Pos.CENTER_LEFT);
        TableView<BeforeAfter> table = new TableView<>(model.verify().rows());
        table.setId("verify-table");
        table.setPlaceholder(new Label(Texts.get("verify.intro")));
        table.getColumns().addAll(List.of(column("verify.col.what", BeforeAfter::what, 200, "what-cell"),
                column("verify.col.before", BeforeAfter::before, 220, "before-cell"), column("verify.col.after", BeforeAfter::after, 220, "after-cell")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BeforeAfter item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(BETTER, !empty && item != null && item.better());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        // A .wslconfig or wsl.conf fix counts only once WSL restarts: until then "still there" is
        // what the checks must say, and the user should not read it as a fix that failed.
        Label pending = Ui.wrapping(Texts.get("verify.restartPending"), Styles.WARNING);
        pending.setId("verify-restart-pending");
        pending.visibleProperty().bind(model.fixes().restartPendingProperty());
        pending.managedProperty().bind(pending.visibleProperty());
        return Ui.page(Texts.get("verify.title"), Texts.get("verify.intro"), Ui.incompleteBanner(model, "verify"), pending, bar, table);
    }

    /**
     * @param role which column the cell is in: a row that got better shows its After in green and its
     *             Before in red ("found" in green read as a success)
     */
    private static TableColumn<BeforeAfter, String> column(String key, Function<BeforeAfter, String> value, double width, String role) {
        TableColumn<BeforeAfter, String> c = new TableColumn<>(Texts.get(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        // Before and after are sentences: wrap them instead of cutting them off.
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(14));
                text.getStyleClass().add("cell-text");
                getStyleClass().addAll("verify-cell", role);
                setGraphic(text);
                setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty ? null : item);
            }
        });
        return c;
    }
}
