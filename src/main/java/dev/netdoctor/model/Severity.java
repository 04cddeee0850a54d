// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/** How much a finding matters to the user: {@code problem} makes the CLI exit with 1. */
public enum Severity {
    PROBLEM, WARNING, INFO;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** How the wizard, the report and the CLI all name it. */
    public String words() {
        return Words.get("severity." + name());
    }
}
