// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.WslDistroAccess;
import dev.netdoctor.host.WslLinuxSide;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a distro's /etc/wsl.conf is written from, and whether it can be: the file belongs to
 * root. From Windows it is written as root through {@code wsl.exe -d DISTRO -u root} (Windows'
 * user owns the distro, so no password is asked). Inside Linux the app runs as the user: unless
 * it may write there, the user is given the exact {@code sudo} command that runs the same fix,
 * so the password goes to sudo only, never to us.
 *
 * @param needsSudo the command to run instead, when this process may not write the file
 */
public record WslConfPlace(ConfigFiles files, String file, Optional<String> needsSudo, AutoCloseable closer) implements AutoCloseable {
    /** The CLI's fix, as the sudo command names it. */
    public static final String FIX_COMMAND = "fix wsl-resolv-conf";

    public static WslConfPlace of(LinuxSide linux, String file) {
        return of(linux, file, WslConfPlace::writable);
    }

    /** @param mayWrite whether this process may write a local file there */
    public static WslConfPlace of(LinuxSide linux, String file, java.util.function.Predicate<String> mayWrite) {
        Optional<WslDistroAccess> distro = linux.throughWsl();
        if (distro.isPresent()) {
            WslLinuxSide root = distro.get().asRoot();
            return new WslConfPlace(new DistroConfigFiles(root), file, Optional.empty(), root);
        }
        Optional<String> sudo = mayWrite.test(file) ? Optional.empty()
                : Optional.of("sudo " + sh(self()) + " " + FIX_COMMAND + (file.equals(WslConfEdit.FILE) ? "" : " --wsl-conf " + sh(file)));
        return new WslConfPlace(LocalConfigFiles.forThisUser(), file, sudo, () -> { });
    }

    /** The sudo command for another fix of the same file, e.g. {@code fix config-lines --in wsl-conf --finding …}. */
    public Optional<String> sudoFor(String fixCommand) {
        return needsSudo.map(command -> command.replace(FIX_COMMAND, fixCommand));
    }

    /** The file (or, when missing, its folder) may be written by this process. */
    public static boolean writable(String file) {
        try {
            Path path = Path.of(file).toAbsolutePath();
            Path folder = path.getParent();
            return folder != null && Files.isWritable(folder) && (!Files.exists(path) || Files.isWritable(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** This program as the user can start it again: the installed launcher, or its name on the PATH. */
    public static String self() {
        String launcher = System.getProperty("jpackage.app-path");
        return launcher == null || launcher.isBlank() ? "wsl-net-doctor" : launcher;
    }

    /** A word as sh reads it back unchanged: bare when plain, else in single quotes. */
    public static String sh(String word) {
        return word.matches("[A-Za-z0-9_./:+=@%,-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
