// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Config files on this computer, through java.nio: POSIX permissions and owner where the file
 * system has them, data and folder forced to disk, replacement by an atomic move. On Windows
 * (the .wslconfig) the POSIX parts are skipped where the file system has none.
 */
public final class LocalConfigFiles implements ConfigFiles {
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");
    /** PosixFilePermission's declaration order, highest bit first: owner rwx, group rwx, others rwx. */
    private static final PosixFilePermission[] BITS = PosixFilePermission.values();

    private final Path home;

    public LocalConfigFiles(Path home) {
        this.home = home;
    }

    public static LocalConfigFiles forThisUser() {
        return new LocalConfigFiles(Path.of(System.getProperty("user.home")));
    }

    @Override
    public String home() {
        return home.toString();
    }

    @Override
    public String where(String location) {
        return location;
    }

    @Override
    public Found find(String requested) throws IOException {
        Path file = given(requested).toAbsolutePath();
        if (Files.isSymbolicLink(file)) {
            if (!Files.exists(file)) {
                return new Found(file.toString(), Kind.BROKEN_LINK);
            }
            file = file.toRealPath();
        }
        Kind kind = !Files.exists(file) ? Kind.MISSING
                : !Files.isRegularFile(file) ? Kind.NOT_A_FILE
                : !Files.isReadable(file) ? Kind.UNREADABLE
                : Kind.FILE;
        return new Found(file.toString(), kind);
    }

    @Override
    public Optional<byte[]> read(String file, int limit) throws IOException {
        Path p = given(file);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(p)) {
            return Optional.of(in.readNBytes(limit));
        }
    }

    @Override
    public List<String> matching(String folder, String glob) throws IOException {
        List<Path> sorted = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path(folder), glob)) {
            files.forEach(sorted::add);
        }
        sorted.sort(null);
        return sorted.stream().filter(Files::isRegularFile).map(Path::toString).toList();
    }

    @Override
    public void createFolder(String folder) throws IOException {
        Path dir = path(folder);
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_RWX));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir); // no POSIX permissions here (Windows): the profile's own ACLs apply
        }
    }

    @Override
    public void createNew(String file, byte[] bytes) throws IOException {
        Path path = path(file);
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

    @Override
    public String writeTemp(String file, byte[] bytes, Access access) throws IOException {
        Path target = path(file).toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_RW));
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writeAll(ch, bytes);
                ch.force(true);
            }
            Files.setPosixFilePermissions(temp, permissions(access.mode()));
            if (access.owner() != null && !access.owner().equals(Files.getOwner(temp).getName())) {
                UserPrincipal owner = temp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(access.owner());
                Files.setOwner(temp, owner);
            }
            return temp.toString();
        } catch (IOException e) {
            if (temp != null) {
                Files.deleteIfExists(temp);
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

    @Override
    public void replace(String from, String to) throws IOException {
        Path target = path(to);
        Files.move(path(from), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(target.toAbsolutePath().getParent());
    }

    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system lets a folder be synced; the move itself was atomic
        }
    }

    @Override
    public void delete(String file) throws IOException {
        Files.deleteIfExists(path(file));
    }

    /** Where the file system keeps no POSIX permissions or owner, a new file's are assumed. */
    @Override
    public Access access(String file) {
        Path p = path(file);
        int mode;
        try {
            mode = mode(Files.getPosixFilePermissions(p));
        } catch (IOException | UnsupportedOperationException e) {
            mode = Access.PRIVATE.mode();
        }
        String owner;
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            owner = view == null ? null : view.getOwner().getName();
        } catch (IOException e) {
            owner = null;
        }
        return new Access(mode, owner);
    }

    static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (BITS.length - 1 - p.ordinal());
        }
        return mode;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : BITS) {
            if ((mode & 1 << (BITS.length - 1 - p.ordinal())) != 0) {
                set.add(p);
            }
        }
        return set;
    }

    @Override
    public String folder(String location) {
        return path(location).toAbsolutePath().getParent().toString();
    }

    @Override
    public String name(String location) {
        Path name = path(location).getFileName();
        return name == null ? "" : name.toString();
    }

    @Override
    public String inFolder(String folder, String name) {
        return path(folder).resolve(name).toString();
    }

    @Override
    public boolean isFullPath(String location) {
        return path(location).isAbsolute();
    }

    private static Path path(String location) {
        return Path.of(location);
    }

    /** What the user typed may be no path here (a NUL, a stray colon on Windows): a file error like any other. */
    private static Path given(String location) throws IOException {
        try {
            return Path.of(location);
        } catch (InvalidPathException e) {
            throw new IOException("not a valid path: " + e.getMessage(), e);
        }
    }
}
