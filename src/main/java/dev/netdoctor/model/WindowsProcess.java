// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/** A program running on Windows, as the process table names it ({@code name} without ".exe"). */
public record WindowsProcess(int pid, String name, String commandLine) {
    /**
     * Whether a program name is WSL's localhost relay's: {@code wslrelay} (and {@code wslhost} of
     * older WSL), with or without ".exe" (OSHI names Windows processes without it).
     */
    public static boolean isRelayName(String name) {
        if (name == null) {
            return false;
        }
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".exe")) {
            n = n.substring(0, n.length() - 4);
        }
        return n.equals("wslrelay") || n.equals("wslhost");
    }

    /**
     * Whether this relay relays ports: started with {@code --mode 1} ({@code --mode 0} is the debug
     * console). A command line Windows did not show may be either, so it may.
     */
    public boolean relaysPorts() {
        return commandLine == null || commandLine.isBlank() || commandLine.matches("(?s).*--mode[ =]1(\\s.*|$)");
    }

    @Override
    public String toString() {
        return name + " (pid " + pid + ")";
    }
}
