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
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

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
        return open(address, port, marking, timeout, () -> false);
    }

    /**
     * The same, given up early (as a time-out) once {@code givenUp} says the answer will not come;
     * asked every {@link dev.netdoctor.host.LinuxSide#ENOUGH_POLL}.
     */
    public static SocketChannel open(InetAddress address, int port, DscpClass marking, Duration timeout, BooleanSupplier givenUp)
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
                    long start = System.nanoTime();
                    while (!channel.finishConnect()) {
                        long left = (deadline - System.nanoTime()) / 1_000_000;
                        if (left <= 0) {
                            throw new SocketTimeoutException("connect timed out after " + timeout.toMillis() + " ms");
                        }
                        if (givenUp.getAsBoolean()) {
                            throw new SocketTimeoutException("connect timed out after " + millisSince(start)
                                    + " ms (given up: the marked-SYN check found this marking dropped)");
                        }
                        selector.select(Math.min(left, dev.netdoctor.host.LinuxSide.ENOUGH_POLL.toMillis()));
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

    /**
     * The marked-SYN check from this process: rounds of SYNs as {@link MarkedRounds} schedules
     * them, every connect non-blocking on one selector, each socket closed as soon as it answered
     * and all of them when the rounds are decided. {@code onAnswer} hears each marking's first
     * answer (or failure) once.
     */
    public static MarkedRounds.Outcome rounds(InetAddress address, int port, List<DscpClass> classes, Duration limit,
                                              Consumer<ConnectAttempt> onAnswer) throws IOException, InterruptedException {
        MarkedRounds plan = new MarkedRounds(classes, limit);
        long start = System.nanoTime();
        List<SocketChannel> open = new ArrayList<>();
        java.util.Set<Integer> reported = new java.util.HashSet<>();
        try (Selector selector = Selector.open()) {
            while (true) {
                long now = System.nanoTime() - start;
                List<DscpClass> due = plan.roundDue(now);
                int round = plan.roundsSent() - 1;
                for (DscpClass c : due) {
                    send(selector, open, plan, address, port, c, round, now, start);
                }
                now = System.nanoTime() - start;
                if (plan.done(now)) {
                    return plan.outcome(now);
                }
                long waitMillis = Math.max(1, (plan.nextCheck(now) - now + 999_999) / 1_000_000);
                selector.select(waitMillis);
                if (Thread.interrupted()) {
                    throw new InterruptedException("connects cancelled");
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Shot shot = (Shot) key.attachment();
                    SocketChannel channel = (SocketChannel) key.channel();
                    ConnectResult result;
                    String error = null;
                    try {
                        channel.finishConnect();
                        result = ConnectResult.CONNECTED;
                    } catch (IOException e) {
                        result = ConnectErrors.classify(e);
                        error = e.getMessage();
                    }
                    key.cancel();
                    channel.close();
                    long at = System.nanoTime() - start;
                    plan.ended(shot.round(), shot.marking().tos(), result, at, error);
                    if (reported.add(shot.marking().tos())) {
                        onAnswer.accept(new ConnectAttempt(shot.marking(), result, (at - shot.sentAt()) / 1_000_000, error));
                    }
                }
                selector.selectedKeys().clear();
            }
        } finally {
            for (SocketChannel c : open) {
                c.close();
            }
        }
    }

    private record Shot(int round, DscpClass marking, long sentAt) {
    }

    private static void send(Selector selector, List<SocketChannel> open, MarkedRounds plan, InetAddress address, int port,
                             DscpClass marking, int round, long sentAt, long start) throws IOException {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(address instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        } catch (IOException e) {
            plan.ended(round, marking.tos(), ConnectResult.ERROR, sentAt, e.getMessage());
            return;
        }
        open.add(channel);
        try {
            if (marking.marked()) {
                channel.setOption(StandardSocketOptions.IP_TOS, marking.tos());
            }
            channel.configureBlocking(false);
            if (channel.connect(new InetSocketAddress(address, port))) {
                plan.ended(round, marking.tos(), ConnectResult.CONNECTED, System.nanoTime() - start, null);
                channel.close();
                return;
            }
            channel.register(selector, SelectionKey.OP_CONNECT, new Shot(round, marking, sentAt));
        } catch (IOException e) {
            plan.ended(round, marking.tos(), ConnectErrors.classify(e), System.nanoTime() - start, e.getMessage());
            channel.close();
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
