// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/**
 * A connect the app made on Windows to the user's port, then read for a moment: WSL's relay
 * accepts a connection and closes it at once when it cannot reach the app inside WSL, so
 * "connected" alone would call a broken relay a working one.
 *
 * @param closedAtOnce the other side closed the connection before sending anything, within the read's moment
 */
public record RelayConnect(String address, String label, ConnectResult result, boolean closedAtOnce, long millis, String error) {
    /** Connected and still open (or answering): the port works from here. */
    public boolean works() {
        return result == ConnectResult.CONNECTED && !closedAtOnce;
    }
}
