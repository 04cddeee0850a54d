package dev.netdoctor.model;

/** How sure the evidence makes us. */
public enum Confidence {
    HIGH, MEDIUM, LOW
}
