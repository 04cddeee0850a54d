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
 * The two DNS fixes on the Fix step: DNS tunneling into .wslconfig, and generateResolvConf back
 * to true in the distro's wsl.conf (root's: written directly when allowed, else the sudo command
 * to copy). Each applies through the safe pipeline, offers the WSL restart and undoes byte-exact.
 */
class DnsFixViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T21:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private final FakeDialogs dialogs = new FakeDialogs();

    private FixViewModel model(Path wslconfig, Path wslConf, boolean mayWrite) {
        FixPlaces places = FixPlaces.onThisComputer(home, () -> Optional.of(wslconfig), CLOCK)
                .withWslConf(wslConf.toString(), file -> mayWrite);
        return new FixViewModel(places, dialogs, TaskExecutor.sameThread());
    }

    private static FixAction offer(FixViewModel fixes, FixSuggestion s) {
        fixes.show(List.of(new Finding(FindingId.DNS_SERVER_UNREACHABLE, Severity.PROBLEM, Confidence.HIGH, "t", "e", List.of(), List.of(s))));
        return fixes.actions().getFirst();
    }

    private static final FixSuggestion TUNNELING = new FixSuggestion(FixId.WSLCONFIG_DNS_TUNNELING, "Turn on WSL's DNS tunneling", "…",
            FixPlan.WslconfigSetting.dnsTunnelingOn());
    private static final FixSuggestion RESOLV_CONF = new FixSuggestion(FixId.WSL_CONF_GENERATE_RESOLV_CONF, "Let WSL write resolv.conf again",
            "…", new FixPlan.LetWslWriteResolvConf());

    @Test
    void dnsTunnelingIsWrittenCheckedOfferedARestartAndUndoneByteExact() throws Exception {
        Path wslconfig = home.resolve(".wslconfig");
        byte[] original = "[wsl2]\r\ndnsTunneling=false\r\n".getBytes(UTF_8);
        Files.write(wslconfig, original);
        FixViewModel fixes = model(wslconfig, home.resolve("wsl.conf"), true);
        FixAction a = offer(fixes, TUNNELING);
        assertThat(a.kind()).isEqualTo(dev.netdoctor.fix.FixWiring.Writes.WSLCONFIG);

        fixes.run(a);
        assertThat(dialogs.lastDiff).contains("-dnsTunneling=false").contains("+dnsTunneling=true");
        assertThat(Files.readString(wslconfig)).isEqualTo("[wsl2]\r\ndnsTunneling=true\r\n");
        assertThat(fixes.restartOfferedProperty().get()).isTrue();
        assertThat(fixes.history().getLast().verification()).contains("dnsTunneling=true");

        fixes.undo(a);
        assertThat(Files.readAllBytes(wslconfig)).isEqualTo(original);
        assertThat(fixes.history()).extracting(FixRecord::action).containsExactly(FixRecord.APPLIED, FixRecord.UNDONE);
    }

    /**
     * WSL reads .wslconfig only when it starts: the change waits for a restart (Verify says so),
     * an undo before the restart takes it back, and after a restart an undo is a change again.
     */
    @Test
    void aTunnelingChangeWaitsForWslsRestart() throws Exception {
        Path wslconfig = Files.writeString(home.resolve(".wslconfig"), "[wsl2]\ndnsTunneling=false\n");
        dev.netdoctor.testing.ScriptedLinux windows = new dev.netdoctor.testing.ScriptedLinux("wsl.exe").answer("wsl.exe --shutdown", "");
        FixPlaces places = new FixPlaces(new dev.netdoctor.fix.LocalConfigFiles(home), new dev.netdoctor.host.LocalLinuxSide(),
                () -> Optional.of(wslconfig), windows, CLOCK);
        FixViewModel fixes = new FixViewModel(places, dialogs, TaskExecutor.sameThread());
        FixAction a = offer(fixes, TUNNELING);
        assertThat(fixes.restartPendingProperty().get()).isFalse();
        fixes.run(a);
        assertThat(fixes.restartPendingProperty().get()).isTrue();
        fixes.undo(a);
        assertThat(fixes.restartPendingProperty().get()).as("taken back before WSL read it").isFalse();
        fixes.run(a);
        fixes.restartWsl();
        assertThat(windows.asked).contains("wsl.exe --shutdown");
        assertThat(dialogs.errors).isEmpty();
        assertThat(fixes.restartPendingProperty().get()).as("WSL started again with it").isFalse();
        fixes.undo(a);
        assertThat(fixes.restartPendingProperty().get()).as("the undo waits for the next restart").isTrue();
    }

    @Test
    void wslConfIsWrittenWhereItMayBeAndUndoneByteExact() throws Exception {
        Path wslConf = home.resolve("wsl.conf");
        byte[] original = "[network]\ngenerateResolvConf = false\n".getBytes(UTF_8);
        Files.write(wslConf, original);
        FixViewModel fixes = model(home.resolve(".wslconfig"), wslConf, true);
        FixAction a = offer(fixes, RESOLV_CONF);
        assertThat(a.kind()).isEqualTo(dev.netdoctor.fix.FixWiring.Writes.WSL_CONF);

        fixes.run(a);
        assertThat(dialogs.lastPreviewText).contains("from false to true").contains("sudo rm /etc/resolv.conf");
        assertThat(Files.readString(wslConf)).isEqualTo("[network]\ngenerateResolvConf = true\n");
        assertThat(fixes.restartOfferedProperty().get()).isTrue();

        fixes.undo(a);
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
    }

    @Test
    void whereOnlyRootMayWriteItTheSudoCommandIsCopiedAndNothingIsWritten() throws Exception {
        Path wslConf = home.resolve("wsl.conf");
        byte[] original = "[network]\ngenerateResolvConf = false\n".getBytes(UTF_8);
        Files.write(wslConf, original);
        FixViewModel fixes = model(home.resolve(".wslconfig"), wslConf, false);
        FixAction a = offer(fixes, RESOLV_CONF);

        fixes.run(a);
        assertThat(dialogs.confirmations.getLast()).contains("belongs to root").contains("sudo ").contains("fix wsl-resolv-conf")
                .contains("--wsl-conf " + wslConf);
        assertThat(dialogs.clipboard).startsWith("sudo ").contains("fix wsl-resolv-conf");
        assertThat(a.statusProperty().get()).contains("clipboard");
        assertThat(a.undoProperty().get()).isNull();
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
        assertThat(fixes.history()).isEmpty();
    }
}
