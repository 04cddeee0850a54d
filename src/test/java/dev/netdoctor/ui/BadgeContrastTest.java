// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small badges ("Problem · We are sure", "Worth knowing", "Recommended") are read at about
 * 11 px, so their text needs WCAG's 4.5:1 against the badge in both themes: white on light
 * amber was 3.1:1.
 */
@ExtendWith(ApplicationExtension.class)
class BadgeContrastTest {
    private static final List<String> BADGES = List.of("badge-problem", "badge-warning", "badge-info", "badge-recommended");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** What a badge's background looks like: its (possibly translucent) fill over the page. */
    private static Color over(Color fill, Color page) {
        double a = fill.getOpacity();
        return new Color(fill.getRed() * a + page.getRed() * (1 - a), fill.getGreen() * a + page.getGreen() * (1 - a),
                fill.getBlue() * a + page.getBlue() * (1 - a), 1);
    }

    private List<String> tooLowIn(boolean dark) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            WizardApp.applyTheme(dark);
            VBox page = new VBox();
            List<Label> labels = new ArrayList<>();
            for (String badge : BADGES) {
                Label l = new Label("Worth knowing · We are sure");
                l.getStyleClass().addAll("badge", badge);
                labels.add(l);
            }
            page.getChildren().addAll(labels);
            Scene scene = new Scene(page, 400, 300);
            scene.getStylesheets().add(Objects.requireNonNull(WizardApp.class.getResource("wizard.css")).toExternalForm());
            stage.setScene(scene);
            stage.show();
            page.applyCss();
            Color pageColor = page.getBackground() == null || page.getBackground().getFills().isEmpty()
                    ? (Color) scene.getFill() : (Color) page.getBackground().getFills().getFirst().getFill();
            List<String> low = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                Label l = labels.get(i);
                Color text = (Color) l.getTextFill();
                Color back = over((Color) l.getBackground().getFills().getFirst().getFill(), pageColor);
                double ratio = contrast(text, back);
                if (ratio < 4.5) {
                    low.add(BADGES.get(i) + (dark ? " dark " : " light ") + String.format("%.2f", ratio) + ":1");
                }
            }
            return low;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyBadgeIsReadableInBothThemes() throws Exception {
        try {
            assertThat(tooLowIn(false)).isEmpty();
            assertThat(tooLowIn(true)).isEmpty();
        } finally {
            WaitForAsyncUtils.asyncFx(() -> WizardApp.applyTheme(false)).get(10, TimeUnit.SECONDS);
        }
    }
}
