// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

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

    /** Label and value for each fact that is known, in reading order, for the reports. */
    public Map<String, String> summary() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("WSL", wsl);
        if (defaultDistro != null) {
            rows.put("Default distro", defaultDistro);
        }
        if (defaultVersion != null) {
            rows.put("New distros get", "WSL " + defaultVersion);
        }
        if (wslAdapters.isEmpty()) {
            rows.put("WSL adapter", "none on Windows (mirrored mode has none; NAT mode has \"vEthernet (WSL…)\")");
        }
        for (NetInterface a : wslAdapters) {
            rows.put("WSL adapter " + a.name(), "MTU " + a.mtu() + (a.up() ? "" : ", down")
                    + (a.ipv4().isEmpty() ? "" : ", " + String.join(" ", a.ipv4())));
        }
        if (defaultDistro == null && defaultVersion == null && statusText != null && !statusText.isBlank()) {
            rows.put("wsl --status", statusText);
        }
        return rows;
    }
}
