// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.diagnosis.Diagnoser;
import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.fix.LocalConfigFiles;
import dev.netdoctor.host.FakeWsl;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.Target;
import dev.netdoctor.probe.config.ConfigFilesProbe;
import dev.netdoctor.report.fixtures.Results;
import dev.netdoctor.session.SessionEvent;
import dev.netdoctor.testing.ScriptedLinux;
import dev.netdoctor.ui.fix.FixAction;
import dev.netdoctor.ui.fix.FixPlaces;
import dev.netdoctor.ui.symptom.Symptom;
import dev.netdoctor.ui.system.CheckItem;
import dev.netdoctor.ui.verify.BeforeAfter;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TitledPane;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The VPN journeys, walked as a user on Windows walks them (the distro "Lab" chosen through the
 * wsl.exe stand-in, the .wslconfig a temporary file), each with the lab's recorded run from its
 * "Windows" (the lab's server typed as host:port, so the wizard asks what the lab's CLI was
 * asked). Rendered light and dark at 900×600 to target/screenshots/{light,dark}-vpn-JOURNEY-STEP.png;
 * every picture is also a look for text cut short, and a command or an evidence line wider than
 * the window.
 * <ul>
 * <li>capture: "Nothing works while my VPN is on" with vpn-captures-wsl-traffic naming the VPN's
 * adapter; mirrored networking applied through the .wslconfig pipeline (preview, backup, undo
 * offered), the route to copy, then Verify; capture-inside-wsl: the same question inside the
 * distro gives gateway-silent, never host-unreachable;</li>
 * <li>mtu: the VPN's smaller packets, path-mtu-blackhole naming its adapter and MTU;</li>
 * <li>proxy: Windows' proxy on 127.0.0.1, windows-proxy-loopback;</li>
 * <li>clock: the distro's clock 90 s off, clock-skew;</li>
 * <li>company-names: "Company names don't resolve on VPN" with vpn-dns-not-in-wsl; DNS tunneling
 * turned on in the .wslconfig, then Verify.</li>
 * </ul>
 * Verify's run is the recording's evidence judged again by the real rules with the .wslconfig as
 * the fix left it: WSL reads .wslconfig only when it starts, so until WSL restarts the network
 * answers as it did, and only the settings file reads differently.
 */
@ExtendWith(ApplicationExtension.class)
class VpnJourneyScreenshotsTest {
    /** What the user had in .wslconfig before: the fix keeps it. */
    private static final String USERS_WSLCONFIG = "[wsl2]\r\nmemory=8GB\r\n";

    @TempDir
    static Path home;

    private Stage stage;
    private WizardViewModel model;
    private FakeDialogs dialogs;
    private Path wslconfig;
    private AfterTheFix runner;
    private DiagnosisResult recorded;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterAll
    static void backToLight() {
        javafx.application.Platform.runLater(() -> WizardApp.applyTheme(false));
    }

