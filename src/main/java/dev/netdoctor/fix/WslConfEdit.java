// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.ConfigLines;
import dev.netdoctor.config.ConfigLines.Entry;
import dev.netdoctor.config.ConfigReader;
import dev.netdoctor.config.ConfigValues;
import dev.netdoctor.config.SettingsDocument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Lets WSL write {@code /etc/resolv.conf} again: {@code [network] generateResolvConf} in a
 * distro's {@code /etc/wsl.conf} set back to true, as a pure edit of the file's bytes.
 *
 * <p>The distro reads wsl.conf with the grammar of .wslconfig but stops at the first line it
 * cannot read: every setting after that line is lost (WSL's WslDistributionConfig parses without
 * CFG_SKIP_INVALID_LINES). The file is read by the check's own reader ({@link ConfigReader#lines}),
 * so the line changed here is the line the check reports, and changed through the one settings
 * editor ({@link SettingsDocument}). A UTF-8 byte order mark, which plain {@code fopen} does not
 * skip, makes the first line unreadable to WSL as well.
 *
 * <p>The effective setting (the first) gets {@code true} in place when it says false; later
 * ones that say false are commented out, never deleted, so only one setting counts. Nothing is
 * added: without a false setting WSL already writes the file.
 */
public final class WslConfEdit {
    public static final String FILE = "/etc/wsl.conf";
    static final String KEY = "network.generateResolvConf";

    /** What must also go, since WSL only replaces /etc/resolv.conf when it can: said with every edit. */
    public static final String STATIC_FILE_NOTE = "WSL writes a new /etc/resolv.conf when it next starts, but not over a file"
            + " left by an old workaround or one locked against changes. Remove that file first, inside the distro:"
            + " sudo chattr -i /etc/resolv.conf; sudo rm /etc/resolv.conf. Then restart WSL from Windows (wsl --shutdown).";

    private WslConfEdit() {
    }

    /** Whether WSL writes resolv.conf by these bytes of /etc/wsl.conf (its default, true, unless a read setting says false). */
    public static boolean generatesResolvConf(byte[] content) {
        return !Boolean.FALSE.equals(ConfigReader.read(ConfigFileKind.WSL_CONF, content).value(KEY)
                .map(ConfigValues::bool).orElse(null));
    }

    /** @param original the file's exact bytes (empty for a missing file) */
    public static EditResult letWslWriteResolvConf(byte[] original) {
        return letWslWriteResolvConf(original, FILE);
    }

    /** The same for the wsl.conf at {@code file} (named so in what the edit says: a --wsl-conf path). */
    public static EditResult letWslWriteResolvConf(byte[] original, String file) {
        Optional<ConfigLines> lines = SettingsDocument.decode(original).map(d -> ConfigReader.lines(ConfigFileKind.WSL_CONF, d));
        List<Entry> mine = lines.map(l -> l.settingsOf(KEY)).orElse(List.of());
        List<String> notes = new ArrayList<>();
        byte[] bytes = original;
        if (mine.isEmpty() || !Boolean.FALSE.equals(ConfigValues.bool(mine.getFirst().setting().value()))) {
            // A UTF-16 file that is not even UTF-16 text: the distro stops at its first line all the same.
            int stopsAt = lines.map(l -> l.stopsAt().orElse(0)).orElse(1);
            notes.add(original.length == 0 ? "There is no " + file + ", so nothing turns off WSL's resolv.conf; nothing to change in it."
                    : file + " does not turn off WSL's resolv.conf"
                    + (stopsAt > 0 ? " in the part WSL reads (it stops reading at line " + stopsAt + ", which it cannot read)" : "")
                    + "; nothing to change in it.");
        } else {
            Entry first = mine.getFirst();
            SettingsDocument updated = lines.get().document().withValue(first, "true");
            notes.add("Changes generateResolvConf from %s to true in [network] (line %d), so WSL writes /etc/resolv.conf again."
                    .formatted(ConfigReader.readable(first.setting().value()), first.line()));
            for (Entry other : mine.subList(1, mine.size())) {
                if (Boolean.FALSE.equals(ConfigValues.bool(other.setting().value()))) {
                    updated = updated.commentingOut(other.first(), other.last());
                    notes.add(("Comments out line %d (generateResolvConf = %s again) by putting \"# \" in front of it, so that only"
                            + " one setting counts. The line itself is kept.").formatted(other.line(), ConfigReader.readable(other.setting().value())));
                }
            }
            bytes = updated.toBytes();
        }
        notes.add(STATIC_FILE_NOTE);
        return new EditResult(bytes, !Arrays.equals(bytes, original), notes, List.of());
    }
}
