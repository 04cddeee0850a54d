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
        assertThat(r.notes()).startsWith("Removes the byte order mark at the start of the file (it was saved as \"UTF-8 with BOM\"):"
                        + " the distro reads it as part of line 1 and stops there.",
                "Line 1: WSL does not use this line. It is kept as a # comment, so the file shows what WSL uses.");
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

    private static String text(EditResult r) {
        return new String(r.updated(), UTF_8);
    }

    private static EditResult wslconfig(Kind kind, String before) {
        return ConfigRepairEdit.repair(ConfigFileKind.WSLCONFIG, kind, before.getBytes(UTF_8));
    }

    @Test
    void aFileWslReadsAsItLooksIsLeftAsItIs() {
        byte[] before = "[wsl2]\nmemory=4GB\n".getBytes(UTF_8);
        EditResult r = ConfigRepairEdit.repair(ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, before);

        assertThat(r.changed()).isFalse();
        assertThat(r.updated()).isEqualTo(before);
        assertThat(r.notes()).containsExactly("WSL reads .wslconfig as it looks here: nothing to rewrite.");
        assertThat(r.applicable()).isTrue();
    }

    /** A key above every section moves into the section WSL reads it in, and says so; the restart is named. */
    @Test
    void aSettingAboveEverySectionMovesIntoItsSection() {
        EditResult r = wslconfig(Kind.LINE_IGNORED, "networkingMode=mirrored\n[wsl2]\nmemory=4GB\n");

        assertThat(text(r)).isEqualTo("[wsl2]\nmemory=4GB\nnetworkingMode=mirrored\n");
        assertThat(r.changed()).isTrue();
        assertThat(r.notes()).containsExactly("Line 1: networkingMode=mirrored moves into [wsl2], where WSL reads it.",
                WslConfigEdit.RESTART_NOTE);
    }

    /** Without its section in the file, a new one is added at the end, apart from the rest by a blank line. */
    @Test
    void aSettingInTheWrongSectionMovesIntoANewSectionAtTheEnd() {
        EditResult r = wslconfig(Kind.LINE_IGNORED, "[wsl2]\nmemory=4GB\nautoMemoryReclaim=gradual\n");

        assertThat(text(r)).isEqualTo("[wsl2]\nmemory=4GB\n\n[experimental]\nautoMemoryReclaim=gradual\n");
        assertThat(r.notes().getFirst())
                .isEqualTo("Line 3: autoMemoryReclaim=gradual moves into a new [experimental] section at the end of the file, where WSL reads it.");
        assertThat(ConfigReader.read(ConfigFileKind.WSLCONFIG, r.updated()).issues()).isEmpty();
    }

    /** A file without a final line break keeps it that way when its last line moved away. */
    @Test
    void aMovedLastLineWithoutLineBreakLeavesTheFileWithoutOne() {
        EditResult r = wslconfig(Kind.LINE_IGNORED, "[wsl2]\nmemory=4GB\nautoMemoryReclaim=gradual");

        assertThat(text(r)).isEqualTo("[wsl2]\nmemory=4GB\n\n[experimental]\nautoMemoryReclaim=gradual");
    }

    /** A file of nothing but settings above any section becomes one section, with no blank line first. */
    @Test
    void aFileOfOnlyMisplacedSettingsBecomesOneSection() {
        EditResult r = wslconfig(Kind.LINE_IGNORED, "networkingMode=mirrored\nmemory=4GB");

        assertThat(text(r)).isEqualTo("[wsl2]\nnetworkingMode=mirrored\nmemory=4GB");
        assertThat(r.notes()).startsWith("Line 1: networkingMode=mirrored moves into a new [wsl2] section at the end of the file, where WSL reads it.",
                "Line 2: memory=4GB moves into [wsl2], where WSL reads it.");
    }

    @Test
    void aSecondSettingOfAKeyIsCommentedOutAndTheFirstKept() {
        EditResult r = wslconfig(Kind.DUPLICATE_KEY, "[wsl2]\nmemory=4GB\nmemory=8GB\n");

        assertThat(text(r)).isEqualTo("[wsl2]\nmemory=4GB\n# memory=8GB\n");
        assertThat(r.notes().getFirst())
                .isEqualTo("Line 3: WSL ignores this second wsl2.memory. It is kept as a # comment, so the file shows what WSL uses.");
    }

    /** Only the kind asked for is repaired: the duplicate stays when the ignored lines are rewritten. */
    @Test
    void onlyTheKindAskedForIsRewritten() {
        EditResult r = wslconfig(Kind.LINE_IGNORED, "[wsl2]\nnetworkingMode=mirorred\nmemory=4GB\nmemory=8GB\n");

        assertThat(text(r)).isEqualTo("[wsl2]\nnetworkingMode=mirrored\nmemory=4GB\nmemory=8GB\n");
        assertThat(r.notes().getFirst()).isEqualTo("Line 2: networkingMode=mirorred becomes networkingMode=mirrored.");
    }

    @Test
    void aSingleBackslashInAPathIsDoubledSoWslReadsTheLine() {
        EditResult r = wslconfig(Kind.LINE_IGNORED, "[wsl2]\r\nkernel=C:\\x\\bzImage\r\n");

        assertThat(text(r)).isEqualTo("[wsl2]\r\nkernel=C:\\\\x\\\\bzImage\r\n");
    }

    /** .wslconfig saved as UTF-16 without its mark is read by nobody: it is written again as UTF-8, the same text. */
    @Test
    void utf16WithoutItsMarkIsRewrittenAsUtf8() {
        byte[] before = "[wsl2]\r\nmemory=4GB\r\n".getBytes(UTF_16LE);
        EditResult r = ConfigRepairEdit.repair(ConfigFileKind.WSLCONFIG, Kind.ENCODING, before);

        assertThat(r.updated()).isEqualTo("[wsl2]\r\nmemory=4GB\r\n".getBytes(UTF_8));
        assertThat(r.changed()).isTrue();
        assertThat(r.notes()).singleElement().asString().startsWith("Rewrites the file as UTF-8 (it was UTF-16 LE without a byte order mark)");
    }

    /** The distro reads /etc/wsl.conf as bytes: a UTF-16 one becomes UTF-8, and the restart of the distro is named. */
    @Test
    void aWslConfThatStopsTheDistroIsRepairedAndTheRestartNamed() {
        EditResult bom = ConfigRepairEdit.repair(ConfigFileKind.WSL_CONF, Kind.PARSING_STOPS, "\uFEFF[boot]\nsystemd=true\n".getBytes(UTF_8));
        assertThat(text(bom)).isEqualTo("[boot]\nsystemd=true\n");
        assertThat(bom.notes()).containsExactly("Removes the byte order mark at the start of the file (it was saved as \"UTF-8 with BOM\"):"
                        + " the distro reads it as part of line 1 and stops there.",
                "The distro reads /etc/wsl.conf when it starts: restart WSL from Windows (wsl --shutdown) for it to count.");

        EditResult semicolon = ConfigRepairEdit.repair(ConfigFileKind.WSL_CONF, Kind.PARSING_STOPS, "[boot]\n;x\nsystemd=true\n".getBytes(UTF_8));
        assertThat(text(semicolon)).isEqualTo("[boot]\n#x\nsystemd=true\n");
        assertThat(semicolon.notes().getFirst()).isEqualTo("Line 2: ;x becomes #x.");

        EditResult utf16 = ConfigRepairEdit.repair(ConfigFileKind.WSL_CONF, Kind.PARSING_STOPS,
                "\uFEFF[network]\ngenerateResolvConf=false\n".getBytes(UTF_16LE));
        assertThat(text(utf16)).isEqualTo("[network]\ngenerateResolvConf=false\n");
    }
}
