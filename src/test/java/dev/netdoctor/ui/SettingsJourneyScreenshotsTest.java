// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.report.fixtures.Results;
import dev.netdoctor.ui.fix.FixAction;
import dev.netdoctor.ui.symptom.Symptom;
import dev.netdoctor.ui.system.CheckItem;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A WSL setting seems to do nothing" through the wizard, with a .wslconfig and a wsl.conf holding
 * the traps people report, read by the real reader: "Your system" lists each line WSL reads
 * otherwise, the Diagnosis names the findings, the Fix step offers the rewrites (the .wslconfig's
 * as a .wslconfig fix, the wsl.conf's as one of the distro's root file). Rendered light and dark to
 * target/screenshots/{light,dark}-settings-*.png.
 */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SettingsJourneyScreenshotsTest {
    @TempDir
    static Path home;
    private static boolean dark;
    private WizardViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        WizardApp.applyTheme(dark);
        Path userHome = Files.createTempDirectory(home, "home");
        DiagnosisResult dns = Results.settingsFiles().result();
        model = Screenshots.wizard(userHome, new ScriptedRunner(dns, dns));
        scene = WizardApp.createScene(model, new FakeDialogs());
        stage.setScene(scene);
        stage.show();
    }

    @AfterAll
    static void backToLight() {
        javafx.application.Platform.runLater(() -> WizardApp.applyTheme(false));
    }

    private void journey(FxRobot robot, String theme) throws Exception {
        robot.interact(() -> model.symptomProperty().set(Symptom.SETTING_DOES_NOTHING));
        robot.interact(model::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.stepProperty().get()).isEqualTo(Step.DETAILS);
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.systemReadyProperty().get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.system().stream().anyMatch(i -> i.label().contains(".wslconfig, line")));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> labels = model.system().stream().map(CheckItem::label).toList();
        assertThat(labels).contains("WSL settings: .wslconfig", ".wslconfig, line 1", ".wslconfig, line 6", "/etc/wsl.conf, line 3");
        assertThat(model.system()).filteredOn(i -> i.label().equals("/etc/wsl.conf, line 3")).singleElement()
                .satisfies(i -> assertThat(i.value()).contains("stops reading").contains("boot.systemd"));
        Screenshots.Tone system = Screenshots.tone(Screenshots.save(scene, theme + "-settings-3-system.png"));
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        robot.interact(model::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.stepProperty().get()).isEqualTo(Step.DIAGNOSIS);
        assertThat(model.findings()).extracting(f -> f.id()).contains(FindingId.WSLCONFIG_LINE_IGNORED, FindingId.WSLCONFIG_DUPLICATE_KEY,
                FindingId.WSL_CONF_PARSING_STOPS);
        // The user's own complaint is the answer: no all-clear beside it, and the card itself says which line and why.
        assertThat(model.findings()).extracting(f -> f.id()).doesNotContain(FindingId.ENVIRONMENT_ONLY);
        assertThat(robot.lookup("#finding-environment-only").tryQuery()).isEmpty();
        javafx.scene.Node card = robot.lookup("#finding-" + FindingId.WSLCONFIG_LINE_IGNORED.id()).query();
        assertThat(robot.from(card).lookup((javafx.scene.control.Label l) -> l.getText().startsWith(".wslconfig line 1 (")).tryQuery())
                .as("the card's own text names the line").isPresent();
        Screenshots.Tone diagnosis = Screenshots.tone(Screenshots.save(scene, theme + "-settings-5-diagnosis.png"));
        robot.interact(model::next);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> offered = model.fixes().actions().stream().map(a -> a.suggestion().id().id()).toList();
        assertThat(offered).contains("wsl-conf-comment-out-stopping-line", "config-rewrite-ignored-lines", "config-comment-out-duplicates");
        assertThat(model.fixes().actions()).filteredOn(a -> a.suggestion().id() == FixId.CONFIG_REWRITE_IGNORED_LINES).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(dev.netdoctor.fix.FixWiring.Writes.WSLCONFIG));
        assertThat(model.fixes().actions()).filteredOn(a -> a.suggestion().id() == FixId.WSL_CONF_COMMENT_OUT_STOPPING_LINE).singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo(dev.netdoctor.fix.FixWiring.Writes.WSL_CONF));
        Screenshots.Tone fix = Screenshots.tone(Screenshots.save(scene, theme + "-settings-6-fix.png"));
        Screenshots.assertThemed(dark, List.of(system, diagnosis, fix));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theSettingsJourneyInLight(FxRobot robot) throws Exception {
        journey(robot, dark ? "dark" : "light");
        dark = !dark; // the next test's stage starts in the other theme
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void theSettingsJourneyInDark(FxRobot robot) throws Exception {
        journey(robot, dark ? "dark" : "light");
        dark = !dark;
    }
}
