// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.system;

/**
 * One line of the "Your system" checklist; {@code section}, when not null, is the heading of the
 * part of the page it opens or belongs to (Windows' own facts, apart from the distro's).
 */
public record CheckItem(Status status, String label, String value, String section) {
    public CheckItem(Status status, String label, String value) {
        this(status, label, value, null);
    }

    /** How the line is marked: fine, worth knowing, or a problem. */
    public enum Status { OK, NOTE, PROBLEM }
}
