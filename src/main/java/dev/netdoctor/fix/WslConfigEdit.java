// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.model.NetworkingMode;
import dev.netdoctor.fix.WslConfigScan.Found;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Sets one {@code [wsl2]} setting in WSL's {@code %UserProfile%\.wslconfig}
 * ({@code networkingMode}, {@code dnsTunneling}): a pure edit of the file's bytes that changes
 * nothing but that setting, so the user's diff shows only what matters.
 *
 * <p>Lines are read as WSL reads them ({@link WslConfigSyntax}, {@link WslConfigScan}). The
 * edit leaves exactly one line of the key that WSL honours: the effective one (the first in
 * the file) gets the new value in place, any other is commented out (never deleted), and
 * without one a line is added to the first {@code [wsl2]} section or a new {@code [wsl2]}
 * section is appended. {@code [wsl2]} is where WSL reads both keys (and {@code [experimental]},
 * their old name, too).
 */
public final class WslConfigEdit {
    public static final dev.netdoctor.model.FixId FIX_ID = dev.netdoctor.model.FixId.WSLCONFIG_NETWORKING_MODE;

    /** How a .wslconfig is encoded; only the first two are sure to be read by WSL. */
    public enum Encoding {
        UTF8, UTF8_BOM, UTF16LE, UTF16BE;

        boolean isUtf16() {
            return this == UTF16LE || this == UTF16BE;
        }
    }

    /** A setting to make true: its key, the value written, and which values WSL reads as the same. */
    record Wanted(String key, String value, java.util.function.Predicate<String> holds) {
        static Wanted networkingMode(NetworkingMode mode) {
            return new Wanted(WslConfigScan.NETWORKING_MODE, mode.value(), v -> v.equalsIgnoreCase(mode.value()));
        }

