// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/**
 * One port of a program on Windows that WSL should reach.
 *
 * @param windowsAddress   the address WSL reaches Windows at: the distro's gateway in NAT mode, 127.0.0.1 in mirrored mode
 * @param windowsListeners Windows' listeners on the port with their owners; null when not read (the app runs inside WSL)
 * @param fromWindows      the app's own connect on Windows to {@code windowsAddress}; null when not made
 * @param fromDistro       the connect from inside the distro to {@code windowsAddress}; null when it could not be made
 * @param distroError      why the distro's connect could not be made, or null
 */
public record WindowsService(int port, String windowsAddress, List<TcpConnection> windowsListeners, LocalConnect fromWindows,
                             LocalConnect fromDistro, String distroError) {
    public WindowsService {
        windowsListeners = windowsListeners == null ? null : List.copyOf(windowsListeners);
    }

    public boolean listenersKnown() {
        return windowsListeners != null;
    }

    /** Whether every Windows listener on the port is on a loopback address only (none for WSL's adapter). */
    public boolean loopbackOnly() {
        return listenersKnown() && !windowsListeners.isEmpty()
                && windowsListeners.stream().allMatch(l -> isLoopback(l.localAddress()));
    }

    /** Whether some Windows listener takes connections to {@code windowsAddress}. */
    public boolean listensForWsl() {
        return listenersKnown() && windowsListeners.stream().anyMatch(l -> ServicePort.covers(l.localAddress(), windowsAddress));
    }

    static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
    }
}
