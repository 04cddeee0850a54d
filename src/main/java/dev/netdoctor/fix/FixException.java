// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

/** A fix that was refused or could not be completed; the message is for the user, as is. */
public final class FixException extends Exception {
    private static final long serialVersionUID = 1L;
    /** The request itself was wrong (a folder for a file, a backup that does not exist): exit 2, not "refused". */
    private final boolean badInput;

    public FixException(String message) {
        this(message, null, false);
    }

    public FixException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private FixException(String message, Throwable cause, boolean badInput) {
        super(message, cause);
        this.badInput = badInput;
    }

    /** The user named something no fix can work on; nothing was looked at beyond that. */
    public static FixException badInput(String message) {
        return new FixException(message, null, true);
    }

    public boolean isBadInput() {
        return badInput;
    }
}
