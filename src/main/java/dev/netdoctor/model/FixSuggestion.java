// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.Objects;

/**
 * A fix the user can apply or follow, in plain words: its stable id, and
 * the plan of what applying it changes ({@link FixPlan.ByHand} for advice).
 */
public record FixSuggestion(FixId id, String title, String detail, FixPlan plan) {
    public FixSuggestion {
        Objects.requireNonNull(id, "id");
        plan = plan == null ? FixPlan.BY_HAND : plan;
        // Steps to follow are always possible (a saved fix whose parameters do not make a whole
        // plan reads back so); writing another kind of file than the fix's own never is.
        if (!(plan instanceof FixPlan.ByHand) && !id.plan().isInstance(plan)) {
            throw new IllegalArgumentException(id + " does not write with a " + plan.getClass().getSimpleName() + " plan");
        }
    }

    /** Advice: steps the user follows. */
    public FixSuggestion(FixId id, String title, String detail) {
        this(id, title, detail, FixPlan.BY_HAND);
    }
}
