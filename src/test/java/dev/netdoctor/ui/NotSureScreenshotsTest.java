// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.diagnosis.Diagnoser;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.probe.config.ConfigFilesProbe;
import dev.netdoctor.report.fixtures.Results;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Not sure — check everything" on a healthy computer: the Diagnosis card says what was checked
 * and worked, never a bare "no problem". Rendered light and dark to
 * target/screenshots/{light,dark}-not-sure-5-diagnosis.png.
 */
@ExtendWith(ApplicationExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class NotSureScreenshotsTest {
    @TempDir
    static Path home;
    private static boolean dark;
    private WizardViewModel model;
    private Scene scene;

    /** The lab's check of this computer, with the way out checked: the name resolves, the gateway answers, clean settings files. */
    static DiagnosisResult healthyNotSure() {
        DiagnosisResult base = Results.recorded("environment-only").result();
        List<ProbeOutcome> probes = new ArrayList<>();
        probes.add(new ProbeOutcome(ProbeId.NAME_RESOLUTION, "Look up a well-known name", ProbeStatus.COMPLETED,
                DiagnosisRequest.WAY_OUT_NAME + " → 23.215.0.138", Map.of("host", DiagnosisRequest.WAY_OUT_NAME), 0, 40,
                new ProbeData.Resolution(DiagnosisRequest.WAY_OUT_NAME, List.of("23.215.0.138"), "getent ahosts", null),
                List.of(Evidence.of(DiagnosisRequest.WAY_OUT_NAME + " → 23.215.0.138")), null));
        probes.addAll(base.probes());
        probes.add(new ProbeOutcome(ProbeId.CONFIG_FILES, "Read WSL's settings files as WSL reads them", ProbeStatus.COMPLETED,
                "WSL reads its settings files as they look", Map.of(), 200, 30, new ProbeData.ConfigFiles(List.of(
                ConfigFilesProbe.checked(ConfigFileKind.WSLCONFIG, "/mnt/c/Users/alice/.wslconfig",
                        "[wsl2]\r\nmemory=8GB\r\n".getBytes(StandardCharsets.UTF_8)),
                ConfigFilesProbe.checked(ConfigFileKind.WSL_CONF, "/etc/wsl.conf", "[boot]\nsystemd=true\n".getBytes(StandardCharsets.UTF_8)))),
                List.of(), null));
        probes.add(new ProbeOutcome(ProbeId.DEFAULT_GATEWAY, "Ping the default gateway", ProbeStatus.COMPLETED,
                "the default gateway 198.18.2.1 answered 3 of 3 pings", Map.of("address", "198.18.2.1"), 200, 410,
                new ProbeData.Ping("198.18.2.1", 3, 3, 0.3), List.of(Evidence.of("the default gateway 198.18.2.1 answered 3 of 3 pings")), null));
        List<Finding> findings = new Diagnoser().diagnose(null, base.environment(), probes);
        return new DiagnosisResult(base.schemaVersion(), base.tool(), base.toolVersion(), base.startedAt(), base.durationMillis(),
                base.request(), base.environment(), probes, findings, Diagnoser.verdict(findings, true), true);
    }

    @Start
    void start(Stage stage) throws Exception {
        WizardApp.applyTheme(dark);
        DiagnosisResult r = healthyNotSure();
        model = Screenshots.wizard(Files.createTempDirectory(home, "home"), new ScriptedRunner(r, r));
        scene = WizardApp.createScene(model, new FakeDialogs());
        stage.setScene(scene);
        stage.show();
    }

    @AfterAll
    static void backToLight() {
        javafx.application.Platform.runLater(() -> WizardApp.applyTheme(false));
    }

    private void journey(FxRobot robot, String theme) throws Exception {
        robot.interact(() -> model.symptomProperty().set(Symptom.NOT_SURE));
        robot.interact(model::next);
        robot.interact(model::next);
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        robot.interact(model::next);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.stepProperty().get()).isEqualTo(Step.DIAGNOSIS);
        assertThat(model.findings()).extracting(f -> f.id()).containsExactly(FindingId.ENVIRONMENT_ONLY);
        Finding allClear = model.findings().getFirst();
        assertThat(allClear.title()).isEqualTo("Names resolve, the default gateway answers, WSL's settings files read as written "
                + "and programs here reach their own ports");
        assertThat(robot.lookup("#finding-environment-only").tryQuery()).isPresent();
        Screenshots.Tone diagnosis = Screenshots.tone(Screenshots.save(scene, theme + "-not-sure-5-diagnosis.png"));
        Screenshots.assertThemed(dark, List.of(diagnosis));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void inLight(FxRobot robot) throws Exception {
        journey(robot, dark ? "dark" : "light");
        dark = !dark;
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void inDark(FxRobot robot) throws Exception {
        journey(robot, dark ? "dark" : "light");
        dark = !dark;
    }
}
