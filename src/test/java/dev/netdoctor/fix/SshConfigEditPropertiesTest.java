// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LocalLinuxSide;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over generated ssh configs (preamble options, Host blocks with plain, wildcard, negated and
 * comma patterns, comments with bytes that are not UTF-8, LF or CRLF, with or without a final
 * newline): the edit keeps every original line, is idempotent, is undone exactly, and real
 * ssh agrees with it.
 */
class SshConfigEditPropertiesTest {
    static final String PATTERN = "198.18.1.*";
    static final String TARGET = "198.18.1.56";
    static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @Provide
    Arbitrary<byte[]> configs() {
        Arbitrary<String> option = Arbitraries.of("User admin", "Port 2222", "ServerAliveInterval 30", "Compression yes",
                "ForwardAgent no", "ConnectTimeout=5", "IdentityFile ~/.ssh/id_ed25519", "IPQoS af21", "IPQoS=lowdelay throughput");
        Arbitrary<String> preambleOption = Arbitraries.of("ServerAliveInterval 30", "Compression yes", "AddKeysToAgent yes");
        Arbitrary<String> pattern = Arbitraries.of("nas", "backup.local", "198.19.*", "*.example", "jump,gw", "198.18.2.?",
                "\"quoted\"", "198.18.1.* !198.18.1.56", PATTERN);
        Arbitrary<String> comment = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '\u00e9', '\u00ff').ofMaxLength(20)
                .map(s -> "# " + s);
        Arbitrary<String> indent = Arbitraries.of("  ", "    ", "\t");
        Arbitrary<List<String>> block = Combinators.combine(pattern, option.list().ofMaxSize(3), indent, comment.optional())
                .as((p, opts, ind, c) -> {
                    List<String> lines = new ArrayList<>();
                    c.ifPresent(lines::add);
                    lines.add("Host " + p);
                    opts.forEach(o -> lines.add(ind + o));
                    return lines;
                });
        return Combinators.combine(preambleOption.list().ofMaxSize(2), block.list().ofMaxSize(4), Arbitraries.of("\n", "\r\n"),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((pre, blocks, eol, finalNewline, blankBetween) -> {
                    List<String> lines = new ArrayList<>(pre);
                    for (List<String> b : blocks) {
                        if (blankBetween) {
                            lines.add("");
                        }
                        lines.addAll(b);
                    }
                    String text = String.join(eol, lines) + (finalNewline && !lines.isEmpty() ? eol : "");
                    return text.getBytes(StandardCharsets.ISO_8859_1); // é and ÿ as single bytes: not valid UTF-8
                });
    }

    private static EditResult edit(byte[] config) {
        return SshConfigEdit.setIpqos(config, PATTERN, "none", DAY, List.of(TARGET), SshConfigEdit.IncludeReader.NONE);
    }

    @Property(tries = 300)
    void everyOriginalLineSurvivesInOrder(@ForAll("configs") byte[] config) {
        EditResult r = edit(config);
        if (!r.applicable()) {
            assertThat(r.updated()).isEqualTo(config);
            return;
        }
        List<TextLines.Line> before = TextLines.parse(config).lines();
        List<TextLines.Line> after = TextLines.parse(r.updated()).lines();
        int changed = 0;
        int j = 0;
        for (TextLines.Line line : before) {
            while (j < after.size() && !sameLine(line, after.get(j)) && !sameKeywordChanged(line, after.get(j))) {
                j++; // an inserted line
            }
            assertThat(j).as("original line kept: " + line).isLessThan(after.size());
            if (!sameLine(line, after.get(j))) {
                changed++;
            }
            j++;
        }
        assertThat(changed).as("at most the one IPQoS line is changed in place").isLessThanOrEqualTo(1);
    }

    /** A line whose IPQoS value was replaced, everything else the same. */
    private static boolean sameKeywordChanged(TextLines.Line a, TextLines.Line b) {
        SshConfigLine x = SshConfigLine.read(a.text());
        SshConfigLine y = SshConfigLine.read(b.text());
        return x.is("ipqos") && y.is("ipqos") && a.ending().equals(b.ending())
                && a.text().substring(0, x.valueStart()).equals(b.text().substring(0, y.valueStart()));
    }

    private static boolean sameLine(TextLines.Line a, TextLines.Line b) {
        // the last line may gain a line ending when something is appended after it
        return a.text().equals(b.text()) && (a.ending().equals(b.ending()) || a.ending().isEmpty());
    }

    @Property(tries = 300)
    void applyingTwiceChangesNothingMore(@ForAll("configs") byte[] config) {
        EditResult once = edit(config);
        Assume.that(once.applicable()); // a refused edit is covered above; a discarded try is not a pass
        EditResult twice = edit(once.updated());
        assertThat(twice.changed()).isFalse();
        assertThat(twice.updated()).isEqualTo(once.updated());
    }

    @Property(tries = 60)
    void sshAgreesAndUndoIsExact(@ForAll("configs") byte[] config) throws Exception {
        Path dir = Files.createTempDirectory("sshprop");
        try {
            Path file = dir.resolve("config");
            Files.write(file, config);
            LocalLinuxSide linux = new LocalLinuxSide();
            Assume.that(linux.hasCommand("ssh"));
            // a generated config ssh itself rejects tells nothing
            Assume.that(linux.run(List.of("ssh", "-G", "-F", file.toString(), TARGET), Duration.ofSeconds(5)).succeeded());
            SafeApply apply = new SafeApply(new LocalConfigFiles(dir), Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
            SafeApply.Preview preview = apply.preview(file.toString(), SshConfigEditPropertiesTest::edit);
            Assume.that(preview.edit().applicable());
            SshConfigOracle oracle = new SshConfigOracle(linux, file.toString(), config, PATTERN, "none", List.of(TARGET));
            SafeApply.Applied applied = apply.apply(preview, oracle);
            assertThat(applied.verdict().ok()).as(applied.verdict().message()).isTrue();
            if (applied.backup() != null) {
                apply.undo(applied.backup());
                assertThat(Files.readAllBytes(file)).isEqualTo(config);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

}
