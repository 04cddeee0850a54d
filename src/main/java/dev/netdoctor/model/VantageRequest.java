// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.regex.Pattern;

/**
 * "Another machine I can SSH into", used to look at this machine from outside.
 * {@code identityFile} may be null (the ssh agent is used); {@code acceptedFingerprint} is the
 * SHA-256 host key fingerprint the user confirmed for a host not in known_hosts.
 */
public record VantageRequest(String user, Target host, String identityFile, String acceptedFingerprint) {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}");
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    public VantageRequest {
        if (user == null || !USER.matcher(user).matches()) {
            throw new InvalidInputException("The vantage user \"" + user + "\" is not a valid user name.");
        }
        if (acceptedFingerprint != null && !FINGERPRINT.matcher(acceptedFingerprint).matches()) {
            throw new InvalidInputException("The host key fingerprint must look like SHA256: followed by 43 characters, as ssh prints it.");
        }
    }

    /** {@code USER@HOST[:PORT]}. */
    public static VantageRequest parse(String text, String identityFile, String acceptedFingerprint) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException("The outside machine is empty: write USER@HOST, e.g. alice@198.18.0.20.");
        }
        Target.checkCharacters("outside machine", text, Target.MAX_HOST_LENGTH + 40);
        int at = text.lastIndexOf('@');
        if (at <= 0) {
            throw new InvalidInputException("The outside machine needs a user name to log in with: write USER@HOST, e.g. alice@198.18.0.20.");
        }
        if (at == text.length() - 1) {
            throw new InvalidInputException("The outside machine \"" + text + "\" has a user name but no host after the '@': write USER@HOST,"
                    + " e.g. alice@198.18.0.20.");
        }
        return new VantageRequest(text.substring(0, at), Target.parse(text.substring(at + 1)), identityFile, acceptedFingerprint);
    }

    @Override
    public String toString() {
        return user + "@" + host;
    }
}
