package dev.netdoctor.model;

/** One TCP connect with one packet marking. */
public record ConnectAttempt(DscpClass marking, ConnectResult result, long millis, String error) {
}
