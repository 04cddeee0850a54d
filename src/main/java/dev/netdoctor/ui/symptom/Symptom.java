// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.symptom;

import dev.netdoctor.ui.Texts;

/** The first question of the wizard, in the user's words (texts in messages.properties). */
public enum Symptom {
    SSH_HANGS, NAMES_DONT_RESOLVE, OWN_PORT_UNREACHABLE, SETTING_DOES_NOTHING, NOT_SURE;

    /** Whether the step asks for a machine (a name or an address; for names, a name). */
    public boolean asksForTarget() {
        return this != OWN_PORT_UNREACHABLE && this != SETTING_DOES_NOTHING;
    }

    /** Whether the step asks for the user's own service port. */
    public boolean asksForServicePort() {
        return this == OWN_PORT_UNREACHABLE || this == NOT_SURE;
    }

    public String title() {
        return Texts.get("symptom." + name() + ".title");
    }

    public String description() {
        return Texts.get("symptom." + name() + ".detail");
    }
}
