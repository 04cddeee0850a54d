// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.ConfigReader;
import dev.netdoctor.config.ConfigValues;
import dev.netdoctor.config.WslConfigSyntax;
import dev.netdoctor.config.WslConfigSyntax.Header;
import dev.netdoctor.config.WslConfigSyntax.Parsed;
import dev.netdoctor.config.WslConfigSyntax.Setting;
import dev.netdoctor.config.WslConfigSyntax.Skipped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Lets WSL write {@code /etc/resolv.conf} again: {@code [network] generateResolvConf} in a
 * distro's {@code /etc/wsl.conf} set back to true, as a pure edit of the file's bytes.
 *
 * <p>The distro reads wsl.conf with the grammar of .wslconfig ({@link WslConfigSyntax}) but
 * stops at the first line it cannot read: every setting after that line is lost (WSL's
 * WslDistributionConfig parses without CFG_SKIP_INVALID_LINES). So only settings above that
 * line count, here as there. The file is read as the bytes it is: a UTF-8 byte order mark, which
 * plain {@code fopen} does not skip, makes the first line unreadable to WSL as well.
 *
 * <p>The effective setting (the first) gets {@code true} in place when it says false; later
 * ones that say false are commented out, never deleted, so only one setting counts. Nothing is
 * added: without a false setting WSL already writes the file.
 */
public final class WslConfEdit {
    public static final String FILE = "/etc/wsl.conf";
    static final String SECTION = "network";
    static final String KEY = "generateResolvConf";

    /** What must also go, since WSL only replaces /etc/resolv.conf when it can: said with every edit. */
    public static final String STATIC_FILE_NOTE = "WSL writes a new /etc/resolv.conf when it next starts, but not over a file"
            + " left by an old workaround or one locked against changes. Remove that file first, inside the distro:"
            + " sudo chattr -i /etc/resolv.conf; sudo rm /etc/resolv.conf. Then restart WSL from Windows (wsl --shutdown).";

    private WslConfEdit() {
    }

    /** What WSL reads from a wsl.conf: the settings it honours and where it stops reading, if it does. */
    record Reading(List<Found> settings, OptionalInt stopsAt) {
        /** The value WSL uses for {@code section.key} (first wins), lower-cased names; null when not set. */
        String value(String section, String key) {
            return settings.stream().filter(f -> f.is(section, key)).findFirst().map(f -> f.setting().value()).orElse(null);
        }

        /** Every setting WSL uses, by "section.key" (lower case), first occurrence only. */
        Map<String, String> effective() {
            Map<String, String> map = new LinkedHashMap<>();
            for (Found f : settings) {
                map.putIfAbsent(f.section() + "." + f.setting().key().toLowerCase(Locale.ROOT), f.setting().value());
            }
            return map;
        }
    }

    /** A setting WSL reads, with its section in lower case. */
    record Found(int index, String section, Setting setting) {
        boolean is(String sectionName, String key) {
            return section.equals(sectionName.toLowerCase(Locale.ROOT)) && setting.key().equalsIgnoreCase(key);
        }
    }

    static Reading read(List<WslConfigLine> lines) {
        List<Found> found = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            Parsed parsed = WslConfigSyntax.parse(lines.get(i).content());
            switch (parsed) {
                case Header(String name) -> section = name.toLowerCase(Locale.ROOT);
                case Setting setting -> found.add(new Found(i, section, setting));
                case Skipped skipped when skipped == Skipped.NOTHING -> {
                }
                default -> {
                    // an invalid line (or a broken header): the distro stops reading here
                    return new Reading(found, OptionalInt.of(i));
                }
            }
        }
        return new Reading(found, OptionalInt.empty());
    }

    /** WSL's booleans: true/false or 1/0, any case; anything else keeps the default. */
    static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equals("1")) {
            return Boolean.TRUE;
        }
        return value.equalsIgnoreCase("false") || value.equals("0") ? Boolean.FALSE : null;
    }

    /** Whether WSL writes resolv.conf by these bytes of /etc/wsl.conf (its default, true, unless a read setting says false). */
    public static boolean generatesResolvConf(byte[] content) {
        // The check-config reader: the same rules the findings use, so a fix and a check never disagree.
        return !Boolean.FALSE.equals(ConfigReader.read(ConfigFileKind.WSL_CONF, content).value(SECTION + "." + KEY)
                .map(ConfigValues::bool).orElse(null));
    }

    /** @param original the file's exact bytes (empty for a missing file) */
    public static EditResult letWslWriteResolvConf(byte[] original) {
        return letWslWriteResolvConf(original, FILE);
    }

    /** The same for the wsl.conf at {@code file} (named so in what the edit says: a --wsl-conf path). */
    public static EditResult letWslWriteResolvConf(byte[] original, String file) {
        WslConfigDocument document = WslConfigDocument.of(original, false);
        Reading reading = read(document.lines());
        List<Found> mine = reading.settings().stream().filter(f -> f.is(SECTION, KEY)).toList();
        List<String> notes = new ArrayList<>();
        WslConfigDocument updated = document;
        if (mine.isEmpty() || !Boolean.FALSE.equals(bool(mine.getFirst().setting().value()))) {
            notes.add(original.length == 0 ? "There is no " + file + ", so nothing turns off WSL's resolv.conf; nothing to change in it."
                    : file + " does not turn off WSL's resolv.conf"
                    + (reading.stopsAt().isPresent() ? " in the part WSL reads (it stops reading at line "
                    + (reading.stopsAt().getAsInt() + 1) + ", which it cannot read)" : "") + "; nothing to change in it.");
        } else {
            Found first = mine.getFirst();
            WslConfigLine line = document.lines().get(first.index());
            String content = line.content();
            int start = first.setting().valueStart();
            int end = first.setting().valueEnd();
            boolean quoted = end - start >= 2 && content.charAt(start) == '"' && content.charAt(end - 1) == '"';
            String value = quoted ? "\"true\"" : "true";
            updated = updated.replacing(first.index(), new WslConfigLine(content.substring(0, start) + value + content.substring(end),
                    line.ending()));
            notes.add("Changes generateResolvConf from %s to true in [network] (line %d), so WSL writes /etc/resolv.conf again."
                    .formatted(first.setting().value(), first.index() + 1));
            for (Found other : mine.subList(1, mine.size())) {
                if (Boolean.FALSE.equals(bool(other.setting().value()))) {
                    updated = updated.replacing(other.index(), document.lines().get(other.index()).commentedOut());
                    notes.add(("Comments out line %d (generateResolvConf = %s again) by putting \"# \" in front of it, so that only"
                            + " one setting counts. The line itself is kept.").formatted(other.index() + 1, other.setting().value()));
                }
            }
        }
        notes.add(STATIC_FILE_NOTE);
        byte[] bytes = updated.toBytes();
        return new EditResult(bytes, !Arrays.equals(bytes, original), notes, List.of());
    }
}