    /**
     * The wizard on Windows at 900×600 in the theme asked for, playing {@code recorded}: its
     * distro "Lab" read through the stand-in wsl.exe ({@code onWindows}), or started inside WSL.
     */
    private Scene open(FxRobot robot, boolean dark, String recorded, boolean onWindows) throws Exception {
        assumeTrue(FakeWsl.runs(), "Skipping: needs the wsl.exe stand-in (python3)");
        Path userHome = Files.createTempDirectory(home, "home");
        wslconfig = Files.writeString(userHome.resolve(".wslconfig"), USERS_WSLCONFIG);
        this.recorded = Results.recorded(recorded).result();
        runner = new AfterTheFix(this.recorded, wslconfig);
        FixPlaces places = new FixPlaces(new LocalConfigFiles(userHome), onWindows ? new ScriptedLinux().asDistro() : new ScriptedLinux(),
                () -> Optional.of(wslconfig), new LocalLinuxSide(), java.time.Clock.systemUTC());
        DistroViewModel distros = new DistroViewModel();
        dialogs = new FakeDialogs();
        model = new WizardViewModel(runner, dialogs, new Settings(userHome.resolve("settings.properties")), places, distros, () -> { });
        robot.interact(() -> {
            WizardApp.applyTheme(dark);
            stage.setScene(WizardApp.createScene(model, dialogs));
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

    /**
     * Plays the recording first; each later run (Verify's) is the same evidence with the settings
     * files read again from disk and judged again by the real rules.
     */
    private static final class AfterTheFix implements SessionRunner {
        final List<DiagnosisRequest> requests = new CopyOnWriteArrayList<>();
        private final DiagnosisResult recorded;
        private final Path wslconfig;

        AfterTheFix(DiagnosisResult recorded, Path wslconfig) {
            this.recorded = recorded;
            this.wslconfig = wslconfig;
        }

        @Override
        public Running start(DiagnosisRequest request, Consumer<SessionEvent> listener) {
            requests.add(request);
            DiagnosisResult r = requests.size() == 1 ? recorded : judgedAgain();
            CompletableFuture<DiagnosisResult> done = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                Fixtures.events(r, false).forEach(listener);
                done.complete(r);
            });
            return ScriptedRunner.completing(done);
        }

        private DiagnosisResult judgedAgain() {
            try {
                ConfigFileCheck now = ConfigFilesProbe.checked(ConfigFileKind.WSLCONFIG, wslconfig.toString(), Files.readAllBytes(wslconfig));
                List<ProbeOutcome> probes = new ArrayList<>();
                for (ProbeOutcome p : recorded.probes()) {
                    if (p.probeId() == ProbeId.CONFIG_FILES && p.data() instanceof ProbeData.ConfigFiles files) {
                        List<ConfigFileCheck> checks = new ArrayList<>(List.of(now));
                        files.files().stream().filter(f -> !f.file().equals(ConfigFileCheck.WSLCONFIG)).forEach(checks::add);
                        List<Evidence> evidence = new ArrayList<>(List.of(Evidence.of(".wslconfig (" + wslconfig + "): " + now.settings())));
                        p = new ProbeOutcome(p.probeId(), p.title(), p.status(), p.summary(),
                                Map.of(ConfigFileCheck.WSLCONFIG, wslconfig.toString()), p.startedAfterMillis(), p.durationMillis(),
                                new ProbeData.ConfigFiles(checks), evidence, p.error());
                    }
                    probes.add(p);
                }
                Target target = recorded.request().target() == null ? null : Target.parse(recorded.request().target());
                List<Finding> findings = new Diagnoser().diagnose(target, recorded.environment(), probes, recorded.complete());
                return new DiagnosisResult(recorded.schemaVersion(), recorded.tool(), recorded.toolVersion(), recorded.startedAt(),
                        recorded.durationMillis(), recorded.request(), recorded.environment(), probes, findings,
                        Diagnoser.verdict(findings, recorded.complete()), recorded.complete());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static Screenshots.Journey shots(boolean dark, String journey) {
        return new Screenshots.Journey(dark, "vpn-" + journey);
    }

    /** The machine as the lab's run was asked about it, written as a user writes it on a page without a Port field. */
    private static String typed(DiagnosisResult recorded, Symptom symptom) {
        Target t = Target.parse(recorded.request().target());
        return t.port() == symptom.defaultPort() ? t.host() : t.toString();
    }

    /** From the first page to the Diagnosis: symptom, Details (the machine), Your system (and Windows' part), checks. */
    private Scene toDiagnosis(FxRobot robot, Scene scene, Optional<Screenshots.Journey> shots, Symptom symptom, boolean onWindows) throws Exception {
        robot.interact(() -> model.symptomProperty().set(symptom));
        save(shots, scene, "1-symptom");
        robot.interact(model::next);
        robot.interact(() -> model.details().hostProperty().set(typed(recorded, symptom)));
        assertThat(model.details().validProperty().get()).isTrue();
        save(shots, scene, "2-details");
        robot.interact(model::next);
        // The wizard asks the engine exactly what the lab's CLI was asked
        assertThat(runner.requests.getFirst().target()).isEqualTo(Target.parse(recorded.request().target()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.systemReadyProperty().get());
        save(shots, scene, "3-system");
        if (onWindows) {
            // Windows' own section has what a VPN changes: the WSL adapter, the VPN's name rules, the proxy
            assertThat(model.system()).extracting(CheckItem::label).contains("WSL adapter", "Name rules (VPN)", "Proxy");
            robot.interact(() -> scrollTo(scene.getRoot().lookup(".checklist-section")));
            save(shots, scene, "3-system-windows");
        }
        robot.interact(model::next);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        save(shots, scene, "4-checks");
        robot.interact(model::next);
        assertThat(model.stepProperty().get()).isEqualTo(Step.DIAGNOSIS);
        return scene;
    }

    private static void save(Optional<Screenshots.Journey> shots, Scene scene, String step) throws Exception {
        if (shots.isPresent()) {
            shots.get().save(scene, step);
        } else {
            assertThat(Fixtures.fx(() -> Screenshots.truncated(scene))).as(step + ": text cut short").isEmpty();
            assertThat(Fixtures.fx(() -> Screenshots.wider(scene))).as(step + ": wider than the window").isEmpty();
        }
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

    /** A fix's card on the Fix step: its button's row, then the card. */
    private static javafx.scene.Node card(Scene scene, String fix) {
        return scene.getRoot().lookup("#fix-" + fix).getParent().getParent();
    }

    /** The Diagnosis as it opens, then with its evidence unfolded (Technical details, and every check). */
    private void diagnosis(FxRobot robot, Scene scene, Screenshots.Journey shots, String finding) throws Exception {
        assertThat(robot.lookup("#finding-" + finding).tryQuery()).as(finding + " on the Diagnosis").isPresent();
        shots.save(scene, "5-diagnosis");
        robot.interact(() -> scene.getRoot().lookupAll(".titled-pane").forEach(p -> ((TitledPane) p).setExpanded(true)));
        shots.save(scene, "5-diagnosis-evidence");
        robot.interact(() -> scene.getRoot().lookupAll(".titled-pane").forEach(p -> ((TitledPane) p).setExpanded(false)));
    }

    private List<String> offered() {
        return model.fixes().actions().stream().map(a -> a.suggestion().id().id()).toList();
    }

    private List<String> findings() {
        return model.findings().stream().map(f -> f.id().id()).toList();
    }

    /**
     * Applies the .wslconfig fix {@code fix} from the Fix step as a user does (preview, then
     * apply), and checks what it wrote: {@code line} added in [wsl2], the user's own lines kept.
     */
    private void apply(FxRobot robot, Scene scene, Screenshots.Journey shots, String fix, String line) throws Exception {
        FixAction action = model.fixes().actions().stream().filter(a -> a.suggestion().id().id().equals(fix)).findFirst().orElseThrow();
        assertThat(action.kind()).isEqualTo(FixWiring.Writes.WSLCONFIG);
        assertThat(model.fixes().appliesHere(action)).as("written from Windows, no command to copy").isTrue();
        robot.interact(() -> robot.lookup("#fix-" + fix).queryAs(Button.class).fire());
        Fixtures.until(() -> action.statusProperty().get().startsWith("Applied"));
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.lastDiff).contains("+" + line);
        assertThat(dialogs.lastPreviewText).contains("backed up");
        assertThat(Files.readString(wslconfig, StandardCharsets.UTF_8)).contains(line).contains("memory=8GB");
        assertThat(model.fixes().restartOfferedProperty().get()).as("WSL reads .wslconfig when it starts").isTrue();
        assertThat(Fixtures.fx(() -> robot.lookup("#restart-wsl").query().isVisible())).isTrue();
        // The notice above the list says it was applied; the list shows the card with its status and Undo
        assertThat(Fixtures.fx(() -> robot.lookup("#fix-notice").query().isVisible())).isTrue();
        assertThat(Fixtures.fx(() -> robot.lookup("#undo-" + fix).query().isVisible())).isTrue();
        robot.interact(() -> scrollTo(card(scene, fix)));
        shots.save(scene, "6-fix-applied");
    }

    /** Verify: the checks again, before and after side by side. */
    private List<String> verify(FxRobot robot, Scene scene, Screenshots.Journey shots) throws Exception {
        robot.interact(model::next);
        assertThat(model.stepProperty().get()).isEqualTo(Step.VERIFY);
        robot.interact(() -> robot.lookup("#verify-run").queryAs(Button.class).fire());
        Fixtures.until(() -> !model.verify().rows().isEmpty() && !model.verifyingProperty().get());
        assertThat(runner.requests).hasSize(2);
        assertThat(runner.requests.getLast()).isEqualTo(runner.requests.getFirst());
        shots.save(scene, "7-verify");
        return Fixtures.fx(() -> model.verify().rows().stream().map(BeforeAfter::toString).toList());
    }

    private void capture(FxRobot robot, boolean dark) throws Exception {
        Screenshots.Journey shots = shots(dark, "capture");
        Scene scene = toDiagnosis(robot, open(robot, dark, "vpn-captures-wsl-traffic", true), Optional.of(shots), Symptom.NOTHING_WORKS_ON_VPN, true);
        // Windows reaches the machine and WSL does not: the VPN's adapter by its name, never "host unreachable"
        assertThat(findings()).containsExactly("vpn-captures-wsl-traffic");
        assertThat(model.findings().getFirst().title()).contains("PANGP Virtual Ethernet Adapter");
        diagnosis(robot, scene, shots, "vpn-captures-wsl-traffic");
        robot.interact(model::next);
        assertThat(offered()).containsExactly("wslconfig-networking-mode", "wslconfig-networking-virtioproxy", "windows-route-for-wsl");
        assertThat(model.fixes().isRecommended(model.fixes().actions().getFirst())).isTrue();
        assertThat(robot.lookup("#recommended-wslconfig-networking-mode").tryQuery()).isPresent();
        shots.save(scene, "6-fix");
        // The route the VPN may allow: a command for PowerShell run as administrator, to copy, never run by us
        FixAction route = model.fixes().actions().getLast();
        assertThat(route.kind()).isEqualTo(FixWiring.Writes.NOTHING);
        robot.interact(() -> scrollTo(card(scene, "windows-route-for-wsl")));
        shots.save(scene, "6-fix-route");
        apply(robot, scene, shots, "wslconfig-networking-mode", "networkingMode=mirrored");
        List<String> rows = verify(robot, scene, shots);
        // WSL has not restarted: the capture is still there, and Verify says why
        assertThat(rows).anyMatch(r -> r.contains("PANGP") && r.contains("still there"));
        assertThat(Fixtures.fx(() -> robot.lookup("#verify-restart-pending").query().isVisible())).isTrue();
        Screenshots.assertThemed(dark, shots.tones());
    }

    /** Inside the distro only the silence shows: gateway-silent, never host-unreachable, with the same first fix. */
    private void captureInsideWsl(FxRobot robot, boolean dark) throws Exception {
        Screenshots.Journey shots = shots(dark, "capture-inside-wsl");
        Scene scene = toDiagnosis(robot, open(robot, dark, "gateway-silent", false), Optional.empty(), Symptom.NOTHING_WORKS_ON_VPN, false);
        assertThat(findings()).containsExactly("gateway-silent");
        diagnosis(robot, scene, shots, "gateway-silent");
        robot.interact(model::next);
        assertThat(offered()).startsWith("wslconfig-networking-mode");
        shots.save(scene, "6-fix");
        Screenshots.assertThemed(dark, shots.tones());
    }

    /** A VPN with a smaller MTU: path-mtu-blackhole names its adapter; the MTU set in the distro at each start, or on the adapter. */
    private void mtu(FxRobot robot, boolean dark) throws Exception {
        Screenshots.Journey shots = shots(dark, "mtu");
        Scene scene = toDiagnosis(robot, open(robot, dark, "vpn-mtu", true), Optional.empty(), Symptom.NOTHING_WORKS_ON_VPN, true);
        assertThat(findings()).containsExactly("path-mtu-blackhole");
        assertThat(model.findings().getFirst().explanation()).contains("PANGP");
        diagnosis(robot, scene, shots, "path-mtu-blackhole");
        robot.interact(model::next);
        assertThat(offered()).containsExactly("wsl-conf-boot-mtu", "windows-adapter-mtu");
        shots.save(scene, "6-fix");
        Screenshots.assertThemed(dark, shots.tones());
    }

    /** Windows' proxy on 127.0.0.1 (WSL drops it in NAT mode): the proxy's program named, mirrored mode or its "Allow LAN". */
    private void proxy(FxRobot robot, boolean dark) throws Exception {
        Screenshots.Journey shots = shots(dark, "proxy");
        Scene scene = toDiagnosis(robot, open(robot, dark, "windows-proxy-loopback", true), Optional.empty(), Symptom.NOTHING_WORKS_ON_VPN, true);
        assertThat(findings()).containsExactly("windows-proxy-loopback");
        diagnosis(robot, scene, shots, "windows-proxy-loopback");
        robot.interact(model::next);
        assertThat(offered()).containsExactly("wslconfig-networking-mode", "proxy-allow-lan", "windows-firewall-allow-port", "wslconfig-auto-proxy");
        shots.save(scene, "6-fix");
        Screenshots.assertThemed(dark, shots.tones());
    }

    /** The distro's clock off by 90 s: how far and which way, what it breaks, and the command that sets it again. */
    private void clock(FxRobot robot, boolean dark) throws Exception {
        Screenshots.Journey shots = shots(dark, "clock");
        Scene scene = toDiagnosis(robot, open(robot, dark, "clock-skew", true), Optional.empty(), Symptom.NOTHING_WORKS_ON_VPN, true);
        assertThat(findings()).containsExactly("clock-skew");
        assertThat(model.findings().getFirst().title()).contains("90 seconds");
        diagnosis(robot, scene, shots, "clock-skew");
        robot.interact(model::next);
        assertThat(offered()).containsExactly("resync-distro-clock");
        shots.save(scene, "6-fix");
        Screenshots.assertThemed(dark, shots.tones());
    }

    private void companyNames(FxRobot robot, boolean dark) throws Exception {
        Screenshots.Journey shots = shots(dark, "company-names");
        Scene scene = toDiagnosis(robot, open(robot, dark, "vpn-dns-not-in-wsl", true), Optional.of(shots), Symptom.COMPANY_NAMES_DONT_RESOLVE, true);
        assertThat(findings()).contains("vpn-dns-not-in-wsl");
        diagnosis(robot, scene, shots, "vpn-dns-not-in-wsl");
        robot.interact(model::next);
        assertThat(offered()).first().isEqualTo("wslconfig-dns-tunneling");
        assertThat(robot.lookup("#recommended-wslconfig-dns-tunneling").tryQuery()).isPresent();
        shots.save(scene, "6-fix");
        apply(robot, scene, shots, "wslconfig-dns-tunneling", "dnsTunneling=true");
        List<String> rows = verify(robot, scene, shots);
        assertThat(rows).isNotEmpty();
        assertThat(Fixtures.fx(() -> robot.lookup("#verify-restart-pending").query().isVisible())).isTrue();
        Screenshots.assertThemed(dark, shots.tones());
    }

    @Test
    void theCaptureJourneyInLight(FxRobot robot) throws Exception {
        capture(robot, false);
    }

    @Test
    void theCaptureJourneyInDark(FxRobot robot) throws Exception {
        capture(robot, true);
    }

    @Test
    void insideWslTheCaptureIsASilentGatewayInLight(FxRobot robot) throws Exception {
        captureInsideWsl(robot, false);
    }

    @Test
    void insideWslTheCaptureIsASilentGatewayInDark(FxRobot robot) throws Exception {
        captureInsideWsl(robot, true);
    }

    @Test
    void theVpnMtuJourneyInLight(FxRobot robot) throws Exception {
        mtu(robot, false);
    }

    @Test
    void theVpnMtuJourneyInDark(FxRobot robot) throws Exception {
        mtu(robot, true);
    }

    @Test
    void theProxyOnWindowsLoopbackInLight(FxRobot robot) throws Exception {
        proxy(robot, false);
    }

    @Test
    void theProxyOnWindowsLoopbackInDark(FxRobot robot) throws Exception {
        proxy(robot, true);
    }

    @Test
    void theDistrosClockOffInLight(FxRobot robot) throws Exception {
        clock(robot, false);
    }

    @Test
    void theDistrosClockOffInDark(FxRobot robot) throws Exception {
        clock(robot, true);
    }

    @Test
    void theCompanyNamesJourneyInLight(FxRobot robot) throws Exception {
        companyNames(robot, false);
    }

    @Test
    void theCompanyNamesJourneyInDark(FxRobot robot) throws Exception {
        companyNames(robot, true);
    }
}
