package dev.netdoctor.ui;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small building blocks the pages share, so every page looks alike. */
final class Ui {
    private Ui() {
    }

    static VBox page(String title, String intro, Node... content) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_2);
        t.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        Label i = new Label(intro);
        i.getStyleClass().add(Styles.TEXT_MUTED);
        i.setWrapText(true);
        VBox box = new VBox(12, t, i);
        box.getChildren().addAll(content);
        box.getStyleClass().add("page");
        return box;
    }

    /**
     * On the steps after the checks: when the run did not finish, says so, with what was and was
     * not learned and a "Run again"; hidden otherwise. Ids end in the page's name.
     */
    static Node incompleteBanner(WizardViewModel model, String page) {
        Label text = wrapping("", Styles.WARNING);
        text.setId("incomplete-" + page);
        Button again = new Button(Texts.get("checks.runAgain"), icon(org.kordamp.ikonli.feather.Feather.REFRESH_CW, "button-icon"));
        again.setId("incomplete-run-again-" + page);
        again.setMnemonicParsing(true);
        again.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        again.setOnAction(e -> model.runAgain());
        javafx.scene.layout.HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(12, icon(org.kordamp.ikonli.feather.Feather.ALERT_TRIANGLE, "status-problem"), text, again);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getStyleClass().addAll("card", "incomplete");
        Runnable update = () -> {
            String notice = model.incompleteNotice();
            text.setText(notice);
            box.setVisible(!notice.isEmpty());
            box.setManaged(!notice.isEmpty());
        };
        javafx.beans.InvalidationListener onResult = o -> update.run();
        box.getProperties().put("on-result", onResult);
        model.resultProperty().addListener(new javafx.beans.WeakInvalidationListener(onResult));
        update.run();
        return box;
    }

    static Label wrapping(String text, String... styles) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll(styles);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    static FontIcon icon(Feather glyph, String style) {
        FontIcon i = new FontIcon(glyph);
        i.getStyleClass().add(style);
        return i;
    }

    static FontIcon statusIcon(CheckItem.Status status) {
        return switch (status) {
            case OK -> icon(Feather.CHECK_CIRCLE, "status-ok");
            case NOTE -> icon(Feather.INFO, "status-note");
            case PROBLEM -> icon(Feather.ALERT_TRIANGLE, "status-problem");
        };
    }
}
