// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which Linux listeners WSL's NAT-mode relay forwards to Windows' localhost, and to which address.
 * WSL's relay only takes 0.0.0.0 and 127.0.0.1 (to Windows 127.0.0.1) and :: and ::1 (to Windows
 * [::1], never to 127.0.0.1: microsoft/WSL#4851); every other address (127.0.0.2, the distro's own
 * eth0 address, ::ffff:127.0.0.1) is ignored (src/windows/wslrelay/localhost.cpp, "Ignore
 * non-localhost addresses"; shared/research/windows-side.md §1.3).
 */
public final class RelayAddresses {
    public static final String WINDOWS_V4 = "127.0.0.1";
    public static final String WINDOWS_V6 = "::1";

    private static final Set<String> TO_V4 = Set.of("0.0.0.0", "127.0.0.1", "*");
    private static final Set<String> TO_V6 = Set.of("::", "::1", "0:0:0:0:0:0:0:0", "0:0:0:0:0:0:0:1", "[::]", "[::1]");

    private RelayAddresses() {
    }

    /** The Windows loopback address the relay binds for a Linux listener on {@code bound}; empty when it ignores it. */
    public static Optional<String> windowsLoopbackFor(String bound) {
        String b = bound == null ? "" : bound.strip().toLowerCase(Locale.ROOT);
        int scope = b.indexOf('%');
        if (scope >= 0) {
            b = b.substring(0, scope);
        }
        if (TO_V4.contains(b)) {
            return Optional.of(WINDOWS_V4);
        }
        if (TO_V6.contains(b)) {
            return Optional.of(WINDOWS_V6);
        }
        return Optional.empty();
    }

    /** The bind addresses the relay forwards, as people should read them. */
    public static final String FORWARDED = "0.0.0.0 or 127.0.0.1 (to Windows' 127.0.0.1), :: or ::1 (to Windows' [::1])";
}
