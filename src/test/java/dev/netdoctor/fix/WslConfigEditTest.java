// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.TextEncoding;
import dev.netdoctor.model.NetworkingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class WslConfigEditTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    private static EditResult set(String file, NetworkingMode mode) {
        return WslConfigEdit.setNetworkingMode(utf8(file), mode, false);
    }

    private static String after(String file, NetworkingMode mode) {
        EditResult result = set(file, mode);
        assertThat(result.conflicts()).isEmpty();
        return text(result.updated());
    }

    private static String effective(String file) {
        return WslConfigEdit.effectiveNetworkingMode(utf8(file)).orElse(null);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A value continued with a backslash is one setting to WSL, and so to the edit (it once added a second line). */
    @Test
    void aValueContinuedOnTheNextLineIsChangedWhereWslReadsIt() {
        String file = "[wsl2]\r\nnetworkingMode=nat\\\r\nmirrored # two lines\r\nmemory=4GB\r\n";
        assertThat(effective(file)).as("WSL reads both lines as one value").isEqualTo("natmirrored");

        EditResult result = set(file, NetworkingMode.NAT);
        assertThat(text(result.updated()))
                .isEqualTo("[wsl2]\r\nnetworkingMode=nat # two lines\r\n# mirrored # two lines\r\nmemory=4GB\r\n");
        assertThat(result.notes().getFirst()).isEqualTo("Changes networkingMode from natmirrored to nat in [wsl2] (line 2).");
        assertThat(effective(text(result.updated()))).isEqualTo("nat");
    }

    /** A header that a continued value swallowed is no header to WSL: the setting goes to a [wsl2] WSL reads. */
    @Test
    void aHeaderInsideAContinuedValueIsNotWhereTheSettingGoes() {
        String file = "[boot]\nkernelCommandLine=quiet \\\n[wsl2]\n";
        String out = after(file, NetworkingMode.MIRRORED);
        assertThat(out).isEqualTo("[boot]\nkernelCommandLine=quiet \\\n[wsl2]\n\n[wsl2]\nnetworkingMode=mirrored\n");
        assertThat(effective(out)).isEqualTo("mirrored");
    }

    /** A last line ending in a backslash would swallow anything appended after it: the new section goes before it. */
    @Test
    void aDanglingBackslashOnTheLastLineIsNotCompletedByTheEdit() {
        String file = "[experimental]\nautoProxy=true\\";
        String out = after(file, NetworkingMode.MIRRORED);
        assertThat(out).isEqualTo("[experimental]\n\n[wsl2]\nnetworkingMode=mirrored\nautoProxy=true\\");
        assertThat(effective(out)).isEqualTo("mirrored");
    }

    @Test
    void aMissingOrEmptyFileGetsAWsl2SectionWithWindowsLineBreaks() {
        EditResult result = WslConfigEdit.setNetworkingMode(new byte[0], NetworkingMode.MIRRORED, false);

        assertThat(text(result.updated())).isEqualTo("[wsl2]\r\nnetworkingMode=mirrored\r\n");
        assertThat(result.changed()).isTrue();
        assertThat(result.applicable()).isTrue();
        assertThat(result.notes()).first().asString().contains("Adds a [wsl2] section", "networkingMode=mirrored");
        assertThat(result.notes()).last().isEqualTo(WslConfigEdit.RESTART_NOTE);
    }

    @Test
    void aFileWithoutWsl2GetsTheSectionAppendedAfterABlankLine() {
        String file = "# my settings\n[boot]\nsystemd=true\n";

        EditResult result = set(file, NetworkingMode.MIRRORED);

        assertThat(text(result.updated())).isEqualTo(file + "\n[wsl2]\nnetworkingMode=mirrored\n");
        assertThat(result.notes()).first().asString().contains("line 6");
    }

    @Test
    void noSecondBlankLineWhenTheFileAlreadyEndsWithOne() {
        String file = "[boot]\nsystemd=true\n\n";

        assertThat(after(file, NetworkingMode.NAT)).isEqualTo(file + "[wsl2]\nnetworkingMode=nat\n");
    }

    @Test
    void goesAfterTheLastSettingOfWsl2SoCommentsAboveTheNextSectionStayWithIt() {
        String file = "[wsl2]\nmemory=8GB\nprocessors = 4\n\n# Boot settings\n[boot]\nsystemd=true\n";

        EditResult result = set(file, NetworkingMode.MIRRORED);

        assertThat(text(result.updated())).isEqualTo(
                "[wsl2]\nmemory=8GB\nprocessors = 4\nnetworkingMode=mirrored\n\n# Boot settings\n[boot]\nsystemd=true\n");
        assertThat(result.notes()).first().isEqualTo("Adds networkingMode=mirrored to [wsl2] (line 4).");
    }

    @Test
    void goesRightAfterTheHeaderOfAWsl2SectionWithoutSettings() {
        assertThat(after("[WSL2] # network\n# nothing yet\n[boot]\n", NetworkingMode.MIRRORED))
                .isEqualTo("[WSL2] # network\nnetworkingMode=mirrored\n# nothing yet\n[boot]\n");
    }

    @Test
    void goesIntoTheFirstOfTwoWsl2Sections() {
        assertThat(after("[wsl2]\nmemory=1GB\n[boot]\nsystemd=true\n[wsl2]\nswap=0\n", NetworkingMode.NAT))
                .isEqualTo("[wsl2]\nmemory=1GB\nnetworkingMode=nat\n[boot]\nsystemd=true\n[wsl2]\nswap=0\n");
    }

    @Test
    void stopsAtABrokenHeaderBecauseWslFilesTheKeysAfterItElsewhere() {
        assertThat(after("[wsl2]\nmemory=1GB\n[wsl2]oops\nswap=0\n", NetworkingMode.MIRRORED))
                .isEqualTo("[wsl2]\nmemory=1GB\nnetworkingMode=mirrored\n[wsl2]oops\nswap=0\n");
    }

    @Test
    void aHeaderWslCannotReadDoesNotCountAsWsl2() {
        String file = "[ wsl2 ]\nmemory=1GB\n";

        assertThat(after(file, NetworkingMode.MIRRORED)).isEqualTo(file + "\n[wsl2]\nnetworkingMode=mirrored\n");
    }

    @Test
    void leavesASettingInASectionWslIgnoresAndAddsTheRealOne() {
        String file = "networkingMode=nat\n[boot]\nnetworkingMode=nat\n";

        String updated = after(file, NetworkingMode.MIRRORED);

        assertThat(updated).isEqualTo(file + "\n[wsl2]\nnetworkingMode=mirrored\n");
        assertThat(WslConfigEdit.effectiveNetworkingMode(utf8(updated))).contains("mirrored");
    }

    @ParameterizedTest
    @EnumSource(NetworkingMode.class)
    void writesEveryModeInLowerCase(NetworkingMode mode) {
        String updated = after("[wsl2]\n", mode);

        assertThat(updated).isEqualTo("[wsl2]\nnetworkingMode=" + mode.value() + "\n");
        assertThat(mode.value()).isLowerCase();
        assertThat(effective(updated)).isEqualTo(mode.value());
    }

    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of("networkingMode=nat", "networkingMode=mirrored"),
                Arguments.of("networkingMode = nat", "networkingMode = mirrored"),
                Arguments.of("\tNetworkingMode\t=\tNAT\t# set by IT", "\tNetworkingMode\t=\tmirrored\t# set by IT"),
                Arguments.of("networkingmode = \"nat\"  # quoted", "networkingmode = \"mirrored\"  # quoted"),
                Arguments.of("NETWORKINGMODE=nat#tight comment", "NETWORKINGMODE=mirrored#tight comment"),
                Arguments.of("  networkingMode=bridged   ", "  networkingMode=mirrored   "),
                Arguments.of("networkingMode =", "networkingMode =mirrored"),
                Arguments.of("networkingMode=\"nat # not a comment\"", "networkingMode=\"mirrored\""),
                Arguments.of("networkingMode=n\\tat # escaped", "networkingMode=mirrored # escaped"));
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void onlyTheValueChanges(String before, String expected) {
        EditResult result = set("[wsl2]\nmemory=4GB\n" + before + "\nswap=0\n", NetworkingMode.MIRRORED);

        assertThat(text(result.updated())).isEqualTo("[wsl2]\nmemory=4GB\n" + expected + "\nswap=0\n");
        assertThat(result.changed()).isTrue();
        assertThat(result.notes()).first().asString()
                .startsWith("Changes networkingMode from ").endsWith(" to mirrored in [wsl2] (line 3).");
    }

    @Test
    void notesTheOldValueInPlainWords() {
        assertThat(set("[wsl2]\nnetworkingMode=nat\n", NetworkingMode.MIRRORED).notes())
                .containsExactly("Changes networkingMode from nat to mirrored in [wsl2] (line 2).",
                        WslConfigEdit.RESTART_NOTE);
    }

    @Test
    void theLegacyExperimentalPlacementIsChangedWhereItIs() {
        String file = "[experimental]\nautoMemoryReclaim=gradual\nnetworkingMode=nat\n";

        EditResult result = set(file, NetworkingMode.MIRRORED);

        assertThat(text(result.updated()))
                .isEqualTo("[experimental]\nautoMemoryReclaim=gradual\nnetworkingMode=mirrored\n");
        assertThat(result.notes()).first()
                .isEqualTo("Changes networkingMode from nat to mirrored in [experimental] (line 3).");
    }

    @Test
    void theFirstOccurrenceWinsAcrossExperimentalAndWsl2AndTheLaterIsCommentedOut() {
        String file = "[experimental]\nnetworkingMode=mirrored\n[wsl2]\nnetworkingMode=nat\n";

        EditResult result = set(file, NetworkingMode.VIRTIOPROXY);

        assertThat(text(result.updated()))
                .isEqualTo("[experimental]\nnetworkingMode=virtioproxy\n[wsl2]\n# networkingMode=nat\n");
        assertThat(result.notes()).hasSize(3);
        assertThat(result.notes().get(0)).contains("from mirrored to virtioproxy in [experimental] (line 2)");
        assertThat(result.notes().get(1)).contains("Comments out line 4", "[wsl2]", "nat");
    }

    @Test
    void withTheFirstDuplicateInOneSectionWinningOnlyItKeepsCounting() {
        String file = "[wsl2]\nnetworkingMode=mirrored\nmemory=2GB\nnetworkingMode = nat # later\n";

        EditResult result = set(file, NetworkingMode.MIRRORED);

        assertThat(text(result.updated()))
                .isEqualTo("[wsl2]\nnetworkingMode=mirrored\nmemory=2GB\n# networkingMode = nat # later\n");
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).startsWith("Comments out line 4 "));
    }

    @Test
    void aLaterDuplicateThatAlreadyHasTheModeDoesNotCountAsAlreadySet() {
        String file = "[wsl2]\nnetworkingMode=nat\nmemory=2GB\nnetworkingMode = mirrored # later\n";

        EditResult result = set(file, NetworkingMode.MIRRORED);

        assertThat(text(result.updated()))
                .isEqualTo("[wsl2]\nnetworkingMode=mirrored\nmemory=2GB\n# networkingMode = mirrored # later\n");
        assertThat(result.notes().getFirst()).isEqualTo("Changes networkingMode from nat to mirrored in [wsl2] (line 2).");
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).startsWith("Comments out line 4 "));
    }

    @Test
    void duplicateWsl2SectionsKeepOnlyTheFirstSetting() {
        String file = "[wsl2]\nnetworkingMode=nat\n[boot]\nsystemd=true\n[Wsl2]\nnetworkingMode=none\n";

        EditResult result = set(file, NetworkingMode.NAT);

        assertThat(text(result.updated()))
                .isEqualTo("[wsl2]\nnetworkingMode=nat\n[boot]\nsystemd=true\n[Wsl2]\n# networkingMode=none\n");
        assertThat(result.notes()).anySatisfy(note -> assertThat(note).contains("Comments out line 6", "[wsl2]"));
    }

    @Test
    void everyExtraSettingIsNamedByItsLineNumber() {
        String file = "[wsl2]\nnetworkingMode=a\nnetworkingMode=b\n[experimental]\nnetworkingMode=c\n[wsl2]\nnetworkingMode=d\n";

        EditResult result = set(file, NetworkingMode.MIRRORED);

        assertThat(text(result.updated())).isEqualTo("[wsl2]\nnetworkingMode=mirrored\n# networkingMode=b\n"
                + "[experimental]\n# networkingMode=c\n[wsl2]\n# networkingMode=d\n");
        assertThat(result.notes()).filteredOn(note -> note.startsWith("Comments out"))
                .extracting(note -> note.substring(0, "Comments out line 2".length()))
                .containsExactly("Comments out line 3", "Comments out line 5", "Comments out line 7");
        assertThat(result.notes()).last().isEqualTo(WslConfigEdit.RESTART_NOTE);
    }

    @Test
    void alreadySetIgnoringCaseAndQuotesChangesNothing() {
        String file = "[wsl2]\r\nnetworkingMode = \"Mirrored\" # yes\r\n";

        EditResult result = set(file, NetworkingMode.MIRRORED);

        assertThat(result.changed()).isFalse();
        assertThat(result.updated()).isEqualTo(utf8(file));
        assertThat(result.notes()).containsExactly(
                "networkingMode is already set to mirrored in [wsl2] (line 2).", WslConfigEdit.RESTART_NOTE);
    }

    @Test
    void alreadySetWithADuplicateStillCommentsOutTheDuplicate() {
        EditResult result = set("[experimental]\nnetworkingMode=mirrored\n[wsl2]\nnetworkingMode=nat\n", NetworkingMode.MIRRORED);

        assertThat(result.changed()).isTrue();
        assertThat(text(result.updated()))
                .isEqualTo("[experimental]\nnetworkingMode=mirrored\n[wsl2]\n# networkingMode=nat\n");
        assertThat(result.notes().getFirst()).contains("already set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[boot]\nx=1", "[wsl2]\nnetworkingMode=nat\n[experimental]\nnetworkingMode=none\n",
            "\uFEFF[wsl2]\r\nmemory=1GB", "[wsl2]\nnetworkingMode=nat\nnetworkingMode=nat\n"})
    void applyingTwiceChangesNothingTheSecondTime(String file) {
        for (NetworkingMode mode : NetworkingMode.values()) {
            byte[] once = set(file, mode).updated();
            EditResult twice = WslConfigEdit.setNetworkingMode(once, mode, false);

            assertThat(twice.changed()).as("%s on %s", mode, file).isFalse();
            assertThat(twice.updated()).isEqualTo(once);
            assertThat(twice.notes().getFirst()).contains("already set");
        }
    }

    @Test
    void crlfFileGetsACrlfLine() {
        assertThat(after("[wsl2]\r\nmemory=4GB\r\n", NetworkingMode.MIRRORED))
                .isEqualTo("[wsl2]\r\nmemory=4GB\r\nnetworkingMode=mirrored\r\n");
        assertThat(after("[boot]\r\nx=1\r\n", NetworkingMode.NAT))
                .isEqualTo("[boot]\r\nx=1\r\n\r\n[wsl2]\r\nnetworkingMode=nat\r\n");
    }

    @Test
    void mixedLineBreaksUseTheDominantOneAndKeepTheOthers() {
        assertThat(after("[wsl2]\nmemory=4GB\r\nswap=0\n", NetworkingMode.NAT))
                .isEqualTo("[wsl2]\nmemory=4GB\r\nswap=0\nnetworkingMode=nat\n");
        assertThat(after("[wsl2]\r\nmemory=4GB\nswap=0\r\n", NetworkingMode.NAT))
                .isEqualTo("[wsl2]\r\nmemory=4GB\nswap=0\r\nnetworkingMode=nat\r\n");
    }

    @Test
    void aUtf8ByteOrderMarkIsKept() {
        byte[] file = concat(BOM, utf8("[wsl2]\nnetworkingMode=nat\n"));

        EditResult result = WslConfigEdit.setNetworkingMode(file, NetworkingMode.MIRRORED, false);

        assertThat(result.updated()).isEqualTo(concat(BOM, utf8("[wsl2]\nnetworkingMode=mirrored\n")));
        assertThat(WslConfigEdit.effectiveNetworkingMode(file)).contains("nat");
    }

    @Test
    void aFileThatIsOnlyAByteOrderMarkKeepsIt() {
        EditResult result = WslConfigEdit.setNetworkingMode(BOM, NetworkingMode.NAT, false);

        assertThat(result.updated()).isEqualTo(concat(BOM, utf8("[wsl2]\r\nnetworkingMode=nat\r\n")));
    }

    @Test
    void aMissingFinalNewlineStaysMissing() {
        assertThat(after("[wsl2]\nmemory=4GB", NetworkingMode.MIRRORED))
                .isEqualTo("[wsl2]\nmemory=4GB\nnetworkingMode=mirrored");
        assertThat(after("[boot]\nsystemd=true", NetworkingMode.MIRRORED))
                .isEqualTo("[boot]\nsystemd=true\n\n[wsl2]\nnetworkingMode=mirrored");
        assertThat(after("[wsl2]\nnetworkingMode=nat", NetworkingMode.MIRRORED))
                .isEqualTo("[wsl2]\nnetworkingMode=mirrored");
        assertThat(after("[wsl2]", NetworkingMode.NAT)).isEqualTo("[wsl2]\r\nnetworkingMode=nat");
    }

    @Test
    void bytesThatAreNotUtf8SurviveUnchanged() {
        byte[] latin1Comment = "# Einstellungen f\u00fcr \u00c4rger \u00ff\n".getBytes(ISO_8859_1);
        byte[] brokenValue = {'k', 'e', 'r', 'n', 'e', 'l', '=', (byte) 0xC3, '(', (byte) 0x80, '\n'};
        byte[] original = concat(latin1Comment, utf8("[wsl2]\n"), brokenValue, utf8("networkingMode=nat\t# \u00e9t\u00e9\n"));

        EditResult result = WslConfigEdit.setNetworkingMode(original, NetworkingMode.MIRRORED, false);

        assertThat(result.updated()).isEqualTo(
                concat(latin1Comment, utf8("[wsl2]\n"), brokenValue, utf8("networkingMode=mirrored\t# \u00e9t\u00e9\n")));
    }

    @Test
    void tabsCommentsUnknownSectionsAndBlankLinesAreKept() {
        String file = "; made by hand\n\n[wsl2]\n\tmemory\t=\t4GB  # half\n\n[unknown]\nfoo = bar\n  \n[experimental]\nsparseVhd=true\n";

        String updated = after(file, NetworkingMode.MIRRORED);

        assertThat(updated).isEqualTo("; made by hand\n\n[wsl2]\n\tmemory\t=\t4GB  # half\nnetworkingMode=mirrored\n\n"
                + "[unknown]\nfoo = bar\n  \n[experimental]\nsparseVhd=true\n");
    }

    private static final String UTF16_CONTENT = "# caf\u00e9 \u2603\r\n[wsl2]\r\nnetworkingMode=nat\r\n";
    private static final String UTF16_EXPECTED = "# caf\u00e9 \u2603\r\n[wsl2]\r\nnetworkingMode=mirrored\r\n";

    static Stream<Arguments> utf16Files() {
        return Stream.of(
                Arguments.of(TextEncoding.UTF16LE_BOM, concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, UTF16_CONTENT.getBytes(UTF_16LE))),
                Arguments.of(TextEncoding.UTF16BE_BOM, concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, UTF16_CONTENT.getBytes(UTF_16BE))),
                Arguments.of(TextEncoding.UTF16LE, UTF16_CONTENT.getBytes(UTF_16LE)));
    }

    /** The UTF-16 files WSL misreads: big-endian, and little-endian without a byte order mark. */
    static Stream<Arguments> utf16FilesWslMisreads() {
        return utf16Files().filter(a -> !(TextEncoding.detect((byte[]) a.get()[1]) == TextEncoding.UTF16LE_BOM));
    }

    /** Notepad's "Unicode" and PowerShell 5's > : WSL reads it, so it is edited in its own encoding. */
    @Test
    void utf16WithItsByteOrderMarkIsEditedAndStaysUtf16() {
        byte[] file = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, UTF16_CONTENT.getBytes(UTF_16LE));
        assertThat(WslConfigEdit.effectiveNetworkingMode(file)).contains("nat");

        EditResult result = WslConfigEdit.setNetworkingMode(file, NetworkingMode.MIRRORED, false);

        assertThat(result.applicable()).isTrue();
        assertThat(result.changed()).isTrue();
        assertThat(result.updated()).isEqualTo(concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, UTF16_EXPECTED.getBytes(UTF_16LE)));
        assertThat(result.notes()).contains(WslConfigEdit.UTF16_KEPT);
        assertThat(WslConfigEdit.effectiveNetworkingMode(result.updated())).contains("mirrored");
        assertThat(WslConfigEdit.setNetworkingMode(result.updated(), NetworkingMode.MIRRORED, false).changed()).as("already set").isFalse();
    }

    @ParameterizedTest
    @MethodSource("utf16Files")
    void utf16IsDetected(TextEncoding encoding, byte[] file) {
        assertThat(TextEncoding.detect(file)).isEqualTo(encoding);
    }

    @ParameterizedTest
    @MethodSource("utf16FilesWslMisreads")
    void utf16IsNotEditedWithoutPermissionToRewriteIt(TextEncoding encoding, byte[] file) {
        EditResult result = WslConfigEdit.setNetworkingMode(file, NetworkingMode.MIRRORED, false);

        assertThat(result.updated()).isEqualTo(file);
        assertThat(result.changed()).isFalse();
        assertThat(result.applicable()).isFalse();
        assertThat(result.conflicts()).containsExactly(WslConfigEdit.UTF16_CONFLICT);
        assertThat(WslConfigEdit.UTF16_CONFLICT)
                .contains("UTF-16", "\"Unicode\" in Notepad", "Nothing was changed", "rewrite", "UTF-8", "same content");
    }

    @ParameterizedTest
    @MethodSource("utf16Files")
    void utf16IsRewrittenAsUtf8WithTheSameContentAndThenEdited(TextEncoding encoding, byte[] file) {
        EditResult result = WslConfigEdit.setNetworkingMode(file, NetworkingMode.MIRRORED, true);

        assertThat(result.updated()).isEqualTo(utf8(UTF16_EXPECTED));
        assertThat(result.changed()).isTrue();
        assertThat(result.applicable()).isTrue();
        assertThat(result.notes()).first().isEqualTo(WslConfigEdit.UTF16_REWRITTEN);
        assertThat(result.notes()).contains("Changes networkingMode from nat to mirrored in [wsl2] (line 3).");
        assertThat(result.notes()).last().isEqualTo(WslConfigEdit.RESTART_NOTE);
    }

    @Test
    void utf16IsRewrittenEvenWhenTheModeIsAlreadySetOnceTheRewriteIsAllowed() {
        byte[] file = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, UTF16_EXPECTED.getBytes(UTF_16LE));

        EditResult result = WslConfigEdit.setNetworkingMode(file, NetworkingMode.MIRRORED, true);

        assertThat(result.changed()).isTrue();
        assertThat(result.updated()).isEqualTo(utf8(UTF16_EXPECTED));
    }

    @ParameterizedTest
    @MethodSource("utf16FilesWslMisreads")
    void utf16IsReadAsSettingNothing(TextEncoding encoding, byte[] file) {
        assertThat(WslConfigEdit.effectiveNetworkingMode(file)).isEmpty();
    }

    @Test
    void utf16ThatCannotBeDecodedIsNeverConverted() {
        byte[] truncated = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, "[wsl2]".getBytes(UTF_16LE), new byte[]{'x'});
        byte[] loneSurrogate = concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, new byte[]{0x00, (byte) 0xD8, 'a', 0});

        for (byte[] file : new byte[][]{truncated, loneSurrogate}) {
            EditResult result = WslConfigEdit.setNetworkingMode(file, NetworkingMode.MIRRORED, true);

            assertThat(result.updated()).isEqualTo(file);
            assertThat(result.changed()).isFalse();
            assertThat(result.conflicts()).containsExactly(WslConfigEdit.UTF16_BROKEN);
        }
    }

    @Test
    void detectsUtf8WithAndWithoutByteOrderMark() {
        assertThat(TextEncoding.detect(new byte[0])).isEqualTo(TextEncoding.UTF8);
        assertThat(TextEncoding.detect(utf8("[wsl2]\nmemory=4GB\n"))).isEqualTo(TextEncoding.UTF8);
        assertThat(TextEncoding.detect(utf8("\u00e9\u00e9\u00e9"))).isEqualTo(TextEncoding.UTF8);
        assertThat(TextEncoding.detect(concat(BOM, utf8("[wsl2]")))).isEqualTo(TextEncoding.UTF8_BOM);
        assertThat(TextEncoding.detect(BOM)).isEqualTo(TextEncoding.UTF8_BOM);
    }

    @Test
    void detectsByteOrderMarkLessUtf16ByItsNuls() {
        assertThat(TextEncoding.detect("[wsl2]".getBytes(UTF_16LE))).isEqualTo(TextEncoding.UTF16LE);
        assertThat(TextEncoding.detect("[wsl2]".getBytes(UTF_16BE))).isEqualTo(TextEncoding.UTF16BE);
        assertThat(TextEncoding.detect(new byte[]{'a', 0, 'b', 'c', 'd', 'e'})).isEqualTo(TextEncoding.UTF8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "[wsl2]\nmemory=4GB\n", "networkingMode=mirrored\n",
            "[boot]\nnetworkingMode=mirrored\n", "[wsl2]\n# networkingMode=mirrored\n",
            "[wsl2]\n; networkingMode=mirrored\n", "[wsl2]\nnetworking_mode=mirrored\n",
            "[wsl2]\nnetworkingMode mirrored\n", "[wsl2]\nnetworkingMode=\"mirrored\n",
            "[wsl2]\nnetworkingMode=mir\\qrored\n", "[wsl2]\nnetworkingMode=mirrored \\\n",
            "[wsl2]x\nnetworkingMode=mirrored\n", "[wsl]\nnetworkingMode=mirrored\n",
            "[experimental]\n[wsl2]x\nnetworkingMode=mirrored\n", "[wsl2]\n[boot] [wsl2]\nnetworkingMode=mirrored\n"})
    void readsNothingWhereWslFindsNoSetting(String file) {
        assertThat(WslConfigEdit.effectiveNetworkingMode(utf8(file))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("readings")
    void readsTheValueWslUses(String file, String expected) {
        assertThat(effective(file)).isEqualTo(expected);
    }

    @Test
    void readsExperimentalWhenWsl2HasNoSetting() {
        assertThat(effective("[experimental]\nnetworkingMode=mirrored\n[wsl2]\nmemory=1GB\n")).isEqualTo("mirrored");
    }

    @Test
    void readsEvenAfterInvalidUtf8Bytes() {
        byte[] file = concat(new byte[]{'#', (byte) 0xFF, (byte) 0xC3, '\n'}, utf8("[wsl2]\nnetworkingMode=Mirrored\n"));

        assertThat(WslConfigEdit.effectiveNetworkingMode(file)).contains("mirrored");
    }

    static Stream<Arguments> readings() {
        return Stream.of(
                Arguments.of("[wsl2]\nnetworkingMode=mirrored\n", "mirrored"),
                Arguments.of("[WSL2]\r\nNETWORKINGMODE = NAT\r\n", "nat"),
                Arguments.of("  [Wsl2]   # network\n\tnetworkingmode\t=\t\"Mirrored\"\t# quoted\n", "mirrored"),
                Arguments.of("[wsl2]\nnetworkingMode=virtioproxy#tight", "virtioproxy"),
                Arguments.of("[wsl2]\nnetworkingMode=\"mirrored # inside quotes\"\n", "mirrored # inside quotes"),
                Arguments.of("[wsl2]\nnetworkingMode=\" padded \"\n", " padded "),
                Arguments.of("[wsl2]\nnetworkingMode=\n", ""),
                Arguments.of("[experimental]\nnetworkingMode=mirrored\n", "mirrored"),
                Arguments.of("[wsl2]\nnetworkingMode=nat\n[experimental]\nnetworkingMode=mirrored\n", "nat"),
                // WSL keeps the first occurrence of wsl2.networkingMode or experimental.networkingMode.
                Arguments.of("[experimental]\nnetworkingMode=mirrored\n[wsl2]\nnetworkingMode=nat\n", "mirrored"),
                Arguments.of("[wsl2]\nnetworkingMode=nat\nnetworkingMode=mirrored\n", "nat"),
                Arguments.of("[wsl2]\nnetworkingMode=nat\n[boot]\n[wsl2]\nnetworkingMode=none\n", "nat"),
                Arguments.of("[wsl2]\nmemory=1GB\n[boot]\n[wsl2]\nnetworkingMode=none\n", "none"),
                // "[ boot ]" is no header to WSL, so the setting after it is still in [wsl2].
                Arguments.of("[wsl2]\n[ boot ]\nnetworkingMode=mirrored\n", "mirrored"),
                Arguments.of("[boot]\nnetworkingMode=nat\n[wsl2]\nnetworkingMode=mirrored\n", "mirrored"),
                Arguments.of("[wsl2]\nnetworkingMode=mirrored\n[boot]\nnetworkingMode=nat\n", "mirrored"),
                // A broken header replaces the name WSL builds keys with, cut to the last good
                // section's length: after [abcd], "[wsl2 ]" leaves keys in wsl2.
                Arguments.of("[abcd]\n[wsl2 ]\nnetworkingMode=mirrored\n", "mirrored"),
                Arguments.of("[wsl2]\n[wsl2junk-]\nnetworkingMode=mirrored\n", "mirrored"));
    }
}
