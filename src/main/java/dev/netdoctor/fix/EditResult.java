// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import java.util.List;

/**
 * What a pure text edit of a config file produced. {@code updated} holds the complete new
 * bytes (equal to the input when nothing had to change). {@code notes} say in plain words what
 * the edit did; {@code conflicts} say why the goal cannot be reached by this edit alone and
 * what the user must change (when non-empty, the edit must not be applied).
 */
public record EditResult(byte[] updated, boolean changed, List<String> notes, List<String> conflicts) {
    public EditResult {
        updated = updated.clone();
        notes = List.copyOf(notes);
        conflicts = List.copyOf(conflicts);
    }

    @Override
    public byte[] updated() {
        return updated.clone();
    }

    public boolean applicable() {
        return conflicts.isEmpty();
    }
}
