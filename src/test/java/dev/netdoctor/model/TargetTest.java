// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetTest {
    @ParameterizedTest
    @CsvSource({
            "198.18.0.10, 198.18.0.10, 22",
            "198.18.0.10:2222, 198.18.0.10, 2222",
            "nas.home.arpa, nas.home.arpa, 22",
            "nas:65535, nas, 65535",
            "[2001:db8::1]:8022, 2001:db8::1, 8022",
            "2001:db8::1, 2001:db8::1, 22",
            "my_host.local., my_host.local., 22"})
    void parsesWhatUsersType(String text, String host, int port) {
        Target t = Target.parse(text);
        assertThat(t.host()).isEqualTo(host);
        assertThat(t.port()).isEqualTo(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-oProxyCommand=evil", "host name", "host\tx", "host\n", "nas:0", "nas:65536", "nas:22x",
            "nas:", "300.1.1.1", "1.2.3", "[2001:db8::1", "[::1]x", "a..b", "ho$t", "host;reboot", "ZZ::1::g"})
    void refusesBadInputWithAMessage(String text) {
        assertThatThrownBy(() -> Target.parse(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("Exception")
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "root@nas.local|Leave out \"root@\": give only the machine, here nas.local.",
            "ssh nas.local|Leave out \"ssh\": give only the machine, here nas.local.",
            "ssh root@198.18.1.56|Leave out \"ssh\" and \"root@\": give only the machine, here 198.18.1.56.",
            "ssh -p 2222 admin@nas|Leave out \"ssh\" and \"admin@\": give only the machine, here nas."})
    void aPastedUserOrSshCommandIsRefusedSayingWhatToLeaveOut(String text, String message) {
        assertThatThrownBy(() -> Target.parse(text)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith(message);
    }

    @Test
    void refusesOverlongNames() {
        String longName = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "." + "e".repeat(20);
        assertThat(longName.length()).isGreaterThan(Target.MAX_HOST_LENGTH);
        assertThatThrownBy(() -> Target.parse(longName)).hasMessageContaining("too long");
    }

    @Test
    void printsAsTheUserWouldTypeIt() {
        assertThat(Target.parse("[2001:db8::1]:22").toString()).isEqualTo("[2001:db8::1]:22");
        assertThat(Target.parse("nas").toString()).isEqualTo("nas:22");
    }

    @Property
    void anyTextWithWhitespaceOrControlCharactersIsRefused(@ForAll("withBadCharacter") String text) {
        assertThatThrownBy(() -> Target.parse(text)).isInstanceOf(InvalidInputException.class);
    }

    @Property
    void anythingStartingWithADashIsRefused(@ForAll("hostNames") String host) {
        assertThatThrownBy(() -> Target.parse("-" + host)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("option");
    }

    @Property
    void validNamesAndPortsRoundTrip(@ForAll("hostNames") String host, @ForAll @IntRange(min = 1, max = 65535) int port) {
        Target t = Target.parse(host + ":" + port);
        assertThat(Target.parse(t.toString())).isEqualTo(t);
    }

    @Provide
    Arbitrary<String> hostNames() {
        // A label starts with a letter: all-digit names are read as (invalid) IPv4 addresses.
        Arbitrary<String> label = net.jqwik.api.Combinators.combine(Arbitraries.chars().range('a', 'z'),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-').ofMaxLength(19))
                .as((first, rest) -> first + rest.replaceAll("-+$", ""));
        return label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
    }

    @Provide
    Arbitrary<String> withBadCharacter() {
        Arbitrary<String> good = Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(10);
        Arbitrary<Character> bad = Arbitraries.of(' ', '\t', '\n', '\r', '\u0000', '\u001b', '\u007f', '\u00a0', '\u2028', '\u3000');
        return net.jqwik.api.Combinators.combine(good, bad, good).as((a, c, b) -> a + c + b);
    }

    /** Texts that only look like IPv6 were once taken and went on to ssh and the resolver as names. */
    @ParameterizedTest
    @ValueSource(strings = {":::", ":::::::", "1.2.3.4.5.6::", "1::2::3", "12345::1", "1:2:3:4:5:6:7:8:9", "::1.2.3", "[:::]:22", "fe80::g"})
    void textThatOnlyLooksLikeIpv6IsRefused(String text) {
        assertThatThrownBy(() -> Target.parse(text)).isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid IPv6 address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1", "[::1]:2222", "fe80::a0ec:cfff:fee3:7ab1", "2001:db8::1", "::ffff:198.18.0.1", "1:2:3:4:5:6:7:8", "::"})
    void realIpv6LiteralsAreKept(String text) {
        Target t = Target.parse(text);
        assertThat(t.isIpLiteral()).isTrue();
    }

    /** Every address the JDK writes out is taken back as it is. */
    @Property
    void everyIpv6AddressTheJdkWritesIsAccepted(@ForAll byte[] raw) throws Exception {
        byte[] sixteen = java.util.Arrays.copyOf(raw, 16);
        java.net.InetAddress a = java.net.Inet6Address.getByAddress(null, sixteen, -1);
        String text = a.getHostAddress();
        assertThat(Target.parse(text.contains(":") ? text : "::ffff:" + text).isIpLiteral()).isTrue();
    }
}
