// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

/** A fix that was refused or could not be completed; the message is for the user, as is. */
public final class FixException extends Exception {
    private static final long serialVersionUID = 1L;

    public FixException(String message) {
        super(message);
    }

    public FixException(String message, Throwable cause) {
        super(message, cause);
    }
}
