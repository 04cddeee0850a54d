// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.Locale;
import java.util.Optional;

/** The networking modes WSL accepts in {@code networkingMode}, as they are written in .wslconfig. */
public enum NetworkingMode {
    NAT, MIRRORED, VIRTIOPROXY, NONE;

    /** The value as the file spells it: {@code nat}, {@code mirrored}, … */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a file value or {@code wslinfo --networking-mode} names (WSL compares without case), or empty. */
    public static Optional<NetworkingMode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (NetworkingMode m : values()) {
            if (m.value().equalsIgnoreCase(t)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
