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
import dev.netdoctor.config.RawLines.Line;
import dev.netdoctor.config.SettingsDocument;
import dev.netdoctor.config.TextEncoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Rewrites the lines of .wslconfig or /etc/wsl.conf that WSL reads differently from how they
 * look, the way {@link ConfigReader} says WSL would read what was meant: one kind of finding at a
 * time, every line of that kind at once. A pure edit of the file's bytes through the one settings
 * editor ({@link SettingsDocument}): lines it does not repair keep their bytes and their line
 * breaks, the file keeps its encoding unless the repair is the encoding; nothing is deleted that
 * is not moved, and a dropped line stays as a {@code #} comment.
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
        Optional<SettingsDocument> decoded = SettingsDocument.decode(original);
        if (decoded.isEmpty()) {
            return new EditResult(original, false, List.of(), List.of("The file holds bytes that are not "
                    + reading.encoding().display() + " text, so it cannot be rewritten without losing some. Open it in Notepad"
                    + " and save it with the encoding \"UTF-8\"."));
        }
        if (repairs.stream().anyMatch(r -> r instanceof Reencode)) {
            byte[] utf8 = decoded.get().withEncoding(TextEncoding.UTF8).toBytes();
            return new EditResult(utf8, true, List.of("Rewrites the file as UTF-8 (it was " + reading.encoding().display()
                    + "), the same text, so WSL can read it. Check it again afterwards: its settings are read for the first time."),
                    List.of());
        }
        List<String> notes = new ArrayList<>();
        SettingsDocument document = decoded.get();
        if (repairs.stream().anyMatch(r -> r instanceof DropBom)) {
            document = document.withEncoding(TextEncoding.UTF8);
            notes.add("Removes the byte order mark at the start of the file (it was saved as \"UTF-8 with BOM\"): the distro reads"
                    + " it as part of line 1 and stops there.");
        }
        document = applyInPlace(document, repairs, notes, issues);
        document = applyMoves(file, document, repairs, notes);
        notes.addAll(byHand);
        notes.add(file == ConfigFileKind.WSLCONFIG ? WslConfigEdit.RESTART_NOTE
                : "The distro reads /etc/wsl.conf when it starts: restart WSL from Windows (wsl --shutdown) for it to count.");
        byte[] bytes = document.toBytes();
        return new EditResult(bytes, !Arrays.equals(bytes, original), notes, List.of());
    }

    private static SettingsDocument applyInPlace(SettingsDocument document, List<Repair> repairs, List<String> notes,
                                                 List<ConfigIssue> issues) {
        SettingsDocument updated = document;
        for (Repair repair : repairs) {
            switch (repair) {
                case Replace(int line, String text) -> {
                    String old = updated.lines().get(line - 1).text();
                    updated = updated.replacing(line - 1, text);
                    notes.add("Line %d: %s becomes %s.".formatted(line, ConfigReader.readable(old).strip(),
                            ConfigReader.readable(text).strip()));
                }
                case CommentOut(int line, int lastLine) -> {
                    updated = updated.commentingOut(line - 1, lastLine - 1);
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
    private static SettingsDocument applyMoves(ConfigFileKind file, SettingsDocument document, List<Repair> repairs, List<String> notes) {
        List<Move> moves = repairs.stream().filter(r -> r instanceof Move).map(r -> (Move) r).toList();
        if (moves.isEmpty()) {
            return document;
        }
        SettingsDocument updated = document;
        for (Move move : moves) {
            for (int i = move.line(); i <= move.lastLine(); i++) {
                updated = updated.replacing(i - 1, PLACEHOLDER);
            }
        }
        for (Move move : moves) {
            var lines = ConfigReader.lines(file, updated);
            OptionalInt at = lines.endOfSection(move.section());
            if (at.isPresent()) {
                updated = updated.inserting(at.getAsInt(), move.text());
                notes.add("Line %d: %s moves into [%s], where WSL reads it.".formatted(move.line(), ConfigReader.readable(move.text()), move.section()));
            } else {
                int end = lines.endOfFile();
                boolean nothingElse = updated.lines().subList(0, end).stream().allMatch(l -> l.text().equals(PLACEHOLDER));
                if (!nothingElse && end > 0 && !updated.isBlank(end - 1)) {
                    updated = updated.inserting(end++, "");
                }
                updated = updated.inserting(end, "[" + move.section() + "]").inserting(end + 1, move.text());
                notes.add("Line %d: %s moves into a new [%s] section at the end of the file, where WSL reads it."
                        .formatted(move.line(), ConfigReader.readable(move.text()), move.section()));
            }
        }
        List<Line> kept = new ArrayList<>();
        for (Line line : updated.lines()) {
            if (!line.text().equals(PLACEHOLDER)) {
                kept.add(line);
            } else if (line.ending().isEmpty() && !kept.isEmpty()) {
                // the last line had no line break: the line that is now last keeps it that way
                kept.set(kept.size() - 1, new Line(kept.getLast().text(), ""));
            }
        }
        return new SettingsDocument(updated.encoding(), kept);
    }

    /** Stands for a moved line until the move is done; a NUL, which WSL reads as no setting at all. */
    private static final String PLACEHOLDER = "\0moved";
}
