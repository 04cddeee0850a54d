// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/** One TCP connect with one packet marking. */
public record ConnectAttempt(DscpClass marking, ConnectResult result, long millis, String error) {
}
