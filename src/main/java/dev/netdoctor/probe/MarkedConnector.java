// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DscpClass;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Opens TCP connections whose very first packet (the SYN) carries a chosen DSCP/ToS mark.
 * A dual-stack {@code java.net.Socket} on Linux ignores {@code setTrafficClass} for IPv4
 * targets, so we open a channel of the target's own address family and set IP_TOS on it
 * before connecting.
 */
public final class MarkedConnector {
    private MarkedConnector() {
    }

    /** Opens a connected, blocking channel, or throws with the reason (timeout as SocketTimeoutException). */
    public static SocketChannel open(InetAddress address, int port, DscpClass marking, Duration timeout)
            throws IOException, InterruptedException {
        SocketChannel channel = SocketChannel.open(address instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        boolean ok = false;
        try {
            if (marking.marked()) {
                channel.setOption(StandardSocketOptions.IP_TOS, marking.tos());
            }
            channel.configureBlocking(false);
            if (!channel.connect(new InetSocketAddress(address, port))) {
                try (Selector selector = Selector.open()) {
                    channel.register(selector, SelectionKey.OP_CONNECT);
                    long deadline = System.nanoTime() + timeout.toNanos();
                    while (!channel.finishConnect()) {
                        long left = (deadline - System.nanoTime()) / 1_000_000;
                        if (left <= 0) {
                            throw new SocketTimeoutException("connect timed out after " + timeout.toMillis() + " ms");
                        }
                        selector.select(left);
                        if (Thread.interrupted()) {
                            throw new InterruptedException("connect cancelled");
                        }
                        selector.selectedKeys().clear();
                    }
                }
            }
            channel.configureBlocking(true);
            ok = true;
            return channel;
        } finally {
            if (!ok) {
                channel.close();
            }
        }
    }

    /** One connect attempt, reported as data; the connection is closed right away. */
    public static ConnectAttempt attempt(InetAddress address, int port, DscpClass marking, Duration timeout)
            throws InterruptedException {
        long start = System.nanoTime();
        try (SocketChannel ignored = open(address, port, marking, timeout)) {
            return new ConnectAttempt(marking, ConnectResult.CONNECTED, millisSince(start), null);
        } catch (IOException e) {
            return new ConnectAttempt(marking, ConnectErrors.classify(e), millisSince(start), e.getMessage());
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
