// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a proxy setting sends traffic: Windows' {@code ProxyServer} ({@code 127.0.0.1:7890}, or
 * per protocol {@code http=127.0.0.1:7890;https=…}) or a Linux variable ({@code http_proxy=
 * http://user:secret@127.0.0.1:7890/}). Only the host and port are kept, never a user name or
 * password a variable may carry.
 *
 * @param scheme the protocol it is for ({@code http}, {@code https}, {@code socks}…), or null when the setting says none
 * @param host   a name or an address (IPv6 without brackets)
 */
public record ProxyAddress(String scheme, String host, int port) {
    /** scheme://[user[:password]@]host:port[/…], the scheme and the credentials optional. */
    private static final Pattern URL = Pattern.compile(
            "^(?:([A-Za-z][A-Za-z0-9+.-]*)://)?(?:[^@/]*@)?(\\[[0-9A-Fa-f:.]+]|[^:/\\[\\]@]+):(\\d{1,5})(?:/.*)?$");

    /**
     * The proxies of Windows' {@code ProxyServer} value: one for all protocols, or one per
     * {@code protocol=} entry. Entries without a port are left out (nothing to check them by).
     */
    public static List<ProxyAddress> ofWindowsSetting(String proxyServer) {
        List<ProxyAddress> found = new ArrayList<>();
        if (proxyServer == null) {
            return found;
        }
        for (String entry : proxyServer.split("[;\\s]+")) {
            String e = entry.strip();
            String scheme = null;
            int eq = e.indexOf('=');
            if (eq > 0 && !e.substring(0, eq).contains(":")) {
                scheme = e.substring(0, eq).toLowerCase(Locale.ROOT);
                e = e.substring(eq + 1);
            }
            String entryScheme = scheme;
            ofUrl(e).map(a -> entryScheme == null ? a : new ProxyAddress(entryScheme, a.host(), a.port())).ifPresent(found::add);
        }
        return found;
    }

    /** A proxy URL as Linux programs read {@code http_proxy}: with or without a scheme; empty without a port. */
    public static Optional<ProxyAddress> ofUrl(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = URL.matcher(value.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return Optional.of(new ProxyAddress(m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT), host, port));
    }

    /**
     * Whether it is Windows' or the distro's own IPv4 loopback: 127.0.0.0/8 or the names
     * {@code localhost} and {@code loopback}, the ones WSL drops in NAT mode (LxssHttpProxy.cpp).
     * IPv6's ::1 is not: WSL drops it in every mode, which mirrored mode does not change.
     */
    public boolean loopback() {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("loopback") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** host:port as a user writes it. */
    public String hostPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
