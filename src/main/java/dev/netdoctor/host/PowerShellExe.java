// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

/**
 * Which Windows PowerShell (powershell.exe, 5.1, the one every Windows 10 and 11 has) the app
 * starts, for reading Windows' settings and for the firewall fix: one place, so the wizard, the
 * CLI and the tests (which point it at a stand-in) agree.
 */
public final class PowerShellExe {
    /** The system property that names another powershell.exe (the wizard's way; the CLI also has --powershell-exe). */
    public static final String PROPERTY = "netdoctor.powershellExe";

    private PowerShellExe() {
    }

    /** The property's powershell.exe if set, else Windows' own ({@link PowerShellBatch#defaultExe()}). */
    public static String defaultExe() {
        String given = System.getProperty(PROPERTY);
        return given != null && !given.isBlank() ? given : PowerShellBatch.defaultExe().toString();
    }
}
