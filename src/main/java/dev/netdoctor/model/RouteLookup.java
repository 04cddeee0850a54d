// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/**
 * The kernel's answer for one destination ({@code ip route get}): the interface and gateway
 * packets would leave through. {@code protocol} (and {@code port}) are set when the lookup was
 * asked for that IP protocol and port: policy rules can send TCP elsewhere than ICMP.
 */
public record RouteLookup(String destination, String protocol, Integer port, String device, String gateway,
                          String source, String table, String type, String error) {
    public boolean found() {
        return error == null && device != null;
    }

    /** One line a person can read: {@code 127.0.0.1 (tcp) → loopback0 via 169.254.73.152 [table 127]}. */
    public String describe() {
        String what = destination + (protocol == null ? "" : " (" + protocol + (port == null ? "" : " port " + port) + ")");
        if (error != null) {
            return what + " → no route: " + error;
        }
        return what + " → " + device
                + (gateway == null ? "" : " via " + gateway)
                + (table == null || table.equals("main") ? "" : " [table " + table + "]");
    }
}
