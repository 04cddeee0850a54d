package dev.netdoctor.ui;

/** The first question of the wizard, in the user's words. */
public enum Symptom {
    SSH_HANGS("SSH to a machine on my network hangs",
            "ssh sits there with no answer, while ping and Windows' own ssh work."),
    OWN_PORT_UNREACHABLE("My app on this computer can't reach its own port",
            "A service runs in WSL, but connecting to it through 127.0.0.1 fails."),
    NOT_SURE("Not sure — check everything",
            "Look at this computer's network setup and run every check.");

    private final String title;
    private final String description;

    Symptom(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }
}
