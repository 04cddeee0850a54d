// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.report.fixtures.Results;
import dev.netdoctor.ui.fix.FixAction;
import dev.netdoctor.ui.symptom.Symptom;
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
 * "Names don't resolve" through the wizard with the lab's recorded run of a static resolv.conf
 * (generation off, a server nothing answers for): the Diagnosis names the dead DNS path, the Fix
 * step offers letting WSL write resolv.conf first and DNS tunneling next. Rendered light and dark
 * to target/screenshots/{light,dark}-dns-*.png.
 */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class DnsJourneyScreenshotsTest {
    @TempDir
    static Path home;
    private static boolean dark;
    private WizardViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        WizardApp.applyTheme(dark);
        Path userHome = Files.createTempDirectory(home, "home");
        DiagnosisResult dns = Results.recorded("dns-static").result();
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
        robot.interact(() -> model.symptomProperty().set(Symptom.NAMES_DONT_RESOLVE));
        robot.interact(model::next);
        robot.interact(() -> model.details().hostProperty().set("nas.lab.test"));
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.systemReadyProperty().get());
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        robot.interact(model::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.stepProperty().get()).isEqualTo(Step.DIAGNOSIS);
        Screenshots.Tone diagnosis = Screenshots.tone(Screenshots.save(scene, theme + "-dns-5-diagnosis.png"));
        robot.interact(model::next);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> offered = model.fixes().actions().stream().map(a -> a.suggestion().id().id()).toList();
        assertThat(offered).startsWith("wsl-conf-generate-resolv-conf", "wslconfig-dns-tunneling");
        assertThat(model.fixes().actions().getFirst().kind()).isEqualTo(dev.netdoctor.fix.FixWiring.Writes.WSL_CONF);
        assertThat(model.fixes().isRecommended(model.fixes().actions().getFirst())).isTrue();
        Screenshots.Tone fix = Screenshots.tone(Screenshots.save(scene, theme + "-dns-6-fix.png"));
        Screenshots.assertThemed(dark, List.of(diagnosis, fix));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theDnsJourneyInLight(FxRobot robot) throws Exception {
        journey(robot, dark ? "dark" : "light");
        dark = !dark; // the next test's stage starts in the other theme
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void theDnsJourneyInDark(FxRobot robot) throws Exception {
        journey(robot, dark ? "dark" : "light");
        dark = !dark;
    }
}
