// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.checks;

import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.ui.Texts;

/**
 * One row of the live socket table, as shown. A program of the user's (their own ssh, waiting)
 * reads "your ssh", a row of our checks "this check": side by side they must not look alike.
 */
public record SocketRow(String state, String local, String remote, String process, String pid, String waited,
                        boolean synSent, boolean ours) {
    static SocketRow of(TcpConnection c) {
        return new SocketRow(c.state().replace('_', '-'), endpoint(c.localAddress(), c.localPort()), endpoint(c.remoteAddress(), c.remotePort()),
                c.ours() ? Texts.get("checks.ours") : c.pid() < 0 ? Texts.get("checks.unknownProcess")
                        : Texts.get("checks.yours", c.processName() == null || c.processName().isEmpty() ? "pid " + c.pid() : c.processName()),
                c.pid() < 0 ? "—" : Integer.toString(c.pid()),
                c.synSent() ? waited(c) : "",
                c.synSent(), c.ours());
    }

    /** A program of the user's, seen with its name (the table shows us only our own user's programs' ids). */
    public boolean yours() {
        return !ours && !pid.equals("—");
    }

    /**
     * How long the connection has waited. We know the socket only since our first look at it;
     * a program of the user's that connects as it starts (ssh) has waited as long as it has run,
     * which can be minutes before the checks began.
     */
    private static String waited(TcpConnection c) {
        long millis = !c.ours() && c.processAgeMillis() > c.ageMillis() ? c.processAgeMillis() : c.ageMillis();
        if (millis < 60_000) {
            return Texts.get("checks.waited.seconds", String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0));
        }
        long seconds = millis / 1000;
        return seconds < 3600 ? Texts.get("checks.waited.minutes", seconds / 60, seconds % 60)
                : Texts.get("checks.waited.hours", seconds / 3600, seconds % 3600 / 60);
    }

    private static String endpoint(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
