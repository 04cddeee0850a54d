// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe.dns;

import dev.netdoctor.model.WindowsNameLookup;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Looks a name up through the system resolver of the app's own machine. On Windows that is
 * GetAddrInfoW, the resolver every Windows program uses, so the VPN's name rules (NRPT) apply,
 * which nslookup and our own DNS questions would bypass. The system resolver has no time limit of
 * ours and cannot be interrupted, so it runs on a thread of its own and is waited for at most the
 * limit: a lookup that hangs is left behind (a daemon thread, it never holds the app) and said to
 * have given no answer.
 */
public final class WindowsResolver {
    /** The system resolver, replaceable in tests. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] all(String name) throws Exception;
    }

    private WindowsResolver() {
    }

    /** {@code name} through this machine's system resolver, within {@code limit}. */
    public static WindowsNameLookup lookUp(String name, Duration limit) throws InterruptedException {
        return start(name).await(limit);
    }

    /**
     * Starts the lookup and returns at once, so it runs beside the distro's own lookup (which goes
     * through wsl.exe); {@link Pending#await} collects it.
     */
    public static Pending start(String name) {
        return start(name, InetAddress::getAllByName);
    }

    static Pending start(String name, Lookup lookup) {
        Pending pending = new Pending(name, System.nanoTime(), new CompletableFuture<>());
        Thread thread = new Thread(() -> {
            try {
                pending.answer.complete(lookup.all(name));
            } catch (Throwable t) {
                pending.answer.completeExceptionally(t);
            }
        }, "windows-resolver");
        thread.setDaemon(true);
        thread.start();
        return pending;
    }

    /** A lookup under way. */
    public static final class Pending {
        private final String name;
        private final long started;
        private final CompletableFuture<InetAddress[]> answer;

        private Pending(String name, long started, CompletableFuture<InetAddress[]> answer) {
            this.name = name;
            this.started = started;
            this.answer = answer;
        }

        /** Its result, waiting at most until {@code limit} after it started. */
        public WindowsNameLookup await(Duration limit) throws InterruptedException {
            long left = limit.toNanos() - (System.nanoTime() - started);
            try {
                InetAddress[] found = answer.get(Math.max(0, left), TimeUnit.NANOSECONDS);
                return new WindowsNameLookup(ordered(found), null, elapsed(started), false);
            } catch (TimeoutException e) {
                return new WindowsNameLookup(List.of(), "Windows' resolver did not answer within " + limit.toSeconds() + " s",
                        elapsed(started), true);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String why = cause instanceof UnknownHostException ? "Windows found no address for " + name
                        : "Windows' resolver failed: " + cause;
                return new WindowsNameLookup(List.of(), why, elapsed(started), false);
            }
        }
    }

    /** Each address once, IPv4 first, as the distro's lookup lists them. */
    static List<String> ordered(InetAddress[] found) {
        Set<String> v4 = new LinkedHashSet<>();
        Set<String> v6 = new LinkedHashSet<>();
        for (InetAddress a : found == null ? new InetAddress[0] : found) {
            (a instanceof Inet4Address ? v4 : v6).add(a.getHostAddress());
        }
        List<String> all = new ArrayList<>(v4);
        all.addAll(v6);
        return all;
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
