package dev.netdoctor.model;

import java.util.Map;

/**
 * A fix the user can apply (by id, with its parameters, e.g. the host pattern or the WSL
 * networking mode) or follow (advice), in plain words.
 */
public record FixSuggestion(String id, String title, String detail, Map<String, String> parameters) {
    public FixSuggestion {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** Advice, or a fix that needs no parameters. */
    public FixSuggestion(String id, String title, String detail) {
        this(id, title, detail, Map.of());
    }
}
