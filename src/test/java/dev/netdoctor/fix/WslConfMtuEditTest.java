// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.model.FixPlan;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code [boot] command} in wsl.conf for the distro's MTU, in the shapes wsl.conf comes in: what is
 * written, what WSL then reads and runs, and what is never lost (someone else's boot command).
 */
class WslConfMtuEditTest {
    private static final FixPlan.DistroMtuAtBoot MTU_1400 = FixPlan.DistroMtuAtBoot.of("eth0", 1400);
    private static final String OURS = "ip link set dev eth0 mtu 1400";

    private static EditResult edit(String before) {
        return WslConfMtuEdit.setMtuAtBoot(before.getBytes(UTF_8), MTU_1400, WslConfEdit.FILE);
    }

    private static String after(String before) {
        EditResult r = edit(before);
        assertThat(r.applicable()).as(String.join(" ", r.conflicts())).isTrue();
        String text = new String(r.updated(), UTF_8);
        // what WSL reads from the new file is what the oracle expects, whatever the shape
        assertThat(WslConfMtuEdit.bootCommand(r.updated())).contains(WslConfMtuEdit.combined(MTU_1400,
                WslConfMtuEdit.bootCommand(before.getBytes(UTF_8))));
        return text;
    }

    @Test
    void aMissingFileGetsABootSectionWithLinuxLineBreaks() {
        EditResult r = WslConfMtuEdit.setMtuAtBoot(new byte[0], MTU_1400, "/etc/wsl.conf");
        assertThat(new String(r.updated(), UTF_8)).isEqualTo("[boot]\ncommand = " + OURS + "\n");
        assertThat(r.changed()).isTrue();
        assertThat(r.notes()).first().isEqualTo("Creates /etc/wsl.conf with a [boot] section holding command = " + OURS + ".");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("sudo " + OURS));
    }

    @Test
    void withoutABootSectionOneIsAddedAtTheEnd() {
        assertThat(after("[network]\nhostname = box\n")).isEqualTo("[network]\nhostname = box\n\n[boot]\ncommand = " + OURS + "\n");
        assertThat(after("[network]\nhostname = box")).isEqualTo("[network]\nhostname = box\n\n[boot]\ncommand = " + OURS);
    }

    @Test
    void aBootSectionWithOtherKeysGetsTheCommandAfterThem() {
        assertThat(after("[boot]\nsystemd=true\n\n[network]\ngenerateResolvConf = false\n"))
                .isEqualTo("[boot]\nsystemd=true\ncommand = " + OURS + "\n\n[network]\ngenerateResolvConf = false\n");
        assertThat(edit("[boot]\nsystemd=true\n").notes()).first().isEqualTo("Adds command = " + OURS + " to [boot] (line 3).");
    }

    /** Someone else's boot command is kept and runs after ours: nothing it ends with can stop ours. */
    @Test
    void anExistingCommandIsKeptAndOursRunsFirst() {
        assertThat(after("[boot]\ncommand = service cron start\n")).isEqualTo("[boot]\ncommand = " + OURS + "; service cron start\n");
        assertThat(edit("[boot]\ncommand = service cron start\n").notes()).first().asString()
                .contains("in front of the boot command already there (line 2), which is kept");
        // ending in & (a background job), or a quoted # the shell reads as a comment: ours still runs first
        assertThat(after("[boot]\ncommand = dockerd &\n")).isEqualTo("[boot]\ncommand = " + OURS + "; dockerd &\n");
        assertThat(after("[boot]\ncommand = \"mount -a # all\"\n")).isEqualTo("[boot]\ncommand = \"" + OURS + "; mount -a # all\"\n");
    }

    /** Quotes and escapes of the old value are written back as they were, so it reads back unchanged. */
    @Test
    void aQuotedCommandWithEscapesReadsBackUnchanged() {
        String before = "[boot]\ncommand = \"service ssh start; echo \\\"up\\\" > /run/x\"   # at start\n";
        String text = after(before);
        assertThat(text).isEqualTo("[boot]\ncommand = \"" + OURS + "; service ssh start; echo \\\"up\\\" > /run/x\"   # at start\n");
        assertThat(WslConfMtuEdit.bootCommand(text.getBytes(UTF_8))).contains(OURS + "; service ssh start; echo \"up\" > /run/x");
    }

    /** A command of ours from an earlier run is replaced, alone or in front of someone else's; the same one changes nothing. */
    @Test
    void oursFromAnEarlierRunIsReplacedNotStacked() {
        assertThat(after("[boot]\ncommand = ip link set dev eth0 mtu 1500\n")).isEqualTo("[boot]\ncommand = " + OURS + "\n");
        assertThat(after("[boot]\ncommand = ip link set dev eth0 mtu 1350; service cron start\n"))
                .isEqualTo("[boot]\ncommand = " + OURS + "; service cron start\n");
        EditResult same = edit("[boot]\ncommand = " + OURS + "; service cron start\n");
        assertThat(same.changed()).isFalse();
        assertThat(same.notes()).first().isEqualTo("[boot] command already sets the MTU of eth0 to 1400 (line 2).");
        assertThat(WslConfMtuEdit.combined(MTU_1400, Optional.of("ip link set dev eth0 mtu 1500"))).isEqualTo(OURS);
        assertThat(WslConfMtuEdit.combined(MTU_1400, Optional.empty())).isEqualTo(OURS);
        // another interface's MTU command is not ours to replace: it stays, after ours
        assertThat(after("[boot]\ncommand = ip link set dev wg0 mtu 1280\n")).isEqualTo("[boot]\ncommand = " + OURS + "; ip link set dev wg0 mtu 1280\n");
    }

    @Test
    void crlfLinesStayCrlfAndTheCommandReadsWithoutTheCarriageReturn() {
        assertThat(after("[boot]\r\nsystemd=true\r\n")).isEqualTo("[boot]\r\nsystemd=true\r\ncommand = " + OURS + "\r\n");
        assertThat(after("[boot]\r\ncommand = service cron start\r\n")).isEqualTo("[boot]\r\ncommand = " + OURS + "; service cron start\r\n");
        assertThat(WslConfMtuEdit.bootCommand(after("[boot]\r\nsystemd=true\r\n").getBytes(UTF_8))).contains(OURS);
    }

    @Test
    void commentsStayWhereTheyAre() {
        assertThat(after("# my distro\n[boot]\n# services\ncommand = service cron start # cron\n\n# names\n[network]\nhostname=box\n"))
                .isEqualTo("# my distro\n[boot]\n# services\ncommand = " + OURS + "; service cron start # cron\n\n# names\n[network]\nhostname=box\n");
    }

    /** WSL stops reading at the first line it cannot read: a command after it would never run, so nothing is written. */
    @Test
    void aFileWslStopsReadingEarlyIsRefusedWithTheLineToRepair() {
        EditResult stops = edit("[boot]\nsystemd=true\nthis is no setting\n");
        assertThat(stops.applicable()).isFalse();
        assertThat(stops.changed()).isFalse();
        assertThat(stops.conflicts()).singleElement().asString().contains("stops reading /etc/wsl.conf at line 3");
        // a UTF-8 byte order mark: the distro cannot read line 1
        byte[] bom = ("\uFEFF[boot]\nsystemd=true\n").getBytes(UTF_8);
        EditResult withBom = WslConfMtuEdit.setMtuAtBoot(bom, MTU_1400, WslConfEdit.FILE);
        assertThat(withBom.applicable()).isFalse();
        assertThat(withBom.conflicts()).singleElement().asString().contains("at line 1");
        assertThat(withBom.updated()).isEqualTo(bom);
        // UTF-16: not text to the distro
        byte[] utf16 = ("\uFEFF[boot]\nsystemd=true\n").getBytes(StandardCharsets.UTF_16LE);
        assertThat(WslConfMtuEdit.setMtuAtBoot(utf16, MTU_1400, WslConfEdit.FILE).conflicts()).singleElement().asString().contains("UTF-16");
    }

    /** A command before the line WSL stops at is read, so it is still changed. */
    @Test
    void aCommandBeforeTheStoppingLineIsStillChanged() {
        assertThat(after("[boot]\ncommand = service cron start\nthis is no setting\n"))
                .isEqualTo("[boot]\ncommand = " + OURS + "; service cron start\nthis is no setting\n");
    }

    @Test
    void anotherInterfaceIsWrittenByItsName() {
        EditResult r = WslConfMtuEdit.setMtuAtBoot("[boot]\n".getBytes(UTF_8), FixPlan.DistroMtuAtBoot.of("wg0", 1280), WslConfEdit.FILE);
        assertThat(new String(r.updated(), UTF_8)).isEqualTo("[boot]\ncommand = ip link set dev wg0 mtu 1280\n");
    }
}
