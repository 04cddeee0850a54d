// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/**
 * A TCP connect from this machine to one of its own addresses ({@code 127.0.0.1}, {@code ::1},
 * an interface address, {@code 127.0.0.2}). {@code label} says which kind it is for people.
 */
public record LocalConnect(String address, String label, int port, ConnectResult result, long millis, String error) {
    public boolean failed() {
        return result == ConnectResult.REFUSED || result == ConnectResult.TIMED_OUT;
    }
}
