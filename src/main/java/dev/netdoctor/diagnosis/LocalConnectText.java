// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.Words;

/** How local connects read in findings. */
final class LocalConnectText {
    private LocalConnectText() {
    }

    static String address(LocalConnect c) {
        return (c.address().contains(":") ? "[" + c.address() + "]" : c.address()) + ":" + c.port();
    }

    static String describe(LocalConnect c) {
        String label = c.label() == null || c.label().isBlank() ? "" : " (" + c.label() + ")";
        return address(c) + label + ": " + switch (c.result()) {
            case CONNECTED -> Words.get("localConnect.connected");
            case REFUSED -> Words.get("localConnect.refused");
            case TIMED_OUT -> Words.get("localConnect.noAnswer", c.millis());
            case UNREACHABLE, ERROR -> c.error() == null || c.error().isBlank() ? Words.get("localConnect.failed")
                    : Words.get("localConnect.failedWhy", c.error());
        };
    }
}
