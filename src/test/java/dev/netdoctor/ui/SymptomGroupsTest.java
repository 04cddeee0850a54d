// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.host.FakeWsl;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.Target;
import dev.netdoctor.ui.symptom.Symptom;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first page with its ten choices in five groups, at the window's smallest size in both
 * themes: every card whole and inside the window (no scrolling), each under its group's heading,
 * the keyboard going through them in reading order. Then the Details page of each new symptom,
 * on Windows (the distro chosen through the fake wsl.exe) as these symptoms are meant to be
 * asked, and the exact question Next sends. Screenshots: target/screenshots/{light,dark}-groups-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class SymptomGroupsTest {
    @TempDir
    static Path home;
    private Stage stage;
    private ScriptedRunner runner;
    private WizardViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterAll
    static void backToLight() {
        javafx.application.Platform.runLater(() -> WizardApp.applyTheme(false));
    }

    /** The wizard at 900×600 in the theme asked for; on Windows (distros read through the fake wsl.exe) when asked. */
    private Scene open(FxRobot robot, boolean dark, boolean onWindows) throws Exception {
        Path userHome = Files.createTempDirectory(home, "home");
        runner = new ScriptedRunner(Fixtures.result(false));
        DistroViewModel distros = new DistroViewModel();
        model = new WizardViewModel(runner, new FakeDialogs(), new Settings(userHome.resolve("settings.properties")),
                dev.netdoctor.ui.fix.FixPlaces.onThisComputer(userHome, java.util.Optional::empty, java.time.Clock.systemUTC()),
                distros, () -> { });
        robot.interact(() -> {
            WizardApp.applyTheme(dark);
            Scene scene = WizardApp.createScene(model, new FakeDialogs());
            stage.setScene(scene);
            stage.setWidth(WizardApp.WIDTH);
            stage.setHeight(WizardApp.HEIGHT);
            stage.show();
        });
        if (onWindows) {
            robot.interact(() -> distros.load(FakeWsl.with(home, Map.of("FAKE_WSL_DISTROS", "Ubuntu-24.04:Running:2:default"))));
            Fixtures.until(() -> distros.chosenName() != null);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return stage.getScene();
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    /** What is wrong with the first page's layout: cards outside the room above the buttons, overlapping, text outside its card. */
    private static List<String> layoutProblems(Scene scene) {
        List<String> problems = new ArrayList<>();
        Bounds bar = inScene(scene.getRoot().lookup(".button-bar"));
        if (bar.getMaxY() > scene.getHeight() + 0.5) {
            problems.add("the buttons are pushed out of the window: " + bar);
        }
        double bottom = Math.min(bar.getMinY(), scene.getHeight());
        // The page has all the height it asks for: a taller one is cut or pushed under the buttons
        javafx.scene.layout.Region page = (javafx.scene.layout.Region) scene.getRoot().lookup(".page");
        if (page.prefHeight(page.getWidth()) > page.getHeight() + 0.5) {
            problems.add("the page needs " + page.prefHeight(page.getWidth()) + " px and has " + page.getHeight());
        }
        List<ToggleButton> cards = scene.getRoot().lookupAll(".choice").stream().map(ToggleButton.class::cast).toList();
        if (cards.size() != Symptom.values().length) {
            problems.add(cards.size() + " cards for " + Symptom.values().length + " symptoms");
        }
        for (ToggleButton card : cards) {
            Bounds b = inScene(card);
            if (b.getMinX() < 0 || b.getMaxX() > scene.getWidth() || b.getMinY() < 0 || b.getMaxY() > bottom) {
                problems.add(card.getId() + " outside the page at " + b);
            }
            for (Node text : card.lookupAll(".label")) {
                Bounds t = inScene(text);
                if (t.getMinY() < b.getMinY() - 0.5 || t.getMaxY() > b.getMaxY() + 0.5 || t.getMaxX() > b.getMaxX() + 0.5) {
                    problems.add(card.getId() + ": \"" + ((Label) text).getText() + "\" spills out of its card");
                }
            }
            for (ToggleButton other : cards) {
                if (other != card && b.intersects(inScene(other))) {
                    problems.add(card.getId() + " overlaps " + other.getId());
                }
            }
        }
        return problems;
    }

    private static String id(Symptom s) {
        return "symptom-" + s.name().toLowerCase().replace('_', '-');
    }

    private void firstPage(FxRobot robot, boolean dark) throws Exception {
        Scene scene = open(robot, dark, false);
        String theme = dark ? "dark" : "light";
        // Saved before it is judged: a page that does not fit leaves its picture to look at.
        Path picture = Screenshots.save(scene, theme + "-groups-1-whats-wrong.png");
        assertThat(Fixtures.fx(() -> layoutProblems(scene))).as(theme + " at 900×600").isEmpty();
        // Each card sits under its own group's heading, in that group's column
        for (Symptom s : Symptom.values()) {
            Node card = robot.lookup("#" + id(s)).query();
            Node heading = robot.lookup("#group-" + s.group().name().toLowerCase().replace('_', '-')).query();
            assertThat(Fixtures.fx(() -> ((Label) heading).getText())).isEqualTo(s.group().title());
            assertThat(Fixtures.fx(() -> card.getParent() == heading.getParent())).as(s + " in its group").isTrue();
            Bounds c = Fixtures.fx(() -> inScene(card));
            Bounds h = Fixtures.fx(() -> inScene(heading));
            assertThat(c.getMinY()).as(s + " below its heading").isGreaterThanOrEqualTo(h.getMaxY());
            assertThat(c.getMinX()).as(s + " in its heading's column").isCloseTo(h.getMinX(), org.assertj.core.data.Offset.offset(1.0));
        }
        Screenshots.Tone tone = Screenshots.tone(picture);
        // Chosen through the model (as a run started again does): the card shows it, and only it
        robot.interact(() -> model.symptomProperty().set(Symptom.OTHER_DEVICES_CANT_REACH_WSL_APP));
        assertThat(Fixtures.fx(() -> scene.getRoot().lookupAll(".choice").stream().filter(n -> ((ToggleButton) n).isSelected())
                .map(Node::getId).toList())).containsExactly(id(Symptom.OTHER_DEVICES_CANT_REACH_WSL_APP));
        Screenshots.Tone chosen = Screenshots.tone(Screenshots.save(scene, theme + "-groups-1-whats-wrong-chosen.png"));
        Screenshots.assertThemed(dark, List.of(tone, chosen));
    }

    @Test
    void theFirstPageFitsTheSmallestWindowInLight(FxRobot robot) throws Exception {
        firstPage(robot, false);
    }

    @Test
    void theFirstPageFitsTheSmallestWindowInDark(FxRobot robot) throws Exception {
        firstPage(robot, true);
    }

    /** Tab goes down the left column, then the right: the order of the groups as read, "Not sure" last. */
    @Test
    void theKeyboardGoesThroughTheChoicesInReadingOrder(FxRobot robot) throws Exception {
        Scene scene = open(robot, false, false);
        List<String> visited = new ArrayList<>();
        visited.add(Fixtures.fx(() -> scene.getFocusOwner().getId()));
        for (int i = 1; i < Symptom.values().length; i++) {
            robot.press(KeyCode.TAB).release(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            visited.add(Fixtures.fx(() -> scene.getFocusOwner().getId()));
        }
        assertThat(visited).containsExactlyElementsOf(Arrays.stream(Symptom.values()).map(SymptomGroupsTest::id).toList());
        // Reading order on the page too: "From WSL out" and "Names" top to bottom on the left, then the rest on the right
        List<Symptom> left = Arrays.stream(Symptom.values())
                .filter(s -> s.group() == Symptom.Group.FROM_WSL_OUT || s.group() == Symptom.Group.NAMES).toList();
        assertThat(left).containsExactly(Symptom.SSH_HANGS, Symptom.WSL_CANT_REACH_WINDOWS_PROGRAM, Symptom.NOTHING_WORKS_ON_VPN,
                Symptom.NAMES_DONT_RESOLVE, Symptom.COMPANY_NAMES_DONT_RESOLVE);
        List<Bounds> at = Fixtures.fx(() -> Arrays.stream(Symptom.values()).map(s -> inScene(scene.getRoot().lookup("#" + id(s)))).toList());
        for (int i = 1; i < at.size(); i++) {
            if (i == left.size()) {
                assertThat(at.get(i).getMinX()).as(Symptom.values()[i] + " starts the right column").isGreaterThan(at.get(i - 1).getMaxX());
                assertThat(at.get(i).getMinY()).isLessThan(at.get(i - 1).getMinY());
            } else {
                assertThat(at.get(i).getMinY()).as(Symptom.values()[i] + " below the one before").isGreaterThan(at.get(i - 1).getMaxY());
                assertThat(at.get(i).getMinX()).as(Symptom.values()[i] + " in the same column").isEqualTo(at.get(i - 1).getMinX());
            }
        }
        // Enter on a card chooses it and goes on
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.symptomProperty().get()).isEqualTo(Symptom.NOT_SURE);
        assertThat(model.stepProperty().get()).isEqualTo(Step.DETAILS);
    }

    private String text(FxRobot robot, String id) throws Exception {
        return Fixtures.fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(ButtonBase.class).fire());
    }

    private boolean nextEnabled(FxRobot robot) throws Exception {
        return Fixtures.fx(() -> !robot.lookup("#next").queryAs(Button.class).isDisabled());
    }

    private void type(FxRobot robot, String id, String value) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(value));
    }

    private void detailsPages(FxRobot robot, boolean dark) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FakeWsl.runs(), "Skipping: needs the fake wsl.exe (python3)");
        String theme = dark ? "dark" : "light";
        Scene scene = open(robot, dark, true);

        // A browser on Windows: the app's port in WSL, nothing else
        fire(robot, "#" + id(Symptom.BROWSER_CANT_OPEN_WSL_APP));
        fire(robot, "#next");
        assertThat(robot.lookup("#host").tryQuery()).isEmpty();
        assertThat(robot.lookup("#vantage-pane").tryQuery()).as("the browser is on this computer: no outside machine").isEmpty();
        assertThat(robot.lookup("#distro").tryQuery()).isPresent();
        type(robot, "#service-port", "70000");
        assertThat(text(robot, "#service-error")).isEqualTo("The port 70000 is out of range: give a number from 1 to 65535.");
        assertThat(nextEnabled(robot)).isFalse();
        // The first wrong field puts the scene's root inside ControlsFX's pane: the window stays in its theme
        List<Path> shots = new ArrayList<>(List.of(Screenshots.save(scene, theme + "-groups-2-details-browser-invalid.png")));
        type(robot, "#service-port", "3000");
        assertThat(text(robot, "#service-error")).isEmpty();
        assertThat(text(robot, "#details-help")).contains("localhost").doesNotContain("Started inside WSL");
        shots.add(Screenshots.save(scene, theme + "-groups-2-details-browser.png"));
        assertThat(Fixtures.fx(() -> WindowSizesCheck.outside(scene))).isEmpty();
        fire(robot, "#next");
        assertThat(runner.requests.getLast()).isEqualTo(new DiagnosisRequest(null, List.of(3000), null, null, null));
        fire(robot, "#back");
        fire(robot, "#back");

        // WSL can't reach a program on Windows: the Windows program's port, examples in the prompt
        fire(robot, "#" + id(Symptom.WSL_CANT_REACH_WINDOWS_PROGRAM));
        fire(robot, "#next");
        assertThat(robot.lookup("#service-port").tryQuery()).isEmpty();
        assertThat(Fixtures.fx(() -> robot.lookup("#windows-port").queryAs(TextField.class).getPromptText())).contains("5432").contains("6000");
        assertThat(nextEnabled(robot)).isFalse();
        shots.add(Screenshots.save(scene, theme + "-groups-2-details-windows-program-empty.png"));
        type(robot, "#windows-port", "5432");
        assertThat(text(robot, "#windows-error")).isEmpty();
        assertThat(text(robot, "#details-help")).contains("Firewall");
        shots.add(Screenshots.save(scene, theme + "-groups-2-details-windows-program.png"));
        assertThat(Fixtures.fx(() -> WindowSizesCheck.outside(scene))).isEmpty();
        fire(robot, "#next");
        assertThat(runner.requests.getLast()).isEqualTo(new DiagnosisRequest(null, List.of(), null, null, null).withWindowsPorts(List.of(5432)));
        fire(robot, "#back");
        fire(robot, "#back");

        // Other devices: the app's port, and the outside machine open from the start, saying why it is asked for
        fire(robot, "#" + id(Symptom.OTHER_DEVICES_CANT_REACH_WSL_APP));
        fire(robot, "#next");
        assertThat(robot.lookup("#vantage-pane").tryQuery()).as("not folded away: it is the only proof").isEmpty();
        assertThat(Fixtures.fx(() -> robot.lookup("#vantage-section").query().isVisible())).isTrue();
        assertThat(text(robot, "#lan-why")).contains("Why another machine?").contains("firewall").contains("not proven");
        type(robot, "#service-port", "8080");
        type(robot, "#vantage", "alice@192.168.1.20");
        assertThat(nextEnabled(robot)).isTrue();
        shots.add(Screenshots.save(scene, theme + "-groups-2-details-other-devices.png"));
        assertThat(Fixtures.fx(() -> WindowSizesCheck.outside(scene))).isEmpty();
        fire(robot, "#next");
        DiagnosisRequest lan = runner.requests.getLast();
        assertThat(lan.target()).isNull();
        assertThat(lan.servicePorts()).containsExactly(8080);
        assertThat(lan.vantage().toString()).isEqualTo("alice@192.168.1.20:22");
        assertThat(lan.windowsPorts()).isEmpty();
        assertThat(lan.wayOut()).isFalse();
        assertThat(lan.otherDevices()).as("the question is other devices, with or without another machine").isTrue();
        List<Screenshots.Tone> tones = new ArrayList<>();
        for (Path shot : shots) {
            tones.add(Screenshots.tone(shot));
        }
        Screenshots.assertThemed(dark, tones);
    }

    @Test
    void theNewSymptomsDetailsInLight(FxRobot robot) throws Exception {
        detailsPages(robot, false);
    }

    @Test
    void theNewSymptomsDetailsInDark(FxRobot robot) throws Exception {
        detailsPages(robot, true);
    }

    /**
     * The two VPN questions on Windows: each asks for one machine (no Port field; a port may be
     * written in the host), says what the checks will do, and sends exactly that machine. The
     * VPN's takes a server Windows reaches, an address too; the company names' takes a name only.
     */
    private void vpnDetailsPages(FxRobot robot, boolean dark) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FakeWsl.runs(), "Skipping: needs the fake wsl.exe (python3)");
        String theme = dark ? "dark" : "light";
        Scene scene = open(robot, dark, true);
        List<Path> shots = new ArrayList<>();

        // Nothing works while my VPN is on: a server Windows reaches, required, 443 unless the host says a port
        fire(robot, "#" + id(Symptom.NOTHING_WORKS_ON_VPN));
        fire(robot, "#next");
        assertThat(robot.lookup("#distro").tryQuery()).isPresent();
        assertThat(robot.lookup("#port").tryQuery()).as("the machine matters, not a port").isEmpty();
        assertThat(robot.lookup("#service-port").tryQuery()).isEmpty();
        assertThat(robot.lookup("#vantage-pane").tryQuery()).isEmpty();
        assertThat(nextEnabled(robot)).as("without a server nothing shows whether Windows reaches it").isFalse();
        assertThat(text(robot, "#details-help")).contains("from Windows and from WSL").contains("443").doesNotContain("Started inside WSL");
        shots.add(Screenshots.save(scene, theme + "-groups-2-details-vpn-empty.png"));
        type(robot, "#host", "intranet.corp.example");
        assertThat(text(robot, "#host-error")).isEmpty();
        assertThat(nextEnabled(robot)).isTrue();
        shots.add(Screenshots.save(scene, theme + "-groups-2-details-vpn.png"));
        assertThat(Fixtures.fx(() -> WindowSizesCheck.outside(scene))).isEmpty();
        assertThat(Fixtures.fx(() -> Screenshots.truncated(scene))).isEmpty();
        fire(robot, "#next");
        assertThat(runner.requests.getLast()).isEqualTo(DiagnosisRequest.forTarget(new Target("intranet.corp.example", 443)).withSshTarget(false));
        fire(robot, "#back");
        fire(robot, "#back");

        // Company names don't resolve on VPN: the name, never an address; the one typed for the VPN stays in the field
        fire(robot, "#" + id(Symptom.COMPANY_NAMES_DONT_RESOLVE));
        fire(robot, "#next");
        assertThat(robot.lookup("#port").tryQuery()).isEmpty();
        assertThat(Fixtures.fx(() -> robot.lookup("#host").queryAs(TextField.class).getText())).isEqualTo("intranet.corp.example");
        type(robot, "#host", "10.20.0.5");
        assertThat(text(robot, "#host-error")).startsWith("10.20.0.5 is an address").contains("company name");
        assertThat(nextEnabled(robot)).isFalse();
        shots.add(Screenshots.save(scene, theme + "-groups-2-details-company-names-invalid.png"));
        assertThat(Fixtures.fx(() -> Screenshots.truncated(scene))).isEmpty();
        type(robot, "#host", "jira.corp.example:8443");
        assertThat(text(robot, "#host-error")).isEmpty();
        assertThat(text(robot, "#details-help")).contains("on Windows").contains("DNS tunneling");
        shots.add(Screenshots.save(scene, theme + "-groups-2-details-company-names.png"));
        assertThat(Fixtures.fx(() -> WindowSizesCheck.outside(scene))).isEmpty();
        fire(robot, "#next");
        assertThat(runner.requests.getLast()).isEqualTo(DiagnosisRequest.forTarget(new Target("jira.corp.example", 8443)).withSshTarget(false));
        List<Screenshots.Tone> tones = new ArrayList<>();
        for (Path shot : shots) {
            tones.add(Screenshots.tone(shot));
        }
        Screenshots.assertThemed(dark, tones);
    }

    @Test
    void theVpnSymptomsDetailsInLight(FxRobot robot) throws Exception {
        vpnDetailsPages(robot, false);
    }

    @Test
    void theVpnSymptomsDetailsInDark(FxRobot robot) throws Exception {
        vpnDetailsPages(robot, true);
    }

    /** Started inside WSL (no distro to choose): each page of a question between Windows and WSL says which half needs Net Doctor on Windows. */
    @Test
    void insideWslEachNewSymptomSaysWhatNeedsWindows(FxRobot robot) throws Exception {
        Scene scene = open(robot, false, false);
        for (Symptom s : List.of(Symptom.BROWSER_CANT_OPEN_WSL_APP, Symptom.WSL_CANT_REACH_WINDOWS_PROGRAM, Symptom.OTHER_DEVICES_CANT_REACH_WSL_APP,
                Symptom.NOTHING_WORKS_ON_VPN, Symptom.COMPANY_NAMES_DONT_RESOLVE)) {
            fire(robot, "#" + id(s));
            fire(robot, "#next");
            assertThat(robot.lookup("#distro").tryQuery()).isEmpty();
            assertThat(text(robot, "#details-help")).as(s.name()).contains("Started inside WSL").contains("start").contains("on Windows");
            assertThat(Fixtures.fx(() -> WindowSizesCheck.outside(scene))).isEmpty();
            Screenshots.save(scene, "light-groups-2-details-" + id(s).substring("symptom-".length()) + "-inside-wsl.png");
            fire(robot, "#back");
        }
    }

    /** Buttons and fields of a page that are not (wholly) inside the window. */
    private static final class WindowSizesCheck {
        static List<String> outside(Scene scene) {
            List<String> off = new ArrayList<>();
            Bounds bar = inScene(scene.getRoot().lookup(".button-bar"));
            if (bar.getMaxY() > scene.getHeight() + 0.5) {
                off.add("the buttons at " + bar);
            }
            double bottom = Math.min(bar.getMinY(), scene.getHeight());
            for (Node n : scene.getRoot().lookupAll(".text-field")) {
                Bounds b = inScene(n);
                if (n.isVisible() && (b.getMaxY() > bottom || b.getMaxX() > scene.getWidth())) {
                    off.add(n.getId() + " at " + b);
                }
            }
            return off;
        }
    }
}
