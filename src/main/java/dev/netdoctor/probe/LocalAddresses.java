// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.Standpoint;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.NetInterface;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The addresses through which a program on this machine reaches its own services, and
 * connecting through each of them. A connect to oneself needs no network, so it answers in
 * well under a millisecond or not at all: a short limit is conclusive.
 */
public final class LocalAddresses {
    static final Duration LOCAL_TIMEOUT = Duration.ofMillis(600);
    public static final String LOOPBACK_V4 = "127.0.0.1";
    public static final String LOOPBACK_V6 = "::1";
    /** Another 127/8 address: WSL's mirrored mode redirects only 127.0.0.1, so this one stays inside Linux. */
    public static final String OTHER_LOOPBACK = "127.0.0.2";

    private LocalAddresses() {
    }

    /** Address → label, in the order people think of them. */
    public static Map<String, String> of(Environment env) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put(LOOPBACK_V4, "loopback");
        if (hasIpv6Loopback(env)) {
            result.put(LOOPBACK_V6, "IPv6 loopback");
        }
        for (NetInterface i : env.interfaces()) {
            if (!i.up() || i.name().equals("lo")) {
                continue;
            }
            for (String a : i.ipv4()) {
                if (!a.startsWith("127.")) {
                    result.putIfAbsent(a, "address of " + i.name());
                }
            }
            for (String a : i.ipv6()) {
                String lower = a.toLowerCase();
                if (!lower.startsWith("fe80") && !lower.equals("::1") && !lower.contains("%")) {
                    result.putIfAbsent(a, "IPv6 address of " + i.name());
                }
            }
        }
        result.put(OTHER_LOOPBACK, "another loopback address");
        return result;
    }

    private static boolean hasIpv6Loopback(Environment env) {
        return env.interfaces().stream().filter(i -> i.name().equals("lo"))
                .anyMatch(i -> i.ipv6().stream().anyMatch(a -> a.equals("::1") || a.equals("0:0:0:0:0:0:0:1")));
    }

    /**
     * Connects to each address on {@code port} at the same time, from where the Linux side is:
     * this process on this machine, or inside the distro when the app runs on Windows.
     */
    static List<LocalConnect> connectAll(ProbeContext ctx, Map<String, String> addresses, int port) throws Exception {
        return switch (ctx.linux().standpoint()) {
            case THIS_LINUX -> connectAll(addresses, port, port);
            // this process's sockets would be Windows': connect from inside the distro
            case WINDOWS -> DistroConnects.connect(ctx.linux(), addresses, port, LOCAL_TIMEOUT);
        };
    }

    /** How long the connects of {@link #connectAll(ProbeContext, Map, int)} may take from where the app stands. */
    static Duration connectLimit(Standpoint standpoint) {
        return switch (standpoint) {
            case THIS_LINUX -> LOCAL_TIMEOUT;
            // inside a distro a connect without answer is tried once more (DistroConnects.CONFIRM_LIMIT)
            case WINDOWS -> LOCAL_TIMEOUT.plus(DistroConnects.CONFIRM_LIMIT);
        };
    }

    /** Connects to each address on {@code port} at the same time, from this process. */
    static List<LocalConnect> connectAll(Map<String, String> addresses, int port, int v6Port) throws Exception {
        List<Map.Entry<String, String>> reachable = addresses.entrySet().stream()
                .filter(e -> (e.getKey().contains(":") ? v6Port : port) > 0).toList();
        return Parallel.map(reachable, e -> {
            int p = e.getKey().contains(":") ? v6Port : port;
            ConnectAttempt a = MarkedConnector.attempt(InetAddress.ofLiteral(e.getKey()), p, DscpClass.UNMARKED, LOCAL_TIMEOUT);
            return new LocalConnect(e.getKey(), e.getValue(), p, a.result(), a.millis(), a.error());
        });
    }

    static String describe(LocalConnect c) {
        String how = switch (c.result()) {
            case CONNECTED -> "connected in " + c.millis() + " ms";
            case REFUSED -> "refused in " + c.millis() + " ms";
            case TIMED_OUT -> "no answer within " + c.millis() + " ms";
            case UNREACHABLE -> "unreachable: " + c.error();
            case ERROR -> "error: " + c.error();
        };
        String addr = c.address().contains(":") ? "[" + c.address() + "]" : c.address();
        return addr + ":" + c.port() + " (" + c.label() + "): " + how;
    }
}
