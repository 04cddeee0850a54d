// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.model.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshConfigEditTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final String PATTERN = "198.18.1.*";

    static EditResult edit(String config) {
        return edit(config.getBytes(StandardCharsets.UTF_8), SshConfigEdit.IncludeReader.NONE);
    }

    static EditResult edit(byte[] config, SshConfigEdit.IncludeReader includes) {
        return SshConfigEdit.setIpqos(config, PATTERN, "none", DAY, List.of("198.18.1.56"), includes);
    }

    static String text(EditResult r) {
        return new String(r.updated(), StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyConfigGetsAMarkedBlock() {
        EditResult r = edit("");
        assertThat(r.changed()).isTrue();
        assertThat(text(r)).isEqualTo("""
                # WSL Net Doctor, 2026-11-22: no packet marking (IPQoS) for these hosts; marked packets were dropped on the way.
                Host 198.18.1.*
                    IPQoS none
                """);
    }

    @Test
    void theBlockGoesAfterThePreambleAndBeforeTheFirstHost() {
        EditResult r = edit("""
                ServerAliveInterval 30
                Host nas
                \tHostName 198.18.1.5
                """);
        assertThat(text(r)).isEqualTo("""
                ServerAliveInterval 30

                # WSL Net Doctor, 2026-11-22: no packet marking (IPQoS) for these hosts; marked packets were dropped on the way.
                Host 198.18.1.*
                \tIPQoS none

                Host nas
                \tHostName 198.18.1.5
                """);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("before line 2"));
    }

    @Test
    void anExistingBlockForExactlyThePatternIsChangedInPlace() {
        EditResult r = edit("Host 198.18.1.*\n  IPQoS=af21  # old\n  User pi\n");
        assertThat(text(r)).isEqualTo("Host 198.18.1.*\n  IPQoS=none  # old\n  User pi\n");
        assertThat(r.notes()).singleElement().asString().contains("from af21 to none").contains("line 2");
    }

    @Test
    void anExistingBlockWithoutIpqosGetsTheLine() {
        EditResult r = edit("Host 198.18.1.*\n  User pi\nHost other\n  User x\n");
        assertThat(text(r)).isEqualTo("Host 198.18.1.*\n  IPQoS none\n  User pi\nHost other\n  User x\n");
    }

    @Test
    void aGlobalIpqosInThePreambleIsAConflictNotAnEdit() {
        byte[] before = "IPQoS af21\nHost nas\n  User x\n".getBytes(StandardCharsets.UTF_8);
        EditResult r = edit(before, SshConfigEdit.IncludeReader.NONE);
        assertThat(r.applicable()).isFalse();
        assertThat(r.updated()).isEqualTo(before);
        assertThat(r.conflicts()).singleElement().asString().contains("line 1").contains("IPQoS af21").contains("Host *");
    }

    @Test
    void anEarlierHostStarBlockWinsOverALaterExactBlock() {
        EditResult r = edit("Host *\n  IPQoS lowdelay\nHost 198.18.1.*\n  IPQoS af21\n");
        assertThat(r.applicable()).isFalse();
        assertThat(r.conflicts()).singleElement().asString().contains("Host *").contains("Move your \"Host 198.18.1.*\" block above line 1");
    }

    @Test
    void aHostStarBlockLaterOnDoesNotMatter() {
        EditResult r = edit("Host nas\n  User x\nHost *\n  IPQoS lowdelay\n");
        assertThat(r.applicable()).isTrue();
        // indented like the file's own blocks
        assertThat(text(r)).startsWith("# WSL Net Doctor").contains("Host 198.18.1.*\n  IPQoS none\n\nHost nas");
    }

    @Test
    void negatedPatternsAreHonoured() {
        // The earlier block excludes our hosts, so it does not win for them.
        assertThat(edit("Host 198.18.1.* !198.18.1.56 !198.18.1.1\n  IPQoS af21\nHost 198.18.1.*\n  IPQoS cs1\n").applicable()).isTrue();
        assertThat(edit("Host *,!nas\n  IPQoS af21\nHost 198.18.1.*\n  IPQoS cs1\n").applicable()).isFalse();
    }

    @Test
    void anIncludeInThePreambleThatSetsIpqosIsAConflict() {
        SshConfigEdit.IncludeReader inc = arg -> List.of(new SshConfigEdit.Included("~/.ssh/" + arg, "IPQoS ef\n".getBytes()));
        EditResult r = edit("Include extra.conf\nHost nas\n".getBytes(), inc);
        assertThat(r.conflicts()).singleElement().asString().contains("~/.ssh/extra.conf line 1").contains("included from line 1");
        SshConfigEdit.IncludeReader harmless = arg -> List.of(new SshConfigEdit.Included(arg, "Host elsewhere\n  IPQoS ef\n".getBytes()));
        assertThat(edit("Include extra.conf\nHost nas\n".getBytes(), harmless).applicable()).isTrue();
        SshConfigEdit.IncludeReader unreadable = arg -> List.of(new SshConfigEdit.Included(arg, null));
        assertThat(edit("Include extra.conf\n".getBytes(), unreadable).conflicts()).singleElement().asString().contains("unreadable");
    }

    @Test
    void aMatchBlockThatMayApplyIsReportedAsPossible() {
        EditResult r = edit("Match exec \"true\"\n  IPQoS af21\nHost 198.18.1.*\n  User x\n");
        assertThat(r.conflicts()).singleElement().asString().startsWith("Possibly:");
    }

    @Test
    void crlfAndAMissingFinalNewlineAndForeignBytesSurvive() {
        byte[] before = "# caf\u00e9 \u00ff\r\nHost nas\r\n  User x".getBytes(StandardCharsets.ISO_8859_1); // \u00ff alone is not UTF-8
        EditResult r = edit(before, SshConfigEdit.IncludeReader.NONE);
        String after = new String(r.updated(), StandardCharsets.ISO_8859_1);
        // the comment heads Host nas: it stays with it, our block goes above both
        assertThat(after).startsWith("# WSL Net Doctor").contains("Host 198.18.1.*\r\n  IPQoS none\r\n\r\n# caf\u00e9 \u00ff\r\nHost nas\r\n")
                .endsWith("  User x");
    }

    @Test
    void appendingToAFileWithoutSectionsKeepsTheMissingFinalNewline() {
        EditResult r = edit("User me");
        assertThat(text(r)).isEqualTo("User me\n\n# WSL Net Doctor, 2026-11-22: no packet marking (IPQoS) for these hosts; marked packets were dropped on the way.\nHost 198.18.1.*\n    IPQoS none");
    }

    @Test
    void applyingTwiceChangesNothingTheSecondTime() {
        EditResult once = edit("Host nas\n  User x\n");
        EditResult twice = edit(once.updated(), SshConfigEdit.IncludeReader.NONE);
        assertThat(twice.changed()).isFalse();
        assertThat(twice.updated()).isEqualTo(once.updated());
        assertThat(twice.notes()).singleElement().asString().contains("already none");
    }

    @Test
    void badPatternsAndValuesAreRefused() {
        assertThatThrownBy(() -> SshConfigEdit.checkPattern("a b")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SshConfigEdit.checkPattern("-x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SshConfigEdit.checkPattern("!x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SshConfigEdit.checkPattern("x\ny")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SshConfigEdit.checkValue("bogus")).isInstanceOf(InvalidInputException.class);
        assertThat(SshConfigEdit.checkValue("None")).isEqualTo("none");
    }

    @Test
    void patternsMatchLikeOpenSsh() {
        assertThat(SshPatterns.wildcard("198.18.1.*", "198.18.1.56")).isTrue();
        assertThat(SshPatterns.wildcard("198.18.1.?", "198.18.1.56")).isFalse();
        assertThat(SshPatterns.wildcard("NAS*", "nas.local")).isTrue();
        assertThat(SshPatterns.hostLineMatches(List.of("*", "!nas"), "nas")).isFalse();
        assertThat(SshPatterns.hostLineMatches(List.of("!nas"), "other")).as("negation alone never matches").isFalse();
    }

    private static EditResult edit(String config, List<String> samples) {
        return SshConfigEdit.setIpqos(config.getBytes(StandardCharsets.UTF_8), PATTERN, "none", DAY, samples, SshConfigEdit.IncludeReader.NONE);
    }

    /** What the user reads when the edit cannot help: where, what it sets, for which hosts, and what to change. */
    @Test
    void eachConflictSaysWhereForWhichHostsAndWhatToChange() {
        assertThat(edit("IPQoS af21\nHost nas\n", List.of("198.18.1.56")).conflicts()).containsExactly("your config line 1 sets"
                + " \"IPQoS af21\" before any Host block (applies to all hosts), which ssh reads first for 198.18.1.1 and 198.18.1.56."
                + " Change that line to \"IPQoS none\" if all hosts should go unmarked, or move it into a \"Host *\" block at the end of the file.");
        assertThat(edit("Host *\n  IPQoS lowdelay\nHost 198.18.1.*\n  IPQoS af21\n", List.of()).conflicts()).containsExactly(
                "your config line 2 sets \"IPQoS lowdelay\" in \"Host *\" (line 1), which ssh reads first for 198.18.1.1."
                        + " Move your \"Host 198.18.1.*\" block above line 1, or change that line.");
        SshConfigEdit.IncludeReader inHostBlock = arg -> List.of(new SshConfigEdit.Included(arg, "Host 198.18.*\n  IPQoS cs1\n".getBytes()));
        assertThat(edit("User me\nInclude a.conf\nHost nas\n".getBytes(), inHostBlock).conflicts()).containsExactly(
                "a.conf line 2 sets \"IPQoS cs1\" in \"Host 198.18.*\" (line 1), included from line 2, which ssh reads first for"
                        + " 198.18.1.1 and 198.18.1.56. Change it there, or add \"IPQoS none\" for 198.18.1.* in that file.");
        SshConfigEdit.IncludeReader unreadable = arg -> List.of(new SshConfigEdit.Included("/home/u/.ssh/" + arg, null));
        assertThat(edit("Include secret.conf\n".getBytes(), unreadable).conflicts()).singleElement().asString()
                .startsWith("Possibly: /home/u/.ssh/secret.conf sets \"IPQoS ?\" (included from line 1, and unreadable), which ssh reads first");
    }

    /** "Match all" applies to every host for sure; other Match criteria only possibly (ssh decides them when it connects). */
    @Test
    void matchAllIsCertainAndOtherMatchesArePossible() {
        assertThat(edit("# mine\nMatch all\n  IPQoS ef\nHost 198.18.1.*\n", List.of()).conflicts()).containsExactly(
                "your config line 3 sets \"IPQoS ef\" in \"Match all\" (line 2), which ssh reads first for 198.18.1.1."
                        + " Move your \"Host 198.18.1.*\" block above line 2, or change that line.");
        assertThat(edit("Match user pi\n  IPQoS ef\nHost 198.18.1.*\n", List.of()).conflicts()).singleElement().asString()
                .startsWith("Possibly: your config line 2");
    }

    /** The search for what wins stops at the end of our own block: a Host * after it is read later and does not matter. */
    @Test
    void aBlockAfterOurOwnDoesNotWin() {
        EditResult r = edit("Host 198.18.1.*\n  User x\nHost *\n  IPQoS ef\n");
        assertThat(text(r)).isEqualTo("Host 198.18.1.*\n  IPQoS none\n  User x\nHost *\n  IPQoS ef\n");
        assertThat(r.notes()).containsExactly("Adds \"IPQoS none\" to your Host 198.18.1.* block (after line 1).");
    }

    /** A Host line that names more than our pattern is not our block: ours goes first, theirs stays as it was. */
    @Test
    void aBlockForMoreHostsThanThePatternIsNotEditedInPlace() {
        EditResult r = edit("Host 198.18.1.*,nas\n  IPQoS ef\n");
        assertThat(text(r)).startsWith("# WSL Net Doctor").endsWith("Host 198.18.1.*\n  IPQoS none\n\nHost 198.18.1.*,nas\n  IPQoS ef\n");
        assertThat(r.notes()).containsExactly("Adds a block \"Host 198.18.1.*\" with \"IPQoS none\" before line 1 (the first Host/Match"
                + " block), so ssh reads it first.");
    }

    /** Our Host line as the file's last line without newline: it gets the file's line break, the file still ends without one. */
    @Test
    void ourHostLineLastWithoutNewlineKeepsTheFileWithoutOne() {
        assertThat(text(edit("Host a\r\n  User b\r\nHost 198.18.1.*"))).isEqualTo("Host a\r\n  User b\r\nHost 198.18.1.*\r\n  IPQoS none");
        assertThat(text(edit("Host 198.18.1.*"))).isEqualTo("Host 198.18.1.*\n    IPQoS none");
        // our block goes before a first Host line that is also the last, without newline: that one stays as it was
        assertThat(text(edit("Host nas"))).isEqualTo("# WSL Net Doctor, 2026-11-22: no packet marking (IPQoS) for these hosts;"
                + " marked packets were dropped on the way.\nHost 198.18.1.*\n    IPQoS none\n\nHost nas");
    }

    /** New lines are indented like the file's options, not like its indented comments; four spaces when nothing is indented. */
    @Test
    void theIndentIsTheFilesOwn() {
        assertThat(text(edit("Host 198.18.1.*\n  # comment\n"))).isEqualTo("Host 198.18.1.*\n    IPQoS none\n  # comment\n");
        assertThat(text(edit("# top\n\nHost nas\n\t# note\n\tUser x\n"))).isEqualTo("# top\n\n# WSL Net Doctor, 2026-11-22: no packet"
                + " marking (IPQoS) for these hosts; marked packets were dropped on the way.\nHost 198.18.1.*\n\tIPQoS none\n\nHost nas\n\t# note\n\tUser x\n");
    }

    /** An Include that includes itself ends where OpenSSH's nesting limit ends it. */
    @Test
    void anIncludeLoopEnds() {
        SshConfigEdit.IncludeReader loop = arg -> List.of(new SshConfigEdit.Included(arg, "Include loop.conf\n".getBytes()));
        assertThat(edit("Include loop.conf\nHost nas\n".getBytes(), loop).applicable()).isTrue();
    }

    @Test
    void theValueIsCheckedAsAlreadySetIgnoringCase() {
        EditResult r = edit("Host 198.18.1.*\n  IPQoS None\n");
        assertThat(r.changed()).isFalse();
        assertThat(r.notes()).containsExactly("IPQoS is already none for Host 198.18.1.* (line 2); nothing to change.");
    }

    @Test
    void anEmptyOrMissingPatternOrValueIsRefusedInPlainWords() {
        assertThatThrownBy(() -> SshConfigEdit.checkPattern("")).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("The host pattern is empty");
        assertThatThrownBy(() -> SshConfigEdit.checkPattern(null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SshConfigEdit.checkValue(null)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("\"null\" is not an IPQoS value");
        assertThatThrownBy(() -> SshConfigEdit.checkValue("af21 ef")).isInstanceOf(InvalidInputException.class);
        assertThat(SshConfigEdit.checkPattern("nas-1.local")).isEqualTo("nas-1.local");
        assertThat(SshConfigEdit.checkValue("AF21")).isEqualTo("af21");
    }
}
