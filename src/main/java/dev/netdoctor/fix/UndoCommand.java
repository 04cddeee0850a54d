// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import java.util.Locale;

/**
 * The command that undoes an applied fix, as the user pastes it: the CLI prints it after a fix,
 * and the report keeps it beside each fix, so a fix made in the wizard can be taken back later
 * from a terminal, even after the wizard was closed.
 */
public final class UndoCommand {
    private UndoCommand() {
    }

    /**
     * @param backupOrRecord the backup (or, for a file the fix created, the undo record)
     * @param files          where the fix wrote: a distro's file is undone there again (--wsl DISTRO)
     */
    public static String of(String backupOrRecord, ConfigFiles files) {
        return "wsl-net-doctor undo " + pasteable(backupOrRecord)
                + (files instanceof DistroConfigFiles distro ? distro.distroName().map(n -> " --wsl " + pasteable(n)).orElse("") : "");
    }

    /**
     * A path as the user can paste it into their shell: bare when it is plain, otherwise in single
     * quotes, written as PowerShell reads them on Windows ('' for a quote) and as sh reads them elsewhere.
     */
    public static String pasteable(String path) {
        if (path.matches("[A-Za-z0-9_./:\\\\+=@%,-]+")) {
            return path;
        }
        return onWindows() ? "'" + path.replace("'", "''") + "'" : "'" + path.replace("'", "'\\''") + "'";
    }

    private static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows");
    }
}
