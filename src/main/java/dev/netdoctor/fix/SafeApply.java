// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.TextEncoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Writes a config file so that nothing can be lost: preview (diff) → re-read and compare hash
 * (refuse if the file changed meanwhile) → temp file in the same folder → fsync → check the
 * temp with the oracle → backup (timestamped, 0600, never overwritten) → atomic move →
 * restore permissions and owner → check again → undo record. Any failure leaves the original
 * bytes in place. The same on this computer and in a WSL distro: {@link ConfigFiles} says where.
 */
public final class SafeApply {
    public static final int MAX_BYTES = 1024 * 1024;
    static final String BACKUP_INFIX = ".wsl-net-doctor-";
    static final String UNDO_SUFFIX = ".undo";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ConfigFiles files;
    private final Clock clock;

    public SafeApply(ConfigFiles files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    /** What would be written, and where (a symlinked config is followed to its target). */
    public record Preview(String requested, String file, boolean existed, byte[] original, String originalSha256,
                          EditResult edit, String diff) {
    }

    /** What was done: {@code backup} is null when the file did not exist before. */
    public record Applied(String file, String backup, String undoRecord, Verifier.Verdict verdict) {
    }

    public Preview preview(String requested, Function<byte[], EditResult> edit) throws FixException, InterruptedException {
        String file = resolve(requested);
        Optional<byte[]> now = read(file);
        byte[] original = now.orElse(new byte[0]);
        if (!isText(original)) {
            throw FixException.badInput(files.where(file) + " is not a text file (it holds NUL bytes that are not UTF-16);"
                    + " no config file looks like that. Nothing was changed.");
        }
        EditResult result = edit.apply(original);
        String name = files.name(file);
        String diff = UnifiedDiff.of("a/" + name, original, "b/" + name, result.updated());
        return new Preview(requested, file, now.isPresent(), original, sha256(original), result, diff);
    }

    /**
     * Whether these bytes can be a config file: a NUL byte belongs only in UTF-16 (which the
     * .wslconfig editors handle); anywhere else it means a binary file was named by mistake.
     */
    public static boolean isText(byte[] bytes) {
        if (TextEncoding.detect(bytes).isUtf16()) {
            return true;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    public Applied apply(Preview preview, Verifier verifier) throws FixException, InterruptedException {
        if (!preview.edit().applicable()) {
            throw new FixException("Not applied: " + String.join(" ", preview.edit().conflicts()));
        }
        String file = preview.file();
        byte[] now = read(file).orElse(null);
        boolean unchanged = preview.existed() ? now != null && sha256(now).equals(preview.originalSha256()) : now == null;
        if (!unchanged) {
            throw new FixException("Not applied: " + files.where(file) + " changed since the preview was made. Look at it again and retry.");
        }
        if (!preview.edit().changed()) {
            return new Applied(file, null, null, Verifier.Verdict.passed("nothing to change"));
        }
        createFolder(files.folder(file));
        ConfigFiles.Access access = preview.existed() ? access(file) : ConfigFiles.Access.PRIVATE;
        String temp = writeTemp(file, preview.edit().updated(), access);
        boolean moved = false;
        String backup;
        try {
            Verifier.Verdict before = verifier.verify(temp);
            if (!before.ok()) {
                // the check speaks of the user's file, not of the temporary copy it read
                throw new FixException("Not applied, nothing was written: " + before.message());
            }
            // the backup only once the change will be made: a refused fix leaves no file behind
            backup = preview.existed() ? backup(file, preview.original()) : null;
            move(temp, file);
            moved = true;
        } finally {
            if (!moved) {
                quietDelete(temp); // removed after a refusal; after the move it is the file
            }
        }
        Verifier.Verdict after = verifier.verify(file);
        if (!after.ok()) {
            restore(file, preview.existed() ? preview.original() : null, access);
            throw new FixException("Rolled back: after writing, the check failed: " + after.message()
                    + " The original file is back in place" + (backup == null ? "." : " (also kept as " + files.where(backup) + ")."));
        }
        String undo = undoRecord(file, backup, preview.original(), preview.edit().updated());
        return new Applied(file, backup, undo, after);
    }

    /**
     * Restores the bytes a fix replaced, from its backup (or removes a file the fix created).
     * Refuses when the file changed after the fix, since restoring would lose those changes.
     */
    public String undo(String backupOrRecord) throws FixException, InterruptedException {
        String record = backupOrRecord.endsWith(UNDO_SUFFIX) ? backupOrRecord : backupOrRecord + UNDO_SUFFIX;
        Properties p = new Properties();
        try {
            Optional<byte[]> bytes = files.read(record, MAX_BYTES);
            if (bytes.isEmpty()) {
                throw new IOException("not there");
            }
            p.load(new java.io.ByteArrayInputStream(bytes.get()));
        } catch (IOException | IllegalArgumentException e) {
            if (readsBack(record + ".done")) {
                throw FixException.badInput("Already undone: " + files.where(backupOrRecord) + " was put back before ("
                        + record + ".done); nothing was changed.");
            }
            throw FixException.badInput("No undo record for " + files.where(backupOrRecord) + " (expected " + record + ").");
        }
        String file = p.getProperty("file");
        String written = p.getProperty("writtenSha256");
        String backupName = p.getProperty("backup", "");
        if (file == null || written == null) {
            throw new FixException("The undo record " + files.where(record) + " is incomplete; nothing was changed.");
        }
        requireBesideTheFile(record, bytes(record), file, backupName);
        byte[] current = read(file).orElse(null);
        if (current == null || !sha256(current).equals(written)) {
            throw new FixException("Not undone: " + files.where(file) + " changed after the fix; restoring would lose those changes. "
                    + (backupName.isEmpty() ? "" : "The original is still in " + backupName + "."));
        }
        byte[] original = null;
        if (!backupName.isEmpty()) {
            original = read(backupName).orElseThrow(() -> new FixException("Not undone: the backup " + files.where(backupName)
                    + " is gone; " + file + " was left as it is."));
            String kept = p.getProperty("backupSha256");
            if (kept != null && !sha256(original).equals(kept)) {
                throw new FixException("Not undone: the backup " + files.where(backupName) + " was changed after the fix, so it no"
                        + " longer holds the bytes the fix replaced; " + files.where(file) + " was left as it is.");
            }
        }
        restore(file, original, access(file));
        try {
            files.replace(record, record + ".done");
        } catch (IOException e) {
            // the restore itself succeeded; a second undo will refuse on the hash anyway
        }
        return file;
    }

    private boolean readsBack(String path) throws InterruptedException {
        try {
            return files.read(path, 1).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private byte[] bytes(String path) throws FixException, InterruptedException {
        try {
            return files.read(path, MAX_BYTES).orElse(new byte[0]);
        } catch (IOException e) {
            throw new FixException("Cannot read " + files.where(path) + ": " + e.getMessage(), e);
        }
    }

    /**
     * A fix keeps its backup and its record next to the file, named after it; a record that names
     * a file elsewhere, or a backup that is not one of ours, was not written by a fix and could
     * make undo overwrite or delete any file: refused, nothing changed.
     */
    private void requireBesideTheFile(String record, byte[] recordBytes, String file, String backup)
            throws FixException, InterruptedException {
        String prefix = files.name(file) + BACKUP_INFIX;
        String refusal = "Not undone: " + files.where(record) + " does not belong to a fix of " + files.where(file)
                + " (a fix keeps its undo record and backup next to the file, named after it); nothing was changed.";
        if (!files.name(record).startsWith(prefix)
                || !java.util.Arrays.equals(bytes(files.sibling(file, files.name(record))), recordBytes)) {
            throw new FixException(refusal);
        }
        if (!backup.isEmpty() && (!files.name(backup).startsWith(prefix) || !files.name(backup).endsWith(".bak")
                || !files.sibling(file, files.name(backup)).equals(backup))) {
            throw new FixException(refusal);
        }
    }

    private String resolve(String requested) throws FixException, InterruptedException {
        if (requested == null || requested.isBlank()) {
            throw FixException.badInput("No file was named: give the path of the config file.");
        }
        ConfigFiles.Found found;
        try {
            found = files.find(requested);
        } catch (IOException e) {
            throw new FixException("Cannot look at " + files.where(requested) + ": " + e.getMessage(), e);
        }
        String shown = files.where(requested);
        return switch (found.kind()) {
            case BROKEN_LINK -> throw FixException.badInput(shown + " is a link to a file that does not exist; fix or remove the link first.");
            case NOT_A_FILE -> throw FixException.badInput(shown + " is not a regular file; refusing to touch it.");
            case UNREADABLE -> throw new FixException(shown + " cannot be read (permissions); refusing to touch it.");
            case FILE, MISSING -> found.file();
        };
    }

    /** The file's bytes, empty when it does not exist; refuses files over 1 MiB. */
    private Optional<byte[]> read(String file) throws FixException, InterruptedException {
        Optional<byte[]> bytes;
        try {
            bytes = files.read(file, MAX_BYTES + 1);
        } catch (IOException e) {
            throw new FixException("Cannot read " + files.where(file) + ": " + e.getMessage(), e);
        }
        if (bytes.isPresent() && bytes.get().length > MAX_BYTES) {
            throw new FixException(files.where(file) + " is larger than 1 MiB; that is not a config file we will edit.");
        }
        return bytes;
    }

    private void createFolder(String dir) throws FixException, InterruptedException {
        try {
            files.createFolder(dir);
        } catch (IOException e) {
            throw new FixException("Cannot create " + files.where(dir) + ": " + e.getMessage(), e);
        }
    }

    private String backup(String file, byte[] original) throws FixException, InterruptedException {
        String base = files.name(file) + BACKUP_INFIX + STAMP.format(clock.instant());
        for (int n = 0; n < 100; n++) {
            String candidate = files.sibling(file, base + (n == 0 ? "" : "-" + n) + ".bak");
            try {
                files.createNew(candidate, original);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // never overwrite a backup: take the next name
            } catch (IOException e) {
                throw new FixException("Not applied: the backup " + files.where(candidate) + " could not be written (" + e.getMessage()
                        + "). Nothing was changed.", e);
            }
        }
        throw new FixException("Not applied: too many backups with the same time stamp next to " + files.where(file) + ".");
    }

    private String writeTemp(String file, byte[] bytes, ConfigFiles.Access access) throws FixException, InterruptedException {
        try {
            return files.writeTemp(file, bytes, access);
        } catch (IOException e) {
            throw new FixException("Not applied: the new file could not be written next to " + files.where(file) + " (" + e.getMessage()
                    + "). Nothing was changed.", e);
        }
    }

    private void move(String temp, String file) throws FixException, InterruptedException {
        try {
            files.replace(temp, file);
        } catch (AtomicMoveNotSupportedException e) {
            throw new FixException("Not applied: this file system cannot replace " + files.where(file) + " atomically.", e);
        } catch (IOException e) {
            throw new FixException("Not applied: " + files.where(file) + " could not be replaced (" + e.getMessage()
                    + "). The original is untouched.", e);
        }
    }

    /** Puts {@code original} back (or removes the file when there was none), atomically. */
    private void restore(String file, byte[] original, ConfigFiles.Access access) throws FixException, InterruptedException {
        if (original == null) {
            try {
                files.delete(file);
            } catch (IOException e) {
                throw new FixException("Could not restore " + files.where(file) + ": " + e.getMessage(), e);
            }
            return;
        }
        String temp = writeTemp(file, original, access);
        boolean moved = false;
        try {
            move(temp, file);
            moved = true;
        } finally {
            if (!moved) {
                quietDelete(temp);
            }
        }
    }

    private String undoRecord(String file, String backup, byte[] original, byte[] written) throws FixException, InterruptedException {
        String record = backup != null ? backup + UNDO_SUFFIX
                : files.sibling(file, files.name(file) + BACKUP_INFIX + STAMP.format(clock.instant()) + ".created" + UNDO_SUFFIX);
        Properties p = new Properties();
        p.setProperty("file", file);
        p.setProperty("backup", backup == null ? "" : backup);
        p.setProperty("writtenSha256", sha256(written));
        if (backup != null) {
            // What the backup holds, so undo puts back exactly those bytes or nothing.
            p.setProperty("backupSha256", sha256(original));
        }
        p.setProperty("time", clock.instant().toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.store(out, "WSL Net Doctor undo record: wsl-net-doctor undo " + (backup == null ? record : backup));
            files.createNew(record, out.toByteArray());
        } catch (IOException e) {
            throw new FixException("The fix was applied, but its undo record could not be written: " + e.getMessage()
                    + (backup == null ? "" : " The original is kept in " + files.where(backup) + "."), e);
        }
        return record;
    }

    /** Where the local file system keeps no permissions, a new file's are assumed; a distro that cannot answer stops the write. */
    private ConfigFiles.Access access(String file) throws FixException, InterruptedException {
        try {
            return files.access(file);
        } catch (IOException e) {
            throw new FixException("Not applied: the permissions of " + files.where(file) + " could not be read (" + e.getMessage()
                    + "). The original is untouched.", e);
        }
    }

    private void quietDelete(String file) throws InterruptedException {
        try {
            files.delete(file);
        } catch (IOException ignored) {
            // best effort on an already failing path
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
