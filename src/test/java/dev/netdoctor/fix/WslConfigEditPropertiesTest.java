// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.model.NetworkingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the edit over generated files. The checks use their own, deliberately simple
 * reading of the file (regular expressions) rather than the code under test, so a parser bug
 * cannot hide behind itself; the generator only produces lines that reading gets right. Like
 * WSL (ConfigKey::Parse), that reading takes [wsl2] and [experimental] networkingMode as one
 * setting and uses the first occurrence in the file.
 */
class WslConfigEditPropertiesTest {
    private static final String BOM = "\u00EF\u00BB\u00BF";
    private static final Pattern NETWORKING_MODE_LINE =
            Pattern.compile("[ \\t]*networkingmode[ \\t]*=.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile("[ \\t]*\\[([A-Za-z][A-Za-z0-9]*)][ \\t]*(#.*)?", Pattern.DOTALL);

    /** A generated .wslconfig; text is ISO-8859-1, so any byte can appear in it. */
    record ConfigFile(boolean bom, List<String> lines, List<String> endings, boolean finalNewline) {
        byte[] bytes() {
            StringBuilder text = new StringBuilder(bom ? BOM : "");
            for (int i = 0; i < lines.size(); i++) {
                boolean last = i == lines.size() - 1;
                text.append(lines.get(i)).append(last && !finalNewline ? "" : endings.get(i));
            }
            return text.toString().getBytes(ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes(), ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n\n");
        }
    }

    record Line(String content, String ending) {}

    /** A networkingMode line in [wsl2] or [experimental]: its index and the value as WSL reads it. */
    record Honoured(int index, String value) {}

    @Property
    void afterTheEditWslUsesTheRequestedMode(@ForAll("files") ConfigFile file, @ForAll NetworkingMode mode) {
        EditResult result = WslConfigEdit.setNetworkingMode(file.bytes(), mode, false);

        assertThat(result.applicable()).isTrue();
        assertThat(WslConfigEdit.effectiveNetworkingMode(result.updated())).contains(mode.value());
        assertThat(honoured(result.updated())).first().extracting(Honoured::value).isEqualTo(mode.value());
        assertThat(result.notes()).last().isEqualTo(WslConfigEdit.RESTART_NOTE);
    }

    @Property
    void theLineWslUsedIsChangedInPlaceAndTheLaterOnesAreCommentedOut(@ForAll("files") ConfigFile file,
                                                                     @ForAll NetworkingMode mode) {
        List<Honoured> before = honoured(file.bytes());
        byte[] updated = WslConfigEdit.setNetworkingMode(file.bytes(), mode, false).updated();
        List<Line> original = lines(file.bytes());
        List<Line> now = lines(updated);

        if (!before.isEmpty()) {
            // Nothing is inserted when a setting exists, so line indices stay the same.
            assertThat(now).hasSameSizeAs(original);
            assertThat(honoured(updated)).extracting(Honoured::index).containsExactly(before.getFirst().index());
            for (Honoured later : before.subList(1, before.size())) {
                assertThat(now.get(later.index()).content())
                        .isEqualTo("# " + original.get(later.index()).content());
            }
        }
    }

    @Property
    void theEditIsIdempotent(@ForAll("files") ConfigFile file, @ForAll NetworkingMode mode) {
        byte[] once = WslConfigEdit.setNetworkingMode(file.bytes(), mode, false).updated();
        EditResult twice = WslConfigEdit.setNetworkingMode(once, mode, false);

        assertThat(twice.changed()).isFalse();
        assertThat(twice.updated()).isEqualTo(once);
    }

    @Property
    void everyOtherLineIsKeptByteForByteInOrder(@ForAll("files") ConfigFile file, @ForAll NetworkingMode mode) {
        byte[] original = file.bytes();
        List<Line> before = lines(original);
        List<Line> after = lines(WslConfigEdit.setNetworkingMode(original, mode, false).updated());

        int next = 0;
        List<Line> added = new ArrayList<>();
        for (Line line : after) {
            while (next < before.size() && isNetworkingMode(before.get(next).content())) {
                next++;
            }
            if (next < before.size() && kept(before.get(next), line)) {
                next++;
            } else {
                added.add(line);
            }
        }
        while (next < before.size() && isNetworkingMode(before.get(next).content())) {
            next++;
        }
        assertThat(next).as("original lines found in order").isEqualTo(before.size());
        // Whatever is new is the setting itself (edited, commented out or added), its section, or a spacer.
        assertThat(added).allSatisfy(line -> assertThat(
                isNetworkingMode(line.content()) || isNetworkingMode(line.content().replaceFirst("^# ", ""))
                        || line.content().equals("[wsl2]") || line.content().isEmpty()).as(line.toString()).isTrue());
    }

    @Property
    void exactlyOneSettingIsLeftWhereWslLooks(@ForAll("files") ConfigFile file, @ForAll NetworkingMode mode) {
        byte[] updated = WslConfigEdit.setNetworkingMode(file.bytes(), mode, false).updated();

        assertThat(honoured(updated)).hasSize(1);
    }

    @Property
    void theByteOrderMarkAndTheFinalLineBreakStayAsTheyWere(@ForAll("files") ConfigFile file, @ForAll NetworkingMode mode) {
        String before = new String(file.bytes(), ISO_8859_1);
        String after = new String(WslConfigEdit.setNetworkingMode(file.bytes(), mode, false).updated(), ISO_8859_1);

        assertThat(after.startsWith(BOM)).isEqualTo(file.bom());
        boolean empty = before.equals(BOM) || before.isEmpty();
        assertThat(after.endsWith("\n")).isEqualTo(empty || before.endsWith("\n"));
    }

    @Property
    void utf16IsRewrittenOnlyWhenAllowedAndThenEditedLikeTheSameTextInUtf8(@ForAll("files") ConfigFile file,
                                                                         @ForAll NetworkingMode mode) {
        String text = new String(file.bytes(), ISO_8859_1).replaceFirst("^" + BOM, "");
        byte[] utf16 = ("\uFEFF" + text).getBytes(UTF_16LE);
        byte[] bigEndian = ("\uFEFF" + text).getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
        byte[] asUtf8 = WslConfigEdit.setNetworkingMode(text.getBytes(UTF_8), mode, false).updated();

        // Big-endian, which WSL misreads: refused unless the rewrite is allowed.
        EditResult refused = WslConfigEdit.setNetworkingMode(bigEndian, mode, false);
        assertThat(refused.updated()).isEqualTo(bigEndian);
        assertThat(refused.applicable()).isFalse();
        // Little-endian with its mark, which WSL reads: the same edit, and the file stays UTF-16.
        EditResult kept = WslConfigEdit.setNetworkingMode(utf16, mode, false);
        assertThat(kept.applicable()).isTrue();
        assertThat(kept.updated()).isEqualTo(("\uFEFF" + new String(asUtf8, UTF_8)).getBytes(UTF_16LE));
        for (byte[] either : new byte[][]{utf16, bigEndian}) {
            EditResult rewritten = WslConfigEdit.setNetworkingMode(either, mode, true);
            assertThat(rewritten.applicable()).isTrue();
            assertThat(rewritten.changed()).isTrue();
            assertThat(rewritten.updated()).isEqualTo(asUtf8);
        }
    }

    private static boolean kept(Line original, Line now) {
        // A last line without a line break gets one when something is appended after it.
        return original.content().equals(now.content())
                && (original.ending().equals(now.ending()) || original.ending().isEmpty());
    }

    /** The networkingMode lines WSL honours, in file order; WSL uses the first. */
    private static List<Honoured> honoured(byte[] bytes) {
        List<Honoured> found = new ArrayList<>();
        String section = "";
        List<Line> lines = lines(bytes);
        for (int i = 0; i < lines.size(); i++) {
            String content = lines.get(i).content();
            Matcher header = HEADER.matcher(content);
            if (header.matches()) {
                section = header.group(1).toLowerCase(Locale.ROOT);
            } else if (isNetworkingMode(content) && (section.equals("wsl2") || section.equals("experimental"))) {
                found.add(new Honoured(i, value(content)));
            }
        }
        return found;
    }

    /** The value as the generator writes it: quoted up to the closing quote, else up to a "#", trimmed. */
    private static String value(String content) {
        String raw = content.substring(content.indexOf('=') + 1).replaceFirst("^[ \\t]+", "");
        String value = raw.startsWith("\"")
                ? raw.substring(1, raw.indexOf('"', 1))
                : raw.replaceFirst("#.*", "").replaceFirst("[ \\t]+$", "");
        return value.toLowerCase(Locale.ROOT);
    }

    private static boolean isNetworkingMode(String content) {
        return NETWORKING_MODE_LINE.matcher(content).matches();
    }

    private static List<Line> lines(byte[] bytes) {
        String text = new String(bytes, ISO_8859_1).replaceFirst("^" + BOM, "");
        List<Line> lines = new ArrayList<>();
        for (String piece : text.split("(?<=\n)")) {
            if (piece.endsWith("\r\n")) {
                lines.add(new Line(piece.substring(0, piece.length() - 2), "\r\n"));
            } else if (piece.endsWith("\n")) {
                lines.add(new Line(piece.substring(0, piece.length() - 1), "\n"));
            } else if (!piece.isEmpty()) {
                lines.add(new Line(piece, ""));
            }
        }
        return lines;
    }

    @Provide
    Arbitrary<ConfigFile> files() {
        Arbitrary<List<String>> lines = line().list().ofMaxSize(25);
        Arbitrary<List<String>> endings = Arbitraries.oneOf(
                Arbitraries.just("\n").list().ofSize(25),
                Arbitraries.just("\r\n").list().ofSize(25),
                Arbitraries.of("\n", "\r\n").list().ofSize(25));
        return Combinators.combine(Arbitraries.of(true, false), lines, endings, Arbitraries.of(true, false))
                .as(ConfigFile::new);
    }

    private Arbitrary<String> line() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, header()),
                Tuple.of(5, networkingModeLine()),
                Tuple.of(3, otherSetting()),
                Tuple.of(3, comment()),
                Tuple.of(2, Arbitraries.of("", " ", "\t", "  \t")));
    }

