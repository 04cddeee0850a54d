// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.ConfigIssue;
import dev.netdoctor.config.ConfigIssue.CommentOut;
import dev.netdoctor.config.ConfigIssue.DropBom;
import dev.netdoctor.config.ConfigIssue.Kind;
import dev.netdoctor.config.ConfigIssue.Move;
import dev.netdoctor.config.ConfigIssue.Reencode;
import dev.netdoctor.config.ConfigIssue.Repair;
import dev.netdoctor.config.ConfigIssue.Replace;
import dev.netdoctor.config.ConfigReader;
import dev.netdoctor.config.ConfigReading;
import dev.netdoctor.config.TextEncoding;
import dev.netdoctor.config.WslConfigSyntax;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Rewrites the lines of .wslconfig or /etc/wsl.conf that WSL reads differently from how they
 * look, the way {@link ConfigReader} says WSL would read what was meant: one kind of finding at a
 * time, every line of that kind at once. A pure edit of the file's bytes: lines it does not repair
 * keep their bytes and their line breaks; nothing is deleted that is not moved, and a dropped
 * line stays as a {@code #} comment.
 */
public final class ConfigRepairEdit {

    private ConfigRepairEdit() {
    }

    /** @param original the file's exact bytes */
    public static EditResult repair(ConfigFileKind file, Kind kind, byte[] original) {
        ConfigReading reading = ConfigReader.read(file, original);
        List<ConfigIssue> issues = reading.issues(kind);
        if (issues.isEmpty()) {
            return new EditResult(original, false, List.of("WSL reads " + file.display() + " as it looks here: nothing to rewrite."), List.of());
        }
        List<Repair> repairs = issues.stream().flatMap(i -> i.repairs().stream()).toList();
        List<String> byHand = issues.stream().filter(i -> i.repairs().isEmpty())
                .map(i -> "Line " + i.line() + " (" + i.text() + "): " + i.what() + " There is no safe rewrite; change it by hand.").toList();
        if (repairs.isEmpty()) {
            return new EditResult(original, false, List.of(), byHand);
        }
        List<String> notes = new ArrayList<>();
        if (repairs.stream().anyMatch(r -> r instanceof Reencode)) {
            return reencoded(original, reading.encoding())
                    .map(utf8 -> new EditResult(utf8, true, List.of("Rewrites the file as UTF-8 (it was " + reading.encoding().display()
                            + "), the same text, so WSL can read it. Check it again afterwards: its settings are read for the first time."),
                            List.of()))
                    .orElseGet(() -> new EditResult(original, false, List.of(), List.of("The file holds bytes that are not "
                            + reading.encoding().display() + " text, so it cannot be rewritten without losing some. Open it in Notepad"
                            + " and save it with the encoding \"UTF-8\".")));
        }
        byte[] start = original;
        boolean bom = TextEncoding.detect(original) == TextEncoding.UTF8_BOM && file == ConfigFileKind.WSLCONFIG;
        if (reading.encoding() == TextEncoding.UTF16LE_BOM) {
            Optional<byte[]> utf8 = reencoded(original, reading.encoding());
            if (utf8.isEmpty()) {
                return new EditResult(original, false, List.of(), List.of("The file is UTF-16 with bytes that are not text; save it as UTF-8 first."));
            }
            start = utf8.get();
            notes.add("The file was UTF-16 (\"Unicode\"); it is written back as UTF-8 with the same text, which WSL reads too.");
        }
        if (repairs.stream().anyMatch(r -> r instanceof DropBom)) {
            start = Arrays.copyOfRange(start, 3, start.length);
            notes.add("Removes the byte order mark at the start of the file (it was saved as \"UTF-8 with BOM\"): the distro reads"
                    + " it as part of line 1 and stops there.");
        }
        WslConfigDocument document = WslConfigDocument.of(start, bom);
        document = applyInPlace(document, repairs, notes, issues);
        document = applyMoves(document, repairs, notes);
        notes.addAll(byHand);
        notes.add(file == ConfigFileKind.WSLCONFIG ? WslConfigEdit.RESTART_NOTE
                : "The distro reads /etc/wsl.conf when it starts: restart WSL from Windows (wsl --shutdown) for it to count.");
        byte[] bytes = document.toBytes();
        return new EditResult(bytes, !Arrays.equals(bytes, original), notes, List.of());
    }

    private static WslConfigDocument applyInPlace(WslConfigDocument document, List<Repair> repairs, List<String> notes,
                                                  List<ConfigIssue> issues) {
        WslConfigDocument updated = document;
        for (Repair repair : repairs) {
            switch (repair) {
                case Replace(int line, String text) -> {
                    WslConfigLine old = updated.lines().get(line - 1);
                    updated = updated.replacing(line - 1, new WslConfigLine(text, old.ending()));
                    notes.add("Line %d: %s becomes %s.".formatted(line, ConfigReader.readable(old.content()).strip(),
                            ConfigReader.readable(text).strip()));
                }
                case CommentOut(int line, int lastLine) -> {
                    for (int i = line; i <= lastLine; i++) {
                        updated = updated.replacing(i - 1, updated.lines().get(i - 1).commentedOut());
                    }
                    notes.add("Line %d: %s. It is kept as a # comment, so the file shows what WSL uses."
                            .formatted(line, why(issues, line)));
                }
                default -> {
                }
            }
        }
        return updated;
    }

    private static String why(List<ConfigIssue> issues, int line) {
        return issues.stream().filter(i -> i.line() == line).findFirst()
                .map(i -> i.kind() == Kind.DUPLICATE_KEY ? "WSL ignores this second " + i.key() : "WSL does not use this line")
                .orElse("WSL does not use this line");
    }

    /**
     * Moved lines first make way for a placeholder (so the file keeps its line breaks and its
     * numbering while the moved text joins its section in file order), then the placeholders go.
     */
    private static WslConfigDocument applyMoves(WslConfigDocument document, List<Repair> repairs, List<String> notes) {
        List<Move> moves = repairs.stream().filter(r -> r instanceof Move).map(r -> (Move) r).toList();
        if (moves.isEmpty()) {
            return document;
        }
        WslConfigDocument updated = document;
        for (Move move : moves) {
            for (int i = move.line(); i <= move.lastLine(); i++) {
                updated = updated.replacing(i - 1, new WslConfigLine(PLACEHOLDER, updated.lines().get(i - 1).ending()));
            }
        }
        for (Move move : moves) {
            Optional<Integer> at = insertionPoint(updated, move.section());
            if (at.isPresent()) {
                updated = updated.inserting(at.get(), move.text());
                notes.add("Line %d: %s moves into [%s], where WSL reads it.".formatted(move.line(), ConfigReader.readable(move.text()), move.section()));
            } else {
                boolean nothingElse = updated.lines().stream().allMatch(l -> l.content().equals(PLACEHOLDER));
                if (!nothingElse && !updated.endsWithBlankLine()) {
                    updated = updated.appending("");
                }
                updated = updated.appending("[" + move.section() + "]").appending(move.text());
                notes.add("Line %d: %s moves into a new [%s] section at the end of the file, where WSL reads it."
                        .formatted(move.line(), ConfigReader.readable(move.text()), move.section()));
            }
        }
        List<WslConfigLine> kept = new ArrayList<>();
        for (WslConfigLine line : updated.lines()) {
            if (!line.content().equals(PLACEHOLDER)) {
                kept.add(line);
            } else if (line.ending().isEmpty() && !kept.isEmpty()) {
                // the last line had no line break: the line that is now last keeps it that way
                kept.set(kept.size() - 1, kept.getLast().withEnding(""));
            }
        }
        return new WslConfigDocument(updated.bom(), kept);
    }

    /** Stands for a moved line until the move is done; a NUL, which WSL reads as no setting at all. */
    private static final String PLACEHOLDER = "\0moved";

    /** Right after the last setting of the first {@code [section]} header WSL reads as that section. */
    private static Optional<Integer> insertionPoint(WslConfigDocument document, String section) {
        List<WslConfigLine> lines = document.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (WslConfigSyntax.parse(lines.get(i).content()) instanceof WslConfigSyntax.Header(String name) && name.equalsIgnoreCase(section)) {
                int after = i;
                for (int j = i + 1; j < lines.size(); j++) {
                    WslConfigSyntax.Parsed parsed = WslConfigSyntax.parse(lines.get(j).content());
                    if (parsed instanceof WslConfigSyntax.Header || parsed instanceof WslConfigSyntax.BrokenHeader) {
                        break;
                    }
                    if (parsed instanceof WslConfigSyntax.Setting) {
                        after = j;
                    }
                }
                return Optional.of(after + 1);
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> reencoded(byte[] content, TextEncoding encoding) {
        boolean bom = encoding == TextEncoding.UTF16LE_BOM || encoding == TextEncoding.UTF16BE_BOM;
        Charset charset = encoding == TextEncoding.UTF16LE || encoding == TextEncoding.UTF16LE_BOM ? UTF_16LE : UTF_16BE;
        try {
            // Strict: a lossy conversion would silently damage the user's file.
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, bom ? 2 : 0, content.length - (bom ? 2 : 0))).toString();
            return Optional.of(text.getBytes(UTF_8));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** For messages: raw text as people read it. */
    static String shown(String raw) {
        return new String(raw.getBytes(ISO_8859_1), UTF_8);
    }
}
