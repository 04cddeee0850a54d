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
import dev.netdoctor.ui.DialogService;
import dev.netdoctor.ui.FakeDialogs;
import dev.netdoctor.ui.TaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * "Only this machine" chosen: the title on the page, the preview's title, the "Fix applied" note and
 * the recorded fix (the report's and the PDF's source) all name the one machine, never the whole
 * range; the record keeps the exact undo command. A file that does not exist yet is said to be
 * created, not backed up, and not edited "at the end (line 2)".
 */
class FixAsChosenTest {
    @TempDir
    Path home;

    private final FakeDialogs fake = new FakeDialogs();
    /** The title of every dialog shown, whatever the dialog service offers. */
    private final List<String> titles = new CopyOnWriteArrayList<>();
    private FixViewModel fixes;
    private Path wslconfig;

    @BeforeEach
    void model() {
        DialogService dialogs = (DialogService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DialogService.class},
                (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof String title) {
                        titles.add(method.getName() + ": " + title);
                    }
                    return method.invoke(fake, args);
                });
        wslconfig = home.resolve(".wslconfig");
        FixPlaces places = FixPlaces.onThisComputer(home, () -> Optional.of(wslconfig),
                Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        fixes = new FixViewModel(places, dialogs, TaskExecutor.sameThread());
    }

    private FixAction offer(FixSuggestion s) {
        fixes.show(List.of(new Finding(FindingId.DSCP_MARKED_SYN_DROPPED, Severity.PROBLEM, Confidence.HIGH, "t", "e", List.of(), List.of(s))));
        return fixes.actions().getFirst();
    }

    @Test
    void onlyThisMachineIsWhatIsShownRecordedAndNotified() throws Exception {
        assumeTrue(new LocalLinuxSide().hasCommand("ssh"), "Skipping: the fix is checked with ssh -G");
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host nas\n  User x\n");
        FixAction a = offer(new FixSuggestion(FixId.SSH_CONFIG_IPQOS_NONE, "Turn off SSH packet marking for 198.18.1.*", "…",
                new FixPlan.SshIpqosNone("198.18.1.*", "198.18.1.56")));
        assertThat(a.titleProperty().get()).isEqualTo("Turn off SSH packet marking for 198.18.1.*");
        a.onlyThisHostProperty().set(true);
        assertThat(a.titleProperty().get()).isEqualTo("Turn off SSH packet marking for 198.18.1.56");
        assertThat(a.detailProperty().get()).contains("Host 198.18.1.56").doesNotContain("198.18.1.*");
        fixes.run(a);
        assertThat(a.statusProperty().get()).startsWith("Applied");
        assertThat(titles).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContain("198.18.1.*"))
                .anySatisfy(t -> assertThat(t).startsWith("previewChange: ").contains("198.18.1.56"));
        // The note that it was applied is on the Fix page (no window of its own), and names the one machine too.
        assertThat(fixes.noticeProperty().get().title()).isEqualTo("Fix applied");
        assertThat(fixes.noticeProperty().get().text()).startsWith("Turn off SSH packet marking for 198.18.1.56: Applied");
        assertThat(fixes.history()).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Turn off SSH packet marking for 198.18.1.56");
            assertThat(r.undo()).isEqualTo("wsl-net-doctor undo " + a.undoProperty().get());
        });
    }

    @Test
    void aFileThatDoesNotExistYetIsSaidToBeCreatedNotBackedUp() {
        FixAction a = offer(new FixSuggestion(FixId.WSLCONFIG_NETWORKING_MODE, "Switch WSL to mirrored networking", "…",
                FixPlan.WslconfigSetting.networkingMode(NetworkingMode.MIRRORED)));
        fake.answerYes = false;
        fixes.run(a);
        assertThat(fake.lastPreviewText).contains("does not exist yet: it will be created").doesNotContain("backed up")
                .doesNotContain("(line").doesNotContain("at the end of the file");
        assertThat(Files.exists(wslconfig)).isFalse();
    }
}
