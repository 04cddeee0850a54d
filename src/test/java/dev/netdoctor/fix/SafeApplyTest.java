// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The pipeline's promises, kept on this computer and in a WSL distro alike ({@link Stores}). */
class SafeApplyTest {
    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);

    /** An edit that appends a line, for exercising the pipeline. */
    private static final Function<byte[], EditResult> APPEND = b -> {
        byte[] out = (new String(b, StandardCharsets.ISO_8859_1) + "IPQoS none\n").getBytes(StandardCharsets.ISO_8859_1);
        return new EditResult(out, true, List.of("appended"), List.of());
    };

    private Path config(String content, String perms) throws Exception {
        Path f = dir.resolve("config");
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Stores.Both
    void writesKeepsPermissionsBacksUpAt0600AndUndoesExactly(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path f = config("User me\n", "rw-r-----");
        SafeApply.Preview p = apply.preview(f.toString(), APPEND);
        assertThat(p.diff()).contains("+IPQoS none");
        SafeApply.Applied a = apply.apply(p, Verifier.NONE);
        assertThat(Files.readString(f)).isEqualTo("User me\nIPQoS none\n");
        assertThat(perms(f)).isEqualTo("rw-r-----");
        Path backup = Path.of(a.backup());
        assertThat(backup.getFileName().toString()).isEqualTo("config.wsl-net-doctor-20261122T030000Z.bak");
        assertThat(Files.readString(backup)).isEqualTo("User me\n");
        assertThat(perms(backup)).isEqualTo("rw-------");
        assertThat(perms(Path.of(a.undoRecord()))).isEqualTo("rw-------");
        assertThat(apply.undo(a.backup())).isEqualTo(f.toString());
        assertThat(Files.readString(f)).isEqualTo("User me\n");
        assertThat(backup).as("backups are never removed").exists();
        assertThat(Path.of(a.undoRecord() + ".done")).as("a used undo record is marked done").exists();
        try (var names = Files.list(dir)) {
            assertThat(names.map(x -> x.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        }
    }

    /**
     * CRLF, UTF-8 and all 256 byte values, over 512 KiB: several reads through wsl.exe. It starts
     * with UTF-16's byte order mark, the one kind of config file whose bytes include NULs (a NUL
     * anywhere else marks a binary file, which is refused).
     */
    @Stores.Both
    void everyByteIsKeptExactly(ConfigFiles files) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xFF);
        b.write(0xFE);
        for (int r = 0; r < 2000; r++) {
            b.writeBytes("Host grüße-\u00e9\r\n  User x\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 256; i++) {
                b.write(i);
            }
        }
        byte[] original = b.toByteArray();
        byte[] tail = {'\r', '\n', 0, (byte) 0xff, (byte) 0xfe, '\r', '\n'};
        byte[] updated = Arrays.copyOf(original, original.length + tail.length);
        System.arraycopy(tail, 0, updated, original.length, tail.length);
        Path f = Files.write(dir.resolve("config"), original);
        SafeApply apply = new SafeApply(files, CLOCK);
        SafeApply.Preview p = apply.preview(f.toString(), x -> new EditResult(updated, true, List.of(), List.of()));
        assertThat(p.original()).isEqualTo(original);
        Verifier tempIsExact = candidate -> Arrays.equals(bytes(candidate), updated)
                ? new Verifier.Verdict(true, true, "exact") : new Verifier.Verdict(true, false, "the new file's bytes differ");
        SafeApply.Applied a = apply.apply(p, tempIsExact);
        assertThat(Files.readAllBytes(f)).isEqualTo(updated);
        assertThat(bytes(a.backup())).isEqualTo(original);
        apply.undo(a.backup());
        assertThat(Files.readAllBytes(f)).isEqualTo(original);
    }

    @Stores.Both
    void backupsAreNeverOverwritten(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path f = config("v1\n", "rw-------");
        SafeApply.Applied first = apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE);
        SafeApply.Applied second = apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE);
        assertThat(second.backup()).isNotEqualTo(first.backup()).endsWith("-1.bak");
        assertThat(Files.readString(Path.of(first.backup()))).isEqualTo("v1\n");
        assertThat(Files.readString(Path.of(second.backup()))).isEqualTo("v1\nIPQoS none\n");
    }

    @Stores.Both
    void aFileChangedBetweenPreviewAndApplyIsRefused(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path f = config("User me\n", "rw-------");
        SafeApply.Preview p = apply.preview(f.toString(), APPEND);
        Files.writeString(f, "User someone-else\n");
        assertThatThrownBy(() -> apply.apply(p, Verifier.NONE)).isInstanceOf(FixException.class)
                .hasMessageContaining("changed since the preview").hasMessageContaining(files.where(f.toString()));
        assertThat(Files.readString(f)).isEqualTo("User someone-else\n");
    }

    @Stores.Both
    void aFailingOracleLeavesTheOriginalInPlaceAndNoTempFile(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path f = config("User me\n", "rw-------");
        Verifier refuses = candidate -> new Verifier.Verdict(true, false, "ssh -G disagrees");
        assertThatThrownBy(() -> apply.apply(apply.preview(f.toString(), APPEND), refuses)).hasMessageContaining("ssh -G disagrees");
        assertThat(Files.readString(f)).isEqualTo("User me\n");
        try (var names = Files.list(dir)) {
            assertThat(names.map(x -> x.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        }
    }

    @Stores.Both
    void anOracleFailingOnlyAfterTheMoveRollsBack(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path f = config("User me\n", "rw-r-----");
        Verifier afterMove = candidate -> candidate.equals(f.toString()) ? new Verifier.Verdict(true, false, "changed under us")
                : new Verifier.Verdict(true, true, "fine");
        assertThatThrownBy(() -> apply.apply(apply.preview(f.toString(), APPEND), afterMove)).hasMessageStartingWith("Rolled back");
        assertThat(Files.readString(f)).isEqualTo("User me\n");
        assertThat(perms(f)).isEqualTo("rw-r-----");
    }

    @Stores.Both
    void aMissingConfigAndFolderAreCreatedPrivately(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path ssh = dir.resolve("home/.ssh");
        Path f = ssh.resolve("config");
        SafeApply.Applied a = apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE);
        assertThat(perms(ssh)).isEqualTo("rwx------");
        assertThat(perms(dir.resolve("home"))).as("folders made on the way too").isEqualTo("rwx------");
        assertThat(perms(f)).isEqualTo("rw-------");
        assertThat(a.backup()).isNull();
        apply.undo(a.undoRecord());
        assertThat(f).as("undo of a created file removes it").doesNotExist();
    }

    @Stores.Both
    void aSymlinkedConfigIsFollowedAndItsTargetWritten(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path real = Files.writeString(dir.resolve("dotfiles-ssh-config"), "Host nas\n");
        Path link = Files.createSymbolicLink(dir.resolve("config"), real);
        SafeApply.Preview p = apply.preview(link.toString(), APPEND);
        assertThat(p.file()).isEqualTo(real.toRealPath().toString());
        apply.apply(p, Verifier.NONE);
        assertThat(Files.isSymbolicLink(link)).as("the link stays a link").isTrue();
        assertThat(Files.readString(real)).isEqualTo("Host nas\nIPQoS none\n");
    }

    @Stores.Both
    void theOwnerIsKept(ConfigFiles files) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "Skipping: only root can give a file to someone else");
        SafeApply apply = new SafeApply(files, CLOCK);
        Path f = config("Host nas\n", "rw-r--r--");
        Files.setAttribute(f, "unix:uid", 4321);
        apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE);
        assertThat(Files.getAttribute(f, "unix:uid")).isEqualTo(4321);
        assertThat(perms(f)).isEqualTo("rw-r--r--");
    }

    @Stores.Both
    void refusesWhatIsNotARegularSmallReadableFile(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path folder = Files.createDirectory(dir.resolve("config.d"));
        assertThatThrownBy(() -> apply.preview(folder.toString(), APPEND)).hasMessageContaining("not a regular file");
        Path big = dir.resolve("big");
        Files.write(big, new byte[SafeApply.MAX_BYTES + 1]);
        assertThatThrownBy(() -> apply.preview(big.toString(), APPEND)).hasMessageContaining("larger than 1 MiB");
        Path dangling = dir.resolve("dangling");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere"));
        assertThatThrownBy(() -> apply.preview(dangling.toString(), APPEND)).hasMessageContaining("does not exist");
    }

    @Stores.Both
    void undoRefusesWhenTheFileChangedAfterTheFix(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path f = config("User me\n", "rw-------");
        SafeApply.Applied a = apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE);
        Files.writeString(f, "edited by hand\n");
        assertThatThrownBy(() -> apply.undo(a.backup())).hasMessageContaining("changed after the fix");
        assertThat(Files.readString(f)).isEqualTo("edited by hand\n");
    }

    /**
     * An undo record names the file it restores; one that was not written by a fix (it names a
     * file elsewhere, or a backup that is not one of ours) could make undo delete or overwrite
     * any file with the right hash. Refused, nothing changed.
     */
    @Stores.Both
    void undoRefusesARecordThatDoesNotBelongToAFixOfTheFile(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious\n");
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(victim)));
        Path crafted = Files.writeString(dir.resolve("innocent.bak.undo"), "file=" + victim + "\nbackup=\nwrittenSha256=" + sha + "\n");
        assertThatThrownBy(() -> apply.undo(dir.resolve("innocent.bak").toString())).hasMessageContaining("does not belong to a fix");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");

        // named like ours, but its backup is another file
        Path other = Files.writeString(dir.resolve("other.txt"), "something else\n");
        Path named = Files.writeString(dir.resolve("victim.txt.wsl-net-doctor-20261122T030000Z.bak.undo"),
                "file=" + victim + "\nbackup=" + other + "\nwrittenSha256=" + sha + "\n");
        assertThatThrownBy(() -> apply.undo(named.toString())).hasMessageContaining("does not belong to a fix");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(crafted).exists();
    }

    /** "The exact bytes": a backup edited after the fix is not put back. */
    @Stores.Both
    void undoRefusesABackupChangedAfterTheFix(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        Path f = config("User me\n", "rw-------");
        SafeApply.Applied a = apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE);
        Files.writeString(Path.of(a.backup()), "User someone-else\n");
        assertThatThrownBy(() -> apply.undo(a.backup())).hasMessageContaining("was changed after the fix");
        assertThat(Files.readString(f)).isEqualTo("User me\nIPQoS none\n");
        Files.writeString(Path.of(a.backup()), "User me\n");
        assertThat(apply.undo(a.backup())).isEqualTo(f.toString());
        assertThat(Files.readString(f)).isEqualTo("User me\n");
    }

    /** A binary file named by mistake is refused before any edit is shown, and stays as it was. */
    @Stores.Both
    void aBinaryFileIsNotEdited(ConfigFiles files) throws Exception {
        SafeApply apply = new SafeApply(files, CLOCK);
        byte[] binary = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0};
        Path f = Files.write(dir.resolve("config"), binary);
        assertThatThrownBy(() -> apply.preview(f.toString(), APPEND)).isInstanceOf(FixException.class)
                .hasMessageContaining("is not a text file").satisfies(e -> assertThat(((FixException) e).isBadInput()).isTrue());
        assertThat(Files.readAllBytes(f)).isEqualTo(binary);
        // UTF-16 has NULs in every other byte and is text.
        assertThat(SafeApply.isText("\uFEFF[wsl2]\r\n".getBytes(StandardCharsets.UTF_16LE))).isTrue();
        assertThat(SafeApply.isText("[wsl2]\r\n".getBytes(StandardCharsets.UTF_16LE))).isTrue();
    }
}
