// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/**
 * Whether this Linux is WSL, which generation, and how its networking is set up.
 * {@code networkingMode} is nat, mirrored, virtioproxy, none, or null when unknown;
 * {@code modeSource} says how we know (wslinfo, or which observation we inferred it from).
 */
public record WslFacts(Kind kind, String distro, String networkingMode, String modeSource, List<String> evidence) {
    public enum Kind { NOT_WSL, WSL1, WSL2 }

    public WslFacts {
        evidence = List.copyOf(evidence);
    }

    public String describe() {
        return switch (kind) {
            case NOT_WSL -> "Not WSL: this is a regular Linux system";
            case WSL1 -> "WSL 1" + (distro == null ? "" : " (" + distro + ")");
            case WSL2 -> "WSL 2" + (distro == null ? "" : " (" + distro + ")")
                    + ", networking: " + (networkingMode == null ? "unknown" : networkingMode);
        };
    }
}
