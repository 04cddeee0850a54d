// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** os-release files as distros ship them: quoted, unquoted, escaped, or without PRETTY_NAME. */
class OsReleaseTest {
    @Test
    void theDistrosOwnNameForItself() {
        assertThat(OsRelease.prettyName("""
                PRETTY_NAME="Ubuntu 24.04.1 LTS"
                NAME="Ubuntu"
                VERSION_ID="24.04"
                """)).contains("Ubuntu 24.04.1 LTS");
        assertThat(OsRelease.prettyName("PRETTY_NAME='Debian GNU/Linux 12 (bookworm)'\n")).contains("Debian GNU/Linux 12 (bookworm)");
        assertThat(OsRelease.prettyName("# comment\nPRETTY_NAME=\"Say \\\"hi\\\" \\\\ there\"\n")).contains("Say \"hi\" \\ there");
        assertThat(OsRelease.prettyName("NAME=Alpine\r\nVERSION_ID=3.20.3\r\n")).contains("Alpine 3.20.3");
        assertThat(OsRelease.prettyName("NAME=\"Arch Linux\"\n")).contains("Arch Linux");
        assertThat(OsRelease.prettyName("ID=x\n=broken\n\n")).isEmpty();
    }

    @Test
    void readThroughTheLinuxSideWithItsFallback() {
        assertThat(OsRelease.of(new LocalLinuxSide())).isPresent();
    }
}