        /** WSL's booleans: true or 1, in any case (WslCoreConfig's bool parsing). */
        static Wanted on(String key) {
            return new Wanted(key, "true", v -> v.equalsIgnoreCase("true") || v.equals("1"));
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

    /** @param original the file's exact bytes (empty array for a missing file) */
    public static EditResult setNetworkingMode(byte[] original, NetworkingMode mode, boolean rewriteUtf16AsUtf8) {
        Objects.requireNonNull(mode, "mode");
        return set(original, Wanted.networkingMode(mode), rewriteUtf16AsUtf8);
    }

    /**
     * Turns on DNS tunneling ({@code dnsTunneling=true} in {@code [wsl2]}): WSL 2.2.1 and later
     * do that by default, so the edit matters where a file (or an old workaround) turned it off,
     * and where an older WSL needs it said.
     */
    public static EditResult setDnsTunneling(byte[] original, boolean rewriteUtf16AsUtf8) {
        return set(original, Wanted.on(WslConfigScan.DNS_TUNNELING), rewriteUtf16AsUtf8);
    }

    private static EditResult set(byte[] original, Wanted wanted, boolean rewriteUtf16AsUtf8) {
        Encoding encoding = detect(original);
        if (!encoding.isUtf16()) {
            return edit(original, encoding == Encoding.UTF8_BOM, wanted, List.of());
        }
        if (!rewriteUtf16AsUtf8 && hasUtf16LeMark(original)) {
            // What Notepad's "Unicode" and PowerShell 5's > write, and what WSL reads (its C library
            // honours the byte order mark): edited in its own encoding, like any other file.
            return utf16ToUtf8(original, encoding)
                    .map(utf8 -> edit(utf8, false, wanted, List.of(UTF16_KEPT)))
                    .map(result -> {
                        byte[] back = utf8ToUtf16Le(result.updated());
                        return new EditResult(back, !Arrays.equals(back, original), result.notes(), result.conflicts());
                    })
                    .orElseGet(() -> refused(original, UTF16_BROKEN));
        }
        if (!rewriteUtf16AsUtf8) {
            return refused(original, UTF16_CONFLICT.replace("networkingMode", wanted.key()));
        }
        return utf16ToUtf8(original, encoding)
                .map(utf8 -> edit(utf8, false, wanted, List.of(UTF16_REWRITTEN)))
                .map(result -> new EditResult(result.updated(), true, result.notes(), result.conflicts()))
                .orElseGet(() -> refused(original, UTF16_BROKEN));
    }

    /**
     * Reads the effective networkingMode WSL would use from these bytes, or empty: the value
     * as WSL reads it (unquoted, lower case, since WSL compares it ignoring case), which may be
     * one WSL rejects and replaces with its default. Empty for UTF-16, which WSL may not read.
     */
    public static Optional<String> effectiveNetworkingMode(byte[] content) {
        return effective(content, WslConfigScan.NETWORKING_MODE);
    }

    /** The same for dnsTunneling: the value WSL reads (lower case), or empty when the file does not set it. */
    public static Optional<String> effectiveDnsTunneling(byte[] content) {
        return effective(content, WslConfigScan.DNS_TUNNELING);
    }

    private static Optional<String> effective(byte[] content, String key) {
        Encoding encoding = detect(content);
        if (hasUtf16LeMark(content)) {
            return utf16ToUtf8(content, encoding).flatMap(utf8 -> effective(utf8, key));
        }
        if (encoding.isUtf16()) {
            return Optional.empty();
        }
        WslConfigDocument document = WslConfigDocument.of(content, encoding == Encoding.UTF8_BOM);
        return WslConfigScan.of(document.lines(), key).effective()
                .map(found -> readable(found.setting().value()).toLowerCase(Locale.ROOT));
    }

    /**
     * A byte order mark decides; without one, text that is mostly ASCII in UTF-16 shows itself
     * by a NUL in every other byte (Notepad's "Unicode" and PowerShell 5's {@code >} write that).
     */
    public static Encoding detect(byte[] content) {
        if (startsWith(content, WslConfigDocument.UTF8_BOM)) {
            return Encoding.UTF8_BOM;
        }
        if (startsWith(content, (byte) 0xFF, (byte) 0xFE)) {
            return Encoding.UTF16LE;
        }
        if (startsWith(content, (byte) 0xFE, (byte) 0xFF)) {
            return Encoding.UTF16BE;
        }
        if (mostlyNulAt(content, 1)) {
            return Encoding.UTF16LE;
        }
        return mostlyNulAt(content, 0) ? Encoding.UTF16BE : Encoding.UTF8;
    }

    private static EditResult edit(byte[] utf8, boolean bom, Wanted wanted, List<String> earlierNotes) {
        WslConfigDocument document = WslConfigDocument.of(utf8, bom);
        WslConfigScan scan = WslConfigScan.of(document.lines(), wanted.key());
        List<String> notes = new ArrayList<>(earlierNotes);
        WslConfigDocument updated = scan.effective()
                .map(effective -> keepOnly(document, scan, effective, wanted, notes))
                .orElseGet(() -> add(document, scan, wanted, notes));
        notes.add(RESTART_NOTE);
        byte[] bytes = updated.toBytes();
        return new EditResult(bytes, !Arrays.equals(bytes, utf8), notes, List.of());
    }

    private static WslConfigDocument keepOnly(WslConfigDocument document, WslConfigScan scan, Found effective,
                                              Wanted wanted, List<String> notes) {
        WslConfigDocument updated = document;
        String oldValue = effective.setting().value();
        String key = wanted.key();
        if (wanted.holds().test(readable(oldValue))) {
            notes.add("%s is already set to %s in [%s] (line %d)."
                    .formatted(key, wanted.value(), effective.section(), effective.lineNumber()));
        } else {
            updated = updated.replacing(effective.index(), withValue(document.lines().get(effective.index()),
                    effective, wanted.value()));
            notes.add("Changes %s from %s to %s in [%s] (line %d)."
                    .formatted(key, describe(oldValue), wanted.value(), effective.section(), effective.lineNumber()));
        }
        for (Found other : scan.settings()) {
            if (other.index() != effective.index()) {
                updated = updated.replacing(other.index(), document.lines().get(other.index()).commentedOut());
                notes.add(("Comments out line %d (%s set to %s in [%s]) by putting \"# \" in front of"
                        + " it, so that only one %s setting counts. The line itself is kept.")
                        .formatted(other.lineNumber(), key, describe(other.setting().value()), other.section(), key));
            }
        }
        return updated;
    }

    /** Keeps the key's spelling, the spacing, a trailing comment, and quotes if the old value had them. */
    private static WslConfigLine withValue(WslConfigLine line, Found found, String newValue) {
        String content = line.content();
        int start = found.setting().valueStart();
        int end = found.setting().valueEnd();
        boolean quoted = end - start >= 2 && content.charAt(start) == '"' && content.charAt(end - 1) == '"';
        String value = quoted ? '"' + newValue + '"' : newValue;
        return new WslConfigLine(content.substring(0, start) + value + content.substring(end), line.ending());
    }

    private static WslConfigDocument add(WslConfigDocument document, WslConfigScan scan, Wanted wanted,
                                         List<String> notes) {
        String setting = wanted.key() + "=" + wanted.value();
        if (scan.insertionPoint().isPresent()) {
            int at = scan.insertionPoint().getAsInt();
            notes.add("Adds %s to [wsl2] (line %d).".formatted(setting, at + 1));
            return document.inserting(at, setting);
        }
        WslConfigDocument updated = document;
        if (!updated.lines().isEmpty() && !updated.endsWithBlankLine()) {
            updated = updated.appending("");
        }
        updated = updated.appending("[" + WslConfigScan.WSL2 + "]").appending(setting);
        notes.add("Adds a [wsl2] section with %s at the end of the file (line %d)."
                .formatted(setting, updated.lines().size()));
        return updated;
    }

    private static EditResult refused(byte[] original, String conflict) {
        return new EditResult(original, false, List.of(), List.of(conflict));
    }

    /** UTF-16 LE with its byte order mark: the one UTF-16 that WSL reads. */
    static boolean hasUtf16LeMark(byte[] content) {
        return startsWith(content, (byte) 0xFF, (byte) 0xFE);
    }

    private static byte[] utf8ToUtf16Le(byte[] utf8) {
        byte[] text = new String(utf8, UTF_8).getBytes(UTF_16LE);
        byte[] out = new byte[text.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(text, 0, out, 2, text.length);
        return out;
    }

    private static Optional<byte[]> utf16ToUtf8(byte[] content, Encoding encoding) {
        boolean bom = startsWith(content, (byte) 0xFF, (byte) 0xFE) || startsWith(content, (byte) 0xFE, (byte) 0xFF);
        Charset charset = encoding == Encoding.UTF16LE ? UTF_16LE : UTF_16BE;
        ByteBuffer text = ByteBuffer.wrap(content, bom ? 2 : 0, content.length - (bom ? 2 : 0));
        try {
            // Strict decoding: a lossy conversion would silently damage the user's file.
            String decoded = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(text)
                    .toString();
            return Optional.of(decoded.getBytes(UTF_8));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Half or more of the two-byte units have their NUL on this side and a character on the other. */
    private static boolean mostlyNulAt(byte[] content, int nulSide) {
        int units = content.length / 2;
        int asciiLike = 0;
        for (int unit = 0; unit < units; unit++) {
            byte nul = content[2 * unit + nulSide];
            byte other = content[2 * unit + 1 - nulSide];
            if (nul == 0 && other != 0) {
                asciiLike++;
            }
        }
        return units > 0 && 2 * asciiLike >= units;
    }

    private static boolean startsWith(byte[] content, byte... prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String describe(String value) {
        return value.isBlank() ? "an empty value" : readable(value);
    }

    /** Lines are held as ISO-8859-1; shown to people, their bytes are UTF-8 again. */
    private static String readable(String latin1) {
        return new String(latin1.getBytes(ISO_8859_1), UTF_8);
    }
}
