// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/** A port the user's own service should listen on: who listens, and whether local connects reach it. */
public record ServicePort(int port, List<TcpConnection> listeners, List<LocalConnect> connects) {
    public ServicePort {
        listeners = List.copyOf(listeners);
        connects = List.copyOf(connects);
    }

    /** Whether some listener accepts connections to {@code address} (a wildcard bind or that exact address). */
    public boolean listensFor(String address) {
        return listeners.stream().anyMatch(l -> covers(l.localAddress(), address));
    }

    public static boolean covers(String bound, String address) {
        if (bound.equals(address)) {
            return true;
        }
        boolean v6 = address.contains(":");
        // [::] on Linux is dual-stack unless IPV6_V6ONLY, so it also takes IPv4.
        return bound.equals("0.0.0.0") && !v6 || bound.equals("::") || bound.equals("0:0:0:0:0:0:0:0");
    }
}
