// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A packet marking as OpenSSH's IPQoS names it, with the byte it puts in the IPv4 ToS /
 * IPv6 traffic-class field. "lowdelay", "throughput" and "reliability" are the old
 * pre-DSCP ToS values; the rest are DSCP code points shifted left by two.
 */
public record DscpClass(String name, int tos) {
    private static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("none", 0x00),
            Map.entry("af11", 0x28), Map.entry("af12", 0x30), Map.entry("af13", 0x38),
            Map.entry("af21", 0x48), Map.entry("af22", 0x50), Map.entry("af23", 0x58),
            Map.entry("af31", 0x68), Map.entry("af32", 0x70), Map.entry("af33", 0x78),
            Map.entry("af41", 0x88), Map.entry("af42", 0x90), Map.entry("af43", 0x98),
            Map.entry("cs0", 0x00), Map.entry("cs1", 0x20), Map.entry("cs2", 0x40),
            Map.entry("cs3", 0x60), Map.entry("cs4", 0x80), Map.entry("cs5", 0xa0),
            Map.entry("cs6", 0xc0), Map.entry("cs7", 0xe0),
            Map.entry("ef", 0xb8), Map.entry("le", 0x04),
            Map.entry("lowdelay", 0x10), Map.entry("throughput", 0x08), Map.entry("reliability", 0x04));

    public static final DscpClass UNMARKED = new DscpClass("none", 0);

    public DscpClass {
        if (tos < 0 || tos > 0xff) {
            throw new IllegalArgumentException("ToS byte out of range: " + tos);
        }
    }

    /** Parses an IPQoS word as ssh_config(5) accepts it: a name or a number (decimal or 0x hex). */
    public static Optional<DscpClass> parse(String word) {
        if (word == null || word.isBlank()) {
            return Optional.empty();
        }
        String w = word.trim().toLowerCase(Locale.ROOT);
        Integer tos = NAMED.get(w);
        if (tos != null) {
            return Optional.of(new DscpClass(w, tos));
        }
        try {
            int value = w.startsWith("0x") ? Integer.parseInt(w.substring(2), 16) : Integer.parseInt(w);
            return value >= 0 && value <= 0xff ? Optional.of(new DscpClass(w, value)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean marked() {
        return tos != 0;
    }

    /** The DSCP code point (upper six bits). */
    public int dscp() {
        return tos >> 2;
    }

    @Override
    public String toString() {
        return name + String.format(" (ToS 0x%02x)", tos);
    }
}
