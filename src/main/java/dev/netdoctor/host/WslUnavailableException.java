// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

/** WSL cannot be used for the checks; the message says why and what to do, in plain words. */
public final class WslUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public WslUnavailableException(String message) {
        super(message);
    }
}
