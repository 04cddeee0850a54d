// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.TcpConnection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Watches the TCP table over time so it can say how long a socket has been stuck in a state
 * ("ssh, pid 4242, in SYN-SENT for 12 s"). A socket first seen in a snapshot counts from then:
 * the age is a lower bound, never a guess.
 */
public final class SocketTable {
    private final Supplier<List<TcpConnection>> source;
    private final LongSupplier clockMillis;
    private final Map<String, Long> firstSeen = new HashMap<>();

    public SocketTable(Supplier<List<TcpConnection>> source, LongSupplier clockMillis) {
        this.source = source;
        this.clockMillis = clockMillis;
    }

    public SocketTable(HostInspector inspector) {
        this(inspector::watchedConnections, System::currentTimeMillis);
    }

    /** A fresh snapshot with ages; sockets that disappeared are forgotten. */
    public synchronized List<TcpConnection> snapshot() {
        long now = clockMillis.getAsLong();
        List<TcpConnection> rows = source.get();
        Map<String, Long> seen = new HashMap<>();
        List<TcpConnection> aged = rows.stream().map(c -> {
            String key = key(c);
            long since = firstSeen.getOrDefault(key, now);
            seen.put(key, since);
            return c.withAge(now - since);
        }).toList();
        firstSeen.clear();
        firstSeen.putAll(seen);
        return aged;
    }

    /** Sockets waiting for an answer to their SYN from {@code address:port}. */
    public static List<TcpConnection> synSentTo(List<TcpConnection> rows, String address, int port) {
        return rows.stream()
                .filter(TcpConnection::synSent)
                .filter(c -> c.remotePort() == port && sameAddress(c.remoteAddress(), address))
                .toList();
    }

    private static boolean sameAddress(String a, String b) {
        return a.equals(b) || a.equals("::ffff:" + b) || b.equals("::ffff:" + a);
    }

    private static String key(TcpConnection c) {
        return c.state() + "|" + c.localAddress() + ":" + c.localPort() + "|" + c.remoteAddress() + ":" + c.remotePort() + "|" + c.pid() + (c.onWindows() ? "|windows" : "");
    }
}
