// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.FindingId;
import dev.netdoctor.ui.fix.FixPlaces;
import dev.netdoctor.ui.system.CheckItem;
import dev.netdoctor.ui.verify.BeforeAfter;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole wizard, driven like a user would: choose, type, run (a scripted session with the
 * DSCP lab's events), read the finding, preview and apply the ssh fix to a temporary home,
 * undo it, verify, export. Screenshots of every step go to target/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {
    @TempDir
    static Path home;

    private final FakeDialogs dialogs = new FakeDialogs();
    /** The user's ssh config as OpenSSH 10 ships its default marking, written out. */
    private static final String USERS_CONFIG = "Host *\n    IPQoS af21 cs1\n";
    private DscpNetworkRunner runner;
    private Path sshConfig;
    private final AtomicBoolean exited = new AtomicBoolean();
    private WizardViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        WizardApp.applyTheme(false);
        Path userHome = Files.createTempDirectory(home, "home");
        sshConfig = userHome.resolve(".ssh").resolve("config");
        Files.createDirectories(sshConfig.getParent());
        Files.writeString(sshConfig, USERS_CONFIG);
        runner = new DscpNetworkRunner(sshConfig);
        FixPlaces places = FixPlaces.onThisComputer(userHome, () -> Optional.of(userHome.resolve(".wslconfig")),
                Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        model = new WizardViewModel(runner, dialogs, new Settings(userHome.resolve("settings.properties")), places, () -> exited.set(true));
        scene = WizardApp.createScene(model, dialogs);
        stage.setScene(scene);
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return Fixtures.fx(c);
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        Fixtures.until(condition);
    }

    private <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    private void press(FxRobot robot, String id) {
        robot.interact(() -> find(robot, id, ButtonBase.class).fire());
    }

    private boolean nextEnabled(FxRobot robot) throws Exception {
        return fx(() -> !find(robot, "#next", Button.class).isDisabled());
    }

    private void shot(String name) throws Exception {
        Screenshots.save(scene, "light-" + name + ".png");
    }

    @Test
    void aUserGoesFromSymptomToReport(FxRobot robot) throws Exception {
        // 1. What's wrong?
        assertThat(nextEnabled(robot)).isFalse();
        // The focused card shows a dashed ring: a solid accent border read as "already chosen".
        javafx.scene.control.ToggleButton first = find(robot, "#symptom-ssh-hangs", javafx.scene.control.ToggleButton.class);
        assertThat(fx(() -> first.isFocused() && !first.isSelected())).isTrue();
        assertThat(fx(() -> first.getBorder().getStrokes().getFirst().getTopStyle().getDashArray())).isNotEmpty();
        shot("1-whats-wrong");
        press(robot, "#symptom-ssh-hangs");
        assertThat(nextEnabled(robot)).isTrue();
        assertThat(fx(() -> first.getBorder() == null || first.getBorder().getStrokes().isEmpty()
                || first.getBorder().getStrokes().getFirst().getTopStyle().getDashArray().isEmpty())).as("chosen: no dashes").isTrue();
        press(robot, "#next");

        // 2. Details: validated as you type
        robot.clickOn("#host").write("nas box");
        until(() -> !find(robot, "#host-error", Label.class).getText().isEmpty());
        assertThat(fx(() -> find(robot, "#host-error", Label.class).getText())).contains("space");
        assertThat(fx(() -> find(robot, "#host", TextField.class).getStyleClass())).as("the field is marked (ControlsFX validation)").contains("error");
        assertThat(nextEnabled(robot)).isFalse();
        shot("2-details-invalid");
        robot.interact(() -> find(robot, "#host", TextField.class).setText(""));
        robot.clickOn("#host").write(Fixtures.TARGET);
        until(() -> find(robot, "#host-error", Label.class).getText().isEmpty());
        assertThat(fx(() -> find(robot, "#host", TextField.class).getStyleClass())).doesNotContain("error");
        robot.interact(() -> find(robot, "#port", TextField.class).setText("70000"));
        assertThat(fx(() -> find(robot, "#port-error", Label.class).getText())).contains("out of range");
        robot.interact(() -> find(robot, "#port", TextField.class).setText("22"));
        assertThat(nextEnabled(robot)).isTrue();
        shot("2-details");
        press(robot, "#next");
        assertThat(runner.requests).singleElement().satisfies(r -> assertThat(r.target().toString()).isEqualTo(Fixtures.TARGET + ":22"));

        // 3. Your system
        until(() -> model.systemReadyProperty().get());
        assertThat(fx(() -> model.system().stream().map(CheckItem::label).toList())).contains("WSL networking mode", "IPQoS ssh will use for this host");
        assertThat(robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)).anyMatch(t -> t.contains("af21 cs1"));
        shot("3-your-system");
        press(robot, "#next");

        // 4. Running checks: the SYN-SENT row and the route, then done
        until(() -> model.resultProperty().get() != null);
        TableView<?> sockets = find(robot, "#sockets", TableView.class);
        java.util.List<String> socketRows = fx(() -> sockets.getItems().stream().map(Object::toString).toList());
        assertThat(socketRows).anyMatch(r -> r.contains("SYN-SENT") && r.contains("ssh") && r.contains("4242") && r.contains("12.4 s"));
        java.util.List<String> routeLines = fx(() -> find(robot, "#routes", ListView.class).getItems().stream().map(Object::toString).toList());
        assertThat(routeLines).anyMatch(r -> r.contains(Fixtures.TARGET + " (tcp port 22) → eth0 via 198.18.0.1"));
        assertThat(fx(() -> find(robot, "#checks-done", Label.class).getText())).contains("All checks finished");
        shot("4-running-checks");
        press(robot, "#next");

        // 5. Diagnosis: the finding card, with details folded away
        Node card = find(robot, "#finding-dscp-marked-syn-dropped", Node.class);
        assertThat(card).isNotNull();
        assertThat(robot.from(card).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText))
                .anyMatch(t -> t.startsWith("Marked SSH packets are dropped on the way to " + Fixtures.TARGET))
                .anyMatch(t -> t.contains("We are sure"));
        robot.interact(() -> robot.from(card).lookup(".titled-pane").queryAs(TitledPane.class).setExpanded(true));
        // Every command with its output can be copied as shown; the terms it uses are explained
        Button copyBlock = robot.from(card).lookup((java.util.function.Predicate<Node>) n -> n.getId() != null && n.getId().startsWith("copy-dscp-marked-syn-dropped-")).queryAs(Button.class);
        robot.interact(copyBlock::fire);
        assertThat(dialogs.clipboard).startsWith("$ ssh -v -o IPQoS=af21 -- 198.18.1.56 true\n");
        assertThat(fx(() -> robot.lookup("#terms-dscp-marked-syn-dropped").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .filter(Label.class::isInstance).map(n -> ((Label) n).getText()).toList()))
                .anyMatch(t -> t.startsWith("IPQoS: ssh's setting for the priority tag"));
        shot("5-diagnosis");
        press(robot, "#next");

        // 6. Fix: preview → apply → backup shown; verify; then undo and verify again
        assertThat(fx(() -> find(robot, "#fix-ssh-config-ipqos-none", Button.class).getText())).isNotBlank();
        assertThat(model.fixes().actions()).extracting(a -> a.suggestion().title())
                .contains("Turn off SSH packet marking for 198.18.1.*");
        assertThat(fx(() -> find(robot, "#recommended-ssh-config-ipqos-none", Label.class).getText())).isEqualTo("Recommended: try this first");
        press(robot, "#copy-try-ssh-config-ipqos-none");
        assertThat(dialogs.clipboard).isEqualTo("ssh -o IPQoS=none 198.18.1.56");
        assertThat(fx(() -> find(robot, "#only-this-host-ssh-config-ipqos-none", javafx.scene.control.CheckBox.class).getText()))
                .isEqualTo("Only for 198.18.1.56 (not the other machines of 198.18.1.*)");
        assertThat(robot.lookup("#recommended-wslconfig-networking-mode").tryQuery()).as("one fix is recommended").isEmpty();
        shot("6-fix");
        press(robot, "#fix-ssh-config-ipqos-none");
        until(() -> model.fixes().actions().getFirst().statusProperty().get().startsWith("Applied"));
        assertThat(dialogs.lastDiff).contains("+Host 198.18.1.*").contains("+    IPQoS none");
        assertThat(dialogs.lastPreviewText).contains("backed up");
        assertThat(fx(() -> {
            atlantafx.base.controls.Message notice = find(robot, "#fix-notice", atlantafx.base.controls.Message.class);
            return notice.isVisible() ? notice.getTitle() + ": " + notice.getDescription() : "";
        })).startsWith("Fix applied: Turn off SSH packet marking for 198.18.1.*: Applied. Backup: ");
        String status = fx(() -> find(robot, "#status-ssh-config-ipqos-none", Label.class).getText());
        assertThat(status).startsWith("Applied");
        assertThat(fx(() -> find(robot, "#undo-ssh-config-ipqos-none", Button.class).isVisible())).isTrue();
        shot("6-fix-applied");
        // The file on disk: the new block comes first, so it wins over "Host *"
        assertThat(Files.readString(sshConfig)).contains("Host 198.18.1.*\n    IPQoS none\n").endsWith(USERS_CONFIG);
        press(robot, "#next");

        // 7. Verify: the checks again, judged on what the real ssh makes of the file now
        press(robot, "#verify-run");
        until(() -> !model.verify().rows().isEmpty() && !model.verifyingProperty().get());
        assertThat(runner.userMarkings).as("ssh -G before the fix, then after it").containsExactly("af21", "none");
        List<String> afterFix = fx(() -> model.verify().rows().stream().map(BeforeAfter::toString).toList());
        assertThat(afterFix).anyMatch(r -> r.contains("Marked SSH packets") && r.contains("fixed for ssh"))
                .noneMatch(r -> r.contains("still there"));
        assertThat(model.verificationProperty().get().findings()).extracting(f -> f.id())
                .contains(FindingId.DSCP_FIXED_FOR_SSH).doesNotContain(FindingId.DSCP_MARKED_SYN_DROPPED);
        // A row that got better: its After in one colour, its Before ("found") in another, not both green.
        java.util.Map<String, java.util.Set<javafx.scene.paint.Paint>> fills = fx(() -> {
            java.util.Map<String, java.util.Set<javafx.scene.paint.Paint>> byColumn = new java.util.TreeMap<>();
            for (javafx.scene.control.TableCell<?, ?> cell : robot.lookup(".verify-cell").queryAllAs(javafx.scene.control.TableCell.class)) {
                Object item = cell.getTableRow() == null ? null : cell.getTableRow().getItem();
                if (item instanceof BeforeAfter row && row.better() && cell.getGraphic() instanceof javafx.scene.text.Text text) {
                    String column = cell.getStyleClass().contains("after-cell") ? "after" : cell.getStyleClass().contains("before-cell") ? "before" : "what";
                    byColumn.computeIfAbsent(column, k -> new java.util.HashSet<>()).add(text.getFill());
                }
            }
            return byColumn;
        });
        assertThat(fills.get("after")).isNotEmpty();
        assertThat(fills.get("before")).isNotEmpty().doesNotContainAnyElementsOf(fills.get("after"));
        shot("7-verify");

        // Undo, and the same check says the problem is back: the verdict follows the file, not a script
        press(robot, "#back");
        press(robot, "#undo-ssh-config-ipqos-none");
        until(() -> model.fixes().actions().getFirst().statusProperty().get().startsWith("Undone"));
        assertThat(Files.readString(sshConfig)).isEqualTo(USERS_CONFIG);
        assertThat(dialogs.errors).isEmpty();
        press(robot, "#next");
        press(robot, "#verify-run");
        until(() -> runner.userMarkings.size() == 3 && !model.verifyingProperty().get());
        assertThat(runner.userMarkings.getLast()).isEqualTo("af21");
        assertThat(fx(() -> model.verify().rows().stream().map(BeforeAfter::toString).toList()))
                .anyMatch(r -> r.contains("Marked SSH packets") && r.contains("still there"));
        press(robot, "#next");

        // 8. Report: copy the summary, save JSON
        assertThat(fx(() -> find(robot, "#summary", TextArea.class).getText())).contains("**Verdict:** Marked SSH packets are dropped");
        press(robot, "#copy-summary");
        assertThat(dialogs.clipboard).contains("dscp-marked-syn-dropped");
        Path json = home.resolve("result.json");
        dialogs.saveTo = json;
        press(robot, "#save-json");
        until(() -> Files.exists(json) && Files.size(json) > 0);
        assertThat(Files.readString(json)).contains("\"schemaVersion\" : 1").contains("dscp-marked-syn-dropped")
                .contains("\"fixHistory\"").contains("\"action\" : \"applied\"").contains("\"action\" : \"undone\"")
                .contains("\"verification\"");
        Path pdf = home.resolve("report.pdf");
        dialogs.saveTo = pdf;
        press(robot, "#export-pdf");
        until(() -> Files.exists(pdf) && Files.size(pdf) > 1000 && !model.report().exportingProperty().get());
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // Afterwards: where it went, and a way to open it or its folder
        assertThat(fx(() -> find(robot, "#report-status", Label.class).getText())).isEqualTo("Saved " + pdf + ".");
        assertThat(fx(() -> find(robot, "#report-masker", Node.class).isVisible())).isFalse();
        press(robot, "#open-saved");
        press(robot, "#show-saved-folder");
        assertThat(dialogs.opened).containsExactly(pdf, pdf.getParent());
        robot.interact(() -> find(robot, "#redact", javafx.scene.control.CheckBox.class).setSelected(true));
        assertThat(fx(() -> find(robot, "#summary", TextArea.class).getText())).contains("Redacted");
        robot.interact(() -> find(robot, "#redact", javafx.scene.control.CheckBox.class).setSelected(false));
        shot("8-report");
        // The last step's way out is Finish, not Cancel; the report is saved, so it leaves without asking.
        assertThat(nextEnabled(robot)).isTrue();
        assertThat(fx(() -> find(robot, "#next", Button.class).getText())).isEqualTo("_Finish");
        int asked = dialogs.confirmations.size();
        press(robot, "#next");
        assertThat(exited).isTrue();
        assertThat(dialogs.confirmations).hasSize(asked);
    }

    @Test
    void cancelOnTheFirstStepLeavesAndEscapeIsCancel(FxRobot robot) {
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(exited).isTrue();
    }

    @Test
    void keyboardAloneGetsThroughTheFirstStep(FxRobot robot) throws Exception {
        robot.press(javafx.scene.input.KeyCode.TAB).release(javafx.scene.input.KeyCode.TAB);
        robot.press(javafx.scene.input.KeyCode.SPACE).release(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.symptomProperty().get()).isNotNull();
        robot.press(javafx.scene.input.KeyCode.ENTER).release(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.stepProperty().get()).isEqualTo(Step.DETAILS);
        Node focused = fx(() -> scene.getFocusOwner());
        assertThat(focused).as("focus is somewhere visible on the new page").isNotNull();
    }
}
