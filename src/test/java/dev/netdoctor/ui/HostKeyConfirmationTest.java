// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.ui.fix.FixPlaces;
import dev.netdoctor.ui.symptom.Symptom;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An unknown outside host key is shown with its fingerprint and trusted only when the user confirms. */
@ExtendWith(ApplicationExtension.class)
class HostKeyConfirmationTest {
    static final String FP = "SHA256:" + "Q".repeat(43);
    @TempDir
    static Path home;
    private final FakeDialogs dialogs = new FakeDialogs();
    private ScriptedRunner runner;
    private WizardViewModel model;

    static DiagnosisResult withUnknownKey() {
        DiagnosisResult r = Fixtures.result(true);
        List<ProbeOutcome> probes = new ArrayList<>(r.probes());
        probes.add(new ProbeOutcome(ProbeId.OUTSIDE_VANTAGE, "Reach your service from another machine", ProbeStatus.COMPLETED, "unknown key",
                Map.of(), 200, 300, new ProbeData.Vantage("root", "198.18.2.3", 22, FP, ProbeData.Vantage.HostKeyStatus.UNKNOWN,
                false, List.of(), "not in known_hosts"), List.of(), null));
        return new DiagnosisResult(r.schemaVersion(), r.tool(), r.toolVersion(), r.startedAt(), r.durationMillis(), r.request(),
                r.environment(), probes, r.findings(), r.verdict(), r.complete());
    }

    @Start
    void start(Stage stage) throws Exception {
        WizardApp.applyTheme(false);
        Path userHome = Files.createTempDirectory(home, "home");
        runner = new ScriptedRunner(withUnknownKey(), Fixtures.result(true));
        model = new WizardViewModel(runner, dialogs, new Settings(userHome.resolve("s.properties")),
                FixPlaces.onThisComputer(userHome, Optional::empty, Clock.systemUTC()), () -> { });
        stage.setScene(WizardApp.createScene(model, dialogs));
        stage.show();
    }

    @Test
    void theFingerprintIsShownAndTrustedOnlyOnConfirmation(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.symptomProperty().set(Symptom.NOT_SURE);
            model.next();
            model.details().hostProperty().set(Fixtures.TARGET);
            model.next();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.resultProperty().get() != null && model.systemReadyProperty().get());
        robot.interact(() -> {
            model.next();
            model.next();
        });
        dialogs.answerYes = false;
        robot.interact(() -> robot.lookup("#confirm-host-key").queryAs(Button.class).fire());
        assertThat(dialogs.confirmations).singleElement().asString().contains(FP).contains("198.18.2.3");
        assertThat(runner.requests).hasSize(1);
        dialogs.answerYes = true;
        robot.interact(() -> robot.lookup("#confirm-host-key").queryAs(Button.class).fire());
        assertThat(runner.requests).hasSize(2);
        assertThat(model.details().acceptedFingerprintProperty().get()).isEqualTo(FP);
        assertThat(model.stepProperty().get()).isEqualTo(Step.CHECKS);
    }
}
