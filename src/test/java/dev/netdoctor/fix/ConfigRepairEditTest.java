// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.ConfigIssue.Kind;
import dev.netdoctor.config.ConfigReader;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** The rewrites of lines WSL misreads, through the one settings editor. */
class ConfigRepairEditTest {

    /** WSL reads UTF-16 LE with its mark, so a rewrite of one line leaves the file in it, as the networking edit does. */
    @Test
    void aUtf16FileWslReadsStaysUtf16() {
        byte[] before = "\uFEFF[wsl2]\r\n; mirrored for the VPN\r\nnetworkingMode=mirrored\r\n".getBytes(UTF_16LE);
        EditResult r = ConfigRepairEdit.repair(ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, before);

        assertThat(r.updated()).isEqualTo("\uFEFF[wsl2]\r\n# mirrored for the VPN\r\nnetworkingMode=mirrored\r\n".getBytes(UTF_16LE));
        assertThat(ConfigReader.read(ConfigFileKind.WSLCONFIG, r.updated()).issues()).isEmpty();
    }

    /** Without its byte order mark the first line may still stop the distro: then it is commented out too. */
    @Test
    void aBrokenHeaderBehindAByteOrderMarkIsRepairedWithTheMark() {
        byte[] before = "\uFEFF[network]x\ngenerateResolvConf=false\n".getBytes(UTF_8);
        EditResult r = ConfigRepairEdit.repair(ConfigFileKind.WSL_CONF, Kind.PARSING_STOPS, before);

        assertThat(new String(r.updated(), UTF_8)).isEqualTo("# [network]x\ngenerateResolvConf=false\n");
        assertThat(ConfigReader.read(ConfigFileKind.WSL_CONF, r.updated()).stopsAt()).isEmpty();
    }

    /** A key moved to its section with a value WSL refuses there would still be ignored: that is left to a person. */
    @Test
    void aLineThatWouldStillBeIgnoredAfterTheMoveIsLeftByHand() {
        byte[] before = "networkingMode=bogus\n[wsl2]\nmemory=4GB\n".getBytes(UTF_8);
        EditResult r = ConfigRepairEdit.repair(ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, before);

        assertThat(r.changed()).isFalse();
        assertThat(r.conflicts()).singleElement().asString().contains("Line 1", "change it by hand");
    }
}
