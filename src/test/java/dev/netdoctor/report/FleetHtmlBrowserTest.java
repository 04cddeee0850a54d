// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.report.FleetSummary.Skipped;
import dev.netdoctor.report.fixtures.Fleet;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The fleet page as a help desk sees it: rendered by a real browser (Debian's Chromium,
 * headless), screenshot to target/fleet-html/fleet.png to look at. Skipped where no Chromium
 * is installed (.ci/run installs it).
 */
class FleetHtmlBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void aRealisticFleetRendersAsAReadablePage() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Skipping: no headless browser at " + CHROMIUM + " (apt-get install chromium)");
        List<FleetMachine> machines = new ArrayList<>(Fleet.machines(400, 29).stream()
                .map(m -> FleetMachine.of(m.name(), m.name() + ".json", m.result())).toList());
        // names from Intune's export, as people type them
        machines.add(new FleetMachine("SALES-LT-0042 <Ana's>", "export.csv row 2", "problem", List.of("vpn-captures-wsl-traffic"), 0,
                "2.6.1.0", "nat", "10.0.26100.3194", true));
        FleetSummary summary = FleetSummary.of(machines, List.of(
                new Skipped("results/notes.txt", "neither .json nor .csv"),
                new Skipped("export.csv row 7 (DESK-17)", "no wsl-net-doctor/ summary line (the detection script did not run to its end on this device)")));
        Path dir = Path.of("target", "fleet-html").toAbsolutePath();
        Files.createDirectories(dir);
        Path html = Files.writeString(dir.resolve("fleet.html"), FleetReport.html(summary), StandardCharsets.UTF_8);
        Path png = dir.resolve("fleet.png");
        Files.deleteIfExists(png);
        Path profile = Files.createTempDirectory(dir, "chromium-profile");

        // The flags this machine kind needs (no sandbox as root, no network the browser would try at start).
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1200,900", html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        boolean done = p.waitFor(90, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(done).as("chromium finished within 90 s; its log: " + dir.resolve("chromium.log")).isTrue();
        assertThat(png).as(Files.readString(dir.resolve("chromium.log"))).exists();

        assertThat(Files.size(png)).as("a page with text and tables, not a blank one").isGreaterThan(20_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        Set<Integer> colours = new HashSet<>();
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                int lum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
                dark += lum < 300 ? 1 : 0;
            }
        }
        assertThat(colours).as("text, lines, bars and backgrounds").hasSizeGreaterThan(20);
        // light page: mostly light pixels, yet text (dark pixels) is there
        int samples = (image.getWidth() / 3 + 1) * (image.getHeight() / 3 + 1);
        assertThat(dark).isBetween(samples / 200, samples / 4);

        // A finding's link leads to its machines and the browser unfolds them: the page as the browser holds it then.
        String finding = summary.findings().get(2).finding();
        Process dom = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"), "--dump-dom", html.toUri() + "#m-" + finding)
                .redirectError(dir.resolve("chromium-dom.log").toFile()).redirectOutput(dir.resolve("dom.html").toFile()).start();
        boolean dumped = dom.waitFor(90, TimeUnit.SECONDS);
        if (!dumped) {
            dom.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(dumped).as("chromium finished within 90 s").isTrue();
        String shown = Files.readString(dir.resolve("dom.html"));
        assertThat(shown).contains("<details open=\"\"><summary><code>" + finding + "</code>");
        assertThat(shown.split("<details open", -1)).hasSize(2);
    }
}
