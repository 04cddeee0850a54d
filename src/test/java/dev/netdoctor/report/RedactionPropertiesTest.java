// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.testing.MutationTries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.netdoctor.report.RedactionTest.redactNote;
import static dev.netdoctor.report.RedactionTest.redactNotes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random private addresses in random sentences: none survives, and placeholders stay consistent.
 * Under mutation testing with fewer tries ({@link MutationTries}).
 */
@AddLifecycleHook(MutationTries.class)
class RedactionPropertiesTest {
    /** The ways our probes and the tools they run write an address next to other text. */
    private static final List<String> CONTEXTS = List.of("%s", "(%s)", "[%s]", "%s:22", "%s.", "%s,", "'%s'", "\"%s\"",
            "from %s:47466", "via %s dev eth0", "dst=%s", "%s/24", "http://%s:8080/", "ssh alice@%s", "%s\n", "->%s<-",
            "%s;", "64 bytes from %s: icmp_seq=1", "[{\"dst\":\"%s\"}]", "%s → eth0", "::ffff:%s", "Host %s");
    private static final Pattern IP_PLACEHOLDER = Pattern.compile("(?<![\\w-])ip-(\\d+)");

    @Provide
    Arbitrary<String> privateIpv4() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Arbitraries.oneOf(
                octet.list().ofSize(3).map(o -> "10." + o.get(0) + "." + o.get(1) + "." + o.get(2)),
                Combinators.combine(Arbitraries.integers().between(16, 31), octet, octet).as((b, c, d) -> "172." + b + "." + c + "." + d),
                Combinators.combine(octet, octet).as((c, d) -> "192.168." + c + "." + d),
                Combinators.combine(Arbitraries.integers().between(64, 127), octet, octet).as((b, c, d) -> "100." + b + "." + c + "." + d));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(9)
                .list().ofMinSize(0).ofMaxSize(6).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> context() {
        return Arbitraries.of(CONTEXTS);
    }

    private static String sentence(String before, String context, String address, String after) {
        return (before + " " + context.formatted(address) + " " + after).strip();
    }

    @Property(tries = 400)
    void noPrivateIpv4AddressSurvives(@ForAll("words") String before, @ForAll("context") String context,
                                      @ForAll("privateIpv4") String address, @ForAll("words") String after) {
        String redacted = redactNote(sentence(before, context, address, after));
        assertThat(redacted).doesNotContain(address).contains("ip-1");
    }

    @Property(tries = 300)
    void sameAddressSamePlaceholderOtherAddressOtherPlaceholder(@ForAll("privateIpv4") String a, @ForAll("privateIpv4") String b,
                                                               @ForAll("context") String context, @ForAll("words") String words) {
        List<String> notes = redactNotes(sentence(words, context, a, "and " + b), "again " + a + " then " + b);
        List<String> first = placeholders(notes.get(0));
        List<String> second = placeholders(notes.get(1));
        assertThat(first).hasSize(2);
        assertThat(second).isEqualTo(first);
        if (a.equals(b)) {
            assertThat(first.get(0)).isEqualTo(first.get(1));
        } else {
            assertThat(first.get(0)).isNotEqualTo(first.get(1));
        }
        assertThat(String.join("\n", notes)).doesNotContain(a).doesNotContain(b);
    }

    private static List<String> placeholders(String text) {
        Matcher m = IP_PLACEHOLDER.matcher(text);
        return m.results().map(r -> r.group()).toList();
    }

    @Provide
    Arbitrary<String> uniqueLocalIpv6() {
        Arbitrary<String> group = Arbitraries.integers().between(0, 0xffff).map(Integer::toHexString);
        return Combinators.combine(Arbitraries.integers().between(0, 0xff), group.list().ofSize(7), Arbitraries.of(true, false))
                .as((second, rest, compressed) -> {
                    String head = "fd" + String.format("%02x", second);
                    return compressed ? head + ":" + rest.get(0) + "::" + rest.get(6) : head + ":" + String.join(":", rest);
                });
    }

    @Property(tries = 300)
    void noUniqueLocalIpv6AddressSurvives(@ForAll("words") String before, @ForAll("uniqueLocalIpv6") String address,
                                          @ForAll("words") String after) {
        String redacted = redactNote(sentence(before, "[%s]:22", address, after) + " and " + address + ".");
        assertThat(redacted).doesNotContain(address).contains("[ipv6-1]:22").endsWith(" and ipv6-1.");
    }

    @Property(tries = 300)
    void kernelVersionsAreNotAddresses(@ForAll("privateIpv4") String numbers, @ForAll("words") String words) {
        String kernel = numbers + "-microsoft-standard-WSL2";
        String text = sentence(words, "kernel %s", kernel, "");
        assertThat(redactNote(text)).isEqualTo(text);
    }
}
