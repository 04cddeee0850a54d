// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One fact read on Windows: its value, or why it is not known ("denied", "not on this Windows",
 * "PowerShell gave no answer"). Never both, never neither: a fact that could not be read is never
 * taken for "fine", and the report says why it is missing.
 *
 * @param value          the fact, when it was read (an empty list is a read that found none)
 * @param unknownBecause why it was not read, in the user's words; null when it was
 */
public record Fact<T>(T value, String unknownBecause) {
    public Fact {
        if ((value == null) == (unknownBecause == null)) {
            throw new IllegalArgumentException("a fact is either known or unknown with a reason");
        }
    }

    public static <T> Fact<T> known(T value) {
        return new Fact<>(Objects.requireNonNull(value), null);
    }

    public static <T> Fact<T> unknown(String because) {
        return new Fact<>(null, because == null || because.isBlank() ? "no answer" : because);
    }

    public boolean known() {
        return value != null;
    }

    public Optional<T> get() {
        return Optional.ofNullable(value);
    }
}
