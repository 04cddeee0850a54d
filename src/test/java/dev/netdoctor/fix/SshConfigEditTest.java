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
}
