// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/** How a single TCP connect attempt ended. */
public enum ConnectResult {
    /** The three-way handshake completed. */
    CONNECTED,
    /** The host answered the SYN with a reset: reachable, nothing listening. */
    REFUSED,
    /** No answer at all within the time limit: the SYN or its answer was lost or dropped. */
    TIMED_OUT,
    /** The network said the host or network cannot be reached (ICMP unreachable, no route). */
    UNREACHABLE,
    /** Something else went wrong (permissions, local error); see the attempt's error text. */
    ERROR;

    /** The peer (or a device on the way) answered the SYN. */
    public boolean answered() {
        return this == CONNECTED || this == REFUSED;
    }
}
