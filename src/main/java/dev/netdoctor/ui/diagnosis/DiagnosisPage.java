// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.diagnosis;

import atlantafx.base.theme.Styles;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.ui.Texts;
import dev.netdoctor.ui.Ui;
import dev.netdoctor.ui.WizardViewModel;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Step 5: a card per finding, its evidence folded under "Technical details". */
public final class DiagnosisPage {
    private DiagnosisPage() {
    }

    public static Node build(WizardViewModel model) {
        VBox cards = new VBox(14);
        cards.setPadding(new Insets(2, 2, 2, 2));
        Runnable fill = () -> {
            cards.getChildren().clear();
            model.findings().forEach(f -> cards.getChildren().add(card(f, model::copy)));
            model.unconfirmedHostKey().ifPresent(v -> {
                javafx.scene.control.Button trust = new javafx.scene.control.Button(Texts.get("hostkey.button"),
                        Ui.icon(Feather.KEY, "button-icon"));
                trust.setId("confirm-host-key");
                trust.setOnAction(e -> model.confirmHostKeyAndCheckAgain());
                cards.getChildren().add(trust);
            });
            if (model.resultProperty().get() != null) {
                cards.getChildren().add(allChecks(model));
            }
        };
        fill.run();
        model.findings().addListener((ListChangeListener<Finding>) c -> fill.run());
        model.resultProperty().addListener(o -> fill.run());
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return Ui.page(Texts.get("diagnosis.title"), Texts.get("diagnosis.intro"), Ui.incompleteBanner(model, "diagnosis"), scroll);
    }

    static Node card(Finding f, java.util.function.Consumer<String> copy) {
        var icon = switch (f.severity()) {
            case PROBLEM -> Ui.icon(Feather.ALERT_TRIANGLE, "status-problem");
            case WARNING -> Ui.icon(Feather.INFO, "status-note");
            case INFO -> Ui.icon(Feather.CHECK_CIRCLE, "status-ok");
        };
        icon.getStyleClass().add("card-icon");
        Label title = Ui.wrapping(f.title(), Styles.TITLE_4);
        Label badge = new Label(f.severity().words() + " · " + f.confidence().words());
        badge.getStyleClass().addAll("badge", "badge-" + f.severity().name().toLowerCase());
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(12, icon, title, gap, badge);
        head.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.SOMETIMES);
        Label explanation = Ui.wrapping(f.explanation());
        VBox evidence = new VBox(4);
        for (Evidence e : f.evidence()) {
            evidence.getChildren().add(Ui.wrapping("• " + e.summary(), Styles.TEXT_SMALL));
            if (e.output() != null && !e.output().isBlank()) {
                String block = (e.command() == null ? "" : "$ " + e.command() + "\n") + e.output().strip();
                evidence.getChildren().add(Ui.copyable(block, f.id() + "-" + evidence.getChildren().size(), copy));
            }
        }
        java.util.Map<String, String> terms = dev.netdoctor.model.Glossary.termsIn(f);
        if (!terms.isEmpty()) {
            Label head2 = new Label(Texts.get("diagnosis.terms"));
            head2.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
            VBox glossary = new VBox(2, head2);
            glossary.setId("terms-" + f.id());
            terms.forEach((term, meaning) -> glossary.getChildren().add(Ui.wrapping(term + ": " + meaning, Styles.TEXT_SMALL, Styles.TEXT_MUTED)));
            glossary.setPadding(new Insets(6, 0, 0, 0));
            evidence.getChildren().add(glossary);
        }
        TitledPane details = new TitledPane(Texts.get("diagnosis.details"), evidence);
        details.setExpanded(false);
        details.setAnimated(false);
        details.getStyleClass().add(Styles.DENSE);
        VBox card = new VBox(10, head, explanation, details);
        card.getStyleClass().addAll("card", "finding", "finding-" + f.severity().name().toLowerCase());
        card.setId("finding-" + f.id());
        card.setAccessibleText(f.title() + ". " + f.explanation());
        return card;
    }

    private static Node allChecks(WizardViewModel model) {
        VBox lines = new VBox(4);
        for (ProbeOutcome o : model.resultProperty().get().probes()) {
            lines.getChildren().add(Ui.wrapping(o.title() + " — " + o.status().words() + ", "
                    + o.durationMillis() + " ms: " + o.summary(), Styles.TEXT_SMALL));
        }
        TitledPane pane = new TitledPane(Texts.get("diagnosis.checks"), lines);
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.getStyleClass().add(Styles.DENSE);
        return pane;
    }

}
