// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/** The user's ssh run once with one IPQoS value; {@code run} holds the command and its output. */
public record OpenSshAttempt(String ipqos, Result result, long millis, String lastStep, CommandRun run) {
    /** How far the user's ssh got, read from its own messages. */
    public enum Result {
        /** Key exchange completed (we stop it at the host key check, before any login). */
        KEY_EXCHANGE_DONE,
        /** TCP connected but the SSH conversation stalled. */
        STALLED_AFTER_CONNECT,
        /** The TCP connect itself timed out (SYN-SENT until ConnectTimeout). */
        CONNECT_TIMED_OUT,
        REFUSED,
        UNREACHABLE,
        NAME_NOT_RESOLVED,
        OTHER
    }
}
