package dev.netdoctor.ui;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
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
