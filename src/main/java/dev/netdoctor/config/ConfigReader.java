// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import dev.netdoctor.config.ConfigIssue.CommentOut;
import dev.netdoctor.config.ConfigIssue.DropBom;
import dev.netdoctor.config.ConfigIssue.Kind;
import dev.netdoctor.config.ConfigIssue.Move;
import dev.netdoctor.config.ConfigIssue.Reencode;
import dev.netdoctor.config.ConfigIssue.Repair;
import dev.netdoctor.config.ConfigIssue.Replace;
import dev.netdoctor.config.ConfigKeys.Key;
import dev.netdoctor.config.ConfigReading.Setting;
import dev.netdoctor.config.ConfigLines.Entry;
import dev.netdoctor.config.RawLines.Line;
import dev.netdoctor.config.WslConfigSyntax.Header;
import dev.netdoctor.config.WslConfigSyntax.Parsed;
import dev.netdoctor.config.WslConfigSyntax.Skipped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads .wslconfig and /etc/wsl.conf the way WSL does (microsoft/WSL 3e27a6a5,
 * src/shared/configfile/configfile.cpp ParseConfigFile; WslCoreConfig.cpp; WslDistributionConfig.cpp)
 * and says, line by line, where that differs from how the file looks. Pure: bytes in, a
 * {@link ConfigReading} out; it never writes. The one reader of these files: the same reading
 * ({@link #lines}) finds the line every edit changes, and re-checks a file after any edit.
 *
 * <p>Text is held one char per byte (ISO-8859-1) so repairs give back the user's bytes
 * unchanged; it is turned into UTF-8 only to be shown.
 */
public final class ConfigReader {
    private static final Pattern KEY_WITHOUT_EQUALS = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_.\\-]*)\\s*[:=]?\\s*(.*)");
    private static final Pattern HEADER_LIKE = Pattern.compile("\\s*\\[\\s*([A-Za-z0-9_\\-. ]+?)\\s*]\\s*(.*)");

    private ConfigReader() {
    }

    public static ConfigReading read(ConfigFileKind file, byte[] bytes) {
        TextEncoding encoding = TextEncoding.detect(bytes);
        List<ConfigIssue> issues = new ArrayList<>();
        if (file == ConfigFileKind.WSLCONFIG && !file.readsAsText(encoding)) {
            // Windows opens it with ccs=UTF-8: only a UTF-16 LE byte order mark switches to UTF-16.
            issues.add(new ConfigIssue(Kind.ENCODING, encoding == TextEncoding.UTF16BE_BOM ? "utf16-big-endian" : "utf16-without-bom",
                    0, 0, encoding.display(), null,
                    "The file is saved as " + encoding.display() + ". WSL reads it as UTF-8, finds no setting it can read,"
                            + " and ignores every one of them.", List.of(new Reencode())));
            return new ConfigReading(file, encoding, List.of(), issues, OptionalInt.empty());
        }
        if (file == ConfigFileKind.WSL_CONF && !file.readsAsText(encoding)) {
            issues.add(new ConfigIssue(Kind.PARSING_STOPS, "utf16", 1, 1, encoding.display(), null,
                    "The file is saved as " + encoding.display() + ". The distro reads /etc/wsl.conf as plain bytes and stops"
                            + " at line 1, so WSL uses none of its settings.", List.of(new Reencode())));
            return new ConfigReading(file, encoding, List.of(), issues, OptionalInt.of(1));
        }
        Optional<SettingsDocument> document = SettingsDocument.decode(bytes);
        if (document.isEmpty()) {
            issues.add(new ConfigIssue(Kind.ENCODING, "not-utf16", 0, 0, encoding.display(), null,
                    "The file starts like UTF-16 but holds bytes that are not UTF-16 text; WSL cannot read it as intended.",
                    List.of()));
            return new ConfigReading(file, encoding, List.of(), issues, OptionalInt.empty());
        }
        return new Pass(lines(file, document.get())).run();
    }

    /**
     * The file's lines as WSL reads them: what {@link #read} judges, and what every edit of the
     * file looks in for the line it changes, so that a check and a fix never disagree on a line.
     */
    public static ConfigLines lines(ConfigFileKind file, SettingsDocument document) {
        return ConfigLines.of(file, document);
    }

    /** Raw text (one char per byte of UTF-8) as people read it. */
    public static String readable(String raw) {
        return TextEncoding.readable(raw);
    }

    /** One reading of one file, top to bottom. */
    private static final class Pass {
        private final ConfigFileKind file;
        private final TextEncoding encoding;
        private final ConfigLines read;
        /** The physical lines as written (a file of nothing but a byte order mark is one empty line to the distro). */
        private final List<Line> lines;
        private final List<Setting> settings = new ArrayList<>();
        private final List<ConfigIssue> issues = new ArrayList<>();
        /** Keys of WSL's table already read, by their table name in lower case, with the line that set them. */
        private final Map<String, Setting> seen = new HashMap<>();
        /** Keys the file sets somewhere WSL reads them (any occurrence): a repair must not add a second. */
        private final Map<String, Integer> setAnywhere = new HashMap<>();

        Pass(ConfigLines read) {
            this.file = read.file();
            this.encoding = read.document().encoding();
            this.read = read;
            List<Line> written = read.document().lines();
            this.lines = written.isEmpty() && !read.entries().isEmpty() ? List.of(new Line("", "")) : written;
        }

        ConfigReading run() {
            List<Entry> entries = read.entries();
            prescan();
            for (int n = 0; n < entries.size(); n++) {
                Entry l = entries.get(n);
                Parsed parsed = l.parsed();
                if (parsed == Skipped.NOTHING) {
                    continue;
                }
                if (l.invalid() && file.stopsAtInvalidLine()) {
                    stopsHere(entries, n);
                    return new ConfigReading(file, encoding, settings, issues, OptionalInt.of(l.first() + 1));
                }
                switch (parsed) {
                    case WslConfigSyntax.Setting s -> setting(l, s, l.section());
                    case Header h -> {
                    }
                    default -> invalidLine(l, l.section());
                }
            }
            return new ConfigReading(file, encoding, settings, issues, OptionalInt.empty());
        }

        /** Which keys of the table the file sets where WSL reads them, so a repair never makes a duplicate. */
        private void prescan() {
            for (Entry l : read.read()) {
                l.key().ifPresent(k -> setAnywhere.putIfAbsent(k.name().toLowerCase(Locale.ROOT), l.first() + 1));
            }
        }

        private void setting(Entry l, WslConfigSyntax.Setting s, SectionBuffer section) {
            String fullName = section.fullName(s.key());
            Optional<Key> known = ConfigKeys.lookup(file, fullName);
            String shown = readable(fullName.replace('\0', '?'));
            if (known.isEmpty()) {
                unknownKey(l, s, section, shown);
                return;
            }
            Key key = known.get();
            String id = key.name().toLowerCase(Locale.ROOT);
            Setting earlier = seen.get(id);
            if (earlier != null) {
                String wins = "WSL uses the first " + key.shortName() + " in the file, on line " + earlier.line()
                        + (earlier.accepted() ? " (" + readable(earlier.value()) + ")" : ", and since WSL could not use that"
                        + " line's value it keeps its default")
                        + ", and ignores this one.";
                issues.add(issue(Kind.DUPLICATE_KEY, "duplicate", l, shown, wins, List.of(new CommentOut(l.first() + 1, l.last() + 1))));
                return;
            }
            Optional<String> problem = ConfigValues.problem(key, s.value());
            Setting read = new Setting(key.name(), s.value(), l.first() + 1, problem.isEmpty() || key.type() == ConfigKeys.Type.PORTS);
            seen.put(id, read);
            settings.add(read);
            if (problem.isPresent()) {
                String outcome = switch (key.type()) {
                    case MAC -> " WSL refuses to start the virtual machine until it is fixed.";
                    case PORTS -> " WSL uses the other ports of the list.";
                    case IPV4 -> " WSL turns DNS tunneling off.";
                    case PATH -> " WSL uses that mangled path, which names no file: write each backslash twice, or use / instead.";
                    default -> " WSL ignores the line and keeps its default.";
                };
                // what WSL read, control characters shown as escapes: a terminal must not act on them
                String shownValue = ConfigValues.visible(readable(s.value()));
                String what = (key.type() == ConfigKeys.Type.PATH
                        ? "WSL does not read the path '" + shownValue + "' for " + key.shortName() + " as written: "
                        : "WSL cannot use the value '" + shownValue + "' for " + key.shortName() + ": ")
                        + problem.get() + "." + outcome;
                issues.add(issue(Kind.LINE_IGNORED, "invalid-value", l, shown, what, valueRepair(l, s, key)));
            }
            if (file == ConfigFileKind.WSLCONFIG && s.value().chars().anyMatch(c -> c >= 0x80)) {
                issues.add(issue(Kind.ENCODING, "non-ascii", l, shown, "The value of " + key.shortName() + " has letters"
                        + " outside ASCII. WSL squeezes each character into one byte as it reads the file, so it reads another"
                        + " value than the one written. Use only ASCII here (for a folder, one whose name is ASCII).", List.of()));
            } else if (file == ConfigFileKind.WSL_CONF && s.value().chars().anyMatch(c -> c >= 0x80)) {
                issues.add(issue(Kind.ENCODING, "non-ascii", l, shown, "The value of " + key.shortName() + " has letters outside"
                        + " ASCII. The distro reads /etc/wsl.conf without a text encoding set, so what it makes of them is not"
                        + " defined. Keep this file ASCII.", List.of()));
            }
        }

        private List<Repair> valueRepair(Entry l, WslConfigSyntax.Setting s, Key key) {
            if (l.first() != l.last()) {
                return List.of();
            }
            String text = lines.get(l.first()).text();
            if (key.type() == ConfigKeys.Type.PATH) {
                String written = text.substring(s.valueStart(), s.valueEnd());
                return List.of(new Replace(l.first() + 1, text.substring(0, s.valueStart()) + doubleBackslashes(written) + text.substring(s.valueEnd())));
            }
            return ConfigValues.likelyMeant(key, readable(s.value()))
                    .<List<Repair>>map(v -> List.of(new Replace(l.first() + 1, withValue(text, s, v))))
                    .orElse(List.of());
        }

        private static String withValue(String text, WslConfigSyntax.Setting s, String value) {
            int start = s.valueStart();
            int end = s.valueEnd();
            boolean quoted = end - start >= 2 && text.charAt(start) == '"' && text.charAt(end - 1) == '"';
            return text.substring(0, start) + (quoted ? '"' + value + '"' : value) + text.substring(end);
        }

        private void unknownKey(Entry l, WslConfigSyntax.Setting s, SectionBuffer section, String shown) {
            String where = section.length() == 0 ? "above any [section]" : "in [" + readable(section.name().replace('\0', '?')) + "]";
            List<Key> sameName = ConfigKeys.named(file, s.key());
            ConfigFileKind other = file == ConfigFileKind.WSLCONFIG ? ConfigFileKind.WSL_CONF : ConfigFileKind.WSLCONFIG;
            if (!sameName.isEmpty()) {
                Key key = sameName.getFirst();
                String reason = section.length() == 0 ? "no-section" : "wrong-section";
                String what = "WSL reads " + s.key() + " only in [" + key.section() + "]; " + where
                        + " it is an unknown key, so WSL ignores the line.";
                issues.add(issue(Kind.LINE_IGNORED, reason, l, shown, what, moveTo(l, key, lines.get(l.first()).text().strip())));
                return;
            }
            if (ConfigKeys.lookup(other, section.fullName(s.key())).isPresent() || !ConfigKeys.named(other, s.key()).isEmpty()) {
                String what = s.key() + " is a setting of " + other.display() + (other == ConfigFileKind.WSL_CONF
                        ? ", inside the distro" : ", in your Windows user folder") + ", not of " + file.display()
                        + ". Here WSL ignores it. Move it there by hand.";
                issues.add(issue(Kind.LINE_IGNORED, "wrong-file", l, shown, what, List.of()));
                return;
            }
            Optional<Key> meant = ConfigKeys.likelyMeant(file, s.key());
            if (meant.isPresent()) {
                Key key = meant.get();
                String text = lines.get(l.first()).text();
                int keyAt = text.indexOf(s.key());
                String renamed = l.first() == l.last() && keyAt >= 0
                        ? text.substring(0, keyAt) + key.shortName() + text.substring(keyAt + s.key().length()) : null;
                String what = "WSL has no setting " + s.key() + " and ignores the line. Did you mean " + key.shortName()
                        + " in [" + key.section() + "]?";
                String reason = section.length() == 0 ? "no-section" : "unknown-key";
                List<Repair> repair = renamed == null ? List.of()
                        : inRightSection(section, key) ? replaceOrDrop(l, key, renamed) : moveTo(l, key, renamed.strip());
                issues.add(issue(Kind.LINE_IGNORED, reason, l, shown, what, repair));
                return;
            }
            String what = "WSL has no setting " + s.key() + (section.length() == 0 ? " outside a section" : " " + where)
                    + " and ignores the line.";
            issues.add(issue(Kind.LINE_IGNORED, section.length() == 0 ? "no-section" : "unknown-key", l, shown, what, List.of()));
        }

        private static boolean inRightSection(SectionBuffer section, Key key) {
            return key.names().stream().anyMatch(n -> n.substring(0, n.indexOf('.')).equalsIgnoreCase(section.name()));
        }

        /** The line with the right name in place; commented out instead when the key is set already. */
        private List<Repair> replaceOrDrop(Entry l, Key key, String renamed) {
            if (alreadySet(key)) {
                return List.of(new CommentOut(l.first() + 1, l.last() + 1));
            }
            if (!takesValue(key, renamed)) {
                return List.of();
            }
            return List.of(new Replace(l.first() + 1, renamed));
        }

        private List<Repair> moveTo(Entry l, Key key, String text) {
            if (alreadySet(key) || l.first() != l.last()) {
                return List.of(new CommentOut(l.first() + 1, l.last() + 1));
            }
            if (!takesValue(key, text)) {
                return List.of(); // moved, WSL would still refuse the line: that is for a person to decide
            }
            return List.of(new Move(l.first() + 1, l.last() + 1, key.section(), text));
        }

        /** The line, read as a setting of {@code key}, has a value WSL takes. */
        private static boolean takesValue(Key key, String text) {
            return WslConfigSyntax.parse(text) instanceof WslConfigSyntax.Setting s && ConfigValues.problem(key, s.value()).isEmpty();
        }

        private boolean alreadySet(Key key) {
            return setAnywhere.containsKey(key.name().toLowerCase(Locale.ROOT));
        }

        /** A line WSL cannot read at all (.wslconfig: skipped, reading goes on). */
        private void invalidLine(Entry l, SectionBuffer section) {
            String text = lines.get(l.first()).text();
            Reasoned why = whyInvalid(l);
            String what = "WSL cannot read this line (" + why.words() + ") and skips it.";
            List<Repair> repair = l.first() == l.last() ? lineRepair(l, text, section) : List.of();
            issues.add(issue(Kind.LINE_IGNORED, why.reason(), l, null, what, repair));
        }

        private record Reasoned(String reason, String words) {}

        private Reasoned whyInvalid(Entry l) {
            String text = readable(l.text()).strip();
            if (l.first() == 0 && text.startsWith("\uFEFF")) {
                return new Reasoned("byte-order-mark", "the file starts with a byte order mark (saved as \"UTF-8 with BOM\"),"
                        + " which the distro reads as part of the first line");
            }
            if (text.startsWith(";")) {
                return new Reasoned("invalid-line", "';' does not start a comment in WSL's files, only '#' does");
            }
            if (text.startsWith("[")) {
                return new Reasoned("invalid-line", "a section header is [name], the name only letters and digits, with nothing"
                        + " after it but a # comment");
            }
            int eq = text.indexOf('=');
            if (eq > 0 && text.substring(0, eq).strip().matches("[A-Za-z][A-Za-z0-9]*")) {
                String value = text.substring(eq + 1);
                if (value.matches(".*\\\\([^\\\\\"bnt].*)?$") || value.endsWith("\\")) {
                    return new Reasoned("invalid-escape", "a backslash must be doubled (\\\\) unless it starts \\n, \\t, \\b or"
                            + " \\\"; write C:\\\\Users\\\\you or C:/Users/you");
                }
                return new Reasoned("invalid-line", "a quote is opened and not closed");
            }
            if (eq > 0) {
                return new Reasoned("invalid-line", "a setting's name may have only letters and digits, no _ - . or spaces");
            }
            return new Reasoned("invalid-line", "WSL expects name = value");
        }

        /** How to write an unreadable line so WSL reads what was meant. */
        private List<Repair> lineRepair(Entry l, String text, SectionBuffer section) {
            int number = l.first() + 1;
            String stripped = text.strip();
            if (stripped.startsWith(";")) {
                return List.of(new Replace(number, text.replaceFirst(";", "#")));
            }
            Matcher header = HEADER_LIKE.matcher(text);
            if (stripped.startsWith("[") && header.matches()) {
                String name = header.group(1).replaceAll("[_\\-. ]", "");
                String rest = header.group(2).strip();
                if (ConfigKeys.isKnownSection(file, name) && (rest.isEmpty() || rest.startsWith("#"))) {
                    return List.of(new Replace(number, "[" + name + "]" + (rest.isEmpty() ? "" : " " + rest)));
                }
                return List.of();
            }
            int eq = text.indexOf('=');
            if (eq > 0 && whyInvalid(l).reason().equals("invalid-escape")) {
                String fixed = text.substring(0, eq + 1) + doubleBackslashes(text.substring(eq + 1));
                // Only where WSL then reads it: a readable line that WSL still ignores is no repair.
                boolean read = WslConfigSyntax.parse(fixed) instanceof WslConfigSyntax.Setting s
                        && ConfigKeys.lookup(file, section.fullName(s.key())).filter(k -> takesValue(k, fixed)).isPresent();
                return read ? List.of(new Replace(number, fixed)) : List.of();
            }
            Matcher m = KEY_WITHOUT_EQUALS.matcher(text);
            if (!m.matches() || m.group(2).isBlank()) {
                return List.of();
            }
            String written = m.group(1);
            Optional<Key> meant = ConfigKeys.likelyMeant(file, written);
            if (meant.isEmpty()) {
                return List.of();
            }
            Key key = meant.get();
            String rewritten = key.shortName() + "=" + m.group(2).strip();
            if (!(WslConfigSyntax.parse(rewritten) instanceof WslConfigSyntax.Setting s)
                    || ConfigValues.problem(key, s.value()).isPresent()) {
                return List.of();
            }
            return inRightSection(section, key) ? replaceOrDrop(l, key, rewritten) : moveTo(l, key, rewritten);
        }

        /** Every single backslash doubled; pairs already doubled stay as they are. */
        private static String doubleBackslashes(String value) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length() && value.charAt(i + 1) == '\\') {
                    out.append("\\\\");
                    i++;
                } else if (c == '\\') {
                    out.append("\\\\");
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        /** wsl.conf: the distro stops here; say which settings it never reads, and repair every line that would stop it. */
        private void stopsHere(List<Entry> entries, int n) {
            Entry stop = entries.get(n);
            Reasoned why = whyInvalid(stop);
            List<String> lost = new ArrayList<>();
            List<Repair> repairs = new ArrayList<>();
            SectionBuffer section = SectionBuffer.EMPTY;
            for (int k = 0; k < entries.size(); k++) {
                Entry l = entries.get(k);
                boolean invalid = l.invalid();
                if (k >= n && invalid) {
                    if (k == n && why.reason().equals("byte-order-mark")) {
                        repairs.add(new DropBom());
                        // Without the mark the line may read well (or be blank): then it needs nothing else.
                        // A value still going on at the end of the file does not: that is the
                        // distro's "invalid escaped character", as ConfigLines reads a dangling backslash.
                        Parsed withoutMark = WslConfigSyntax.parse(l.text().substring(l.prefix()));
                        if (withoutMark != Skipped.INVALID && !(withoutMark instanceof WslConfigSyntax.BrokenHeader)
                                && !(withoutMark instanceof WslConfigSyntax.Continues)) {
                            section = section.after(withoutMark);
                            continue;
                        }
                    }
                    String text = lines.get(l.first()).text();
                    repairs.add(text.strip().startsWith(";") && l.first() == l.last()
                            ? new Replace(l.first() + 1, text.replaceFirst(";", "#"))
                            : new CommentOut(l.first() + 1, l.last() + 1));
                    continue;
                }
                if (invalid) {
                    continue;
                }
                section = section.after(l.parsed());
                if (k > n && l.parsed() instanceof WslConfigSyntax.Setting s) {
                    lost.add(readable(section.fullName(s.key()).replace('\0', '?')) + " (line " + (l.first() + 1) + ")");
                }
            }
            String after = lost.isEmpty() ? "There is no setting after it, so nothing is lost yet; a setting added below it"
                    + " would be." : "So WSL never reads " + String.join(", ", lost) + ".";
            String what = "The distro stops reading /etc/wsl.conf at this line: it cannot read it (" + why.words() + "). "
                    + after;
            issues.add(issue(Kind.PARSING_STOPS, why.reason(), stop, null, what, repairs));
        }

        private ConfigIssue issue(Kind kind, String reason, Entry l, String key, String what, List<Repair> repairs) {
            String text = readable(String.join("\n", lines.subList(l.first(), l.last() + 1).stream().map(Line::text).toList()));
            return new ConfigIssue(kind, reason, l.first() + 1, l.last() + 1, text, key, what, repairs);
        }
    }
}
