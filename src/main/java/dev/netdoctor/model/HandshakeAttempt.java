package dev.netdoctor.model;

/**
 * One SSH handshake with one packet marking: how far it got, and what the server said about
 * itself. It stops at the host key; no credentials are ever sent.
 */
public record HandshakeAttempt(DscpClass marking, Stage reached, boolean completed, long millis,
                               String serverVersion, String keyExchange, String hostKeyType,
                               String hostKeyFingerprint, String error) {
    /** The stages of an SSH connection, in order. */
    public enum Stage {
        NOTHING, TCP_CONNECTED, BANNER_RECEIVED, KEY_EXCHANGE_STARTED, KEY_EXCHANGE_DONE
    }
}
