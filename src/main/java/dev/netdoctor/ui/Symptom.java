package dev.netdoctor.ui;

/** The first question of the wizard, in the user's words (texts in messages.properties). */
public enum Symptom {
    SSH_HANGS, OWN_PORT_UNREACHABLE, NOT_SURE;

    public String title() {
        return Texts.get("symptom." + name() + ".title");
    }

    public String description() {
        return Texts.get("symptom." + name() + ".detail");
    }
}
