// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import dev.netdoctor.config.ConfigIssue.Kind;
import dev.netdoctor.config.ConfigReading.Setting;
import dev.netdoctor.fix.ConfigRepairOracle;
import dev.netdoctor.fix.EditResult;
import dev.netdoctor.fix.WslConfEdit;
import dev.netdoctor.fix.WslConfigEdit;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.NetworkingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check (ConfigReader: what WSL reads from a settings file) and every edit of .wslconfig and
 * /etc/wsl.conf agree on what the file means: the line an edit says it changes, keeps or comments
 * out is the line the check says WSL reads for that key, with the value the check reads there; and
 * the edited file, read back by the check, has the intended value with every other setting as it
 * was. Over the corpus and generated files: every encoding WSL meets, byte order marks, CRLF, LF
 * and both mixed, backslash continuations, {@code #} and {@code ;} lines, quoted values, repeated
 * sections and keys, blank lines, a missing final newline, and bytes that are not UTF-8.
 *
 * <p>What an edit believes is read from what it tells the user ("Changes networkingMode from nat
 * to mirrored in [wsl2] (line 4)"), not from its insides, so this holds for any implementation.
 */
class CheckAndEditAgreePropertiesTest {
    private static final String NETWORKING_MODE = "wsl2.networkingMode";
    private static final String DNS_TUNNELING = "wsl2.dnsTunneling";
    private static final String GENERATE_RESOLV_CONF = "network.generateResolvConf";
    private static final Pattern CHANGES = Pattern.compile("Changes (\\w+) from (.*) to (\\S+) in \\[(\\w+)] \\(line (\\d+)\\)[.,].*", Pattern.DOTALL);
    private static final Pattern ALREADY = Pattern.compile("(\\w+) is already set to (\\S+) in \\[(\\w+)] \\(line (\\d+)\\)\\.");
    private static final Pattern COMMENTS_OUT = Pattern.compile("Comments out line (\\d+) .*", Pattern.DOTALL);

    /** A generated settings file: lines of text (chars up to U+00FF), their endings, and how it is saved. */
    record GeneratedFile(ConfigFileKind kind, String encoding, List<String> lines, List<String> endings, boolean finalNewline) {
        String text() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                boolean last = i == lines.size() - 1;
                text.append(lines.get(i)).append(last && !finalNewline ? "" : endings.get(i % endings.size()));
            }
            return text.toString();
        }

        byte[] bytes() {
            String text = text();
            return switch (encoding) {
                // chars 0x80-0xFF stand for single bytes here: most are not valid UTF-8 on their own
                case "utf8" -> text.getBytes(ISO_8859_1);
                case "utf8-bom" -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(ISO_8859_1));
                case "utf16le-bom" -> ("\uFEFF" + text).getBytes(UTF_16LE);
                case "utf16le" -> text.getBytes(UTF_16LE);
                case "utf16be-bom" -> ("\uFEFF" + text).getBytes(UTF_16BE);
                default -> throw new IllegalArgumentException(encoding);
            };
        }

        @Override
        public String toString() {
            return kind + " " + encoding + ":\n" + text().replace("\r", "\\r").replace("\n", "\\n\n");
        }
    }

    /** One file to try, named so a failure shows it readably. */
    record Sample(String name, ConfigFileKind kind, byte[] bytes) {
        static Sample of(GeneratedFile file) {
            return new Sample(file.toString(), file.kind(), file.bytes());
        }

        static Sample corpus(String name) {
            return new Sample("corpus " + name, name.endsWith(".conf") ? ConfigFileKind.WSL_CONF : ConfigFileKind.WSLCONFIG,
                    CheckAndEditAgreePropertiesTest.corpus(name));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // --- the properties, each over generated files and the corpus ---

    @Property(tries = 500)
    void networkingModeEditAndCheckAgree(@ForAll("wslconfigs") Sample file, @ForAll NetworkingMode mode, @ForAll boolean rewrite) {
        EditResult result = WslConfigEdit.setNetworkingMode(file.bytes(), mode, rewrite);
        agreeOnWslconfigKey(file.bytes(), result, NETWORKING_MODE, v -> v.equalsIgnoreCase(mode.value()));
    }

    @Property(tries = 500)
    void dnsTunnelingEditAndCheckAgree(@ForAll("wslconfigs") Sample file, @ForAll boolean rewrite) {
        EditResult result = WslConfigEdit.setDnsTunneling(file.bytes(), rewrite);
        agreeOnWslconfigKey(file.bytes(), result, DNS_TUNNELING, v -> Boolean.TRUE.equals(ConfigValues.bool(v)));
    }

    @Property(tries = 500)
    void generateResolvConfEditAndCheckAgree(@ForAll("wslConfs") Sample sample) {
        byte[] file = sample.bytes();
        ConfigReading before = ConfigReader.read(ConfigFileKind.WSL_CONF, file);
        EditResult result = WslConfEdit.letWslWriteResolvConf(file);
        assertThat(result.applicable()).isTrue();
        Optional<Setting> first = before.first(GENERATE_RESOLV_CONF);
        boolean off = first.map(s -> Boolean.FALSE.equals(ConfigValues.bool(s.value()))).orElse(false);
        List<Matcher> changes = matching(result.notes(), CHANGES);
        if (off) {
            assertThat(changes).as("the edit changes the line the check reads").hasSize(1);
            assertThat(Integer.parseInt(changes.getFirst().group(5))).isEqualTo(first.get().line());
            assertThat(changes.getFirst().group(2)).isEqualTo(ConfigReader.readable(first.get().value()));
        } else {
            assertThat(changes).as("the check says WSL already writes resolv.conf").isEmpty();
            assertThat(result.changed()).isFalse();
        }
        Set<Integer> duplicates = duplicateLines(before, GENERATE_RESOLV_CONF);
        assertThat(commentedOut(result)).as("commented out: only later lines of the key, as the check sees them")
                .isSubsetOf(duplicates);

        ConfigReading after = ConfigReader.read(ConfigFileKind.WSL_CONF, result.updated());
        assertThat(after.first(GENERATE_RESOLV_CONF).map(s -> ConfigValues.bool(s.value())))
                .as("read back, WSL writes resolv.conf").isNotEqualTo(Optional.of(Boolean.FALSE));
        assertThat(after.stopsAt().isPresent()).isEqualTo(before.stopsAt().isPresent());
        assertOthersUnchanged(before, after, GENERATE_RESOLV_CONF);
    }

    @Property(tries = 500)
    void aRepairKeepsEverySettingWslReadAndTakesAwayWhatItRepaired(@ForAll("anyFiles") Sample file, @ForAll Kind kind) {
        ConfigFileKind kindOfFile = file.kind();
        byte[] bytes = file.bytes();
        ConfigReading before = ConfigReader.read(kindOfFile, bytes);
        FixPlan.RewriteConfigLines plan = new FixPlan.RewriteConfigLines(
                kindOfFile == ConfigFileKind.WSL_CONF ? ConfigFileCheck.WSL_CONF : ConfigFileCheck.WSLCONFIG, dev.netdoctor.probe.config.ConfigFilesProbe.findingOf(kind));
        EditResult result = ConfigRepairOracle.edit(plan).apply(bytes);
        if (!result.applicable() || !result.changed()) {
            assertThat(result.updated()).isEqualTo(bytes);
            return;
        }
        ConfigReading after = ConfigReader.read(kindOfFile, result.updated());
        Set<Integer> putRight = before.issues(kind).stream().filter(i -> !i.repairs().isEmpty()).map(ConfigIssue::line)
                .collect(Collectors.toSet());
        for (Setting s : before.settings()) {
            if (s.accepted() && !putRight.contains(s.line())) {
                assertThat(after.value(s.key())).as(s.key() + " after repairing " + kind).contains(s.value());
            }
        }
        long repairable = before.issues(kind).stream().filter(i -> !i.repairs().isEmpty()).count();
        if (kind == Kind.LINE_IGNORED || kind == Kind.DUPLICATE_KEY) {
            assertThat(after.issues(kind)).as("left after repairing " + kind).hasSizeLessThanOrEqualTo((int) (before.issues(kind).size() - repairable));
        }
        boolean reencoded = before.issues(kind).stream().anyMatch(i -> i.repairs().stream().anyMatch(r -> r instanceof ConfigIssue.Reencode));
        if (reencoded) {
            // read for the first time: the text is the same, and WSL now reads it as text
            assertThat(TextEncoding.detect(result.updated())).isEqualTo(TextEncoding.UTF8);
            assertThat(after.issues()).noneMatch(i -> i.reason().startsWith("utf16"));
        } else if (kind == Kind.PARSING_STOPS) {
            assertThat(after.stopsAt()).isEmpty();
        }
    }

    /**
     * The .wslconfig edits: refused only for a UTF-16 that WSL misreads (unless a rewrite is
     * allowed); otherwise the line they say they change or keep is the one the check reads, the
     * lines they comment out are the check's duplicates of the key, and read back the key has the
     * wanted value, once, with every other setting as before.
     */
    private static void agreeOnWslconfigKey(byte[] file, EditResult result, String key, java.util.function.Predicate<String> wanted) {
        TextEncoding encoding = TextEncoding.detect(file);
        if (!result.applicable()) {
            assertThat(encoding.isUtf16()).as("only UTF-16 is refused").isTrue();
            assertThat(result.updated()).isEqualTo(file);
            return;
        }
        // What the edit works on: the file itself, or its text as UTF-8 when it was rewritten so.
        boolean rewritten = encoding.isUtf16() && !TextEncoding.detect(result.updated()).isUtf16() && result.changed();
        byte[] meant = rewritten ? new String(withoutMark(file, encoding), charset(encoding)).getBytes(UTF_8) : file;
        ConfigReading before = ConfigReader.read(ConfigFileKind.WSLCONFIG, meant);
        String shortName = key.substring(key.indexOf('.') + 1);
        Optional<Setting> first = before.first(key);
        List<Matcher> changes = matching(result.notes(), CHANGES);
        List<Matcher> already = matching(result.notes(), ALREADY);
        if (first.isPresent()) {
            int line = first.get().line();
            String value = ConfigReader.readable(first.get().value());
            if (!changes.isEmpty()) {
                assertThat(changes).hasSize(1);
                assertThat(changes.getFirst().group(1)).isEqualTo(shortName);
                assertThat(Integer.parseInt(changes.getFirst().group(5))).as("the line it changes").isEqualTo(line);
                assertThat(changes.getFirst().group(2)).as("the value it changes")
                        .isEqualTo(value.isBlank() ? "an empty value" : value);
            } else {
                assertThat(already).as("the edit found the line the check reads: " + result.notes()).hasSize(1);
                assertThat(Integer.parseInt(already.getFirst().group(4))).as("the line it keeps").isEqualTo(line);
                assertThat(wanted.test(value)).as("kept, so the check reads the wanted value there").isTrue();
            }
            assertThat(commentedOut(result)).as("commented out: the check's later lines of " + key)
                    .isEqualTo(duplicateLines(before, key));
        } else {
            assertThat(changes).as("the check reads no " + key + ", so the edit changes none").isEmpty();
            assertThat(already).isEmpty();
            assertThat(commentedOut(result)).isEmpty();
            assertThat(result.notes()).anyMatch(n -> n.startsWith("Adds "));
        }

        ConfigReading after = ConfigReader.read(ConfigFileKind.WSLCONFIG, result.updated());
        assertThat(after.value(key)).as("read back").hasValueSatisfying(v -> assertThat(wanted.test(v)).isTrue());
        assertThat(duplicateLines(after, key)).as("one line of the key is left").isEmpty();
        assertOthersUnchanged(before, after, key);
    }

    private static void assertOthersUnchanged(ConfigReading before, ConfigReading after, String key) {
        assertThat(others(after, key)).as("every other setting reads as before").isEqualTo(others(before, key));
    }

    /** Every setting but {@code key}: its value and whether WSL takes it. */
    private static List<String> others(ConfigReading reading, String key) {
        return reading.settings().stream().filter(s -> !s.key().equalsIgnoreCase(key))
                .map(s -> s.key().toLowerCase(Locale.ROOT) + "=" + s.value() + (s.accepted() ? "" : " (refused)")).sorted().toList();
    }

    /** Lines the check calls a later, ignored occurrence of {@code key}. */
    private static Set<Integer> duplicateLines(ConfigReading reading, String key) {
        return reading.issues(Kind.DUPLICATE_KEY).stream()
                .filter(i -> ConfigKeys.lookup(reading.file(), i.key()).map(k -> k.answersTo(key)).orElse(false))
                .map(ConfigIssue::line).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> commentedOut(EditResult result) {
        return matching(result.notes(), COMMENTS_OUT).stream().map(m -> Integer.parseInt(m.group(1)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Matcher> matching(List<String> notes, Pattern pattern) {
        return notes.stream().map(pattern::matcher).filter(Matcher::matches).toList();
    }

    private static byte[] withoutMark(byte[] file, TextEncoding encoding) {
        int mark = encoding == TextEncoding.UTF16LE_BOM || encoding == TextEncoding.UTF16BE_BOM ? 2 : 0;
        return Arrays.copyOfRange(file, mark, file.length);
    }

    private static Charset charset(TextEncoding encoding) {
        return encoding == TextEncoding.UTF16LE || encoding == TextEncoding.UTF16LE_BOM ? UTF_16LE : UTF_16BE;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // --- the files: the corpus, and generated ones ---

    private static final List<String> CORPUS = corpusNames();

    private static List<String> corpusNames() {
        try (InputStream in = CheckAndEditAgreePropertiesTest.class.getResourceAsStream("/dev/netdoctor/config/corpus/expected.tsv")) {
            return new String(in.readAllBytes(), UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", -1)[0]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] corpus(String name) {
        try (InputStream in = CheckAndEditAgreePropertiesTest.class.getResourceAsStream("/dev/netdoctor/config/corpus/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Sample> wslconfigs() {
        // Every corpus file is a .wslconfig too, as far as this edit is concerned: a wsl.conf put in the wrong place.
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(CORPUS).map(Sample::corpus)),
                Tuple.of(6, files(ConfigFileKind.WSLCONFIG).map(Sample::of)));
    }

    @Provide
    Arbitrary<Sample> wslConfs() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(CORPUS).map(Sample::corpus)),
                Tuple.of(6, files(ConfigFileKind.WSL_CONF).map(Sample::of)));
    }

    @Provide
    Arbitrary<Sample> anyFiles() {
        Arbitrary<Sample> corpus = Arbitraries.of(CORPUS).map(Sample::corpus);
        Arbitrary<Sample> generated = Arbitraries.of(ConfigFileKind.values()).flatMap(k -> files(k).map(Sample::of));
        return Arbitraries.frequencyOf(Tuple.of(1, corpus), Tuple.of(4, generated));
    }

    private Arbitrary<GeneratedFile> files(ConfigFileKind kind) {
        Arbitrary<String> encoding = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("utf8")), Tuple.of(3, Arbitraries.just("utf8-bom")),
                Tuple.of(3, Arbitraries.just("utf16le-bom")), Tuple.of(1, Arbitraries.just("utf16le")), Tuple.of(1, Arbitraries.just("utf16be-bom")));
        Arbitrary<List<String>> endings = Arbitraries.oneOf(Arbitraries.just(List.of("\n")), Arbitraries.just(List.of("\r\n")),
                Arbitraries.of("\n", "\r\n").list().ofMinSize(1).ofMaxSize(30));
        return Combinators.combine(encoding, line(kind).list().ofMaxSize(18), endings, Arbitraries.of(true, false))
                .as((e, lines, ends, finalNewline) -> new GeneratedFile(kind, e, lines, ends, finalNewline));
    }

    private Arbitrary<String> line(ConfigFileKind kind) {
        return Arbitraries.frequencyOf(
                Tuple.of(4, header(kind)),
                Tuple.of(6, setting(kind)),
                Tuple.of(2, continuation()),
                Tuple.of(2, comment()),
                Tuple.of(2, Arbitraries.of("", " ", "\t", "  \t")),
                Tuple.of(1, odd()));
    }

    private Arbitrary<String> header(ConfigFileKind kind) {
        List<String> common = List.of("[wsl2]", "[WSL2]", " [Wsl2]  ", "[wsl2] # networking", "[experimental]", "[Experimental]\t",
                "[network]", "[Network] #x", "[boot]", "[general]", "[ wsl2 ]", "[wsl2]x", "[wsl-2]", "[netw", "[wsl2x]", "[]");
        return Arbitraries.of(common);
    }

    private Arbitrary<String> setting(ConfigFileKind kind) {
        Arbitrary<String> indent = Arbitraries.of("", "", " ", "\t");
        Arbitrary<String> key = Arbitraries.of("networkingMode", "NetworkingMode", "networkingmode", "dnsTunneling", "DNSTunneling",
                "generateResolvConf", "generateresolvconf", "generateHosts", "memory", "swap", "localhostForwarding", "firewall",
                "hostname", "kernelCommandLine", "systemd", "networkMode", "generate_resolv_conf");
        Arbitrary<String> equals = Arbitraries.of("=", " = ", "\t=", "= ", " =\t");
        Arbitrary<String> value = Arbitraries.of("nat", "mirrored", "NAT", "Mirrored", "virtioproxy", "none", "bogus", "true", "false",
                "TRUE", "False", "1", "0", "yes", "4GB", "0", "8gb", "", "\"mirrored\"", "\" nat \"", "\"false\"", "\"a # b\"",
                "C:\\\\x", "C:\\x", "\"unclosed", "a\\tb", "caf\u00e9", "\u00ff\u00fe");
        Arbitrary<String> tail = Arbitraries.of("", "", " ", "\t", " # comment", "#x", " ; not a comment", "\\", " \\", "\\\\");
        return Combinators.combine(indent, key, equals, value, tail).as((i, k, e, v, t) -> i + k + e + v + t);
    }

    /** What follows a line ending in a backslash: more of the value, or a line of its own. */
    private Arbitrary<String> continuation() {
        return Arbitraries.of("mirrored", "  true", "nat # more", "x\\", "", "   ", "[wsl2]", "networkingMode=nat", "# c");
    }

    private Arbitrary<String> comment() {
        Arbitrary<String> prefix = Arbitraries.of("#", "# ", "  #", ";", "; ", "\t;", "# networkingMode=nat", "; dnsTunneling=false",
                "#generateResolvConf=false");
        return Combinators.combine(prefix, Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u0080', '\u00FF').ofMaxLength(12))
                .as(String::concat);
    }

    /** Bytes that are not what a settings line is made of: high bytes, a lone CR, a NUL. */
    private Arbitrary<String> odd() {
        return Arbitraries.of("\u00e9t\u00e9", "\u00c3\u00a9", "a\rb", "x=\u0000", "\u00ef\u00bb\u00bf[wsl2]", "=", "key", "\u0080\u0081",
                "networkingMode = mirrored\r");
    }
}
