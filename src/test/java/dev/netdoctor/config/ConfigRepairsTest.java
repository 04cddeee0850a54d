// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import dev.netdoctor.config.ConfigIssue.CommentOut;
import dev.netdoctor.config.ConfigIssue.DropBom;
import dev.netdoctor.config.ConfigIssue.Kind;
import dev.netdoctor.config.ConfigIssue.Move;
import dev.netdoctor.config.ConfigIssue.Replace;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repair the reader proposes for each kind of line WSL does not read as meant: the right
 * name in place, the line moved to its section, or commented out where a repair would make a
 * second setting of a key the file already sets. Each repair, applied, is a line WSL reads.
 */
class ConfigRepairsTest {
    private static ConfigReading wslconfig(String text) {
        return ConfigReader.read(ConfigFileKind.WSLCONFIG, text.getBytes(UTF_8));
    }

    private static ConfigReading wslConf(String text) {
        return ConfigReader.read(ConfigFileKind.WSL_CONF, text.getBytes(UTF_8));
    }

    private static ConfigIssue only(ConfigReading r) {
        assertThat(r.issues()).hasSize(1);
        return r.issues().getFirst();
    }

    @Test
    void aMisspeltKeyInItsSectionIsRenamedInPlace() {
        ConfigIssue i = only(wslconfig("[wsl2]\nnetworkMode=mirrored\n"));
        assertThat(i.reason()).isEqualTo("unknown-key");
        assertThat(i.what()).contains("Did you mean networkingMode in [wsl2]?");
        assertThat(i.repairs()).containsExactly(new Replace(2, "networkingMode=mirrored"));
    }

    @Test
    void aMisspeltKeyTheFileAlsoSetsRightIsCommentedOutNotRenamed() {
        // The right spelling comes later: renaming would make it the first of two, changing what WSL uses.
        ConfigReading r = wslconfig("[wsl2]\nnetworkMode=mirrored\nnetworkingMode=nat\n");
        assertThat(only(r).repairs()).containsExactly(new CommentOut(2, 2));
        assertThat(r.value("wsl2.networkingMode")).contains("nat");
    }

    @Test
    void aMisspeltKeyInAnotherSectionMovesToItsOwn() {
        ConfigIssue i = only(wslconfig("[experimental]\nlocalhostForwardin=true\n"));
        assertThat(i.repairs()).containsExactly(new Move(2, 2, "wsl2", "localhostForwarding=true"));
        ConfigIssue set = wslconfig("[experimental]\nlocalhostForwardin=true\n[wsl2]\nlocalhostForwarding=false\n").issues().getFirst();
        assertThat(set.repairs()).containsExactly(new CommentOut(2, 2));
    }

    @Test
    void aKnownKeyInTheWrongPlaceMovesToItsSection() {
        ConfigIssue wrong = only(wslconfig("[experimental]\nmemory=4GB\n"));
        assertThat(wrong.reason()).isEqualTo("wrong-section");
        assertThat(wrong.what()).contains("only in [wsl2]").contains("in [experimental]");
        assertThat(wrong.repairs()).containsExactly(new Move(2, 2, "wsl2", "memory=4GB"));
        ConfigIssue above = only(wslconfig("memory=4GB\n[wsl2]\n"));
        assertThat(above.reason()).isEqualTo("no-section");
        assertThat(above.what()).contains("above any [section]");
        assertThat(above.repairs()).containsExactly(new Move(1, 1, "wsl2", "memory=4GB"));
    }

    @Test
    void aContinuedLineInTheWrongPlaceIsCommentedOutWhole() {
        ConfigIssue i = only(wslconfig("[experimental]\nkernelCommandLine=quiet \\\nsplash\n"));
        assertThat(i.line()).isEqualTo(2);
        assertThat(i.lastLine()).isEqualTo(3);
        assertThat(i.text()).isEqualTo("kernelCommandLine=quiet \\\nsplash");
        assertThat(i.repairs()).containsExactly(new CommentOut(2, 3));
    }

