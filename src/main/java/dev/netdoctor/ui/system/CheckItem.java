// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.system;

/** One line of the "Your system" checklist. */
public record CheckItem(Status status, String label, String value) {
    /** How the line is marked: fine, worth knowing, or a problem. */
    public enum Status { OK, NOTE, PROBLEM }
}
