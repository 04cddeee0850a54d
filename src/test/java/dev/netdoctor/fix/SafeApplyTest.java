package dev.netdoctor.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeApplyTest {
    @TempDir
    Path dir;

    private final SafeApply apply = new SafeApply(Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));

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

    @Test
    void writesKeepsPermissionsBacksUpAt0600AndUndoesExactly() throws Exception {
        Path f = config("User me\n", "rw-r-----");
        SafeApply.Preview p = apply.preview(f, APPEND);
        assertThat(p.diff()).contains("+IPQoS none");
        SafeApply.Applied a = apply.apply(p, Verifier.NONE);
        assertThat(Files.readString(f)).isEqualTo("User me\nIPQoS none\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
        assertThat(a.backup().getFileName().toString()).isEqualTo("config.wsl-net-doctor-20261122T030000Z.bak");
        assertThat(Files.readString(a.backup())).isEqualTo("User me\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a.backup()))).isEqualTo("rw-------");
        assertThat(apply.undo(a.backup())).isEqualTo(f);
        assertThat(Files.readString(f)).isEqualTo("User me\n");
        assertThat(a.backup()).as("backups are never removed").exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(x -> x.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void backupsAreNeverOverwritten() throws Exception {
        Path f = config("v1\n", "rw-------");
        SafeApply.Applied first = apply.apply(apply.preview(f, APPEND), Verifier.NONE);
        SafeApply.Applied second = apply.apply(apply.preview(f, APPEND), Verifier.NONE);
        assertThat(second.backup()).isNotEqualTo(first.backup());
        assertThat(Files.readString(first.backup())).isEqualTo("v1\n");
        assertThat(Files.readString(second.backup())).isEqualTo("v1\nIPQoS none\n");
    }

    @Test
    void aFileChangedBetweenPreviewAndApplyIsRefused() throws Exception {
        Path f = config("User me\n", "rw-------");
        SafeApply.Preview p = apply.preview(f, APPEND);
        Files.writeString(f, "User someone-else\n");
        assertThatThrownBy(() -> apply.apply(p, Verifier.NONE)).isInstanceOf(FixException.class).hasMessageContaining("changed since the preview");
        assertThat(Files.readString(f)).isEqualTo("User someone-else\n");
    }

    @Test
    void aFailingOracleLeavesTheOriginalInPlace() throws Exception {
        Path f = config("User me\n", "rw-------");
        Verifier refuses = candidate -> new Verifier.Verdict(true, false, "ssh -G disagrees");
        assertThatThrownBy(() -> apply.apply(apply.preview(f, APPEND), refuses)).hasMessageContaining("ssh -G disagrees");
        assertThat(Files.readString(f)).isEqualTo("User me\n");
    }

    @Test
    void anOracleFailingOnlyAfterTheMoveRollsBack() throws Exception {
        Path f = config("User me\n", "rw-------");
        Verifier afterMove = candidate -> candidate.equals(f) ? new Verifier.Verdict(true, false, "changed under us")
                : new Verifier.Verdict(true, true, "fine");
        assertThatThrownBy(() -> apply.apply(apply.preview(f, APPEND), afterMove)).hasMessageStartingWith("Rolled back");
        assertThat(Files.readString(f)).isEqualTo("User me\n");
    }

    @Test
    void aMissingConfigAndFolderAreCreatedPrivately() throws Exception {
        Path ssh = dir.resolve("home/.ssh");
        Path f = ssh.resolve("config");
        SafeApply.Applied a = apply.apply(apply.preview(f, APPEND), Verifier.NONE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ssh))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(a.backup()).isNull();
        apply.undo(a.undoRecord());
        assertThat(f).as("undo of a created file removes it").doesNotExist();
    }

    @Test
    void refusesWhatIsNotARegularSmallReadableFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("config.d"));
        assertThatThrownBy(() -> apply.preview(folder, APPEND)).hasMessageContaining("not a regular file");
        Path big = dir.resolve("big");
        Files.write(big, new byte[(int) SafeApply.MAX_BYTES + 1]);
        assertThatThrownBy(() -> apply.preview(big, APPEND)).hasMessageContaining("larger than 1 MiB");
        Path dangling = dir.resolve("dangling");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere"));
        assertThatThrownBy(() -> apply.preview(dangling, APPEND)).hasMessageContaining("does not exist");
    }

    @Test
    void undoRefusesWhenTheFileChangedAfterTheFix() throws Exception {
        Path f = config("User me\n", "rw-------");
        SafeApply.Applied a = apply.apply(apply.preview(f, APPEND), Verifier.NONE);
        Files.writeString(f, "edited by hand\n");
        assertThatThrownBy(() -> apply.undo(a.backup())).hasMessageContaining("changed after the fix");
        assertThat(Files.readString(f)).isEqualTo("edited by hand\n");
    }
}