    @Test
    void aValueContinuedOnTheNextLineIsOneSetting() {
        ConfigReading r = wslconfig("[wsl2]\nkernelCommandLine=quiet \\\nsplash\nmemory=4GB\n");
        assertThat(r.issues()).isEmpty();
        assertThat(r.first("wsl2.kernelCommandLine")).get().extracting(ConfigReading.Setting::line).isEqualTo(2);
        assertThat(r.first("wsl2.memory")).get().extracting(ConfigReading.Setting::line).isEqualTo(4);
    }

    @Test
    void aBackslashAtTheVeryEndOfTheFileIsAnInvalidLine() {
        ConfigIssue i = only(wslconfig("[wsl2]\nkernelCommandLine=quiet\\"));
        assertThat(i.kind()).isEqualTo(Kind.LINE_IGNORED);
        assertThat(i.line()).isEqualTo(2);
        assertThat(i.lastLine()).isEqualTo(2);
    }

    @Test
    void aValueWslRefusesIsReplacedByTheOneMeantKeepingItsQuotes() {
        assertThat(only(wslconfig("[wsl2]\nmemory=4 gb\n")).repairs()).containsExactly(new Replace(2, "memory=4GB"));
        assertThat(only(wslconfig("[wsl2]\nmemory=\"4 gb\"\n")).repairs()).containsExactly(new Replace(2, "memory=\"4GB\""));
        assertThat(only(wslconfig("[wsl2]\nmemory=lots\n")).repairs()).isEmpty();
    }

    @Test
    void aPathWithSingleBackslashesHasThemDoubledAndDoubledOnesKept() {
        ConfigIssue i = only(wslconfig("[wsl2]\nkernel=C:\\\\data\\new\n"));
        assertThat(i.reason()).isEqualTo("invalid-value");
        assertThat(i.what()).contains("WSL uses that mangled path");
        assertThat(i.repairs()).containsExactly(new Replace(2, "kernel=C:\\\\data\\\\new"));
    }

    @Test
    void theFirstOfTwoSettingsWinsAndTheSecondIsCommentedOut() {
        ConfigIssue i = only(wslconfig("[wsl2]\nmemory=4GB\nmemory=2GB\n"));
        assertThat(i.kind()).isEqualTo(Kind.DUPLICATE_KEY);
        assertThat(i.line()).isEqualTo(3);
        assertThat(i.what()).contains("on line 2 (4GB)");
        assertThat(i.repairs()).containsExactly(new CommentOut(3, 3));
        ConfigReading refused = wslconfig("[wsl2]\nmemory=lots\nmemory=2GB\n");
        assertThat(refused.issues(Kind.DUPLICATE_KEY).getFirst().what()).contains("on line 2, and since WSL could not use");
        assertThat(refused.value("wsl2.memory")).as("WSL keeps its default: the second line is not used").isEmpty();
    }

    @Test
    void aSemicolonCommentBecomesAHashComment() {
        assertThat(only(wslconfig("[wsl2]\n; my note\n")).repairs()).containsExactly(new Replace(2, "# my note"));
    }

    @Test
    void aMisspeltHeaderOfAKnownSectionIsWrittenRight() {
        // The setting under it is reported too (WSL reads it outside any section); the header's repair mends both.
        assertThat(wslconfig("[wsl_2] # mine\nmemory=4GB\n").issues().getFirst().repairs()).containsExactly(new Replace(1, "[wsl2] # mine"));
        assertThat(wslconfig("[wsl_2] junk\nmemory=4GB\n").issues().getFirst().repairs()).isEmpty();
    }

    @Test
    void aSettingWithoutItsEqualsSignGetsOne() {
        assertThat(only(wslconfig("[wsl2]\nmemory 4GB\n")).repairs()).containsExactly(new Replace(2, "memory=4GB"));
        assertThat(wslconfig("[wsl2]\nmemory 4GB\nmemory=2GB\n").issues().getFirst().repairs()).containsExactly(new CommentOut(2, 2));
        assertThat(only(wslconfig("[wsl2]\nmemory 4 gb\n")).repairs()).as("no repair to a value WSL refuses").isEmpty();
        assertThat(only(wslconfig("[wsl2]\nmemory\n")).repairs()).isEmpty();
    }

