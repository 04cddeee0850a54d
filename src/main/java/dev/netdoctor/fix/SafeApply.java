package dev.netdoctor.fix;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a config file so that nothing can be lost: preview (diff) → re-read and compare hash
 * (refuse if the file changed meanwhile) → backup (timestamped, 0600, never overwritten) →
 * temp file in the same folder → fsync → check the temp with the oracle → atomic move →
 * restore permissions and owner → check again → undo record. Any failure leaves the original
 * bytes in place.
 */
public final class SafeApply {
    public static final long MAX_BYTES = 1024 * 1024;
    static final String BACKUP_INFIX = ".wsl-net-doctor-";
    static final String UNDO_SUFFIX = ".undo";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    private final Clock clock;

    public SafeApply(Clock clock) {
        this.clock = clock;
    }

    /** What would be written, and where (a symlinked config is followed to its target). */
    public record Preview(Path requested, Path file, boolean existed, byte[] original, String originalSha256,
                          EditResult edit, String diff) {
    }

    /** What was done: {@code backup} is null when the file did not exist before. */
    public record Applied(Path file, Path backup, Path undoRecord, Verifier.Verdict verdict) {
    }

    public Preview preview(Path requested, Function<byte[], EditResult> edit) throws FixException {
        Path file = resolve(requested);
        boolean exists = Files.exists(file);
        byte[] original = exists ? read(file) : new byte[0];
        EditResult result = edit.apply(original);
        String diff = UnifiedDiff.of("a/" + file.getFileName(), original, "b/" + file.getFileName(), result.updated());
        return new Preview(requested, file, exists, original, sha256(original), result, diff);
    }

    public Applied apply(Preview preview, Verifier verifier) throws FixException, InterruptedException {
        if (!preview.edit().applicable()) {
            throw new FixException("Not applied: " + String.join(" ", preview.edit().conflicts()));
        }
        Path file = preview.file();
        byte[] now = Files.exists(file) ? read(file) : null;
        boolean unchanged = preview.existed() ? now != null && sha256(now).equals(preview.originalSha256()) : now == null;
        if (!unchanged) {
            throw new FixException("Not applied: " + file + " changed since the preview was made. Look at it again and retry.");
        }
        if (!preview.edit().changed()) {
            return new Applied(file, null, null, Verifier.Verdict.passed("nothing to change"));
        }
        Path dir = file.toAbsolutePath().getParent();
        createFolder(dir);
        Path backup = preview.existed() ? backup(file, preview.original()) : null;
        Set<PosixFilePermission> perms = preview.existed() ? permissions(file) : OWNER_RW;
        UserPrincipal owner = preview.existed() ? owner(file) : null;
        Path temp = writeTemp(dir, file, preview.edit().updated(), perms, owner);
        try {
            Verifier.Verdict before = verifier.verify(temp);
            if (!before.ok()) {
                throw new FixException("Not applied: the check of the new file failed: " + before.message());
            }
            move(temp, file);
        } finally {
            quietDelete(temp); // gone after a successful move; removed after a refusal
        }
        Verifier.Verdict after = verifier.verify(file);
        if (!after.ok()) {
            restore(file, preview.existed() ? preview.original() : null, perms, owner);
            throw new FixException("Rolled back: after writing, the check failed: " + after.message()
                    + " The original file is back in place" + (backup == null ? "." : " (also kept as " + backup + ")."));
        }
        Path undo = undoRecord(file, backup, preview.edit().updated());
        return new Applied(file, backup, undo, after);
    }

    /**
     * Restores the bytes a fix replaced, from its backup (or removes a file the fix created).
     * Refuses when the file changed after the fix, since restoring would lose those changes.
     */
    public Path undo(Path backupOrRecord) throws FixException {
        Path record = backupOrRecord.toString().endsWith(UNDO_SUFFIX) ? backupOrRecord
                : backupOrRecord.resolveSibling(backupOrRecord.getFileName() + UNDO_SUFFIX);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(record)) {
            p.load(in);
        } catch (IOException e) {
            throw new FixException("No undo record for " + backupOrRecord + " (expected " + record + ").");
        }
        Path file = Path.of(p.getProperty("file"));
        String written = p.getProperty("writtenSha256");
        String backupName = p.getProperty("backup", "");
        byte[] current = Files.exists(file) ? read(file) : null;
        if (current == null || !sha256(current).equals(written)) {
            throw new FixException("Not undone: " + file + " changed after the fix; restoring would lose those changes. "
                    + (backupName.isEmpty() ? "" : "The original is still in " + backupName + "."));
        }
        byte[] original = backupName.isEmpty() ? null : read(Path.of(backupName));
        restore(file, original, permissions(file), owner(file));
        try {
            Files.move(record, record.resolveSibling(record.getFileName() + ".done"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the restore itself succeeded; a second undo will refuse on the hash anyway
        }
        return file;
    }

    private static Path resolve(Path requested) throws FixException {
        Path file = requested.toAbsolutePath();
        try {
            if (Files.isSymbolicLink(file)) {
                if (!Files.exists(file)) {
                    throw new FixException(requested + " is a link to a file that does not exist; fix or remove the link first.");
                }
                file = file.toRealPath();
            }
        } catch (IOException e) {
            throw new FixException("Cannot follow " + requested + ": " + e.getMessage(), e);
        }
        if (Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                throw new FixException(requested + " is not a regular file; refusing to touch it.");
            }
            if (!Files.isReadable(file)) {
                throw new FixException(requested + " cannot be read (permissions); refusing to touch it.");
            }
        }
        return file;
    }

