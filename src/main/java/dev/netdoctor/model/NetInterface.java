// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/** A network interface as the host reports it. */
public record NetInterface(String name, int mtu, boolean up, List<String> ipv4, List<String> ipv6) {
    public NetInterface {
        ipv4 = List.copyOf(ipv4);
        ipv6 = List.copyOf(ipv6);
    }
}
