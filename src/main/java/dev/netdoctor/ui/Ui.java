// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.ui.system.CheckItem;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small building blocks the pages share, so every page looks alike. */
public final class Ui {
    private Ui() {
    }

    public static VBox page(String title, String intro, Node... content) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_2);
        t.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        // Its own height even when the content below takes the rest: a squeezed intro ends in "…".
        Label i = wrapping(intro, Styles.TEXT_MUTED);
        VBox box = new VBox(12, t, i);
        box.getChildren().addAll(content);
        box.getStyleClass().add("page");
        return box;
    }

    /**
     * On the steps after the checks: when the run did not finish, says so, with what was and was
     * not learned and a "Run again"; hidden otherwise. Ids end in the page's name.
     */
    public static Node incompleteBanner(WizardViewModel model, String page) {
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

    /**
     * A command or a technical block in a monospaced font, selectable, with a Copy button:
     * what a user pastes into a terminal or a help-desk ticket must not be retyped.
     */
    public static Node copyable(String text, String id, java.util.function.Consumer<String> copy) {
        javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().addAll("mono", "copyable");
        area.setPrefRowCount((int) Math.min(COPYABLE_ROWS, text.lines().count() + (text.length() / 90)));
        area.setMinHeight(Region.USE_PREF_SIZE);
        // A guess until laid out; then as many rows as the text wraps to at the width it has, so a
        // command is read whole without scrolling inside its box (a long output still scrolls).
        javafx.beans.InvalidationListener fit = o -> fitRows(area);
        area.widthProperty().addListener(o -> {
            // the text's own width is the skin's content region's, laid out after the area's
            if (area.lookup(".content") instanceof Region content && content.getProperties().putIfAbsent("fit-rows", fit) == null) {
                content.widthProperty().addListener(fit);
            }
            fitRows(area);
        });
        area.fontProperty().addListener(fit);
        Button button = new Button(Texts.get("common.copy"), icon(Feather.COPY, "button-icon"));
        button.setId("copy-" + id);
        button.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> {
            copy.accept(text);
            saidCopied(button);
        });
        passWheelToPage(area);
        javafx.scene.layout.HBox.setHgrow(area, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, area, button);
        row.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        return row;
    }

    /** The most rows a command box grows to; a longer block scrolls inside it. */
    private static final int COPYABLE_ROWS = 12;

    /** The rows {@code area}'s text wraps to at the width its text has now, at most {@link #COPYABLE_ROWS}. */
    private static void fitRows(javafx.scene.control.TextArea area) {
        if (!(area.lookup(".content") instanceof Region content) || content.getWidth() <= 0) {
            return;
        }
        double width = content.getWidth() - content.snappedLeftInset() - content.snappedRightInset();
        if (width <= 0) {
            return;
        }
        javafx.scene.text.Text all = new javafx.scene.text.Text(area.getText());
        all.setFont(area.getFont());
        all.setWrappingWidth(width);
        // a line's advance in wrapped text is more than one line's own height: measure it between two
        double line = height("X\nX", area.getFont()) - height("X", area.getFont());
        int rows = (int) Math.round(all.getLayoutBounds().getHeight() / line);
        int fitted = Math.max(1, Math.min(COPYABLE_ROWS, rows));
        if (area.getPrefRowCount() != fitted) {
            area.setPrefRowCount(fitted);
        }
    }

    private static double height(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getHeight();
    }

    /** How long a Copy button says "Copied" before it is a Copy button again. */
    static final javafx.util.Duration COPIED_FOR = javafx.util.Duration.seconds(1.5);

    /** The button itself says that the copy happened, for a moment: a click with no answer looks like a click that failed. */
    private static void saidCopied(Button button) {
        Object before = button.getProperties().get("copied-restore");
        if (before instanceof javafx.animation.PauseTransition running) {
            running.stop();
        } else {
            button.getProperties().put("copy-text", button.getText());
        }
        button.setText(Texts.get("common.copied"));
        button.setGraphic(icon(Feather.CHECK, "button-icon"));
        javafx.animation.PauseTransition restore = new javafx.animation.PauseTransition(COPIED_FOR);
        restore.setOnFinished(e -> {
            button.setText((String) button.getProperties().get("copy-text"));
            button.setGraphic(icon(Feather.COPY, "button-icon"));
            button.getProperties().remove("copied-restore");
        });
        button.getProperties().put("copied-restore", restore);
        restore.play();
    }

    /**
     * The mouse wheel over a text box scrolls the box only while the box has the focus and can
     * still scroll that way; otherwise it scrolls the page around it, so a page full of output
     * boxes can be read through with the wheel.
     */
    static void passWheelToPage(javafx.scene.control.TextArea area) {
        area.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0) {
                return;
            }
            javafx.scene.control.ScrollPane own = (javafx.scene.control.ScrollPane) area.lookup(".scroll-pane");
            boolean boxCanScroll = own != null && area.isFocused() && canScroll(own, e.getDeltaY());
            if (boxCanScroll) {
                return;
            }
            javafx.scene.control.ScrollPane page = enclosing(area);
            e.consume();
            if (page != null) {
                scrollBy(page, e.getDeltaY());
            }
        });
    }

    private static javafx.scene.control.ScrollPane enclosing(Node node) {
        for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane pane) {
                return pane;
            }
        }
        return null;
    }

    /** Whether the pane's content still has room in the wheel's direction (deltaY > 0: up). */
    private static boolean canScroll(javafx.scene.control.ScrollPane pane, double deltaY) {
        Node content = pane.getContent();
        if (content == null || content.getLayoutBounds().getHeight() <= pane.getViewportBounds().getHeight()) {
            return false;
        }
        return deltaY > 0 ? pane.getVvalue() > pane.getVmin() : pane.getVvalue() < pane.getVmax();
    }

    private static void scrollBy(javafx.scene.control.ScrollPane pane, double deltaY) {
        Node content = pane.getContent();
        double room = content == null ? 0 : content.getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
        if (room <= 0) {
            return;
        }
        double range = pane.getVmax() - pane.getVmin();
        double value = pane.getVvalue() - deltaY / room * range;
        pane.setVvalue(Math.max(pane.getVmin(), Math.min(pane.getVmax(), value)));
    }

    public static Label wrapping(String text, String... styles) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll(styles);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    public static FontIcon icon(Feather glyph, String style) {
        FontIcon i = new FontIcon(glyph);
        i.getStyleClass().add(style);
        return i;
    }

    public static FontIcon statusIcon(CheckItem.Status status) {
        return switch (status) {
            case OK -> icon(Feather.CHECK_CIRCLE, "status-ok");
            case NOTE -> icon(Feather.INFO, "status-note");
            case PROBLEM -> icon(Feather.ALERT_TRIANGLE, "status-problem");
        };
    }
}
