// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.fix;

import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.NetworkingMode;
import dev.netdoctor.model.Severity;
import dev.netdoctor.ui.FakeDialogs;
import dev.netdoctor.ui.TaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Fix step's model on the test's own thread, without the FX toolkit: each way a fix can end
 * (applied and undone, declined at the preview, already in place, refused, .wslconfig not found
 * and then chosen) leaves the right words, the right history and the files as they should be.
 */
class FixViewModelTest {
    @TempDir
    Path home;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final AtomicReference<Optional<Path>> wslconfig = new AtomicReference<>(Optional.empty());
    private FixViewModel fixes;

    @BeforeEach
    void model() {
        FixPlaces places = FixPlaces.onThisComputer(home, wslconfig::get, Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        fixes = new FixViewModel(places, dialogs, TaskExecutor.sameThread());
    }

    private FixAction offer(FixSuggestion s) {
        fixes.show(List.of(new Finding(FindingId.DSCP_MARKED_SYN_DROPPED, Severity.PROBLEM, Confidence.HIGH, "t", "e", List.of(), List.of(s))));
        return fixes.actions().getFirst();
    }

    private static FixSuggestion ssh() {
        return new FixSuggestion(FixId.SSH_CONFIG_IPQOS_NONE, "Turn off SSH packet marking for 198.18.1.*", "…",
                new FixPlan.SshIpqosNone("198.18.1.*", "198.18.1.56"));
    }

    private Path sshConfig(String text) throws Exception {
        Path dir = Files.createDirectories(home.resolve(".ssh"));
        return Files.writeString(dir.resolve("config"), text);
    }

    private static boolean sshAvailable() {
        return new LocalLinuxSide().hasCommand("ssh");
    }

    @Test
    void appliedThenUndoneLeavesTheBytesAndTheHistory() throws Exception {
        assumeTrue(sshAvailable(), "Skipping: the fix is checked with ssh -G");
        byte[] original = "Host nas\n  User x\n".getBytes(StandardCharsets.UTF_8);
        Path config = sshConfig(new String(original, StandardCharsets.UTF_8));
        FixAction a = offer(ssh());
        fixes.run(a);
        assertThat(a.statusProperty().get()).startsWith("Applied. Backup: ");
        assertThat(a.busyProperty().get()).isFalse();
        assertThat(Files.readString(config)).contains("IPQoS none");
        // Undo goes back to the backup the status names, which holds the file as it was
        assertThat(a.statusProperty().get()).contains(a.undoProperty().get());
        assertThat(Files.readAllBytes(Path.of(a.undoProperty().get()))).isEqualTo(original);
        fixes.undo(a);
        assertThat(a.statusProperty().get()).startsWith("Undone: ");
        assertThat(Files.readAllBytes(config)).isEqualTo(original);
        assertThat(fixes.history()).extracting(r -> r.action()).containsExactly("applied", "undone");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void theUserCanChooseTheOneMachineInsteadOfItsNetwork() throws Exception {
        assumeTrue(sshAvailable(), "Skipping: the fix is checked with ssh -G");
        Path config = sshConfig("Host nas\n  User x\n");
        FixAction a = offer(ssh());
        assertThat(a.offersOnlyThisHost()).isTrue();
        a.onlyThisHostProperty().set(true);
        fixes.run(a);
        assertThat(a.statusProperty().get()).startsWith("Applied");
        assertThat(Files.readString(config)).contains("Host 198.18.1.56\n").doesNotContain("198.18.1.*");
        assertThat(dialogs.lastDiff).contains("+Host 198.18.1.56");
    }

    @Test
    void declinedAtThePreviewChangesNothing() throws Exception {
        Path config = sshConfig("Host nas\n");
        dialogs.answerYes = false;
        FixAction a = offer(ssh());
        fixes.run(a);
        assertThat(dialogs.lastDiff).contains("+Host 198.18.1.*");
        assertThat(a.statusProperty().get()).isEqualTo("Not applied.");
        assertThat(a.busyProperty().get()).isFalse();
        assertThat(Files.readString(config)).isEqualTo("Host nas\n");
        assertThat(fixes.history()).isEmpty();
    }

    @Test
    void alreadyInPlaceAsksNothing() throws Exception {
        sshConfig("Host 198.18.1.*\n    IPQoS none\n");
        FixAction a = offer(ssh());
        fixes.run(a);
        assertThat(a.statusProperty().get()).isEqualTo("Already in place: nothing to change.");
        assertThat(dialogs.lastDiff).as("no preview shown").isNull();
        assertThat(a.busyProperty().get()).isFalse();
    }

    @Test
    void aConfigWhoseFirstLineWinsIsRefusedAndSaysWhy() throws Exception {
        Path config = sshConfig("IPQoS af21\nHost nas\n");
        FixAction a = offer(ssh());
        fixes.run(a);
        assertThat(a.statusProperty().get()).isEqualTo("Not changed: see why.");
        assertThat(dialogs.errors).singleElement().asString().contains(ssh().title());
        assertThat(fixes.history()).singleElement().satisfies(r -> assertThat(r.action()).startsWith("refused: "));
        assertThat(Files.readString(config)).isEqualTo("IPQoS af21\nHost nas\n");
        assertThat(a.busyProperty().get()).isFalse();
    }

    @Test
    void aWslconfigThatCannotBeFoundIsAskedForAndThenWritten() throws Exception {
        FixSuggestion mirrored = new FixSuggestion(FixId.WSLCONFIG_NETWORKING_MODE, "Switch WSL to mirrored networking", "…",
                FixPlan.WslconfigSetting.networkingMode(NetworkingMode.MIRRORED));
        FixAction a = offer(mirrored);
        // First it says what it needs and where that usually is; declined, nothing opens
        dialogs.answerYes = false;
        fixes.run(a);
        assertThat(dialogs.confirmations).singleElement().asString().startsWith("Choose your .wslconfig file")
                .contains("C:\\Users\\<you>\\.wslconfig").contains("/mnt/c/Users/<you>/.wslconfig");
        assertThat(a.statusProperty().get()).startsWith("Could not find");
        dialogs.answerYes = true;
        fixes.run(a);
        assertThat(a.statusProperty().get()).startsWith("Could not find");
        assertThat(a.busyProperty().get()).isFalse();

        Path chosen = home.resolve(".wslconfig");
        dialogs.openFile = chosen;
        fixes.run(a);
        assertThat(Files.readString(chosen)).contains("[wsl2]").contains("networkingMode=mirrored");
        assertThat(a.statusProperty().get()).startsWith("Applied");
        assertThat(fixes.restartOfferedProperty().get()).as("WSL reads it when it starts: the restart is offered").isTrue();
    }
}
