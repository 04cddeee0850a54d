package dev.netdoctor.ui;

/** One line of the "Your system" checklist. */
public record CheckItem(Status status, String label, String value) {
    /** How the line is marked: fine, worth knowing, or a problem. */
    public enum Status { OK, NOTE, PROBLEM }
}
