// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/** A program running on Windows, as the process table names it ({@code name} without ".exe"). */
public record WindowsProcess(int pid, String name, String commandLine) {
    @Override
    public String toString() {
        return name + " (pid " + pid + ")";
    }
}
