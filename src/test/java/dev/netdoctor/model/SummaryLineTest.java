// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import dev.netdoctor.testing.MutationTries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The fleet summary line: its exact shape, what it reads back, and what it refuses. */
@AddLifecycleHook(MutationTries.class)
class SummaryLineTest {
    private static final String EXAMPLE = "wsl-net-doctor/1 verdict=problem findings=path-mtu-blackhole,dns-server-unreachable "
            + "distro=Debian%20GNU%2FLinux%2012%20%28bookworm%29 mode=nat wsl=2.3.26.0 kernel=5.15.167.4-1 windows=10.0.26100.2605 "
            + "app=0.1.0 complete=true exit=1";

    private static SummaryLine line(List<String> findings, String distro) {
        return SummaryLine.of("problem", findings, 0, distro, "nat", "2.3.26.0", "5.15.167.4-1", "10.0.26100.2605", "0.1.0", true, 1, Map.of());
    }

    @Test
    void writesTheDocumentedShape() {
        assertThat(line(List.of("path-mtu-blackhole", "dns-server-unreachable"), "Debian GNU/Linux 12 (bookworm)").format())
                .isEqualTo(EXAMPLE);
    }

    @Test
    void readsEveryPartBack() {
        SummaryLine s = SummaryLine.parse(EXAMPLE).orElseThrow();
        assertThat(s.verdict()).isEqualTo("problem");
        assertThat(s.findings()).containsExactly("path-mtu-blackhole", "dns-server-unreachable");
        assertThat(s.findingsLeftOut()).isZero();
        assertThat(s.distro()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(s.mode()).isEqualTo("nat");
        assertThat(s.wsl()).isEqualTo("2.3.26.0");
        assertThat(s.kernel()).isEqualTo("5.15.167.4-1");
        assertThat(s.windows()).isEqualTo("10.0.26100.2605");
        assertThat(s.app()).isEqualTo("0.1.0");
        assertThat(s.complete()).contains(true);
        assertThat(s.exit()).isEqualTo(OptionalInt.of(1));
        assertThat(s.values()).containsOnlyKeys("verdict", "distro", "mode", "wsl", "kernel", "windows", "app", "complete", "exit");
    }

    @Test
    void noFindingsIsNone() {
        String text = line(List.of(), "x").format();
        assertThat(text).contains(" findings=none ");
        assertThat(SummaryLine.parse(text).orElseThrow().findings()).isEmpty();
    }

    @Test
    void anIdThatReadsLikeTheListsOwnWordsStaysAnId() {
        SummaryLine s = line(List.of("none"), "x");
        assertThat(s.format()).contains(" findings=%6Eone ");
        assertThat(SummaryLine.parse(s.format())).contains(s);
        SummaryLine plus = line(List.of("+3"), "x");
        assertThat(plus.format()).contains(" findings=%2B3 ");
        assertThat(SummaryLine.parse(plus.format()).orElseThrow().findings()).containsExactly("+3");
    }

    @Test
    void foundAfterOtherTextAndBeforeACsvCellsEnd() {
        String csv = "\"DESKTOP-1\",\"alice\",\"Without issues\",\"" + EXAMPLE + "\",\"2026-12-07T05:00:00Z\"";
        assertThat(SummaryLine.parse(csv)).isEqualTo(SummaryLine.parse(EXAMPLE));
        assertThat(SummaryLine.parse("Checking WSL… " + EXAMPLE + "\r\n")).isEqualTo(SummaryLine.parse(EXAMPLE));
    }

    @Test
    void theLastLineCounts() {
        String older = EXAMPLE.replace("exit=1", "exit=0").replace("verdict=problem", "verdict=no-problem");
        assertThat(SummaryLine.parse(older + "\n" + EXAMPLE).orElseThrow().exit()).isEqualTo(OptionalInt.of(1));
        // the marker inside a value is encoded, so a value can never start a line of its own
        SummaryLine tricky = line(List.of(), "wsl-net-doctor/1 verdict=no-problem");
        assertThat(tricky.format()).containsOnlyOnce(SummaryLine.MARKER);
        assertThat(SummaryLine.parse(tricky.format())).contains(tricky);
    }

    @Test
    void keysANewerAppAddsAreKeptAndMissingOnesAreUnknown() {
        SummaryLine s = SummaryLine.parse("wsl-net-doctor/1 verdict=problem findings=port-refused vpn=Contoso%20VPN exit=1").orElseThrow();
        assertThat(s.values()).containsEntry("vpn", "Contoso VPN");
        assertThat(s.distro()).isEqualTo("unknown");
        assertThat(s.mode()).isEqualTo("unknown");
        assertThat(s.wsl()).isEqualTo("unknown");
        assertThat(s.complete()).isEmpty();
        assertThat(s.format()).endsWith(" exit=1 vpn=Contoso%20VPN");
        assertThat(SummaryLine.parse(s.format())).contains(s);
        SummaryLine bare = SummaryLine.parse("wsl-net-doctor/1").orElseThrow();
        assertThat(bare.verdict()).isEqualTo("unknown");
        assertThat(bare.exit()).isEmpty();
    }

    @Test
    void refusesWhatIsNotSuchALine() {
        assertThat(SummaryLine.parse(null)).isEmpty();
        assertThat(SummaryLine.parse("")).isEmpty();
        assertThat(SummaryLine.parse("Issue detected")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/2 verdict=problem")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/ verdict=problem")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 verdict")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 Verdict=problem")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 =problem")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 verdict=problem verdict=no-problem")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 findings=a findings=b")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 distro=a%2")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 distro=a%zz")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 distro=%C3")).isEmpty(); // half a UTF-8 character
        assertThat(SummaryLine.parse("wsl-net-doctor/1 distro=a+b")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 distro=a,b")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 findings=a,+0")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 findings=+2,a")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 complete=yes")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 exit=one")).isEmpty();
        assertThat(SummaryLine.parse("wsl-net-doctor/1 exit=-1")).isEmpty();
    }

    @Test
    void tooManyFindingsEndWithHowManyWereLeftOut() {
        List<String> ids = IntStream.range(0, 400).mapToObj(i -> "finding-number-" + i).toList();
        SummaryLine s = line(ids, "Debian GNU/Linux 12 (bookworm)");
        String text = s.format();
        assertThat(text.length()).isLessThanOrEqualTo(SummaryLine.MAX_LENGTH).isGreaterThan(SummaryLine.MAX_LENGTH - 25);
        assertThat(text).endsWith(" exit=1");
        SummaryLine back = SummaryLine.parse(text).orElseThrow();
        assertThat(back.findings()).isNotEmpty().isEqualTo(ids.subList(0, back.findings().size()));
        assertThat(back.findings().size() + back.findingsLeftOut()).isEqualTo(400);
        assertThat(text).contains("," + "+" + back.findingsLeftOut() + " ");
    }

    @Test
    void longValuesAreCutWithoutBreakingACharacterAndTheLineStaysWithinItsLimit() {
        String huge = "ü日".repeat(500);
        SummaryLine s = SummaryLine.of("problem", List.of("x".repeat(3000)), 2, huge, huge, huge, huge, huge, huge, true, 1,
                Map.of("newer", huge));
        String text = s.format();
        assertThat(text.length()).isLessThanOrEqualTo(SummaryLine.MAX_LENGTH);
        SummaryLine back = SummaryLine.parse(text).orElseThrow();
        assertThat(back.findings()).isEmpty();
        assertThat(back.findingsLeftOut()).isEqualTo(3);
        assertThat(back.distro()).isNotEmpty();
        assertThat(huge).startsWith(back.distro());
        assertThat(back.exit()).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void theExitCodeTheCliReallyReturns() {
        SummaryLine s = line(List.of(), "x").withExit(3);
        assertThat(s.exit()).isEqualTo(OptionalInt.of(3));
        assertThat(s.format()).endsWith(" exit=3");
    }

    @Test
    void aRunThatNeverBecameADiagnosis() {
        SummaryLine s = SummaryLine.notRun("0.1.0", 3);
        assertThat(s.format()).isEqualTo("wsl-net-doctor/1 verdict=not-run findings=none app=0.1.0 complete=false exit=3");
    }

    /** A value too long for its share of the line is cut at a character's edge, never inside its UTF-8 or a %XX. */
    @Property(tries = 300)
    void aLongValueIsCutToAPrefixThatStillDecodes(@ForAll("longValues") String value) {
        SummaryLine s = SummaryLine.of("problem", List.of(), 0, value, null, null, null, null, null, null, 1, Map.of());
        SummaryLine back = SummaryLine.parse(s.format()).orElseThrow();
        assertThat(value).startsWith(back.distro());
        assertThat(SummaryLine.encode(back.distro()).length()).isLessThanOrEqualTo(SummaryLine.MAX_VALUE);
        if (SummaryLine.encode(value).length() <= SummaryLine.MAX_VALUE) {
            assertThat(back.distro()).isEqualTo(value);
        } else {
            // nothing more of the value would have fitted: the next character's encoding crosses the limit
            String next = value.substring(back.distro().length(), value.offsetByCodePoints(back.distro().length(), 1));
            assertThat(SummaryLine.encode(back.distro() + next).length()).isGreaterThan(SummaryLine.MAX_VALUE);
        }
    }

    @Provide
    Arbitrary<String> longValues() {
        Arbitrary<String> piece = Arbitraries.of("a", "Z", " ", "%", "ü", "日", "\uD83D\uDE00", "é", "-", "~", "/");
        return piece.list().ofMinSize(1).ofMaxSize(120).map(l -> String.join("", l));
    }

    @Property(tries = 300)
    void whatIsWrittenReadsBackTheSame(@ForAll("lines") SummaryLine s) {
        String text = s.format();
        assertThat(text).hasSizeLessThanOrEqualTo(SummaryLine.MAX_LENGTH);
        assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(text)).isTrue();
        assertThat(text.split(" ")).allSatisfy(token -> assertThat(token).isNotEmpty());
        assertThat(SummaryLine.parse(text)).contains(s);
        assertThat(SummaryLine.parse("Intune said: \"" + text + "\",")).contains(s);
    }

    @Provide
    Arbitrary<SummaryLine> lines() {
        Arbitrary<String> nasty = Arbitraries.strings()
                .withChars(' ', '=', '%', ',', '+', '/', '"', '\t', 'é', 'ü', '日', '\u00a0', '~', '.', '-', '_')
                .withCharRange('a', 'z').withCharRange('0', '9').withCharRange('A', 'Z')
                .ofMaxLength(13);
        Arbitrary<String> value = Arbitraries.oneOf(nasty, nasty.injectNull(1.0),
                Arbitraries.of("unknown", "redacted", "none", "wsl-net-doctor/1", ""));
        Arbitrary<List<String>> findings = Arbitraries.oneOf(nasty.list().ofMaxSize(12),
                Arbitraries.of(FindingId.values()).map(FindingId::id).list().ofMaxSize(20));
        Arbitrary<Map<String, String>> extra = Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                        .filter(k -> !SummaryLine.KEYS.contains(k)), nasty).as(Map::entry).list().ofMaxSize(3)
                .map(entries -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    entries.forEach(e -> m.putIfAbsent(e.getKey(), e.getValue()));
                    return m;
                });
        Arbitrary<Optional<Boolean>> complete = Arbitraries.of(true, false).optional();
        Arbitrary<Optional<Integer>> exit = Arbitraries.integers().between(0, 3).optional();
        return Combinators.combine(List.of(value.asGeneric(), findings.asGeneric(), Arbitraries.integers().between(0, 50).asGeneric(),
                value.asGeneric(), value.asGeneric(), value.asGeneric(), value.asGeneric(), value.asGeneric(), value.asGeneric(),
                complete.asGeneric(), exit.asGeneric(), extra.asGeneric())).as(SummaryLineTest::fromParts);
    }

    @SuppressWarnings("unchecked")
    private static SummaryLine fromParts(List<Object> p) {
        Optional<Boolean> c = (Optional<Boolean>) p.get(9);
        Optional<Integer> x = (Optional<Integer>) p.get(10);
        return SummaryLine.of((String) p.get(0), (List<String>) p.get(1), (Integer) p.get(2), (String) p.get(3), (String) p.get(4),
                (String) p.get(5), (String) p.get(6), (String) p.get(7), (String) p.get(8), c.orElse(null), x.orElse(null),
                (Map<String, String>) p.get(11));
    }
}
