// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/**
 * A network adapter as Windows lists it.
 *
 * @param index       the interface index routes refer to
 * @param alias       the friendly name people see ("Wi-Fi", "vEthernet (WSL (Hyper-V firewall))"), may be empty
 * @param description the adapter's description ("PANGP Virtual Ethernet Adapter")
 * @param addresses   its addresses with prefix length, "198.18.1.1/24"
 */
public record WindowsInterface(int index, String alias, String description, int mtu, boolean up, List<String> addresses) {
    public WindowsInterface {
        addresses = List.copyOf(addresses);
    }

    /** The name to show: the alias, or the description where Windows gave none. */
    public String shownName() {
        return alias != null && !alias.isBlank() ? alias : description;
    }

    /**
     * The adapter as people find it in Windows' adapter list: its description, with its alias where
     * that differs, {@code "PANGP Virtual Ethernet Adapter" ("Ethernet 3")}.
     */
    public String describedName() {
        String d = description == null || description.isBlank() ? null : description;
        String a = alias == null || alias.isBlank() ? null : alias;
        if (d == null || d.equals(a)) {
            return "\"" + shownName() + "\"";
        }
        return "\"" + d + "\"" + (a == null ? "" : " (\"" + a + "\")");
    }

    /** Whether {@code address} is one of this adapter's own. */
    public boolean holds(String address) {
        return addresses.stream().anyMatch(a -> a.equals(address) || a.startsWith(address + "/"));
    }
}
