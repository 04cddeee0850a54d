// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/** What one DNS server answered to one question over one transport, or that it did not. */
public record DnsReply(String server, Transport transport, Outcome outcome, List<String> addresses, long millis, String detail) {
    public DnsReply {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    /** How {@link #detail()} starts when the answer is for another name than asked (dig: "Question section mismatch"). */
    public static final String QUESTION_MISMATCH = "question mismatch";
    /** The same, when the other name is the one asked with a suffix after it. */
    public static final String SUFFIX_APPENDED = "question mismatch, a suffix appended";

    public enum Transport { UDP, TCP }

    /** The server answered, but for another name than the one asked. */
    public boolean questionMismatch() {
        return outcome == Outcome.ERROR && detail != null && detail.startsWith(QUESTION_MISMATCH);
    }

    /** The server answered for the name asked with a search suffix appended. */
    public boolean suffixAppended() {
        return outcome == Outcome.ERROR && detail != null && detail.startsWith(SUFFIX_APPENDED);
    }

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
