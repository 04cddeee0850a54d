// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LinuxSide;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.List;
import java.util.Optional;

/**
 * The user's config files where they live: on this computer ({@link LocalConfigFiles}), or in a
 * WSL distro reached through wsl.exe ({@link DistroConfigFiles}). These are the few operations
 * {@link SafeApply} builds its guarantees from; the policy (what to refuse, in which order to
 * write) stays there. Locations are strings in the store's own syntax: a distro's are Linux
 * paths, which a java.nio Path on Windows would turn into "\home\…".
 */
public interface ConfigFiles {
    /** What a location turned out to be. */
    enum Kind { MISSING, FILE, NOT_A_FILE, UNREADABLE, BROKEN_LINK }

    /** A location made absolute, a symbolic link followed to its target (unless broken). */
    record Found(String file, Kind kind) {
    }

    /** Permission bits (e.g. 0640) and owner (null: whoever creates the file). */
    record Access(int mode, String owner) {
        /** A new config, backup or undo record: readable by its owner only. */
        public static final Access PRIVATE = new Access(0600, null);
    }

    /** The store for the config files of the Linux a {@link LinuxSide} is: this computer's, or a distro's. */
    static ConfigFiles of(LinuxSide linux) {
        return switch (linux.standpoint()) {
            case THIS_LINUX -> LocalConfigFiles.forThisUser();
            // from Windows the distro's files are reached only by running commands there
            case WINDOWS -> new DistroConfigFiles(linux);
        };
    }

    /** The home folder there (for ~/.ssh/config and ssh's Include rules). */
    String home() throws IOException, InterruptedException;

    /** A location as people read it: a distro's path also names the distro. */
    String where(String location);

    Found find(String requested) throws IOException, InterruptedException;

    /** At most {@code limit} bytes of the file (a longer one gives only those); empty when it does not exist. */
    Optional<byte[]> read(String file, int limit) throws IOException, InterruptedException;

    /** The regular files in {@code folder} whose names match the glob, sorted. */
    List<String> matching(String folder, String glob) throws IOException, InterruptedException;

    /** Creates the folder and its missing parents, 0700, unless it exists. */
    void createFolder(String folder) throws IOException, InterruptedException;

    /**
     * A new 0600 file with these bytes, forced to disk; never replaces anything.
     *
     * @throws FileAlreadyExistsException when something is there already
     */
    void createNew(String file, byte[] bytes) throws IOException, InterruptedException;

    /** A new file in the folder of {@code file}, with these bytes and access, forced to disk; returns its location. */
    String writeTemp(String file, byte[] bytes, Access access) throws IOException, InterruptedException;

    /** Puts {@code from} in the place of {@code to} in one atomic rename (same folder). */
    void replace(String from, String to) throws IOException, InterruptedException;

    /** Removes the file if it is there. */
    void delete(String file) throws IOException, InterruptedException;

    Access access(String file) throws IOException, InterruptedException;

    /** The folder a location is in. */
    String folder(String location);

    /** The last element of a location. */
    String name(String location);

    /** {@code name} (which may contain further folders) inside {@code folder}. */
    String inFolder(String folder, String name);

    boolean isFullPath(String location);

    default String sibling(String location, String name) {
        return inFolder(folder(location), name);
    }
}
