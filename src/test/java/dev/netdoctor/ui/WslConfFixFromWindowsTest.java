// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.host.FakeWsl;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.Severity;
import dev.netdoctor.ui.fix.FixAction;
import dev.netdoctor.ui.fix.FixPlaces;
import dev.netdoctor.ui.fix.FixViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The wizard on Windows: the distro chosen on the Details step ({@link ChosenDistro} over the
 * stand-in wsl.exe), and the wsl.conf fixes — DNS "let WSL write resolv.conf", the settings-line
 * rewrite and the MTU at every start — write the distro's file as root through {@code wsl.exe -d DISTRO -u root}, undo it
 * there, and never hand the user a sudo command. The distro's default user is "nobody" and the
 * file lies in a folder only root may write, so the write succeeds only as root; this process
 * itself is told it may not write there, as a Windows process may not write a Linux path.
 */
class WslConfFixFromWindowsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T19:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private Path wslConf;
    private FixViewModel fixes;

    @BeforeEach
    void windowsWithADistroChosen() throws Exception {
        assumeTrue(FakeWsl.runs(), "Skipping: the wsl.exe stand-in needs python3");
        // the stand-in runs a command as another user (-u root, or the default user nobody) only when it is root itself
        assumeTrue(FakeWsl.switchesUsers(), "Skipping: the stand-in switches users only when run as root");
        String wslExe = FakeWsl.distroWhoseUserIsNobody(dir);
        DistroViewModel distros = new DistroViewModel(TaskExecutor.sameThread());
        distros.load(wslExe);
        assertThat(distros.chosenName()).isEqualTo("Lab");

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path etc = Files.createDirectory(dir.resolve("etc"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        wslConf = etc.resolve("wsl.conf");
        FixPlaces places = FixPlaces.forLinux(new ChosenDistro(wslExe, distros), Optional::empty, CLOCK)
                .withWslConf(wslConf.toString(), file -> false);
        fixes = new FixViewModel(places, dialogs, TaskExecutor.sameThread());
    }

    private FixAction offer(FixSuggestion s) {
        fixes.show(List.of(new Finding(FindingId.WSL_CONF_PARSING_STOPS, Severity.PROBLEM, Confidence.HIGH, "t", "e", List.of(), List.of(s))));
        FixAction a = fixes.actions().getFirst();
        assertThat(a.kind()).isEqualTo(dev.netdoctor.fix.FixWiring.Writes.WSL_CONF);
        return a;
    }

    private byte[] rootsFile(String text) throws Exception {
        byte[] bytes = text.getBytes(UTF_8);
        Files.write(wslConf, bytes);
        Files.setPosixFilePermissions(wslConf, PosixFilePermissions.fromString("rw-r--r--"));
        return bytes;
    }

    private void assertWrittenAsRootInTheDistro(FixAction a) throws Exception {
        assertThat(dialogs.confirmations).as("no sudo command offered").isEmpty();
        assertThat(dialogs.clipboard).isNull();
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.lastPreviewText).contains(wslConf + " in the WSL distro Lab");
        assertThat(a.undoProperty().get()).isNotNull();
        assertThat(Files.getOwner(wslConf, LinkOption.NOFOLLOW_LINKS).getName()).isEqualTo("root");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wslConf))).isEqualTo("rw-r--r--");
        assertThat(fixes.restartOfferedProperty().get()).isTrue();
    }

    @Test
    void letWslWriteResolvConfIsWrittenAsRootThroughWslExeAndUndoneThere() throws Exception {
        byte[] original = rootsFile("[network]\r\ngenerateResolvConf=false\r\n");
        FixAction a = offer(new FixSuggestion(FixId.WSL_CONF_GENERATE_RESOLV_CONF, "Let WSL write resolv.conf again", "…",
                new FixPlan.LetWslWriteResolvConf()));

        fixes.run(a);
        assertWrittenAsRootInTheDistro(a);
        assertThat(Files.readString(wslConf)).isEqualTo("[network]\r\ngenerateResolvConf=true\r\n");
        // the edit's words name the file it edited, not /etc/wsl.conf
        assertThat(dialogs.lastPreviewText).contains("from false to true");

        fixes.undo(a);
        assertThat(dialogs.errors).isEmpty();
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
        assertThat(fixes.history()).extracting(FixRecord::action).containsExactly(FixRecord.APPLIED, FixRecord.UNDONE);
    }

    @Test
    void aSettingsLineRewriteInWslConfIsWrittenAsRootThroughWslExeAndUndoneThere() throws Exception {
        byte[] original = rootsFile("[network]\ngenerateResolvConf=false\n; mine\n[boot]\nsystemd=true\n");
        FixAction a = offer(new FixSuggestion(FixId.WSL_CONF_COMMENT_OUT_STOPPING_LINE, "Comment out the line WSL stops at", "…",
                new FixPlan.RewriteConfigLines(ConfigFileCheck.WSL_CONF, FindingId.WSL_CONF_PARSING_STOPS)));

        fixes.run(a);
        assertWrittenAsRootInTheDistro(a);
        assertThat(Files.readString(wslConf)).doesNotContain("\n; mine\n").contains("# mine").contains("systemd=true");
        assertThat(fixes.history().getLast().verification()).isNotBlank();

        fixes.undo(a);
        assertThat(dialogs.errors).isEmpty();
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
    }

    /** path-mtu-blackhole's fix: the boot command goes in front of the one there, as root, and undo puts the file back. */
    @Test
    void theMtuAtEveryStartIsWrittenAsRootThroughWslExeAndUndoneThere() throws Exception {
        byte[] original = rootsFile("[boot]\nsystemd=true\ncommand = service cron start\n");
        FixAction a = offer(new FixSuggestion(FixId.WSL_CONF_BOOT_MTU, "Set the distro's MTU to 1400 at every start", "…",
                FixPlan.DistroMtuAtBoot.of("eth0", 1400)));

        fixes.run(a);
        assertWrittenAsRootInTheDistro(a);
        assertThat(Files.readString(wslConf)).isEqualTo("[boot]\nsystemd=true\ncommand = ip link set dev eth0 mtu 1400; service cron start\n");
        assertThat(fixes.history().getLast().verification()).contains("ip link set dev eth0 mtu 1400; service cron start");

        fixes.undo(a);
        assertThat(dialogs.errors).isEmpty();
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
    }
}
