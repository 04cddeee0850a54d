// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Windows says about itself and its WSL, when the app runs on Windows and reaches the
 * distro through wsl.exe. Windows prints these in the user's language, so every part may be
 * null (not understood), and the raw texts are kept for people to read.
 *
 * @param wsl            one line from {@code wsl.exe --version} (WSL, kernel and Windows versions)
 * @param windowsBuild   the Windows build, e.g. 10.0.26100.2605, when it could be read
 * @param defaultDistro  the default distro {@code wsl.exe --status} names
 * @param defaultVersion the WSL version new distros get (1 or 2)
 * @param statusText     what {@code wsl.exe --status} printed, as printed
 * @param wslAdapters    Windows' "vEthernet (WSL…)" adapters, with their MTU (none in mirrored mode)
 * @param interfaces     every adapter Windows lists, with its friendly name (OSHI)
 * @param routes         Windows' route table (OSHI)
 * @param wslAdapter     the adapter that holds the distro's gateway address (found by that address, never by
 *                       its name, which is translated and changes between WSL versions); null when none does
 *                       (mirrored mode) or the distro's gateway is not known
 * @param policy         firewall, reserved ports, port proxies, name rules and proxy (one PowerShell run)
 */
public record WindowsFacts(String wsl, String windowsBuild, String defaultDistro, Integer defaultVersion, String statusText,
                           List<NetInterface> wslAdapters, Fact<List<WindowsInterface>> interfaces,
                           Fact<List<WindowsRoute>> routes, WindowsInterface wslAdapter, WindowsPolicy policy) {
    public WindowsFacts {
        wslAdapters = List.copyOf(wslAdapters);
        interfaces = interfaces == null ? Fact.unknown("not read") : interfaces;
        routes = routes == null ? Fact.unknown("not read") : routes;
        policy = policy == null ? WindowsPolicy.unknown("not read") : policy;
    }

    /** wsl.exe's facts alone, before (or without) Windows' own network and settings. */
    public WindowsFacts(String wsl, String windowsBuild, String defaultDistro, Integer defaultVersion, String statusText,
                        List<NetInterface> wslAdapters) {
        this(wsl, windowsBuild, defaultDistro, defaultVersion, statusText, wslAdapters, null, null, null, null);
    }

    /**
     * The route Windows would send a packet to {@code ipv4} by: the longest prefix that holds it,
     * then the lowest metric, as Windows chooses. Only the route's own metric is known (OSHI gives
     * no interface metric), so between routes of equal prefix on different adapters the choice
     * may differ from Windows' own; a longer prefix always decides. Routes on an adapter that is
     * down are skipped: Windows does not use them. Empty when the table is unknown or holds no route.
     */
    public java.util.Optional<WindowsRoute> routeTo(String ipv4) {
        return best(ipv4, r -> true);
    }

    /**
     * The route Windows would use for {@code ipv4} were only adapter {@code interfaceIndex}'s routes
     * there: what WSL's own adapter offers for the distro's address, beside the route that wins.
     */
    public java.util.Optional<WindowsRoute> routeTo(String ipv4, int interfaceIndex) {
        return best(ipv4, r -> r.interfaceIndex() == interfaceIndex);
    }

    private java.util.Optional<WindowsRoute> best(String ipv4, java.util.function.Predicate<WindowsRoute> among) {
        long target = Ipv4.toLong(ipv4);
        if (target < 0 || !routes.known()) {
            return java.util.Optional.empty();
        }
        return routes.value().stream()
                .filter(among)
                .filter(r -> r.prefixLength() >= 0 && r.prefixLength() <= 32 && Ipv4.toLong(r.destination()) >= 0
                        && Ipv4.sameNetwork(Ipv4.toLong(r.destination()), target, r.prefixLength()))
                .filter(r -> adapter(r.interfaceIndex()).map(WindowsInterface::up).orElse(true))
                .min(java.util.Comparator.comparingInt((WindowsRoute r) -> -r.prefixLength()).thenComparingInt(WindowsRoute::metric));
    }

    /**
     * The adapter Windows sends packets for {@code ipv4} out of ({@link #routeTo}) when it is not
     * WSL's adapter and carries smaller packets than {@code distroMtu}, the MTU of the distro's
     * interface towards the same address: a VPN's tunnel adapter, typically. The distro sends
     * packets up to its own MTU, and the tunnel's "packet too big" answers are often lost on the
     * way back (microsoft/WSL#4698, #5638), so large packets vanish while small ones pass. Empty when
     * the route, its adapter or either MTU is unknown, or the adapter is WSL's own.
     */
    public java.util.Optional<WindowsInterface> smallerLinkTowards(String ipv4, int distroMtu) {
        if (distroMtu <= 0) {
            return java.util.Optional.empty();
        }
        return routeTo(ipv4).flatMap(r -> adapter(r.interfaceIndex()))
                .filter(a -> wslAdapter == null || a.index() != wslAdapter.index())
                .filter(a -> a.mtu() > 0 && a.mtu() < distroMtu);
    }

    /** The adapter with Windows' interface index {@code index}, when the adapters were read. */
    public java.util.Optional<WindowsInterface> adapter(int index) {
        return interfaces.known() ? interfaces.value().stream().filter(i -> i.index() == index).findFirst() : java.util.Optional.empty();
    }

    /** IPv4 text to a number and back to networks; -1 for anything that is not a dotted IPv4 address. */
    private static final class Ipv4 {
        static long toLong(String s) {
            if (s == null) {
                return -1;
            }
            String[] parts = s.strip().split("\\.", -1);
            if (parts.length != 4) {
                return -1;
            }
            long v = 0;
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                    return -1;
                }
                int octet = Integer.parseInt(p);
                if (octet > 255) {
                    return -1;
                }
                v = (v << 8) | octet;
            }
            return v;
        }

        static boolean sameNetwork(long network, long address, int prefix) {
            long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            return (network & mask) == (address & mask);
        }
    }

    /** One fact as people read it; {@code notable}: worth a look (unknown, or unusual). */
    public record Row(String label, String value, boolean notable) {
    }

    /** Label and value for each fact, in reading order, for the reports. */
    public Map<String, String> summary() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows().forEach(r -> rows.put(r.label(), r.value()));
        return rows;
    }

    /**
     * Every fact in reading order, for the wizard's "Your system" and the reports alike: wsl.exe's,
     * then the network Windows shows WSL, then its settings; a fact not read says why.
     */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("WSL", wsl, false));
        if (defaultDistro != null) {
            rows.add(new Row(Words.get("windows.row.defaultDistro"), defaultDistro, false));
        }
        if (defaultVersion != null) {
            rows.add(new Row(Words.get("windows.row.newDistros"), "WSL " + defaultVersion, false));
        }
        if (defaultDistro == null && defaultVersion == null && statusText != null && !statusText.isBlank()) {
            rows.add(new Row("wsl --status", statusText, false));
        }
        if (wslAdapter != null) {
            boolean small = wslAdapter.mtu() > 0 && wslAdapter.mtu() < 1400;
            rows.add(new Row(Words.get("windows.row.adapter"), wslAdapter.shownName() + " · " + String.join(", ", wslAdapter.addresses().stream()
                    .filter(a -> !a.contains(":")).toList()) + " · MTU " + wslAdapter.mtu(), small || !wslAdapter.up()));
        } else if (wslAdapters.isEmpty()) {
            rows.add(new Row(Words.get("windows.row.adapter"), Words.get("windows.row.noAdapter"), false));
        }
        for (NetInterface a : wslAdapters) {
            if (wslAdapter == null || !a.name().equals(wslAdapter.shownName())) {
                rows.add(new Row(Words.get("windows.row.adapter") + " " + a.name(), "MTU " + a.mtu() + (a.up() ? "" : ", down")
                        + (a.ipv4().isEmpty() ? "" : ", " + String.join(" ", a.ipv4())), false));
            }
        }
        rows.add(fact(Words.get("windows.row.firewall"), policy.firewallProfiles(), list -> list.isEmpty() ? Words.get("windows.row.none")
                : String.join("; ", list.stream().map(WindowsFacts::profile).toList())));
        rows.add(fact(Words.get("windows.row.networkProfiles"), policy.networkProfiles(), list -> list.isEmpty() ? Words.get("windows.row.none")
                : String.join("; ", list.stream().map(n -> n.interfaceAlias() + ": " + n.category()).toList())));
        rows.add(fact(Words.get("windows.row.hyperV"), policy.hyperVFirewall(), h -> Words.get("windows.row.hyperV.value",
                onOff(h.enabled()), action(h.defaultInboundAction(), true), action(h.defaultOutboundAction(), false))));
        rows.add(fact(Words.get("windows.row.reserved"), policy.excludedPorts(), list -> list.isEmpty() ? Words.get("windows.row.none")
                : String.join(", ", list.stream().map(r -> (r.family().equals("ipv6") ? "IPv6 " : "") + (r.start() == r.end() ? String.valueOf(r.start())
                : r.start() + "-" + r.end()) + (r.administered() ? "*" : "")).toList())));
        rows.add(fact(Words.get("windows.row.portProxies"), policy.portProxies(), list -> list.isEmpty() ? Words.get("windows.row.none")
                : String.join("; ", list.stream().map(p -> p.listenAddress() + ":" + p.listenPort() + " → " + p.connectAddress() + ":"
                + p.connectPort()).toList())));
        rows.add(fact(Words.get("windows.row.ipHelper"), policy.ipHelper(), s -> s));
        rows.add(fact(Words.get("windows.row.nameRules"), policy.nameRules(), list -> list.isEmpty() ? Words.get("windows.row.none")
                : String.join("; ", list.stream().map(n -> n.namespace() + (n.nameServers().isEmpty() ? "" : " → "
                + String.join(", ", n.nameServers()))).toList())));
        rows.add(fact(Words.get("windows.row.proxy"), policy.proxy(), p -> p.enabled() ? Words.get("windows.row.proxy.on", orUnknown(p.server()))
                : p.autoConfigUrl() != null && !p.autoConfigUrl().isBlank() ? Words.get("windows.row.proxy.script", p.autoConfigUrl())
                : Words.get("windows.row.proxy.off")));
        rows.add(fact(Words.get("windows.row.ourRules"), policy.ourFirewallRules(), list -> list.isEmpty() ? Words.get("windows.row.none")
                : String.join(", ", list.stream().map(WindowsPolicy.FirewallRule::name).toList())));
        rows.add(fact("PowerShell", policy.powerShell(), p -> p.version() + ", " + p.languageMode() + ", " + p.millis() + " ms"));
        return rows;
    }

    private static <T> Row fact(String label, Fact<T> fact, java.util.function.Function<T, String> shown) {
        return fact.known() ? new Row(label, shown.apply(fact.value()), false)
                : new Row(label, Words.get("windows.row.unknown", fact.unknownBecause()), true);
    }

    private static String profile(WindowsPolicy.FirewallProfile f) {
        return f.name() + " " + onOff(f.enabled()) + (f.defaultInboundAction() == null ? "" : ", " + Words.get("windows.row.incoming",
                action(f.defaultInboundAction(), true))) + (Boolean.TRUE.equals(f.doNotAllowExceptions()) ? ", " + Words.get("windows.row.noExceptions") : "")
                + (Boolean.FALSE.equals(f.allowLocalPolicyMerge()) ? ", " + Words.get("windows.row.noLocalRules") : "");
    }

    /** A firewall's default action in words: NotConfigured means Windows' own default (incoming blocked, outgoing allowed). */
    private static String action(String action, boolean incoming) {
        if (action == null) {
            return Words.get("windows.row.unknownShort");
        }
        return switch (action) {
            case "Allow" -> Words.get("windows.row.action.Allow");
            case "Block" -> Words.get("windows.row.action.Block");
            case "NotConfigured" -> Words.get(incoming ? "windows.row.action.NotConfigured.in" : "windows.row.action.NotConfigured.out");
            default -> action;
        };
    }

    private static String onOff(Boolean b) {
        return b == null ? Words.get("windows.row.unknownShort") : Words.get(b ? "windows.row.on" : "windows.row.off");
    }

    private static String orUnknown(String s) {
        return s == null ? Words.get("windows.row.unknownShort") : s;
    }
}
