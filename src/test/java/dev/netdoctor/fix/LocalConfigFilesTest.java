// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only this computer's store does: permission bits as numbers, the kinds of location, exclusive creation. */
class LocalConfigFilesTest {
    @TempDir
    Path dir;

    private final LocalConfigFiles files = new LocalConfigFiles(Path.of("/nonexistent-home"));

    /** A file's permissions are kept exactly through a fix: every one of the 512 modes reads back as it was. */
    @Test
    void everyModeReadsBackAsItWas() {
        for (int mode = 0; mode <= 0777; mode++) {
            assertThat(LocalConfigFiles.mode(LocalConfigFiles.permissions(mode))).isEqualTo(mode);
        }
        assertThat(LocalConfigFiles.permissions(0640)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(LocalConfigFiles.mode(PosixFilePermissions.fromString("rwxr-x--x"))).isEqualTo(0751);
    }

    @Test
    void aTempFileGetsTheModeAskedForAndSitsNextToTheFile() throws Exception {
        Path f = Files.writeString(dir.resolve("config"), "x\n");
        String temp = files.writeTemp(f.toString(), "new\n".getBytes(), new ConfigFiles.Access(0644, null));

        assertThat(Path.of(temp).getParent()).isEqualTo(dir);
        assertThat(Path.of(temp).getFileName().toString()).startsWith(".config.").endsWith(".tmp");
        assertThat(Files.readString(Path.of(temp))).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(temp)))).isEqualTo("rw-r--r--");
        assertThat(files.access(temp).mode()).isEqualTo(0644);
        assertThat(files.access(temp).owner()).isEqualTo(System.getProperty("user.name"));
    }

    /** A file that is not there has the access a new config gets: the owner's alone. */
    @Test
    void aMissingFileHasTheAccessOfANewOne() {
        assertThat(files.access(dir.resolve("nowhere").toString())).isEqualTo(ConfigFiles.Access.PRIVATE);
    }

    @Test
    void locationsAreFoundAsWhatTheyAre() throws Exception {
        Path f = Files.writeString(dir.resolve("config"), "x\n");
        assertThat(files.find(f.toString())).isEqualTo(new ConfigFiles.Found(f.toString(), ConfigFiles.Kind.FILE));
        assertThat(files.find(dir.resolve("missing").toString()).kind()).isEqualTo(ConfigFiles.Kind.MISSING);
        assertThat(files.find(dir.toString()).kind()).isEqualTo(ConfigFiles.Kind.NOT_A_FILE);
        Path broken = Files.createSymbolicLink(dir.resolve("broken"), dir.resolve("nowhere"));
        assertThat(files.find(broken.toString())).isEqualTo(new ConfigFiles.Found(broken.toString(), ConfigFiles.Kind.BROKEN_LINK));
        assertThatThrownBy(() -> files.find("a\0b")).isInstanceOf(IOException.class).hasMessageStartingWith("not a valid path");
    }

    @Test
    void readsAtMostTheLimitAndNothingForAMissingFile() throws Exception {
        Path f = Files.writeString(dir.resolve("config"), "0123456789");
        assertThat(files.read(f.toString(), 4)).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("0123"));
        assertThat(files.read(dir.resolve("missing").toString(), 4)).isEmpty();
    }

    /** A backup or undo record never replaces anything, and a failed create leaves what was there. */
    @Test
    void createNewNeverReplaces() throws Exception {
        Path f = Files.writeString(dir.resolve("config.bak"), "kept\n");
        assertThatThrownBy(() -> files.createNew(f.toString(), "other\n".getBytes())).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(f)).isEqualTo("kept\n");

        Path made = dir.resolve("new.bak");
        files.createNew(made.toString(), "new\n".getBytes());
        assertThat(Files.readString(made)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made))).isEqualTo("rw-------");
    }

    @Test
    void namesAndFoldersOfLocations() {
        assertThat(files.name("/")).isEmpty();
        assertThat(files.name("/home/u/.ssh/config")).isEqualTo("config");
        assertThat(files.folder("/home/u/.ssh/config")).isEqualTo("/home/u/.ssh");
        assertThat(files.inFolder("/home/u", ".ssh/config")).isEqualTo("/home/u/.ssh/config");
        assertThat(files.isFullPath("/etc/wsl.conf")).isTrue();
        assertThat(files.isFullPath("conf.d/x")).isFalse();
        assertThat(files.home()).isEqualTo("/nonexistent-home");
        assertThat(files.where("/etc/wsl.conf")).isEqualTo("/etc/wsl.conf");
    }

    /** The config files of this Linux are this computer's; a distro's behind wsl.exe are reached through it. */
    @Test
    void theStoreFollowsWhereTheAppStands() {
        assertThat(ConfigFiles.of(new dev.netdoctor.testing.ScriptedLinux())).isInstanceOf(LocalConfigFiles.class);
        assertThat(ConfigFiles.of(new dev.netdoctor.testing.ScriptedLinux().asDistro())).isInstanceOf(DistroConfigFiles.class);
    }
}
