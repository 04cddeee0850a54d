// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/** From the outside host: could it open a TCP connection to this machine's address and port? */
public record VantageCheck(String address, int port, boolean reachable, String method, String output) {
}
