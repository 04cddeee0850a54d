// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ssh_config lines and host patterns read as OpenSSH reads them: what decides which line the fix changes. */
class SshConfigLineTest {
    @Test
    void keywordsAreCaseInsensitiveAndTheValueIsWhereItIsWritten() {
        SshConfigLine l = SshConfigLine.read("  IPQoS\tlowdelay throughput  # set by hand");
        assertThat(l.is("ipqos")).isTrue();
        assertThat(l.value()).isEqualTo("lowdelay throughput");
        assertThat("  IPQoS\tlowdelay throughput  # set by hand".substring(l.valueStart(), l.valueEnd())).isEqualTo("lowdelay throughput");

        SshConfigLine eq = SshConfigLine.read("IPQoS = ef");
        assertThat(eq.value()).isEqualTo("ef");
        assertThat(eq.valueStart()).isEqualTo(8);
        assertThat(SshConfigLine.read("IPQoS=ef").value()).isEqualTo("ef");
        assertThat(SshConfigLine.read("IPQoS=\tef").value()).isEqualTo("ef");
    }

    @Test
    void blankAndCommentLinesAreNoSetting() {
        assertThat(SshConfigLine.read("")).isEqualTo(SshConfigLine.NONE);
        assertThat(SshConfigLine.read(" \t ")).isEqualTo(SshConfigLine.NONE);
        assertThat(SshConfigLine.read("  # IPQoS none")).isEqualTo(SshConfigLine.NONE);
        assertThat(SshConfigLine.read("\tHost nas").is("host")).isTrue();
    }

    /** A # starts a comment at the start of a word outside quotes only. */
    @Test
    void aHashInsideAWordOrQuotesIsPartOfTheValue() {
        assertThat(SshConfigLine.read("Host a#b").value()).isEqualTo("a#b");
        assertThat(SshConfigLine.read("Host a# b").value()).as("what follows the # does not matter").isEqualTo("a# b");
        assertThat(SshConfigLine.read("Host a#\tb").value()).isEqualTo("a#\tb");
        assertThat(SshConfigLine.read("Host \"x #y\" z").value()).isEqualTo("\"x #y\" z");
        assertThat(SshConfigLine.read("Host nas\t#comment").value()).isEqualTo("nas");
        assertThat(SshConfigLine.read("Host #comment").value()).isEmpty();
    }

    @Test
    void hostPatternsAreWordsAndCommaListsAndQuotesGroup() {
        assertThat(SshConfigLine.read("Host nas  198.18.1.*,!198.18.1.9\t\"my host\"").hostPatterns())
                .containsExactly("nas", "198.18.1.*", "!198.18.1.9", "my host");
        assertThat(SshConfigLine.read("Host a,,b ").hostPatterns()).containsExactly("a", "b");
        assertThat(SshConfigLine.read("Include \"a b.conf\" c.conf").arguments()).containsExactly("a b.conf", "c.conf");
        assertThat(SshConfigLine.read("Include \"\"").arguments()).containsExactly("");
    }

    @Test
    void aSectionStartsAtHostOrMatchOnly() {
        assertThat(SshConfigLine.read("Match all").startsSection()).isTrue();
        assertThat(SshConfigLine.read("host x").startsSection()).isTrue();
        assertThat(SshConfigLine.read("HostName x").startsSection()).isFalse();
    }

    @Test
    void patternsMatchLikeOpenSsh() {
        assertThat(SshPatterns.wildcard("*", "")).isTrue();
        assertThat(SshPatterns.wildcard("nas*", "nas")).as("* matches nothing too").isTrue();
        assertThat(SshPatterns.wildcard("n?s", "nas")).isTrue();
        assertThat(SshPatterns.wildcard("n?s", "ns")).as("? is exactly one").isFalse();
        assertThat(SshPatterns.wildcard("nas", "nas.local")).isFalse();
        assertThat(SshPatterns.wildcard("nas.local", "nas")).isFalse();
        assertThat(SshPatterns.wildcard("*.LOCAL", "nas.local")).isTrue();
        assertThat(SshPatterns.wildcard("a*b*c", "axxbyyc")).isTrue();
        assertThat(SshPatterns.wildcard("a*b*c", "axxbyy")).isFalse();

        assertThat(SshPatterns.hostLineMatches(List.of("other", "nas"), "nas")).as("any positive pattern").isTrue();
        assertThat(SshPatterns.hostLineMatches(List.of("!other", "nas"), "nas")).isTrue();
        assertThat(SshPatterns.hostLineMatches(List.of("nas", "!n*"), "nas")).as("a negation wins wherever it stands").isFalse();
        assertThat(SshPatterns.hostLineMatches(List.of(), "nas")).isFalse();
        assertThat(SshPatterns.example("198.18.?.*")).isEqualTo("198.18.1.1");
    }

    /** A keyword alone, or followed only by blanks or "=", has an empty value that ends where the line does. */
    @Test
    void aKeywordWithoutValueHasAnEmptyOne() {
        assertThat(SshConfigLine.read("Host")).isEqualTo(new SshConfigLine("host", "", 4, 4));
        assertThat(SshConfigLine.read("Host   ")).isEqualTo(new SshConfigLine("host", "", 7, 7));
        assertThat(SshConfigLine.read("IPQoS=")).isEqualTo(new SshConfigLine("ipqos", "", 6, 6));
        assertThat(SshConfigLine.read("IPQoS = ef \t")).isEqualTo(new SshConfigLine("ipqos", "ef", 8, 10));
        assertThat(SshConfigLine.read("Host #")).isEqualTo(new SshConfigLine("host", "", 5, 5));
        assertThat(SshConfigLine.read("Host \"a\"#b").value()).as("# right after a closing quote is no comment start").isEqualTo("\"a\"#b");
        assertThat(SshConfigLine.read("Host \"a b\"c d").arguments()).containsExactly("a bc", "d");
        assertThat(SshConfigLine.read("Host a\t\tb").arguments()).containsExactly("a", "b");
    }
}
