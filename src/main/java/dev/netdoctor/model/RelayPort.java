// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/**
 * One port of the user's app in WSL, seen from Windows' localhost.
 *
 * @param distroListeners  the distro's listeners on the port
 * @param windowsListeners Windows' listeners on the port with their owners (empty when not seen from Windows)
 * @param connects         the app's own connects on Windows: 127.0.0.1, [::1], the distro's address
 * @param relays           WSL's relay processes running on Windows
 * @param distroAddress    the distro's own address (its eth0), null when not known
 */
public record RelayPort(int port, List<TcpConnection> distroListeners, List<TcpConnection> windowsListeners,
                        List<RelayConnect> connects, List<WindowsProcess> relays, String distroAddress) {
    public RelayPort {
        distroListeners = List.copyOf(distroListeners);
        windowsListeners = List.copyOf(windowsListeners);
        connects = List.copyOf(connects);
        relays = List.copyOf(relays);
    }

    /** The distro's listeners WSL's relay forwards to Windows' {@code windowsLoopback} (127.0.0.1 or ::1). */
    public List<TcpConnection> relayedTo(String windowsLoopback) {
        return distroListeners.stream()
                .filter(l -> RelayAddresses.windowsLoopbackFor(l.localAddress()).filter(windowsLoopback::equals).isPresent())
                .toList();
    }

    /** The app's connect to {@code address}, if it made one. */
    public java.util.Optional<RelayConnect> connect(String address) {
        return connects.stream().filter(c -> c.address().equals(address)).findFirst();
    }

    /** Windows' listeners on {@code address} (exactly, or through a wildcard bind of the same family). */
    public List<TcpConnection> windowsListenersFor(String address) {
        return windowsListeners.stream().filter(l -> ServicePort.covers(l.localAddress(), address)).toList();
    }
}
