// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.host.WslLinuxSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Where root's wsl.conf is written from: as root through wsl.exe, directly when allowed, else the exact sudo command. */
class WslConfPlaceTest {
    @Test
    void insideLinuxWithoutTheRightToWriteTheSameFixIsGivenAsASudoCommand() throws Exception {
        try (WslConfPlace place = WslConfPlace.of(new LocalLinuxSide(), WslConfEdit.FILE, file -> false)) {
            assertThat(place.needsSudo()).contains("sudo " + WslConfPlace.self() + " fix wsl-resolv-conf");
            assertThat(place.files()).isInstanceOf(LocalConfigFiles.class);
        }
        try (WslConfPlace place = WslConfPlace.of(new LocalLinuxSide(), "/srv/etc/wsl.conf", file -> false)) {
            assertThat(place.needsSudo()).contains("sudo " + WslConfPlace.self() + " fix wsl-resolv-conf --wsl-conf /srv/etc/wsl.conf");
        }
        try (WslConfPlace place = WslConfPlace.of(new LocalLinuxSide(), "/tmp/my etc/wsl.conf", file -> false)) {
            assertThat(place.needsSudo().orElseThrow()).endsWith(" --wsl-conf '/tmp/my etc/wsl.conf'");
        }
        try (WslConfPlace place = WslConfPlace.of(new LocalLinuxSide(), WslConfEdit.FILE, file -> true)) {
            assertThat(place.needsSudo()).isEmpty();
        }
    }

    @Test
    void fromWindowsItIsTheDistrosFileWrittenAsRootWithNoSudo() throws Exception {
        try (WslConfPlace place = WslConfPlace.of(new WslLinuxSide("wsl.exe", "Ubuntu"), WslConfEdit.FILE, file -> false)) {
            assertThat(place.needsSudo()).isEmpty();
            assertThat(place.files()).isInstanceOf(DistroConfigFiles.class);
            assertThat(place.files().where(WslConfEdit.FILE)).contains("Ubuntu");
        }
    }

    @Test
    void theInstalledLauncherIsNamedWhenThereIsOne() {
        String before = System.getProperty("jpackage.app-path");
        try {
            System.setProperty("jpackage.app-path", "/opt/wsl-net-doctor/bin/wsl-net-doctor-cli");
            assertThat(WslConfPlace.self()).isEqualTo("/opt/wsl-net-doctor/bin/wsl-net-doctor-cli");
        } finally {
            if (before == null) {
                System.clearProperty("jpackage.app-path");
            } else {
                System.setProperty("jpackage.app-path", before);
            }
        }
    }

    /** The other wsl.conf fix's sudo command names that fix, with the same file. */
    @Test
    void theSudoCommandOfAnotherFixOfTheSameFile() throws Exception {
        try (WslConfPlace place = WslConfPlace.of(new LocalLinuxSide(), "/srv/etc/wsl.conf", file -> false)) {
            assertThat(place.sudoFor("fix config-lines --in wsl-conf --finding wsl-conf-parsing-stops")).contains("sudo "
                    + WslConfPlace.sh(WslConfPlace.self()) + " fix config-lines --in wsl-conf --finding wsl-conf-parsing-stops --wsl-conf /srv/etc/wsl.conf");
        }
        try (WslConfPlace place = WslConfPlace.of(new LocalLinuxSide(), WslConfEdit.FILE, file -> true)) {
            assertThat(place.sudoFor("fix config-lines")).isEmpty();
        }
    }

    /** What sh reads back as the same word: plain words bare, anything else single-quoted, a quote in it escaped. */
    @Test
    void wordsAreQuotedSoShReadsThemBackUnchanged() {
        assertThat(WslConfPlace.sh("/opt/wsl-net-doctor/bin/wsl-net-doctor_1.0+x=y@z%,:")).isEqualTo("/opt/wsl-net-doctor/bin/wsl-net-doctor_1.0+x=y@z%,:");
        assertThat(WslConfPlace.sh("/tmp/my etc/wsl.conf")).isEqualTo("'/tmp/my etc/wsl.conf'");
        assertThat(WslConfPlace.sh("/tmp/it's/wsl.conf")).isEqualTo("'/tmp/it'\\''s/wsl.conf'");
        assertThat(WslConfPlace.sh("$(reboot)")).isEqualTo("'$(reboot)'");
        assertThat(WslConfPlace.sh("")).isEqualTo("''");
    }

    @TempDir
    Path dir;

    /** A file may be written where its folder is there and writable; a path that is none, or has no folder, may not. */
    @Test
    void whereThisProcessMayWrite() throws Exception {
        assertThat(WslConfPlace.writable(dir.resolve("wsl.conf").toString())).as("missing, in a writable folder").isTrue();
        assertThat(WslConfPlace.writable(Files.writeString(dir.resolve("wsl.conf"), "").toString())).isTrue();
        assertThat(WslConfPlace.writable(dir.resolve("no-folder/wsl.conf").toString())).isFalse();
        assertThat(WslConfPlace.writable("/")).isFalse();
        assertThat(WslConfPlace.writable("wsl\0.conf")).isFalse();
        try (WslConfPlace place = WslConfPlace.of(new LocalLinuxSide(), dir.resolve("wsl.conf").toString())) {
            assertThat(place.needsSudo()).as("this process may write here").isEmpty();
            assertThat(place.file()).isEqualTo(dir.resolve("wsl.conf").toString());
        }
    }
}
