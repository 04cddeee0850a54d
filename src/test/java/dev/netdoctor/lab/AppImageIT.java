// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Linux app-image of `mvn -Pdist verify` (target/dist/app-image/wsl-net-doctor), as a user
 * gets it: its own linked runtime, its two launchers and its AOT cache. The CLI launcher prints
 * its version and diagnoses the DSCP lab with a PDF report; the GUI launcher opens the wizard
 * under Xvfb up to its first frame, with the AOT cache in use. Skipped, with the reason, when the
 * app-image was not built (plain `mvn verify`).
 */
class AppImageIT {
    /** Set by the dist profile only, so a plain `mvn verify` never tests an image left from before. */
    static final String IMAGE_PROPERTY = System.getProperty("netdoctor.appImage", "");
    static final Path IMAGE = Path.of(IMAGE_PROPERTY.isBlank() ? "target/dist/app-image/wsl-net-doctor" : IMAGE_PROPERTY);
    static final Path CLI = IMAGE.resolve("bin/wsl-net-doctor-cli");
    static final Path GUI = IMAGE.resolve("bin/wsl-net-doctor");
    static final Path WORK = Path.of("target", "app-image-it");

    @BeforeAll
    static void imageBuilt() throws Exception {
        assumeTrue(!IMAGE_PROPERTY.isBlank(), "Skipping app-image tests: not a -Pdist build (mvn -Pdist verify)");
        assumeTrue(Files.isExecutable(CLI) && Files.isExecutable(GUI),
                () -> "Skipping app-image tests: no Linux app-image at " + IMAGE);
        Files.createDirectories(WORK);
    }

    /** JVM options for a launcher, which takes none on its command line. */
    static String toolOptions(String... extra) {
        return "-Dnetdoctor.stateDir=" + WORK.toAbsolutePath().resolve("state") + " " + String.join(" ", extra);
    }

    @Test
    void theImageCarriesTheLicenseTheNoticesAndOnlyItsOwnNatives() throws Exception {
        Path app = IMAGE.resolve("lib/app");
        assertThat(app.resolve("LICENSE")).hasSameTextualContentAs(Path.of("LICENSE"));
        assertThat(app.resolve("THIRD-PARTY-NOTICES.txt")).hasSameTextualContentAs(Path.of("THIRD-PARTY-NOTICES.txt"));
        for (String schema : List.of("diagnosis-result.schema.json", "check-config-result.schema.json")) {
            assertThat(app.resolve("schema").resolve(schema)).hasSameTextualContentAs(Path.of("src/main/resources/dev/netdoctor/schema").resolve(schema));
            try (var jar = new java.util.zip.ZipFile(app.resolve("wsl-net-doctor.jar").toFile())) {
                assertThat(jar.getEntry("dev/netdoctor/schema/" + schema)).as(schema + " inside the app's jar").isNotNull();
            }
        }
        Path jnaJar;
        try (var libs = Files.list(app.resolve("lib"))) {
            jnaJar = libs.filter(p -> p.getFileName().toString().startsWith("jna-jpms-")).findFirst().orElseThrow();
        }
        try (var jna = new java.util.zip.ZipFile(jnaJar.toFile())) {
            List<String> natives = jna.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.contains("jnidispatch")).toList();
            assertThat(natives).containsExactly("com/sun/jna/linux-x86-64/libjnidispatch.so");
        }
        Lab.Result symbols = Lab.run(List.of("sh", "-c", "nm " + IMAGE.resolve("lib/runtime/lib/server/libjvm.so") + " 2>&1 | head -1"), 30);
        assertThat(symbols.out()).as("strip --strip-unneeded took the symbol table").contains("no symbols");
    }

    @Test
    void cliLauncherPrintsItsVersionFromTheLinkedRuntime() throws Exception {
        Lab.Result r = Lab.run(List.of("env", "JAVA_TOOL_OPTIONS=" + toolOptions("-Xlog:aot=info"), CLI.toString(), "--version"), 30);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("WSL Net Doctor").contains("Java 25");
        // The CLI launcher shares the GUI's AOT cache (same runtime, same class path).
        assertThat(r.out() + r.err()).contains("Opened AOT cache " + IMAGE.toAbsolutePath().resolve("lib/app/wsl-net-doctor.aot"));
    }

    @Test
    void cliLauncherDiagnosesTheDscpLabAndWritesAPdf() throws Exception {
        var reason = Lab.reasonToSkip();
        assumeTrue(reason.isEmpty(), () -> "Skipping the app-image lab run: " + reason.orElse(""));
        Path pdf = WORK.toAbsolutePath().resolve("dscp-report.pdf");
        Files.deleteIfExists(pdf);
        try (Lab lab = Lab.up("dscp")) {
            Lab.Result r = lab.inNamespace(lab.get("CLIENT_NS"), List.of("env", "JAVA_TOOL_OPTIONS=" + toolOptions(),
                    CLI.toAbsolutePath().toString(), "diagnose", "--target", lab.target(), "--json", "--quiet", "--pdf", pdf.toString()),
                    Lab.COMMAND_LIMIT_SECONDS);
            JsonNode json = Lab.json(r);
            List<String> ids = new ArrayList<>();
            json.path("findings").forEach(f -> ids.add(f.path("id").asText()));
            assertThat(ids).as(r.err()).containsExactly("dscp-marked-syn-dropped");
            assertThat(r.exit()).isEqualTo(1);
        }
        try (InputStream in = Files.newInputStream(pdf)) {
            assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    @Test
    void guiLauncherShowsTheWizardUnderXvfbWithTheAotCache() throws Exception {
        assumeTrue(Lab.run(List.of("sh", "-c", "command -v Xvfb"), 10).exit() == 0, "Skipping the GUI start: no Xvfb (apt-get install xvfb)");
        Path frame = WORK.toAbsolutePath().resolve("first-frame.txt");
        Files.deleteIfExists(frame);
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1280x800x24")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String display = readDisplayNumber(xvfb);
            long started = System.currentTimeMillis();
            Lab.Result r = Lab.run(List.of("env", "DISPLAY=:" + display, "JAVA_TOOL_OPTIONS="
                    + toolOptions("-Xlog:aot=info", "-Dnetdoctor.firstFrameFile=" + frame), GUI.toString()), 60);
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out() + r.err()).contains("Opened AOT cache").doesNotContain("[error]");
            long shownAfter = Long.parseLong(Files.readString(frame).strip()) - started;
            assertThat(shownAfter).as("launch to first frame, ms").isPositive();
            System.out.println("app-image GUI: first frame " + shownAfter + " ms after launch");
        } finally {
            xvfb.destroy();
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Xvfb -displayfd writes the display number it took once it accepts clients. */
    private static String readDisplayNumber(Process xvfb) throws Exception {
        InputStream out = xvfb.getInputStream();
        StringBuilder n = new StringBuilder();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until && xvfb.isAlive()) {
            if (out.available() > 0) {
                int c = out.read();
                if (c == '\n' && !n.isEmpty()) {
                    return n.toString();
                }
                if (Character.isDigit(c)) {
                    n.append((char) c);
                }
            } else {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("Xvfb did not start");
    }
}
