// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.fix;

import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.Severity;
import dev.netdoctor.ui.FakeDialogs;
import dev.netdoctor.ui.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The localhost relay's fixes on the Fix step: localhostForwarding back on through the safe
 * .wslconfig pipeline (shown, checked, undone byte-exact), and the WSL restart its findings need,
 * offered at once and asked before it runs.
 */
class RelayFixViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private final FakeDialogs dialogs = new FakeDialogs();

    private FixViewModel model(Path wslconfig) {
        FixPlaces places = FixPlaces.onThisComputer(home, () -> Optional.of(wslconfig), CLOCK);
        return new FixViewModel(places, dialogs, TaskExecutor.sameThread());
    }

    private static final FixSuggestion FORWARDING = new FixSuggestion(FixId.WSLCONFIG_LOCALHOST_FORWARDING, "Turn localhostForwarding back on",
            "…", new FixPlan.WslconfigSetting("wsl2.localhostForwarding", "true"));
    private static final FixSuggestion RESTART = new FixSuggestion(FixId.RESTART_WSL, "Restart WSL", "wsl --shutdown");

    @Test
    void localhostForwardingIsSetBackOnCheckedAndUndoneByteExact() throws Exception {
        Path wslconfig = home.resolve(".wslconfig");
        byte[] original = "[wsl2]\r\nmemory=8GB\r\nlocalhostForwarding=false\r\n".getBytes(UTF_8);
        Files.write(wslconfig, original);
        FixViewModel fixes = model(wslconfig);
        fixes.show(List.of(new Finding(FindingId.LOCALHOST_FORWARDING_OFF, Severity.PROBLEM, Confidence.HIGH, "t", "e", List.of(),
                List.of(FORWARDING, RESTART))));
        FixAction a = fixes.actions().getFirst();
        assertThat(a.kind()).isEqualTo(dev.netdoctor.fix.FixWiring.Writes.WSLCONFIG);
        assertThat(fixes.restartOfferedProperty().get()).as("its finding needs a restart: offered before anything is written").isTrue();

        fixes.run(a);
        assertThat(dialogs.lastDiff).contains("-localhostForwarding=false").contains("+localhostForwarding=true");
        assertThat(Files.readString(wslconfig)).isEqualTo("[wsl2]\r\nmemory=8GB\r\nlocalhostForwarding=true\r\n");
        fixes.undo(a);
        assertThat(Files.readAllBytes(wslconfig)).isEqualTo(original);
    }

    @Test
    void aFindingWithoutTheRestartDoesNotOfferIt() {
        FixViewModel fixes = model(home.resolve(".wslconfig"));
        fixes.show(List.of(new Finding(FindingId.LOCALHOST_NOT_RELAYED, Severity.PROBLEM, Confidence.HIGH, "t", "e", List.of(),
                List.of(new FixSuggestion(FixId.BIND_SERVICE_FOR_RELAY, "Listen on 0.0.0.0", "…")))));
        assertThat(fixes.restartOfferedProperty().get()).isFalse();
        assertThat(fixes.actions().getFirst().kind()).isEqualTo(dev.netdoctor.fix.FixWiring.Writes.NOTHING);
    }
}
