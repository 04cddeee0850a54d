package dev.netdoctor.model;

/** A fix the user can apply (by id) or follow (advice), in plain words. */
public record FixSuggestion(String id, String title, String detail) {
}