    private static byte[] read(Path file) throws FixException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new FixException(file + " is larger than 1 MiB; that is not a config file we will edit.");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new FixException(file + " is larger than 1 MiB; that is not a config file we will edit.");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new FixException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createFolder(Path dir) throws FixException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_RWX));
        } catch (UnsupportedOperationException e) {
            try {
                Files.createDirectories(dir);
            } catch (IOException io) {
                throw new FixException("Cannot create " + dir + ": " + io.getMessage(), io);
            }
        } catch (IOException e) {
            throw new FixException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path backup(Path file, byte[] original) throws FixException {
        String base = file.getFileName() + BACKUP_INFIX + STAMP.format(clock.instant());
        for (int n = 0; n < 100; n++) {
            Path candidate = file.resolveSibling(base + (n == 0 ? "" : "-" + n) + ".bak");
            try {
                writeNew(candidate, original);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                // never overwrite a backup: take the next name
            } catch (IOException e) {
                throw new FixException("Not applied: the backup " + candidate + " could not be written (" + e.getMessage()
                        + "). Nothing was changed.", e);
            }
        }
        throw new FixException("Not applied: too many backups with the same time stamp next to " + file + ".");
    }

    /** Creates a new 0600 file with these bytes and forces them to disk. */
    private static void writeNew(Path path, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(OWNER_RW))) {
            writeAll(ch, bytes);
            ch.force(true);
        } catch (IOException e) {
            if (!(e instanceof FileAlreadyExistsException)) {
                Files.deleteIfExists(path);
            }
            throw e;
        }
    }

    private static void writeAll(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static Path writeTemp(Path dir, Path file, byte[] bytes, Set<PosixFilePermission> perms, UserPrincipal owner)
            throws FixException {
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_RW));
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writeAll(ch, bytes);
                ch.force(true);
            }
            Files.setPosixFilePermissions(temp, perms);
            if (owner != null && !owner.equals(Files.getOwner(temp))) {
                Files.setOwner(temp, owner);
            }
            return temp;
        } catch (IOException e) {
            quietDelete(temp);
            throw new FixException("Not applied: the new file could not be written next to " + file + " (" + e.getMessage()
                    + "). The original is untouched.", e);
        }
    }

    private static void move(Path temp, Path file) throws FixException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncFolder(file.toAbsolutePath().getParent());
        } catch (AtomicMoveNotSupportedException e) {
            throw new FixException("Not applied: this file system cannot replace " + file + " atomically.", e);
        } catch (IOException e) {
            throw new FixException("Not applied: " + file + " could not be replaced (" + e.getMessage() + "). The original is untouched.", e);
        }
    }

    /** Puts {@code original} back (or removes the file when there was none), atomically. */
    private static void restore(Path file, byte[] original, Set<PosixFilePermission> perms, UserPrincipal owner) throws FixException {
        try {
            if (original == null) {
                Files.deleteIfExists(file);
                return;
            }
            Path temp = writeTemp(file.toAbsolutePath().getParent(), file, original, perms, owner);
            try {
                move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new FixException("Could not restore " + file + ": " + e.getMessage(), e);
        }
    }

    private Path undoRecord(Path file, Path backup, byte[] written) throws FixException {
        Path record = backup != null ? backup.resolveSibling(backup.getFileName() + UNDO_SUFFIX)
                : file.resolveSibling(file.getFileName() + BACKUP_INFIX + STAMP.format(clock.instant()) + ".created" + UNDO_SUFFIX);
        Properties p = new Properties();
        p.setProperty("file", file.toString());
        p.setProperty("backup", backup == null ? "" : backup.toString());
        p.setProperty("writtenSha256", sha256(written));
        p.setProperty("time", clock.instant().toString());
        try (OutputStream out = Files.newOutputStream(record, StandardOpenOption.CREATE_NEW)) {
            Files.setPosixFilePermissions(record, OWNER_RW);
            p.store(out, "WSL Net Doctor undo record: wsl-net-doctor undo " + (backup == null ? record : backup));
        } catch (IOException e) {
            throw new FixException("The fix was applied, but its undo record could not be written: " + e.getMessage()
                    + (backup == null ? "" : " The original is kept in " + backup + "."), e);
        }
        return record;
    }

    private static Set<PosixFilePermission> permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return OWNER_RW;
        }
    }

    private static UserPrincipal owner(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            return view == null ? null : view.getOwner();
        } catch (IOException e) {
            return null;
        }
    }

    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system lets a folder be synced; the move itself was atomic
        }
    }

    private static void quietDelete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort on an already failing path
            }
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
