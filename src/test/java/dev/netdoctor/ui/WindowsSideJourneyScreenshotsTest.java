// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.fix.LocalConfigFiles;
import dev.netdoctor.host.FakeWsl;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.report.fixtures.Results;
import dev.netdoctor.testing.ScriptedLinux;
import dev.netdoctor.ui.fix.FixAction;
import dev.netdoctor.ui.fix.FixPlaces;
import dev.netdoctor.ui.symptom.Symptom;
import dev.netdoctor.ui.system.CheckItem;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The three journeys between Windows and WSL, walked as a user on Windows walks them (the distro
 * chosen through the wsl.exe stand-in, fixes made from Windows), each with the lab's recorded run
 * from its "Windows": the symptom, its Details, Your system with Windows' own section, the checks,
 * the Diagnosis (and its evidence unfolded) and the Fix. Rendered light and dark at 900×600 to
 * target/screenshots/{light,dark}-windows-JOURNEY-STEP.png; every picture is also a look for text
 * cut short, and a command or an evidence line wider than its card.
 * <ul>
 * <li>browser: "A browser on Windows can't open my app in WSL" with localhost-not-relayed (the bind
 * advice, copyable), and windows-port-taken (another port, and WSL's restart at once);</li>
 * <li>firewall: "WSL can't reach a program on Windows" with windows-firewall-blocks-wsl (the rule
 * added with one click, its command and undo shown), and windows-service-loopback-only;</li>
 * <li>lan: "Other devices can't reach my app in WSL" with lan-no-port-proxy (not proven without
 * another machine; the port proxy and the local-subnet firewall rule).</li>
 * </ul>
 */
@ExtendWith(ApplicationExtension.class)
class WindowsSideJourneyScreenshotsTest {
    @TempDir
    static Path home;

    private Stage stage;
    private WizardViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterAll
    static void backToLight() {
        javafx.application.Platform.runLater(() -> WizardApp.applyTheme(false));
    }

    /**
     * The wizard on Windows at 900×600 in the theme asked for, playing {@code recorded}: its distro
     * "Lab" read through the stand-in wsl.exe, its fixes made from Windows ({@code onWindows}) or
     * from inside WSL.
     */
    private Scene open(FxRobot robot, boolean dark, String recorded, boolean onWindows) throws Exception {
        assumeTrue(FakeWsl.runs(), "Skipping: needs the wsl.exe stand-in (python3)");
        Path userHome = Files.createTempDirectory(home, "home");
        DiagnosisResult result = Results.recorded(recorded).result();
        FixPlaces places = new FixPlaces(new LocalConfigFiles(userHome), onWindows ? new ScriptedLinux().asDistro() : new ScriptedLinux(),
                Optional::empty, new LocalLinuxSide(), java.time.Clock.systemUTC());
        DistroViewModel distros = new DistroViewModel();
        model = new WizardViewModel(ScriptedRunner.recordedOnly(result, result), new FakeDialogs(),
                new Settings(userHome.resolve("settings.properties")), places, distros, () -> { });
        robot.interact(() -> {
            WizardApp.applyTheme(dark);
            stage.setScene(WizardApp.createScene(model, new FakeDialogs()));
            stage.setWidth(WizardApp.WIDTH);
            stage.setHeight(WizardApp.HEIGHT);
            stage.show();
        });
        if (onWindows) {
            robot.interact(() -> distros.load(FakeWsl.with(home, Map.of("FAKE_WSL_DISTROS", "Lab:Running:2:default"))));
            Fixtures.until(() -> distros.chosenName() != null);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return stage.getScene();
    }

    /** Where a journey's pictures go: target/screenshots/{light,dark}-windows-JOURNEY-STEP.png. */
    private static Screenshots.Journey shots(boolean dark, String journey) {
        return new Screenshots.Journey(dark, "windows-" + journey);
    }

    private static void save(Optional<Screenshots.Journey> shots, Scene scene, String step) throws Exception {
        if (shots.isPresent()) {
            shots.get().save(scene, step);
        } else {
            assertThat(Fixtures.fx(() -> Screenshots.truncated(scene))).as(step + ": text cut short").isEmpty();
        }
    }

    /**
     * What keeps the firewall card from being read at 900×600 without hunting: its button below
     * the page's visible part, its words spelling out the command its boxes already show, a
     * command box that must be scrolled inside to read the whole command.
     */
    private static List<String> readable(Scene scene, String fix) {
        List<String> problems = new ArrayList<>();
        var button = scene.getRoot().lookup("#fix-" + fix);
        var scroll = scene.getRoot().lookup(".page .scroll-pane");
        double bottom = scroll.localToScene(scroll.getBoundsInLocal()).getMaxY();
        if (button.localToScene(button.getBoundsInLocal()).getMaxY() > bottom) {
            problems.add("the button is below the visible page at " + button.localToScene(button.getBoundsInLocal()));
        }
        var card = button.getParent().getParent();
        for (var n : card.lookupAll(".label")) {
            if (n instanceof Labeled l && l.getText() != null && l.getText().contains("New-NetFirewallRule")) {
                problems.add("the words repeat the command: " + l.getText());
            }
        }
        problems.addAll(commandBoxesProblems(scene, fix));
        return problems;
    }

    /** The firewall card's command and undo boxes, each tall enough for its whole text (no scroll bar inside). */
    private static List<String> commandBoxesProblems(Scene scene, String fix) {
        List<String> problems = new ArrayList<>();
        for (String box : List.of("firewall-command-", "firewall-undo-")) {
            var copy = scene.getRoot().lookup("#copy-" + box + fix);
            TextArea area = (TextArea) ((HBox) copy.getParent()).getChildren().getFirst();
            for (var bar : area.lookupAll(".scroll-bar")) {
                if (bar instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible()) {
                    problems.add(box + fix + " scrolls inside: " + area.getText());
                }
            }
        }
        return problems;
    }

    /** Scrolls the page's list so that {@code node} is at its top (or as near as the list's end allows). */
    private static void scrollTo(javafx.scene.Node node) {
        javafx.scene.Node p = node;
        while (!(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) p;
        javafx.scene.Node content = scroll.getContent();
        double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
        double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(room <= 0 ? 0 : Math.min(1, y / room));
    }

    /** From the first page to the Diagnosis: symptom, Details (the port), Your system, checks. */
    private Scene toDiagnosis(FxRobot robot, Scene scene, Screenshots.Journey shots, Symptom symptom, String port) throws Exception {
        return toDiagnosis(robot, scene, Optional.of(shots), symptom, port);
    }

    /** The same, with pictures of the steps before the Diagnosis only when {@code shots} is given. */
    private Scene toDiagnosis(FxRobot robot, Scene scene, Optional<Screenshots.Journey> shots, Symptom symptom, String port) throws Exception {
        robot.interact(() -> model.symptomProperty().set(symptom));
        save(shots, scene, "1-symptom");
        robot.interact(model::next);
        robot.interact(() -> (symptom.asksForWindowsPort() ? model.details().windowsPortsProperty() : model.details().servicePortsProperty()).set(port));
        assertThat(model.details().validProperty().get()).isTrue();
        save(shots, scene, "2-details");
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.systemReadyProperty().get());
        // Windows' own section: the adapter that holds the distro's gateway, the firewalls, the reserved ports
        assertThat(model.system()).extracting(CheckItem::label)
                .contains("WSL adapter", "Windows Firewall", "Hyper-V firewall for WSL", "Reserved TCP ports");
        save(shots, scene, "3-system");
        // Windows' section, scrolled to as a user scrolls: under its own heading, after the distro's lines
        assertThat(robot.lookup(".checklist-section").queryAll()).hasSize(1);
        // the names' column keeps its names readable (long ones wrap), the values keep room beside them
        assertThat(Fixtures.fx(() -> robot.lookup(".checklist .text-bold").queryAll().stream()
                .filter(n -> ((javafx.scene.layout.Region) n).getWidth() < Math.min(((javafx.scene.layout.Region) n).prefWidth(-1), 200)).map(n -> ((Labeled) n).getText()).toList())).isEmpty();
        robot.interact(() -> scrollTo(scene.getRoot().lookup(".checklist-section")));
        save(shots, scene, "3-system-windows");
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        save(shots, scene, "4-checks");
        robot.interact(model::next);
        assertThat(model.stepProperty().get()).isEqualTo(Step.DIAGNOSIS);
        return scene;
    }

    /** The Diagnosis as it opens, then with its evidence unfolded (Technical details, and every check). */
    private void diagnosis(FxRobot robot, Scene scene, Screenshots.Journey shots, String finding, String step) throws Exception {
        assertThat(robot.lookup("#finding-" + finding).tryQuery()).as(finding + " on the Diagnosis").isPresent();
        assertThat(model.findings()).hasSize(1);
        shots.save(scene, step);
        robot.interact(() -> scene.getRoot().lookupAll(".titled-pane").forEach(p -> ((TitledPane) p).setExpanded(true)));
        shots.save(scene, step + "-evidence");
        robot.interact(() -> scene.getRoot().lookupAll(".titled-pane").forEach(p -> ((TitledPane) p).setExpanded(false)));
    }

    private List<String> offered() {
        return model.fixes().actions().stream().map(a -> a.suggestion().id().id()).toList();
    }

    private static String shown(FxRobot robot, String copyId) throws Exception {
        Button copy = robot.lookup("#copy-" + copyId).queryAs(Button.class);
        return Fixtures.fx(() -> ((TextArea) ((HBox) copy.getParent()).getChildren().getFirst()).getText());
    }

    private void browser(FxRobot robot, boolean dark) throws Exception {
        Screenshots.Journey shots = shots(dark, "browser");
        Scene scene = toDiagnosis(robot, open(robot, dark, "localhost-not-relayed", true), shots, Symptom.BROWSER_CANT_OPEN_WSL_APP, "3000");
        diagnosis(robot, scene, shots, "localhost-not-relayed", "5-diagnosis");
        robot.interact(model::next);
        assertThat(offered()).containsExactly("bind-service-for-relay");
        FixAction bind = model.fixes().actions().getFirst();
        assertThat(bind.kind()).as("advice, copied exactly as shown").isEqualTo(FixWiring.Writes.NOTHING);
        assertThat(Fixtures.fx(() -> robot.lookup("#fix-bind-service-for-relay").queryAs(Button.class).getText())).contains("Copy");
        shots.save(scene, "6-fix");

        // Another Windows program on the port: its Diagnosis names it, the Fix offers another port and WSL's restart at once
        Screenshots.Journey taken = shots(dark, "browser-port-taken");
        scene = toDiagnosis(robot, open(robot, dark, "windows-port-taken", true), Optional.empty(),
                Symptom.BROWSER_CANT_OPEN_WSL_APP, "3000");
        assertThat(model.findings().getFirst().title()).containsPattern("node \\(pid \\d+\\)");
        diagnosis(robot, scene, taken, "windows-port-taken", "5-diagnosis");
        robot.interact(model::next);
        assertThat(offered()).containsExactly("use-another-port", "restart-wsl-for-relay");
        assertThat(model.fixes().restartOfferedProperty().get()).isTrue();
        assertThat(Fixtures.fx(() -> robot.lookup("#restart-wsl").query().isVisible())).isTrue();
        taken.save(scene, "6-fix");
        Screenshots.assertThemed(dark, shots.tones());
        Screenshots.assertThemed(dark, taken.tones());
    }

    private void firewall(FxRobot robot, boolean dark) throws Exception {
        Screenshots.Journey shots = shots(dark, "firewall");
        Scene scene = toDiagnosis(robot, open(robot, dark, "windows-firewall-blocks-wsl", true), shots,
                Symptom.WSL_CANT_REACH_WINDOWS_PROGRAM, "5432");
        diagnosis(robot, scene, shots, "windows-firewall-blocks-wsl", "5-diagnosis");
        robot.interact(model::next);
        assertThat(offered()).containsExactly("windows-firewall-allow-port");
        FixAction rule = model.fixes().actions().getFirst();
        assertThat(rule.kind()).isEqualTo(FixWiring.Writes.WINDOWS_FIREWALL);
        assertThat(model.fixes().isRecommended(rule)).isTrue();
        assertThat(robot.lookup("#recommended-windows-firewall-allow-port").tryQuery()).isPresent();
        // From Windows: one click adds the rule (after our question and Windows' own prompt)
        assertThat(model.fixes().appliesHere(rule)).isTrue();
        assertThat(Fixtures.fx(() -> robot.lookup("#fix-windows-firewall-allow-port").queryAs(Button.class).getText())).isEqualTo("_Add the rule…");
        FixPlan.WindowsFirewallRule plan = (FixPlan.WindowsFirewallRule) rule.suggestion().plan();
        assertThat(plan.port()).isEqualTo("5432");
        assertThat(shown(robot, "firewall-command-windows-firewall-allow-port")).isEqualTo(plan.addCommand()).contains("New-NetFirewallRule");
        assertThat(shown(robot, "firewall-undo-windows-firewall-allow-port")).isEqualTo(plan.removeCommand());
        assertThat(Fixtures.fx(() -> readable(stage.getScene(), "windows-firewall-allow-port"))).isEmpty();
        shots.save(scene, "6-fix");

        // Inside WSL the same card copies the command for PowerShell run as administrator
        Screenshots.Journey inside = shots(dark, "firewall-inside-wsl");
        scene = toDiagnosis(robot, open(robot, dark, "windows-firewall-blocks-wsl", false), Optional.empty(),
                Symptom.WSL_CANT_REACH_WINDOWS_PROGRAM, "5432");
        robot.interact(model::next);
        assertThat(Fixtures.fx(() -> robot.lookup("#fix-windows-firewall-allow-port").queryAs(Button.class).getText())).isEqualTo("_Copy the command");
        assertThat(Fixtures.fx(() -> readable(stage.getScene(), "windows-firewall-allow-port"))).isEmpty();
        inside.save(scene, "6-fix");

        // The program listens on 127.0.0.1 only: no firewall rule helps, the Diagnosis says where it must listen
        Screenshots.Journey loopback = shots(dark, "firewall-loopback-only");
        scene = toDiagnosis(robot, open(robot, dark, "windows-service-loopback-only", true), Optional.empty(),
                Symptom.WSL_CANT_REACH_WINDOWS_PROGRAM, "5432");
        diagnosis(robot, scene, loopback, "windows-service-loopback-only", "5-diagnosis");
        robot.interact(model::next);
        assertThat(offered()).containsExactly("bind-windows-service", "wslconfig-networking-mode");
        loopback.save(scene, "6-fix");
        Screenshots.assertThemed(dark, shots.tones());
        Screenshots.assertThemed(dark, inside.tones());
        Screenshots.assertThemed(dark, loopback.tones());
    }

    private void lan(FxRobot robot, boolean dark) throws Exception {
        Screenshots.Journey shots = shots(dark, "lan");
        Scene scene = toDiagnosis(robot, open(robot, dark, "lan-no-port-proxy", true), shots, Symptom.OTHER_DEVICES_CANT_REACH_WSL_APP, "3000");
        // No other machine was given: the Diagnosis says LAN access is not proven, rather than guess
        assertThat(model.findings().getFirst().explanation()).contains("proven only from another machine");
        diagnosis(robot, scene, shots, "lan-no-port-proxy", "5-diagnosis");
        robot.interact(model::next);
        assertThat(offered()).containsExactly("update-port-proxy", "windows-firewall-allow-port");
        assertThat(model.fixes().actions().getLast().kind()).isEqualTo(FixWiring.Writes.WINDOWS_FIREWALL);
        assertThat(model.fixes().actions().getFirst().suggestion().detail()).contains("netsh interface portproxy add v4tov4");
        assertThat(shown(robot, "firewall-command-windows-firewall-allow-port")).contains("-LocalPort 3000").contains("-RemoteAddress LocalSubnet");
        assertThat(Fixtures.fx(() -> commandBoxesProblems(stage.getScene(), "windows-firewall-allow-port"))).isEmpty();
        shots.save(scene, "6-fix");
        Screenshots.assertThemed(dark, shots.tones());
    }

    @Test
    void theBrowserJourneyInLight(FxRobot robot) throws Exception {
        browser(robot, false);
    }

    @Test
    void theBrowserJourneyInDark(FxRobot robot) throws Exception {
        browser(robot, true);
    }

    @Test
    void theFirewallJourneyInLight(FxRobot robot) throws Exception {
        firewall(robot, false);
    }

    @Test
    void theFirewallJourneyInDark(FxRobot robot) throws Exception {
        firewall(robot, true);
    }

    @Test
    void theLanJourneyInLight(FxRobot robot) throws Exception {
        lan(robot, false);
    }

    @Test
    void theLanJourneyInDark(FxRobot robot) throws Exception {
        lan(robot, true);
    }
}
