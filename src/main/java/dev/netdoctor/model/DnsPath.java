// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.Locale;

/**
 * The way this machine's name lookups go, judged from the first server /etc/resolv.conf names:
 * the rules and the report tell the user which part to blame by it.
 */
public enum DnsPath {
    /** A listener on this machine's loopback: WSL's DNS tunneling. */
    DNS_TUNNELING,
    /** The default gateway: WSL's DNS proxy on Windows (NAT mode). */
    NAT_DNS_PROXY,
    /** Any other server (a VPN's, the office's, one written by hand). */
    OTHER_SERVERS,
    /** resolv.conf names no server. */
    NONE;

    /** The stable id the JSON carries ({@code nat-dns-proxy}): scripts read it, so it never changes. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** How the wizard, the report, the CLI and the findings all name it. */
    public String words() {
        return Words.get("dns.path." + name());
    }
}
