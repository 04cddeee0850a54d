// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.host.FakeWsl;
import dev.netdoctor.host.WslDistro;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.ui.fix.FixPlaces;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The wizard as it runs on Windows, with the fake wsl.exe: the distros listed, the default
 * chosen, a WSL 1 distro refused, and WSL missing explained, all on the Details step.
 */
@ExtendWith(ApplicationExtension.class)
class DistroChoiceTest {
    @TempDir
    static Path dir;

    private final ScriptedRunner runner = new ScriptedRunner(Fixtures.result(false), Fixtures.result(true));
    private final DistroViewModel distros = new DistroViewModel();
    private Scene scene;

    @BeforeAll
    static void fakeRuns() {
        assumeTrue(FakeWsl.runs(), "Skipping: needs bash and iconv");
    }

    @Start
    void start(Stage stage) throws Exception {
        WizardApp.applyTheme(false);
        Path home = Files.createTempDirectory(dir, "home");
        WizardViewModel model = new WizardViewModel(runner, new FakeDialogs(), new Settings(home.resolve("settings.properties")),
                FixPlaces.onThisComputer(home, Optional::empty, Clock.systemUTC()), distros, () -> { });
        scene = WizardApp.createScene(model, new FakeDialogs());
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private void toDetails(FxRobot robot, String wslExe) throws Exception {
        robot.interact(() -> distros.load(wslExe));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !distros.loadingProperty().get()));
        robot.interact(() -> robot.lookup("#symptom-ssh-hangs").queryAs(ButtonBase.class).fire());
        robot.interact(() -> robot.lookup("#next").queryAs(Button.class).fire());
        robot.interact(() -> robot.lookup("#host").queryAs(TextField.class).setText("198.18.0.10"));
    }

    private boolean nextEnabled(FxRobot robot) throws Exception {
        return fx(() -> !robot.lookup("#next").queryAs(Button.class).isDisabled());
    }

    @Test
    void theDefaultDistroIsChosenAndWsl1IsRefused(FxRobot robot) throws Exception {
        toDetails(robot, FakeWsl.with(dir, Map.of("FAKE_WSL_DISTROS", "Debian:Running:2,Ubuntu-24.04:Stopped:2:default,Legacy:Stopped:1")));
        @SuppressWarnings("unchecked")
        ComboBox<WslDistro> choice = robot.lookup("#distro").queryAs(ComboBox.class);
        assertThat(fx(() -> choice.getItems().stream().map(WslDistro::name).toList())).containsExactly("Debian", "Ubuntu-24.04", "Legacy");
        assertThat(fx(() -> choice.getValue().name())).isEqualTo("Ubuntu-24.04");
        assertThat(fx(() -> DistroViewModel.describe(choice.getValue()))).contains("default").contains("WSL starts it");
        assertThat(nextEnabled(robot)).isTrue();
        Screenshots.save(scene, "light-2-details-windows.png");
        robot.interact(() -> choice.setValue(choice.getItems().get(2)));
        assertThat(distros.chosenName()).isEqualTo("Legacy");
        assertThat(nextEnabled(robot)).as("a WSL 1 distro cannot have these problems").isFalse();
        robot.interact(() -> choice.setValue(choice.getItems().get(0)));
        assertThat(nextEnabled(robot)).isTrue();
        robot.interact(() -> robot.lookup("#next").queryAs(Button.class).fire());
        assertThat(runner.requests).hasSize(1);
    }

    @Test
    void noDistroInstalledIsExplainedAndNothingRuns(FxRobot robot) throws Exception {
        toDetails(robot, FakeWsl.with(dir, Map.of("FAKE_WSL_DISTROS", "")));
        assertThat(fx(() -> robot.lookup("#distro-problem").queryAs(Label.class).getText()))
                .startsWith("WSL has no Linux distro installed").contains("wsl --install -d Ubuntu");
        assertThat(nextEnabled(robot)).isFalse();
        Screenshots.save(scene, "light-2-details-no-distro.png");
    }

    /** The real engine, opened on the chosen distro through wsl.exe: the facts are the distro's, with Windows' beside them. */
    @Test
    void theEngineRunsInTheChosenDistro(FxRobot robot) throws Exception {
        robot.interact(() -> distros.load(FakeWsl.with(dir, Map.of("FAKE_WSL_DISTROS", "Lab:Running:2:default"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> distros.chosenName() != null));
        EngineRunner engine = EngineRunner.wsl(FakeWsl.with(dir, Map.of("FAKE_WSL_DISTROS", "Lab:Running:2:default")), distros);
        DiagnosisRequest request = new DiagnosisRequest(null, List.of(), null, Duration.ofMillis(600), Duration.ofSeconds(20));
        DiagnosisResult result = engine.start(request, e -> { }).result().get(40, TimeUnit.SECONDS);
        assertThat(result.environment().windows().defaultDistro()).as("Windows' facts, from wsl.exe").isEqualTo("Lab");
        assertThat(result.environment().wsl().distro()).isEqualTo("Lab");
    }
}
