// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.Map;

/**
 * The user's OpenSSH client: its version, and the settings it would really use for the target
 * ({@code ssh -G}), of which IPQoS matters most: the first word is the marking used while
 * connecting and for interactive sessions, the second for bulk transfers.
 */
public record SshClientFacts(boolean installed, String version, Map<String, String> effective,
                             String interactiveQos, String bulkQos, String note) {
    public SshClientFacts {
        effective = effective == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(effective));
    }

    public static SshClientFacts missing(String note) {
        return new SshClientFacts(false, null, Map.of(), null, null, note);
    }
}
