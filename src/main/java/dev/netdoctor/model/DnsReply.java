// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/** What one DNS server answered to one question over one transport, or that it did not. */
public record DnsReply(String server, Transport transport, Outcome outcome, List<String> addresses, long millis, String detail) {
    public DnsReply {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    public enum Transport { UDP, TCP }

    /** How one question ended. */
    public enum Outcome {
        /** The server gave addresses for the name. */
        ANSWER,
        /** The server says the name does not exist. */
        NXDOMAIN,
        /** The name exists but has no address of the kind asked. */
        NO_ADDRESS,
        /** The server failed to find out (its own upstream failed). */
        SERVFAIL,
        /** The server refuses to answer us. */
        REFUSED,
        /** Nothing came back within the limit. */
        NO_ANSWER,
        /** The server's machine said nothing listens there (ICMP port unreachable, TCP refused). */
        UNREACHABLE,
        /** Something else went wrong; {@link DnsReply#detail()} says what. */
        ERROR;

        /** Whether the server answered at all: it is up, whatever it said. */
        public boolean serverAnswered() {
            return this == ANSWER || this == NXDOMAIN || this == NO_ADDRESS || this == SERVFAIL || this == REFUSED;
        }

        /** What the server did, in words that follow "DNS server 198.18.0.1 over UDP:" and fill a table's Answer column alike. */
        public String words() {
            return Words.get("dns.outcome." + name());
        }
    }
}
