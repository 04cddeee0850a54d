// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.ui.checks.ChecksPage;
import dev.netdoctor.ui.details.DetailsPage;
import dev.netdoctor.ui.diagnosis.DiagnosisPage;
import dev.netdoctor.ui.fix.FixPage;
import dev.netdoctor.ui.report.ReportPage;
import dev.netdoctor.ui.symptom.SymptomPage;
import dev.netdoctor.ui.system.SystemPage;
import dev.netdoctor.ui.verify.VerifyPage;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import atlantafx.base.theme.Styles;
import org.kordamp.ikonli.feather.Feather;

import java.util.ArrayList;
import java.util.List;

/**
 * The wizard window's content: a sidebar showing where you are, the current step, and
 * Back / Next / Cancel. Thin: all state and flow live in {@link WizardViewModel}.
 */
public final class WizardView extends BorderPane {
    private final WizardViewModel model;
    private final DialogService dialogs;
    private final List<Label> sidebarItems = new ArrayList<>();
    private final BorderPane content = new BorderPane();
    /**
     * Each page is built once and kept: a page binds to lists of the view model, so a page built
     * anew on every Back/Next would leave the old one listening (and re-filling) for ever. The
     * Details page is laid out for the symptom chosen, so it is kept per symptom.
     */
    private final java.util.Map<Object, Node> pages = new java.util.HashMap<>();

    public WizardView(WizardViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        getStyleClass().add("wizard");
        setLeft(sidebar());
        content.setPadding(new Insets(28, 36, 12, 36));
        setCenter(content);
        setBottom(buttons());
        model.stepProperty().addListener((obs, old, now) -> show(now));
        show(model.stepProperty().get());
    }

    private Node sidebar() {
        VBox box = new VBox(4);
        box.getStyleClass().add("sidebar");
        box.setPadding(new Insets(20, 14, 20, 14));
        box.setPrefWidth(228);
        box.setMinWidth(228);
        Label product = new Label(Texts.get("app.title"));
        product.getStyleClass().add("product");
        product.setMinWidth(Region.USE_PREF_SIZE);
        var url = WizardView.class.getResource("/icons/wsl-net-doctor-32.png");
        if (url != null) {
            ImageView logo = new ImageView(new Image(url.toExternalForm(), 24, 24, true, true));
            product.setGraphic(logo);
        }
        Region gap = new Region();
        gap.setMinHeight(18);
        box.getChildren().addAll(product, gap);
        for (Step step : Step.values()) {
            Label item = new Label((step.ordinal() + 1) + "   " + step.title());
            item.getStyleClass().add("step");
            item.setMaxWidth(Double.MAX_VALUE);
            sidebarItems.add(item);
            box.getChildren().add(item);
        }
        return box;
    }

    private Node buttons() {
        // Always "Cancel" (Esc): a label that turned into "Stop checks" under the pointer made one
        // click mean two things. Stopping has its own button on the Running checks step.
        Button cancel = new Button(Texts.get("nav.cancel"));
        cancel.setId("cancel");
        cancel.setMnemonicParsing(true);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());
        Button back = new Button(Texts.get("nav.back"), Ui.icon(Feather.ARROW_LEFT, "button-icon"));
        back.setId("back");
        back.disableProperty().bind(model.canGoBackProperty().not());
        back.setOnAction(e -> model.back());
        Button next = new Button(Texts.get("nav.next"), Ui.icon(Feather.ARROW_RIGHT, "button-icon"));
        next.setId("next");
        next.setContentDisplay(ContentDisplay.RIGHT);
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        next.disableProperty().bind(model.canGoNextProperty().not());
        next.setOnAction(e -> model.next());
        Runnable label = () -> {
            boolean finish = model.finishesProperty().get();
            next.setText(Texts.get(finish ? "nav.finish" : "nav.next"));
            next.setGraphic(Ui.icon(finish ? Feather.CHECK : Feather.ARROW_RIGHT, "button-icon"));
        };
        model.finishesProperty().addListener((o, was, now) -> label.run());
        label.run();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, cancel, spacer, back, next);
        bar.getStyleClass().add("button-bar");
        bar.setPadding(new Insets(12, 36, 14, 36));
        return bar;
    }

    private void show(Step step) {
        for (Step s : Step.values()) {
            Label l = sidebarItems.get(s.ordinal());
            l.getStyleClass().removeAll("current", "done");
            if (s == step) {
                l.getStyleClass().add("current");
            } else if (s.isBefore(step)) {
                l.getStyleClass().add("done");
            }
        }
        Node page = page(step);
        content.setCenter(page);
        // Keyboard users land in the new page's first field or choice, not on a button that may
        // have been disabled meanwhile.
        Node first = page.lookup(".text-field");
        Node target = first != null ? first : page.lookup(".toggle-button");
        javafx.application.Platform.runLater(() -> (target != null ? target : page).requestFocus());
    }

    /** The page of a step, built on first use. */
    Node page(Step step) {
        Object key = step == Step.DETAILS ? List.of(step, String.valueOf(model.symptomProperty().get())) : step;
        return pages.computeIfAbsent(key, k -> switch (step) {
            case SYMPTOM -> SymptomPage.build(model);
            case DETAILS -> DetailsPage.build(model, dialogs);
            case SYSTEM -> SystemPage.build(model);
            case CHECKS -> ChecksPage.build(model);
            case DIAGNOSIS -> DiagnosisPage.build(model);
            case FIX -> FixPage.build(model);
            case VERIFY -> VerifyPage.build(model);
            case REPORT -> ReportPage.build(model);
        });
    }
}
