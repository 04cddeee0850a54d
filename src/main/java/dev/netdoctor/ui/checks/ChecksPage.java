// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.checks;

import dev.netdoctor.ui.Texts;
import dev.netdoctor.ui.Ui;
import dev.netdoctor.ui.WizardViewModel;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** Step 4: every check with its progress and time, the live socket table, and the routes. */
public final class ChecksPage {
    private static final PseudoClass SYN_SENT = PseudoClass.getPseudoClass("syn-sent");
    /** A row of the user's own programs (their ssh), set apart from the rows of our checks. */
    private static final PseudoClass YOURS = PseudoClass.getPseudoClass("yours");
    private static final PseudoClass OURS = PseudoClass.getPseudoClass("ours");

    private ChecksPage() {
    }

    public static Node build(WizardViewModel model) {
        ChecksViewModel checks = model.checks();
        GridPane rows = new GridPane();
        rows.setHgap(10);
        rows.setVgap(6);
        rows.getStyleClass().add("probe-rows");
        Runnable fill = () -> {
            rows.getChildren().clear();
            int r = 0;
            for (ProbeRow p : checks.probes()) {
                Label title = new Label(p.title());
                title.setMinWidth(Region.USE_PREF_SIZE);
                Label message = new Label();
                message.textProperty().bind(p.messageProperty());
                message.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                message.setMaxWidth(Double.MAX_VALUE);
                // What a check found or why it stopped is read whole: it wraps instead of ending in "…".
                message.setWrapText(true);
                message.setMinHeight(Region.USE_PREF_SIZE);
                VBox text = new VBox(1, title, message);
                GridPane.setHgrow(text, Priority.ALWAYS);
                text.setMinWidth(0);
                ProgressBar bar = new ProgressBar();
                bar.setMinWidth(90);
                bar.setPrefWidth(90);
                bar.progressProperty().bind(p.progressProperty());
                bar.setAccessibleText(p.title());
                Label state = new Label();
                state.textProperty().bind(Bindings.createStringBinding(() -> p.stateProperty().get().words(), p.stateProperty()));
                state.getStyleClass().add(Styles.TEXT_SMALL);
                p.stateProperty().addListener((o, a, b) -> styleState(state, bar, b));
                styleState(state, bar, p.stateProperty().get());
                state.setMinWidth(Region.USE_PREF_SIZE);
                Label time = new Label();
                time.textProperty().bind(Bindings.createStringBinding(() -> String.format("%.1f s", p.elapsedMillisProperty().get() / 1000.0),
                        p.elapsedMillisProperty()));
                time.getStyleClass().addAll(Styles.TEXT_MUTED, "mono");
                time.setMinWidth(52);
                time.setAlignment(Pos.CENTER_RIGHT);
                rows.addRow(r++, text, bar, state, time);
            }
        };
        fill.run();
        checks.probes().addListener((ListChangeListener<ProbeRow>) c -> fill.run());
        ScrollPane probeScroll = new ScrollPane(rows);
        probeScroll.setFitToWidth(true);
        probeScroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        TableView<SocketRow> sockets = new TableView<>(checks.sockets());
        sockets.setId("sockets");
        Label noSockets = new Label();
        noSockets.setId("sockets-empty");
        noSockets.textProperty().bind(checks.noConnectionsText());
        sockets.setPlaceholder(noSockets);
        sockets.getColumns().addAll(java.util.List.of(
                // Sized so that at the smallest window (600 px for the table) every header and a
                // whole address:port fit: "From" had lost its port, "Waiting" its last letters.
                column("checks.col.state", SocketRow::state, 106),
                column("checks.col.remote", SocketRow::remote, 122),
                styled(column("checks.col.process", SocketRow::process, 90), "program-cell"),
                column("checks.col.pid", SocketRow::pid, 50),
                column("checks.col.waited", SocketRow::waited, 76),
                column("checks.col.local", SocketRow::local, 140)));
        sockets.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sockets.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SocketRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(SYN_SENT, !empty && item != null && item.synSent());
                pseudoClassStateChanged(YOURS, !empty && item != null && item.yours());
                pseudoClassStateChanged(OURS, !empty && item != null && item.ours());
            }
        });
        sockets.getStyleClass().addAll(Styles.DENSE, "sockets-table");
        ListView<String> routes = new ListView<>(checks.routes());
        routes.setId("routes");
        Label noRoutes = new Label();
        noRoutes.setId("routes-empty");
        noRoutes.textProperty().bind(checks.noRoutesText());
        routes.setPlaceholder(noRoutes);
        routes.getStyleClass().add("mono-list");
        TabPane tabs = new TabPane(new Tab(Texts.get("checks.sockets"), sockets), new Tab(Texts.get("checks.routes"), routes));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);

        SplitPane split = new SplitPane(probeScroll, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label done = new Label();
        done.textProperty().bind(Bindings.createStringBinding(() -> switch (model.checksEnded()) {
            case NOT_YET -> "";
            case ALL_FINISHED -> Texts.get("checks.done");
            case STOPPED_BY_USER -> Texts.get("checks.stopped");
            case SOME_COULD_NOT_FINISH -> Texts.get("checks.incomplete");
        }, model.resultProperty()));
        done.setId("checks-done");
        done.setWrapText(true);
        done.setMaxWidth(Double.MAX_VALUE);
        done.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(done, Priority.ALWAYS);
        Runnable styleDone = () -> {
            done.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING);
            done.getStyleClass().add(model.checksEnded() == WizardViewModel.ChecksEnded.ALL_FINISHED ? Styles.SUCCESS : Styles.WARNING);
        };
        // Weak, held by the label: a rebuilt page must not leave this listener on the view model.
        javafx.beans.InvalidationListener restyle = o -> styleDone.run();
        done.getProperties().put("restyle", restyle);
        model.resultProperty().addListener(new javafx.beans.WeakInvalidationListener(restyle));
        styleDone.run();
        Button again = new Button(Texts.get("checks.runAgain"));
        again.setId("checks-run-again");
        again.setMnemonicParsing(true);
        again.setMinWidth(Region.USE_PREF_SIZE);
        again.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.checksEnded() == WizardViewModel.ChecksEnded.SOME_COULD_NOT_FINISH
                || model.checksEnded() == WizardViewModel.ChecksEnded.STOPPED_BY_USER, model.resultProperty()));
        again.managedProperty().bind(again.visibleProperty());
        again.setOnAction(e -> model.runAgain());
        Button stop = new Button(Texts.get("checks.stop"), Ui.icon(org.kordamp.ikonli.feather.Feather.SQUARE, "button-icon"));
        stop.setId("checks-stop");
        stop.setMnemonicParsing(true);
        stop.setMinWidth(Region.USE_PREF_SIZE);
        stop.visibleProperty().bind(model.checks().runningProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> model.stopChecks());
        HBox end = new HBox(12, done, stop, again);
        end.setAlignment(Pos.CENTER_LEFT);
        return Ui.page(Texts.get("checks.title"), Texts.get("checks.intro"), split, end);
    }

    /** The word and the bar in the colour of the outcome: a full bar alone would read "done". */
    private static void styleState(Label state, ProgressBar bar, ProbeRow.State s) {
        state.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.TEXT_MUTED);
        String style = switch (s) {
            case DONE -> Styles.SUCCESS;
            case FAILED -> Styles.DANGER;
            case STOPPED, COULD_NOT_FINISH -> Styles.WARNING;
            case RUNNING, SKIPPED -> Styles.TEXT_MUTED;
        };
        state.getStyleClass().add(style);
        bar.getStyleClass().removeAll("bar-danger", "bar-warning");
        if (style.equals(Styles.DANGER) || style.equals(Styles.WARNING)) {
            bar.getStyleClass().add("bar-" + style);
        }
    }

    /** A column whose cells carry a style class (a column's classes go to its cells). */
    private static TableColumn<SocketRow, String> styled(TableColumn<SocketRow, String> column, String style) {
        column.getStyleClass().add(style);
        return column;
    }

    private static TableColumn<SocketRow, String> column(String key, Function<SocketRow, String> value, double width) {
        TableColumn<SocketRow, String> c = new TableColumn<>(Texts.get(key));
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

}