    private Arbitrary<String> header() {
        return Arbitraries.of("[wsl2]", "[WSL2]", "[Wsl2]  ", " [wsl2] # network", "[experimental]", "[Experimental]\t",
                "[boot]", "[other]", "[interop] # x", "[ wsl2 ]", "[ experimental ]");
    }

    private Arbitrary<String> networkingModeLine() {
        Arbitrary<String> indent = Arbitraries.of("", " ", "\t");
        Arbitrary<String> key = Arbitraries.of("networkingMode", "networkingmode", "NetworkingMode", "NETWORKINGMODE");
        Arbitrary<String> space = Arbitraries.of("", " ", "\t", "  ");
        Arbitrary<String> value = Arbitraries.of("nat", "mirrored", "NAT", "Mirrored", "virtioproxy", "none", "bridged",
                "\"nat\"", "\"Mirrored\"", "\" mirrored \"", "", "\"a # b\"");
        Arbitrary<String> tail = Arbitraries.of("", " ", "\t", " # comment", "\t#x", "#", "  # caf\u00e9 \u00ff");
        return Combinators.combine(indent, key, space, space, value, tail)
                .as((i, k, s1, s2, v, t) -> i + k + s1 + "=" + s2 + v + t);
    }

    private Arbitrary<String> otherSetting() {
        Arbitrary<String> key = Arbitraries.of("memory", "processors", "swap", "localhostForwarding", "dnsTunneling",
                "kernelCommandLine", "networkingModes", "mode");
        // Not ending in a backslash: that continues the value on the next line, which the simple
        // reading here does not model (CheckAndEditAgreePropertiesTest covers continuations).
        return Combinators.combine(key, Arbitraries.of("=", " = ", "\t=\t"), latin1Text())
                .as((k, equals, v) -> k + equals + (v.endsWith("\\") ? v + "x" : v));
    }

    private Arbitrary<String> comment() {
        Arbitrary<String> prefix = Arbitraries.of("#", "# ", ";", "  #", "\t; ", "# networkingMode=", ";networkingMode = ");
        return Combinators.combine(prefix, latin1Text()).as(String::concat);
    }

    /** Printable ASCII and the bytes 0x80–0xFF, most of which alone are not valid UTF-8. */
    private Arbitrary<String> latin1Text() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u0080', '\u00FF').ofMaxLength(20);
    }
}
