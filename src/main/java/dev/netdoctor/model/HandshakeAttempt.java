// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
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
        NOTHING("got no connection at all"),
        TCP_CONNECTED("connected, but the server never introduced itself"),
        BANNER_RECEIVED("stopped after the server introduced itself"),
        KEY_EXCHANGE_STARTED("stopped during the key exchange"),
        KEY_EXCHANGE_DONE("reached the server's host key");

        private final String words;

        Stage(String words) {
            this.words = words;
        }

        /** How far it got, in plain words. */
        public String describe() {
            return words;
        }
    }
}
