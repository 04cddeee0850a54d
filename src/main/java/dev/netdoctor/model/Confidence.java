// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/** How sure the evidence makes us. */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    /** How the wizard, the report and the CLI all name it. */
    public String words() {
        return Words.get("confidence." + name());
    }
}
