// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/**
 * One row of Windows' route table. {@code metric} is the route's own metric: Windows adds the
 * interface's metric to it, which OSHI does not give.
 */
public record WindowsRoute(String destination, int prefixLength, String gateway, int interfaceIndex, int metric) {
}
