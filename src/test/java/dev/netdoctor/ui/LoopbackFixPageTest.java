// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.diagnosis.Diagnoser;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.PolicyRule;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.ServicePort;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.testing.Environments;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WSL's mirrored loopback trap as a plain user meets it (the service is another user's, 127.0.0.2
 * is redirected too): the fix the wizard recommends keeps local access, and binding to the
 * network address names the address and says it gives local tests up.
 */
@ExtendWith(ApplicationExtension.class)
class LoopbackFixPageTest {
    @TempDir
    static Path home;

    private WizardViewModel model;
    private Scene scene;

    private static ProbeOutcome outcome(ProbeId id, ProbeData data) {
        return new ProbeOutcome(id, id.id(), ProbeStatus.COMPLETED, id.id(), Map.of(), 0, 1, data, List.of(), null);
    }

    private static LocalConnect refused(String address, int port) {
        return new LocalConnect(address, address.startsWith("127.") ? "loopback" : "address of eth0", port, ConnectResult.REFUSED, 1, null);
    }

    private static RouteLookup away(String address, Integer port, String table) {
        return new RouteLookup(address, "tcp", port, "loopback0", "169.254.73.2", address, table, null, null);
    }

    static DiagnosisResult mirroredTrap() {
        Environment env = Environments.linux().kernel("6.6.87.2-microsoft-standard-WSL2").wsl(Environments.wsl2("Ubuntu", "mirrored"))
                .interfaces(Environments.LOOPBACK, new NetInterface("eth0", 1500, true, List.of("198.18.2.2"), List.of()))
                .defaultGateway("198.18.2.1").build();
        TcpConnection listener = new TcpConnection("LISTEN", "0.0.0.0", 8443, "0.0.0.0", 0, -1, null, null, 0, false);
        List<ProbeOutcome> probes = List.of(
                outcome(ProbeId.LOOPBACK_SELF_TEST, new ProbeData.LoopbackSelfTest(40000, List.of(refused("127.0.0.1", 40000),
                        refused("198.18.2.2", 40000), refused("127.0.0.2", 40000)))),
                outcome(ProbeId.SERVICE_PORTS, new ProbeData.ServicePorts(List.of(new ServicePort(8443, List.of(listener),
                        List.of(refused("127.0.0.1", 8443), refused("198.18.2.2", 8443), refused("127.0.0.2", 8443)))))),
                outcome(ProbeId.LOCAL_ROUTES, new ProbeData.Routes(List.of(away("127.0.0.1", null, "127"), away("127.0.0.1", 8443, "127"),
                        away("198.18.2.2", null, "128"), away("127.0.0.2", null, "127")),
                        List.of(new PolicyRule(1, "iif lo ipproto tcp dst 127.0.0.0/8", "lookup 127")))));
        List<Finding> findings = new Diagnoser().diagnose(null, env, probes);
        DiagnosisRequest request = new DiagnosisRequest(null, List.of(8443), null, null, null);
        return new DiagnosisResult(1, "wsl-net-doctor", "test", OffsetDateTime.parse("2026-11-22T03:00:00Z"), 900,
                DiagnosisResult.Request.of(request), env, probes, findings, Diagnoser.verdict(findings, true), true);
    }

    @Start
    void start(Stage stage) throws Exception {
        WizardApp.applyTheme(false);
        FakeDialogs dialogs = new FakeDialogs();
        model = Fixtures.wizard(home, new ScriptedRunner(mirroredTrap()), dialogs);
        scene = WizardApp.createScene(model, dialogs);
        stage.setScene(scene);
        stage.show();
    }

    private static void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(ButtonBase.class).fire());
    }

    private static String text(FxRobot robot, Node card) {
        return String.join("\n", robot.from(card).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    @Test
    void theRecommendedFixKeepsLocalAccessAndNoOneIsAnUnknownProcess(FxRobot robot) throws Exception {
        fire(robot, "#symptom-own-port-unreachable");
        fire(robot, "#next");
        robot.interact(() -> robot.lookup("#service-port").queryAs(TextField.class).setText("8443"));
        fire(robot, "#next");
        fire(robot, "#next");
        Fixtures.until(() -> model.resultProperty().get() != null);
        fire(robot, "#next");
        String diagnosis = Fixtures.fx(() -> String.join("\n", robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList()));
        assertThat(diagnosis).contains("Your service on port 8443 is fine and listening").doesNotContain("unknown process");
        fire(robot, "#next");
        assertThat(model.stepProperty().get()).isEqualTo(Step.FIX);
        assertThat(robot.lookup("#recommended-wslconfig-networking-mode").tryQuery()).as("NAT keeps 127.0.0.1 inside Linux").isPresent();
        assertThat(robot.lookup("#recommended-bind-service-to-interface").tryQuery()).isEmpty();
        Node bind = Fixtures.fx(() -> robot.lookup("#fix-bind-service-to-interface").queryAs(Node.class).getParent().getParent());
        assertThat(Fixtures.fx(() -> text(robot, bind))).contains("bind the service to 198.18.2.2")
                .contains("bind the program listening on port 8443 to 198.18.2.2").contains("gives up local tests")
                .doesNotContain("unknown process");
        Screenshots.save(scene, "light-6-fix-loopback.png");
        javafx.scene.control.ScrollPane fixes = Fixtures.fx(() -> robot.lookup(".scroll-pane").queryAllAs(javafx.scene.control.ScrollPane.class)
                .stream().filter(p -> p.getContent() != null && p.getContent().lookup("#fix-bind-service-to-interface") != null).findFirst().orElseThrow());
        // The binding card at the top of the view
        robot.interact(() -> {
            Node card = fixes.getContent().lookup("#fix-bind-service-to-interface").getParent().getParent();
            double room = fixes.getContent().getLayoutBounds().getHeight() - fixes.getViewportBounds().getHeight();
            fixes.setVvalue(Math.min(fixes.getVmax(), card.getBoundsInParent().getMinY() / room));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(scene, "light-6-fix-loopback-bind.png");
        try {
            robot.interact(() -> WizardApp.applyTheme(true));
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(scene, "dark-6-fix-loopback-bind.png");
            robot.interact(() -> fixes.setVvalue(fixes.getVmin()));
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.save(scene, "dark-6-fix-loopback.png");
        } finally {
            robot.interact(() -> WizardApp.applyTheme(false));
        }
    }
}
