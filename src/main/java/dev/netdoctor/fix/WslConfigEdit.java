// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.ConfigKeys;
import dev.netdoctor.config.ConfigLines;
import dev.netdoctor.config.ConfigLines.Entry;
import dev.netdoctor.config.ConfigReader;
import dev.netdoctor.config.ConfigValues;
import dev.netdoctor.config.SettingsDocument;
import dev.netdoctor.config.TextEncoding;
import dev.netdoctor.model.NetworkingMode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Sets one setting in WSL's {@code %UserProfile%\.wslconfig} ({@code wsl2.networkingMode},
 * {@code wsl2.dnsTunneling}, any key of WSL's table): a pure edit of the file's bytes that changes
 * nothing but that setting, so the user's diff shows only what matters. A setting WSL does not
 * know, or a value WSL would refuse, is refused before anything is changed.
 *
 * <p>The file is read by the check's own reader ({@link ConfigReader#lines}) and changed through
 * the one settings editor ({@link SettingsDocument}), in the file's own encoding. The edit leaves
 * exactly one line of the key that WSL honours: the effective one (the first in the file, under
 * any section name WSL files it under, e.g. {@code [wsl2]} or its old name {@code [experimental]})
 * gets the new value in place, any other is commented out (never deleted), and without one a line
 * is added to the first section of the name WSL's own writer uses, or that section is appended.
 */
public final class WslConfigEdit {

    /** A setting to make true: its key in WSL's table, the value written, and which values WSL reads as the same. */
    record Wanted(ConfigKeys.Key key, String value, Predicate<String> holds) {
        /** The setting {@code setting} with {@code value}, if WSL knows the one and takes the other; else why not. */
        static Wanted of(String setting, String value) throws Refused {
            ConfigKeys.Key key = ConfigKeys.lookup(ConfigFileKind.WSLCONFIG, setting)
                    .orElseThrow(() -> new Refused(setting + " is not a setting WSL reads from .wslconfig. Nothing was changed."));
            Optional<String> problem = ConfigValues.problem(key, value);
            if (problem.isPresent()) {
                throw new Refused("WSL would not take " + value + " for " + key.shortName() + ": " + problem.get()
                        + ". Nothing was changed.");
            }
            return new Wanted(key, value, sameAs(key, value));
        }

        /** Which written values WSL reads as {@code value}: its booleans (true or 1, any case), its enums in any case. */
        private static Predicate<String> sameAs(ConfigKeys.Key key, String value) {
            return switch (key.type()) {
                case BOOL -> v -> ConfigValues.isBool(v) && ConfigValues.bool(v).equals(ConfigValues.bool(value));
                case ENUM -> v -> v.equalsIgnoreCase(value);
                case INT, SIZE, STRING, PATH, MAC, IPV4, PORTS -> v -> v.equals(value);
            };
        }

        String shortName() {
            return key.shortName();
        }

        String section() {
            return key.section();
        }
    }

    /** A setting or value WSL would not take: said as the edit's conflict. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why);
        }
    }

    static final String RESTART_NOTE = "WSL reads this setting only when it starts. Run `wsl --shutdown` and wait"
            + " until all distros have stopped (about 8 seconds, the \"8 second rule\") before starting WSL again."
            + " This restart stops every running distro, so save your work in them first.";
    // WSL reads .wslconfig as UTF-8. Without a byte order mark (and as big-endian) UTF-16 is not
    // read at all; with one, Windows' C library may convert it. Either way UTF-8 is the encoding
    // WSL is sure to read, so the texts say "may" and the rewrite is offered, never forced.
    static final String UTF16_CONFLICT = "This .wslconfig is saved as UTF-16 (\"Unicode\" in Notepad), but WSL reads"
            + " .wslconfig as UTF-8, so its settings may not take effect. Nothing was changed."
            + " Net Doctor can rewrite the file as UTF-8 with the same content and then set networkingMode.";
    static final String UTF16_KEPT = "The file is saved as UTF-16 with a byte order mark (\"Unicode\" in Notepad), which WSL"
            + " reads; it stays so.";
    static final String UTF16_REWRITTEN = "The file was saved as UTF-16 (\"Unicode\" in Notepad); it was rewritten as"
            + " UTF-8 with the same content, the encoding WSL reads.";
    static final String UTF16_BROKEN = "This .wslconfig looks like UTF-16 (\"Unicode\" in Notepad), which WSL may not"
            + " read, but it contains bytes that are not valid UTF-16, so it cannot be converted to UTF-8 without"
            + " losing text. Nothing was changed. Open it in Notepad and save it with the encoding \"UTF-8\".";

    private WslConfigEdit() {
    }

    /**
     * Sets {@code setting} (as WSL's table names it, {@code wsl2.localhostForwarding}) to
     * {@code value}.
     *
     * @param original the file's exact bytes (empty array for a missing file)
     */
    public static EditResult set(byte[] original, String setting, String value, boolean rewriteUtf16AsUtf8) {
        try {
            return set(original, Wanted.of(setting, value), rewriteUtf16AsUtf8);
        } catch (Refused refused) {
            return refused(original, refused.getMessage());
        }
    }

    /** networkingMode in [wsl2]. */
    public static EditResult setNetworkingMode(byte[] original, NetworkingMode mode, boolean rewriteUtf16AsUtf8) {
        Objects.requireNonNull(mode, "mode");
        return set(original, "wsl2.networkingMode", mode.value(), rewriteUtf16AsUtf8);
    }

    /**
     * Turns on DNS tunneling ({@code dnsTunneling=true} in {@code [wsl2]}): WSL 2.2.1 and later
     * do that by default, so the edit matters where a file (or an old workaround) turned it off,
     * and where an older WSL needs it said.
     */
    public static EditResult setDnsTunneling(byte[] original, boolean rewriteUtf16AsUtf8) {
        return set(original, "wsl2.dnsTunneling", "true", rewriteUtf16AsUtf8);
    }