    @Test
    void aNameWithPunctuationIsWrittenAsWslNamesIt() {
        ConfigIssue right = only(wslconfig("[wsl2]\nlocalhost-forwarding=true\n"));
        assertThat(right.what()).contains("only letters and digits");
        assertThat(right.repairs()).containsExactly(new Replace(2, "localhostForwarding=true"));
        assertThat(only(wslconfig("[experimental]\nlocalhost-forwarding=true\n")).repairs())
                .containsExactly(new Move(2, 2, "wsl2", "localhostForwarding=true"));
    }

    @Test
    void aBackslashBeforeAnotherLetterIsDoubled() {
        ConfigIssue i = only(wslconfig("[wsl2]\nkernelCommandLine=a\\qb\n"));
        assertThat(i.reason()).isEqualTo("invalid-escape");
        assertThat(i.repairs()).containsExactly(new Replace(2, "kernelCommandLine=a\\\\qb"));
    }

    @Test
    void eachUnreadableLineSaysWhy() {
        assertThat(only(wslconfig("[wsl2]\n=4GB\n")).what()).contains("WSL expects name = value");
        assertThat(only(wslconfig("[wsl2]\nmemory=\"4GB\n")).what()).contains("a quote is opened and not closed");
        assertThat(only(wslconfig("[wsl2]\nmem ory=4GB\n")).what()).contains("only letters and digits");
    }

    @Test
    void wslConfStopsAtTheFirstUnreadableLineAndNamesWhatItNeverReads() {
        ConfigIssue stop = only(wslConf("[network]\nhostname=a\n; note\ngenerateHosts=false\njunk\n[boot]\nsystemd=true\n"));
        assertThat(stop.kind()).isEqualTo(Kind.PARSING_STOPS);
        assertThat(stop.line()).isEqualTo(3);
        assertThat(stop.what()).contains("So WSL never reads network.generateHosts (line 4), boot.systemd (line 7).");
        assertThat(stop.repairs()).containsExactly(new Replace(3, "# note"), new CommentOut(5, 5));
        assertThat(only(wslConf("[network]\nhostname=a\n; note\n")).what()).contains("There is no setting after it");
    }

    @Test
    void aByteOrderMarkStopsWslConfAtOnceAndIsDroppedKeepingTheFirstLine() {
        ConfigIssue stop = only(wslConf("\uFEFF[network]\nhostname=a\n"));
        assertThat(stop.reason()).isEqualTo("byte-order-mark");
        assertThat(stop.what()).contains("So WSL never reads network.hostname (line 2).");
        assertThat(stop.repairs()).containsExactly(new DropBom());
    }

    /**
     * Behind the mark the first line still cannot be read (a backslash with nothing after it, the
     * distro's "invalid escaped character"): dropping the mark alone would leave the distro stopping
     * at line 1, so the line is commented out too (found by CheckAndEditAgreePropertiesTest).
     */
    @Test
    void aByteOrderMarkBeforeAnUnreadableLineIsDroppedAndTheLineCommentedOut() {
        ConfigIssue stop = only(wslConf("\uFEFFnetworkingMode=nat\\\n"));
        assertThat(stop.reason()).isEqualTo("byte-order-mark");
        assertThat(stop.repairs()).containsExactly(new DropBom(), new CommentOut(1, 1));
    }

    @Test
    void onlyValuesBeyondAsciiAreFlagged() {
        assertThat(ConfigReader.read(ConfigFileKind.WSL_CONF, bytes("[automount]\nroot=/mnt/", 0x7f, "\n")).issues()).isEmpty();
        assertThat(ConfigReader.read(ConfigFileKind.WSL_CONF, bytes("[automount]\nroot=/mnt/", 0x80, "\n")).issues(Kind.ENCODING))
                .singleElement().extracting(ConfigIssue::reason).isEqualTo("non-ascii");
        assertThat(ConfigReader.read(ConfigFileKind.WSLCONFIG, bytes("[wsl2]\nswapFile=C:/", 0x7f, "\n")).issues()).isEmpty();
        assertThat(ConfigReader.read(ConfigFileKind.WSLCONFIG, bytes("[wsl2]\nswapFile=C:/", 0x80, "\n")).issues(Kind.ENCODING))
                .singleElement().extracting(ConfigIssue::reason).isEqualTo("non-ascii");
    }

    private static byte[] bytes(String before, int b, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(UTF_8));
        out.write(b);
        out.writeBytes(after.getBytes(UTF_8));
        return out.toByteArray();
    }
}
