// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.ConfigLines;
import dev.netdoctor.config.ConfigLines.Entry;
import dev.netdoctor.config.ConfigReader;
import dev.netdoctor.config.SettingsDocument;
import dev.netdoctor.config.TextEncoding;
import dev.netdoctor.model.FixPlan;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets the distro's MTU at every start: {@code [boot] command} in its /etc/wsl.conf runs
 * {@code ip link set dev DEVICE mtu N} as root when WSL starts the distro, as a pure edit of the
 * file's bytes through the one settings editor ({@link SettingsDocument}), read back by the
 * check's own reader.
 *
 * <p>WSL has one boot command per distro, which its init runs through the shell. When the file
 * already has one of someone else's, it is kept and ours runs first: {@code ip link set …; THEIRS}.
 * First, not last, so that nothing the other command ends with (a {@code &}, an {@code exec}, an
 * {@code exit}, a quoted {@code #} the shell reads as a comment) can keep ours from running, and
 * {@code ;} so that theirs runs whatever ours returns. A command of ours from an earlier run
 * ({@code ip link set dev DEVICE mtu X} for the same interface, alone or in front) is replaced,
 * never stacked; one for another interface is someone else's, and kept.
 *
 * <p>WSL stops reading /etc/wsl.conf at the first line it cannot read: a command added after that
 * line would never run, so the edit refuses then and says which line to repair first (the check
 * of the file offers that repair).
 */
public final class WslConfMtuEdit {
    static final String KEY = "boot.command";
    private static final String SEPARATOR = "; ";

    private WslConfMtuEdit() {
    }

    /** What WSL would run at start by these bytes of wsl.conf, or empty when no boot command is read. */
    public static Optional<String> bootCommand(byte[] content) {
        return ConfigReader.read(ConfigFileKind.WSL_CONF, content).first(KEY).map(s -> s.value());
    }

    /**
     * The boot command that runs ours ({@code plan.command()}) and keeps someone else's
     * {@code existing} one after it; ours from an earlier run is replaced.
     */
    public static String combined(FixPlan.DistroMtuAtBoot plan, Optional<String> existing) {
        Optional<String> theirs = existing.map(c -> withoutOurs(c, plan.device())).filter(c -> !c.isBlank());
        return theirs.map(t -> plan.command() + SEPARATOR + t).orElse(plan.command());
    }

    /**
     * A command without an MTU command of ours for {@code device} in front: what is left of someone
     * else's, possibly blank. Another interface's MTU command is someone else's, and kept.
     */
    static String withoutOurs(String command, String device) {
        Matcher m = Pattern.compile("ip link set dev " + Pattern.quote(device) + " mtu [0-9]+(?:\\s*;\\s*(.*))?", Pattern.DOTALL)
                .matcher(command.strip());
        return m.matches() ? Optional.ofNullable(m.group(1)).orElse("") : command;
    }

    /**
     * @param original the file's exact bytes (empty for a missing file)
     * @param file     the file as the notes name it (a --wsl-conf path)
     */
    public static EditResult setMtuAtBoot(byte[] original, FixPlan.DistroMtuAtBoot plan, String file) {
        TextEncoding encoding = TextEncoding.detect(original);
        Optional<SettingsDocument> document = SettingsDocument.decode(original);
        if (document.isEmpty() || encoding.isUtf16()) {
            return refused(original, file + " is saved as UTF-16, which the distro does not read as text: a boot command added to it"
                    + " would never run. Save it as UTF-8 first (the check of " + file + " offers that rewrite).");
        }
        ConfigLines lines = ConfigReader.lines(ConfigFileKind.WSL_CONF, document.get());
        OptionalInt stopsAt = lines.stopsAt();
        List<Entry> mine = lines.settingsOf(KEY);
        List<String> notes = new ArrayList<>();
        SettingsDocument updated;
        if (!mine.isEmpty()) {
            Entry first = mine.getFirst();
            String before = first.setting().value();
            String wanted = combined(plan, Optional.of(before));
            if (wanted.equals(before)) {
                notes.add("[boot] command already sets the MTU of %s to %s (line %d).".formatted(plan.device(), plan.mtu(), first.line()));
                updated = document.get();
            } else {
                updated = document.get().withValue(first, writtenValue(first, plan));
                String theirs = withoutOurs(before, plan.device());
                notes.add(theirs.isBlank()
                        ? "Changes [boot] command (line %d) from \"%s\" to \"%s\".".formatted(first.line(), ConfigReader.readable(before), wanted)
                        : ("Puts \"%s; \" in front of the boot command already there (line %d), which is kept and runs right after it:"
                        + " \"%s\". WSL runs one boot command, so both go on the same line.")
                        .formatted(plan.command(), first.line(), wanted));
            }
        } else if (stopsAt.isPresent()) {
            return refused(original, ("WSL stops reading %s at line %d, which it cannot read, so a boot command added to it would never run."
                    + " Repair that line first (the check of %s offers it), then apply this fix again. Nothing was changed.")
                    .formatted(file, stopsAt.getAsInt(), file));
        } else if (original.length == 0) {
            // a new file of the distro's: Linux line breaks (newline() would pick Windows' for a file without any)
            String setting = "command = " + plan.command();
            updated = SettingsDocument.decode(("[boot]\n" + setting + "\n").getBytes(StandardCharsets.UTF_8)).orElseThrow();
            notes.add("Creates %s with a [boot] section holding %s.".formatted(file, setting));
        } else {
            updated = add(lines, "command = " + plan.command(), notes);
        }
        notes.add(("WSL runs it as root every time the distro starts; until then, this sets it at once: %s. WSL may set the MTU"
                + " again when Windows' network changes (a VPN connecting); the next start of the distro puts %s back.")
                .formatted(plan.nowCommand(), plan.mtu()));
        byte[] bytes = updated.toBytes();
        return new EditResult(bytes, !Arrays.equals(bytes, original), notes, List.of());
    }

    /**
     * The new value as written: ours in front of the old value exactly as it was written (its quotes
     * and escapes are kept, so theirs reads back unchanged), or ours alone.
     */
    private static String writtenValue(Entry entry, FixPlan.DistroMtuAtBoot plan) {
        var setting = entry.setting();
        String seen = entry.text().substring(entry.prefix());
        String written = seen.substring(setting.valueStart() - entry.prefix(), setting.valueEnd() - entry.prefix());
        // withValue keeps the quotes around the old value: what goes between them is written as is
        if (written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")) {
            written = written.substring(1, written.length() - 1);
        }
        String theirsWritten = withoutOurs(written, plan.device());
        return theirsWritten.isBlank() || withoutOurs(setting.value(), plan.device()).isBlank() ? plan.command()
                : plan.command() + SEPARATOR + theirsWritten;
    }

    private static SettingsDocument add(ConfigLines lines, String setting, List<String> notes) {
        OptionalInt inSection = lines.endOfSection("boot");
        if (inSection.isPresent()) {
            int at = inSection.getAsInt();
            notes.add("Adds %s to [boot] (line %d).".formatted(setting, at + 1));
            return lines.document().inserting(at, setting);
        }
        SettingsDocument updated = lines.document();
        int at = lines.endOfFile();
        if (at > 0 && !updated.isBlank(at - 1)) {
            updated = updated.inserting(at++, "");
        }
        updated = updated.inserting(at, "[boot]").inserting(at + 1, setting);
        notes.add(lines.endOfFile() == 0 && updated.lines().size() == 2 ? "Adds a [boot] section with %s as the only lines of the file.".formatted(setting)
                : "Adds a [boot] section with %s at the end of the file (line %d).".formatted(setting, at + 2));
        return updated;
    }

    private static EditResult refused(byte[] original, String conflict) {
        return new EditResult(original, false, List.of(), List.of(conflict));
    }
}
