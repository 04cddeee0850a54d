// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.host.WslLinuxSide;
import org.junit.jupiter.api.Test;

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
}
