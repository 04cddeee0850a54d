// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

/** The wizard's steps, in order, each with its name in the sidebar. */
public enum Step {
    SYMPTOM("step.symptom"),
    DETAILS("step.details"),
    SYSTEM("step.system"),
    CHECKS("step.checks"),
    DIAGNOSIS("step.diagnosis"),
    FIX("step.fix"),
    VERIFY("step.verify"),
    REPORT("step.report");

    private final String textKey;

    Step(String textKey) {
        this.textKey = textKey;
    }

    /** As the sidebar names it. */
    public String title() {
        return Texts.get(textKey);
    }

    public boolean isFirst() {
        return this == SYMPTOM;
    }

    public boolean isLast() {
        return this == REPORT;
    }

    /** The step after this one; the last stays last. */
    public Step next() {
        return isLast() ? this : values()[ordinal() + 1];
    }

    /** The step before this one; the first stays first. */
    public Step previous() {
        return isFirst() ? this : values()[ordinal() - 1];
    }

    /** Whether this step comes before {@code other}. */
    public boolean isBefore(Step other) {
        return ordinal() < other.ordinal();
    }
}