    private static EditResult set(byte[] original, Wanted wanted, boolean rewriteUtf16AsUtf8) {
        TextEncoding encoding = TextEncoding.detect(original);
        Optional<SettingsDocument> document = SettingsDocument.decode(original);
        if (!encoding.isUtf16()) {
            return edit(original, document.orElseThrow(), wanted, List.of());
        }
        if (!rewriteUtf16AsUtf8 && encoding == TextEncoding.UTF16LE_BOM) {
            // What Notepad's "Unicode" and PowerShell 5's > write, and what WSL reads (its C library
            // honours the byte order mark): edited in its own encoding, like any other file.
            return document.map(d -> edit(original, d, wanted, List.of(UTF16_KEPT))).orElseGet(() -> refused(original, UTF16_BROKEN));
        }
        if (!rewriteUtf16AsUtf8) {
            return refused(original, UTF16_CONFLICT.replace("networkingMode", wanted.shortName()));
        }
        return document.map(d -> edit(original, d.withEncoding(TextEncoding.UTF8), wanted, List.of(UTF16_REWRITTEN)))
                .orElseGet(() -> refused(original, UTF16_BROKEN));
    }

    /**
     * Reads the effective networkingMode WSL would use from these bytes, or empty: the value
     * as WSL reads it (unquoted, lower case, since WSL compares it ignoring case), which may be
     * one WSL rejects and replaces with its default. Empty for UTF-16 that WSL does not read.
     */
    public static Optional<String> effectiveNetworkingMode(byte[] content) {
        return effective(content, "wsl2.networkingMode");
    }

    /** The same for dnsTunneling: the value WSL reads (lower case), or empty when the file does not set it. */
    public static Optional<String> effectiveDnsTunneling(byte[] content) {
        return effective(content, "wsl2.dnsTunneling");
    }

    /** The value WSL reads for {@code key} from these bytes (unquoted, lower case), or empty when the file does not set it. */
    public static Optional<String> effective(byte[] content, String key) {
        return ConfigReader.read(ConfigFileKind.WSLCONFIG, content).first(key)
                .map(s -> ConfigReader.readable(s.value()).toLowerCase(Locale.ROOT));
    }

    private static EditResult edit(byte[] original, SettingsDocument document, Wanted wanted, List<String> earlierNotes) {
        ConfigLines lines = ConfigReader.lines(ConfigFileKind.WSLCONFIG, document);
        List<Entry> found = lines.settingsOf(wanted.key().name());
        List<String> notes = new ArrayList<>(earlierNotes);
        SettingsDocument updated = found.isEmpty() ? add(lines, wanted, notes) : keepOnly(document, found, wanted, notes);
        notes.add(RESTART_NOTE);
        byte[] bytes = updated.toBytes();
        return new EditResult(bytes, !Arrays.equals(bytes, original), notes, List.of());
    }

    private static SettingsDocument keepOnly(SettingsDocument document, List<Entry> found, Wanted wanted, List<String> notes) {
        SettingsDocument updated = document;
        Entry effective = found.getFirst();
        String oldValue = effective.setting().value();
        String key = wanted.shortName();
        if (wanted.holds().test(ConfigReader.readable(oldValue))) {
            notes.add("%s is already set to %s in [%s] (line %d)."
                    .formatted(key, wanted.value(), section(effective), effective.line()));
        } else {
            updated = updated.withValue(effective, wanted.value());
            notes.add("Changes %s from %s to %s in [%s] (line %d)."
                    .formatted(key, describe(oldValue), wanted.value(), section(effective), effective.line()));
        }
        for (Entry other : found.subList(1, found.size())) {
            updated = updated.commentingOut(other.first(), other.last());
            notes.add(("Comments out line %d (%s set to %s in [%s]) by putting \"# \" in front of"
                    + " it, so that only one %s setting counts. The line itself is kept.")
                    .formatted(other.line(), key, describe(other.setting().value()), section(other), key));
        }
        return updated;
    }

    private static String section(Entry entry) {
        return entry.section().name().toLowerCase(Locale.ROOT);
    }

    private static SettingsDocument add(ConfigLines lines, Wanted wanted, List<String> notes) {
        String setting = wanted.shortName() + "=" + wanted.value();
        String section = wanted.section();
        OptionalInt inSection = lines.endOfSection(section);
        if (inSection.isPresent()) {
            int at = inSection.getAsInt();
            notes.add("Adds %s to [%s] (line %d).".formatted(setting, section, at + 1));
            return lines.document().inserting(at, setting);
        }
        SettingsDocument updated = lines.document();
        int at = lines.endOfFile();
        if (at > 0 && !updated.isBlank(at - 1)) {
            updated = updated.inserting(at++, "");
        }
        updated = updated.inserting(at, "[" + section + "]").inserting(at + 1, setting);
        // a file that is not there yet is made: its "end" and line numbers would only puzzle
        notes.add((at == 0 && lines.endOfFile() == 0 && updated.lines().size() == 2 ? "Adds a [%s] section with %s as the only lines of the file.".formatted(section, setting)
                : (at + 2 == updated.lines().size() ? "Adds a [%s] section with %s at the end of the file (line %d)."
                : "Adds a [%s] section with %s near the end of the file (line %d).").formatted(section, setting, at + 2)));
        return updated;
    }

    private static EditResult refused(byte[] original, String conflict) {
        return new EditResult(original, false, List.of(), List.of(conflict));
    }

    private static String describe(String value) {
        return value.isBlank() ? "an empty value" : ConfigReader.readable(value);
    }
}
