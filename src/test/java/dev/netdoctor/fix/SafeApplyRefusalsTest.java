// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pipeline's refusals and what it says then, on this computer's store (the policy is
 * SafeApply's, the same for every store; {@link SafeApplyTest} runs the promises in a distro too).
 */
class SafeApplyRefusalsTest {
    @TempDir
    Path dir;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC);
    private final ConfigFiles files = new LocalConfigFiles(Path.of("/nonexistent-home"));
    private final SafeApply apply = new SafeApply(files, CLOCK);

    private static final Function<byte[], EditResult> APPEND = b -> new EditResult(
            (new String(b, StandardCharsets.ISO_8859_1) + "IPQoS none\n").getBytes(StandardCharsets.ISO_8859_1), true, List.of(), List.of());

    private Path config(String text) throws Exception {
        return Files.writeString(dir.resolve("config"), text);
    }

    private List<String> names() throws Exception {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void noFileNamedIsRefusedAsTheUsersMistake() {
        for (String none : new String[]{null, "", "  "}) {
            assertThatThrownBy(() -> apply.preview(none, APPEND)).isInstanceOf(FixException.class)
                    .hasMessage("No file was named: give the path of the config file.")
                    .satisfies(e -> assertThat(((FixException) e).isBadInput()).isTrue());
        }
    }

    @Test
    void anEditWithConflictsIsNotAppliedAndWritesNothing() throws Exception {
        Path f = config("IPQoS af21\n");
        SafeApply.Preview p = apply.preview(f.toString(), b -> new EditResult(b, false, List.of(),
                List.of("Line 1 sets IPQoS for every host.", "Change it by hand.")));
        assertThatThrownBy(() -> apply.apply(p, Verifier.NONE)).isInstanceOf(FixException.class)
                .hasMessage("Not applied: Line 1 sets IPQoS for every host. Change it by hand.");
        assertThat(names()).containsExactly("config");
    }

    /** Nothing to change: no backup, no undo record, the file untouched, and the verdict says so. */
    @Test
    void anEditThatChangesNothingWritesNothing() throws Exception {
        Path f = config("IPQoS none\n");
        SafeApply.Preview p = apply.preview(f.toString(), b -> new EditResult(b, false, List.of("already none"), List.of()));
        assertThat(p.diff()).isEmpty();
        assertThat(p.existed()).isTrue();
        SafeApply.Applied a = apply.apply(p, candidate -> {
            throw new AssertionError("nothing to check when nothing is written");
        });
        assertThat(a.backup()).isNull();
        assertThat(a.undoRecord()).isNull();
        assertThat(a.verdict()).isEqualTo(Verifier.Verdict.passed("nothing to change"));
        assertThat(names()).containsExactly("config");
    }

    /** A file that appeared after a preview of it as missing is somebody's: refused. */
    @Test
    void aFileCreatedAfterThePreviewIsNotOverwritten() throws Exception {
        Path f = dir.resolve("config");
        SafeApply.Preview p = apply.preview(f.toString(), APPEND);
        assertThat(p.existed()).isFalse();
        assertThat(p.diff()).isEqualTo("--- a/config\n+++ b/config\n@@ -0,0 +1 @@\n+IPQoS none\n");
        Files.writeString(f, "Host mine\n");
        assertThatThrownBy(() -> apply.apply(p, Verifier.NONE)).hasMessageContaining("changed since the preview")
                .satisfies(e -> assertThat(((FixException) e).isBadInput()).as("not the user's mistake").isFalse());
        assertThat(Files.readString(f)).isEqualTo("Host mine\n");

        Path g = Files.writeString(dir.resolve("other"), "x\n");
        SafeApply.Preview q = apply.preview(g.toString(), APPEND);
        Files.delete(g);
        assertThatThrownBy(() -> apply.apply(q, Verifier.NONE)).hasMessageContaining("changed since the preview");
        assertThat(g).doesNotExist();
    }

    /** One byte under the limit and exactly the limit are config files; one over is not. */
    @Test
    void exactlyOneMebibyteIsStillEdited() throws Exception {
        Path f = Files.write(dir.resolve("config"), "#".repeat(SafeApply.MAX_BYTES).getBytes(StandardCharsets.US_ASCII));
        assertThat(apply.preview(f.toString(), APPEND).original()).hasSize(SafeApply.MAX_BYTES);
        Files.write(f, "#".repeat(SafeApply.MAX_BYTES + 1).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> apply.preview(f.toString(), APPEND))
                .hasMessage(f + " is larger than 1 MiB; that is not a config file we will edit.");
    }

    /** The rollback of a file the fix created removes it again, and names no backup. */
    @Test
    void aCreatedFileIsRemovedWhenTheCheckFailsAfterTheMove() throws Exception {
        Path f = dir.resolve("config");
        Verifier afterMove = candidate -> candidate.equals(f.toString()) ? Verifier.Verdict.failed("ssh -G disagrees")
                : Verifier.Verdict.passed("fine");
        assertThatThrownBy(() -> apply.apply(apply.preview(f.toString(), APPEND), afterMove))
                .hasMessage("Rolled back: after writing, the check failed: ssh -G disagrees The original file is back in place.");
        assertThat(names()).isEmpty();
    }

    @Test
    void aRollbackNamesTheBackupThatKeepsTheOriginal() throws Exception {
        Path f = config("User me\n");
        Verifier afterMove = candidate -> candidate.equals(f.toString()) ? Verifier.Verdict.failed("no.")
                : Verifier.Verdict.passed("fine");
        assertThatThrownBy(() -> apply.apply(apply.preview(f.toString(), APPEND), afterMove))
                .hasMessage("Rolled back: after writing, the check failed: no. The original file is back in place (also kept as "
                        + dir.resolve("config.wsl-net-doctor-20261122T030000Z.bak") + ").");
        assertThat(Files.readString(f)).isEqualTo("User me\n");
    }

    /** The undo record says what was written and what the backup holds, so undo restores exactly those bytes or nothing. */
    @Test
    void theUndoRecordNamesTheFileTheBackupAndBothHashes() throws Exception {
        Path f = config("User me\n");
        SafeApply.Applied a = apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE);
        assertThat(a.undoRecord()).isEqualTo(a.backup() + ".undo");
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(Files.readAllBytes(Path.of(a.undoRecord()))));
        assertThat(p.getProperty("file")).isEqualTo(f.toString());
        assertThat(p.getProperty("backup")).isEqualTo(a.backup());
        assertThat(p.getProperty("writtenSha256")).isEqualTo(SafeApply.sha256("User me\nIPQoS none\n".getBytes()));
        assertThat(p.getProperty("backupSha256")).isEqualTo(SafeApply.sha256("User me\n".getBytes()));
        assertThat(p.getProperty("time")).isEqualTo("2026-11-22T03:00:00Z");
        assertThat(Files.readString(Path.of(a.undoRecord()))).startsWith("#WSL Net Doctor undo record: wsl-net-doctor undo " + a.backup());

        Path created = dir.resolve("created");
        SafeApply.Applied c = apply.apply(apply.preview(created.toString(), APPEND), Verifier.NONE);
        assertThat(c.undoRecord()).isEqualTo(dir.resolve("created.wsl-net-doctor-20261122T030000Z.created.undo").toString());
        Properties q = new Properties();
        q.load(new ByteArrayInputStream(Files.readAllBytes(Path.of(c.undoRecord()))));
        assertThat(q.getProperty("backup")).isEmpty();
        assertThat(q.getProperty("backupSha256")).isNull();
        assertThat(Files.readString(Path.of(c.undoRecord()))).as("the command that undoes it, in the record itself")
                .startsWith("#WSL Net Doctor undo record: wsl-net-doctor undo " + c.undoRecord() + "\n");
    }

    @Test
    void aSecondUndoSaysItWasUndoneAlready() throws Exception {
        Path f = config("User me\n");
        SafeApply.Applied a = apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE);
        apply.undo(a.undoRecord());
        assertThatThrownBy(() -> apply.undo(a.backup())).isInstanceOf(FixException.class)
                .hasMessageStartingWith("Already undone: " + a.backup() + " was put back before")
                .satisfies(e -> assertThat(((FixException) e).isBadInput()).isTrue());
        assertThat(Files.readString(f)).isEqualTo("User me\n");
    }

    @Test
    void undoWithoutARecordOrWithAnIncompleteOneChangesNothing() throws Exception {
        Path f = config("User me\n");
        assertThatThrownBy(() -> apply.undo(f + ".wsl-net-doctor-x.bak")).isInstanceOf(FixException.class)
                .hasMessage("No undo record for " + f + ".wsl-net-doctor-x.bak (expected " + f + ".wsl-net-doctor-x.bak.undo).");

        Path record = Files.writeString(dir.resolve("config.wsl-net-doctor-x.bak.undo"), "file=" + f + "\n");
        assertThatThrownBy(() -> apply.undo(record.toString())).isInstanceOf(FixException.class)
                .hasMessage("The undo record " + record + " is incomplete; nothing was changed.");
        Files.writeString(record, "writtenSha256=00\n");
        assertThatThrownBy(() -> apply.undo(record.toString())).hasMessageContaining("is incomplete");
        assertThat(Files.readString(f)).isEqualTo("User me\n");
    }

    @Test
    void undoWhenTheBackupIsGoneLeavesTheFile() throws Exception {
        Path f = config("User me\n");
        SafeApply.Applied a = apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE);
        Files.delete(Path.of(a.backup()));
        assertThatThrownBy(() -> apply.undo(a.undoRecord()))
                .hasMessage("Not undone: the backup " + a.backup() + " is gone; " + f + " was left as it is.");
        assertThat(Files.readString(f)).isEqualTo("User me\nIPQoS none\n");
    }

    /** A file removed after the fix is not brought back: what the fix wrote is not there, so undo would lose that change. */
    @Test
    void undoOfAFileRemovedSinceRefusesAndNamesTheBackup() throws Exception {
        Path f = config("User me\n");
        SafeApply.Applied a = apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE);
        Files.delete(f);
        assertThatThrownBy(() -> apply.undo(a.backup()))
                .hasMessage("Not undone: " + f + " changed after the fix; restoring would lose those changes. The original is still in "
                        + a.backup() + ".");
        assertThat(f).doesNotExist();
    }

    /**
     * A record is ours only when the record of that name next to the file it names has the same
     * bytes, and its backup is named after the file and ends in .bak: an altered copy elsewhere,
     * or a "backup" that is some other file next to it, is refused.
     */
    @Test
    void undoRefusesACopiedRecordAndABackupThatIsNotABackup() throws Exception {
        Path f = config("User me\n");
        SafeApply.Applied a = apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE);
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        String record = Files.readString(Path.of(a.undoRecord()));
        Path copy = Files.writeString(elsewhere.resolve(Path.of(a.undoRecord()).getFileName()), record.replace("time=", "time=1"));
        assertThatThrownBy(() -> apply.undo(copy.toString())).hasMessageContaining("does not belong to a fix of " + f);

        Path notBak = Files.writeString(dir.resolve("config.wsl-net-doctor-notes.txt"), "User me\n");
        Path forged = Files.writeString(dir.resolve("config.wsl-net-doctor-forged.bak.undo"),
                record.replace("backup=" + a.backup(), "backup=" + notBak).replaceAll("backupSha256=.*", ""));
        assertThatThrownBy(() -> apply.undo(forged.toString())).hasMessageContaining("does not belong to a fix of " + f);
        assertThat(Files.readString(f)).isEqualTo("User me\nIPQoS none\n");

        assertThat(apply.undo(a.undoRecord())).isEqualTo(f.toString());
        assertThat(Files.readString(f)).isEqualTo("User me\n");
    }

    /** Backups are never overwritten, and there is an end to trying names: after 100 of one second, the fix stops. */
    @Test
    void aHundredBackupsOfTheSameSecondStopTheFix() throws Exception {
        Path f = config("User me\n");
        Files.writeString(dir.resolve("config.wsl-net-doctor-20261122T030000Z.bak"), "0\n");
        for (int n = 1; n < 99; n++) {
            Files.writeString(dir.resolve("config.wsl-net-doctor-20261122T030000Z-" + n + ".bak"), n + "\n");
        }
        SafeApply.Applied last = apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE);
        assertThat(last.backup()).endsWith("config.wsl-net-doctor-20261122T030000Z-99.bak");

        assertThatThrownBy(() -> apply.apply(apply.preview(f.toString(), APPEND), Verifier.NONE))
                .hasMessage("Not applied: too many backups with the same time stamp next to " + f + ".");
        assertThat(Files.readString(f)).isEqualTo("User me\nIPQoS none\n");
        assertThat(Files.readString(dir.resolve("config.wsl-net-doctor-20261122T030000Z-50.bak"))).isEqualTo("50\n");
    }
}
