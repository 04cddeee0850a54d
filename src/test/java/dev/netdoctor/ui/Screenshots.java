// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.ui.fix.FixPlaces;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Renders a scene to a PNG under target/screenshots, so people can look at what the wizard shows. */
final class Screenshots {
    static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /**
     * Saves what the scene shows as target/screenshots/NAME, after checking that no text in it is
     * cut short: every screenshot a test takes is also a look for a squeezed label.
     */
    static Path save(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        org.assertj.core.api.Assertions.assertThat(WaitForAsyncUtils.asyncFx(() -> truncated(scene)).get(10, TimeUnit.SECONDS))
                .as(name + ": text cut short").isEmpty();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(DIR);
        Path file = DIR.resolve(name);
        ImageIO.write(out, "png", file.toFile());
        return file;
    }

    /** How the picture reads: its mean luminance and the share of its pixels far from it (text, icons, lines), 0..1. */
    record Tone(double meanLuminance, double contrastShare) {
    }

    /**
     * Text cut short with an ellipsis: a label the layout squeezed below the lines it needs.
     * Tables are left out: their columns can be widened, and each cell's full text is in the
     * row's details or the report.
     */
    static java.util.List<String> truncated(Scene scene) {
        java.util.List<String> out = new java.util.ArrayList<>();
        truncated(scene.getRoot(), out);
        return out;
    }

    private static void truncated(javafx.scene.Node node, java.util.List<String> out) {
        if (!node.isVisible() || node instanceof javafx.scene.control.TableView<?>) {
            return;
        }
        if (node instanceof javafx.scene.control.Labeled l && l.isTextTruncated()) {
            out.add((l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId()) + ": \"" + l.getText() + "\"");
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> truncated(c, out));
        }
    }

    static Tone tone(Path png) throws java.io.IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        int w = image.getWidth();
        int h = image.getHeight();
        double[] lum = new double[w * h];
        double sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                double l = (0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff)) / 255.0;
                lum[y * w + x] = l;
                sum += l;
            }
        }
        double mean = sum / lum.length;
        long far = java.util.Arrays.stream(lum).filter(l -> Math.abs(l - mean) > 0.4).count();
        return new Tone(mean, (double) far / lum.length);
    }

    /** The wizard as a user meets it, on the given session, with its settings and fixes under userHome. */
    static WizardViewModel wizard(Path userHome, SessionRunner runner) {
        return new WizardViewModel(runner, new FakeDialogs(), new Settings(userHome.resolve("settings.properties")),
                FixPlaces.onThisComputer(userHome, java.util.Optional::empty, java.time.Clock.systemUTC()), () -> { });
    }

    /**
     * A journey's pictures, {@code PREFIX-STEP.png}, each also a look for text wider than the
     * window; their tones are kept for the theme check at the end.
     */
    record Journey(String prefix, java.util.List<Tone> tones) {
        /** {@code {light,dark}-NAME-}: e.g. "windows-browser" gives light-windows-browser-5-diagnosis.png. */
        Journey(boolean dark, String name) {
            this((dark ? "dark" : "light") + "-" + name + "-", new java.util.ArrayList<>());
        }

        void save(Scene scene, String step) throws Exception {
            org.assertj.core.api.Assertions.assertThat(WaitForAsyncUtils.asyncFx(() -> wider(scene)).get(10, TimeUnit.SECONDS))
                    .as(prefix + step + ": wider than the window").isEmpty();
            tones.add(tone(Screenshots.save(scene, prefix + step + ".png")));
        }
    }

    /**
     * Text that runs past the window's right edge: a label or a command box wider than the page
     * shows a line the user must scroll sideways to read, or cannot read at all.
     */
    static java.util.List<String> wider(Scene scene) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var n : scene.getRoot().lookupAll(".label, .text-area")) {
            if (n.getScene() == null || !visibleInTree(n)) {
                continue;
            }
            var b = n.localToScene(n.getBoundsInLocal());
            if (b.getMaxX() > scene.getWidth() + 0.5) {
                out.add((n instanceof javafx.scene.control.Labeled l ? l.getText()
                        : n instanceof javafx.scene.control.TextArea t ? t.getText() : n.toString()) + " ends at x=" + b.getMaxX());
            }
        }
        return out;
    }

    private static boolean visibleInTree(javafx.scene.Node n) {
        for (var p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Each screenshot looks like its theme: dark or light on the whole, with text that stands out. */
    static void assertThemed(boolean dark, java.util.List<Tone> tones) {
        for (Tone tone : tones) {
            if (dark) {
                org.assertj.core.api.Assertions.assertThat(tone.meanLuminance()).isLessThan(0.3);
            } else {
                org.assertj.core.api.Assertions.assertThat(tone.meanLuminance()).isGreaterThan(0.6);
            }
            org.assertj.core.api.Assertions.assertThat(tone.contrastShare()).isGreaterThan(0.004);
        }
    }
}
