// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/**
 * The same name looked up on Windows itself, through Windows' own resolver (the one every Windows
 * program uses, which applies the VPN's name rules, NRPT), when the app runs on Windows: what
 * Windows finds for a name the distro may not.
 *
 * @param addresses what Windows found, IPv4 first; empty when it found nothing
 * @param error     why nothing was found, in words; null when something was
 * @param millis    how long the lookup took (or was waited for)
 * @param timedOut  Windows' resolver gave no answer within the app's limit
 */
public record WindowsNameLookup(List<String> addresses, String error, long millis, boolean timedOut) {
    public WindowsNameLookup {
        addresses = List.copyOf(addresses);
    }

    public boolean resolved() {
        return !addresses.isEmpty();
    }
}
