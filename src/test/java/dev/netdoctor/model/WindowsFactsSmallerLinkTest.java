// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Windows' way to an address as a link smaller than the distro's: a VPN adapter, never WSL's own. */
class WindowsFactsSmallerLinkTest {
    static final WindowsInterface WSL = new WindowsInterface(47, "vEthernet (WSL)", "Hyper-V Virtual Ethernet Adapter #2", 1500, true,
            List.of("198.18.1.1/24"));
    static final WindowsInterface VPN = new WindowsInterface(12, "Ethernet 3", "PANGP Virtual Ethernet Adapter", 1400, true,
            List.of("198.19.5.7/32"));
    static final WindowsInterface WIFI = new WindowsInterface(5, "Wi-Fi", "Intel(R) Wi-Fi 6", 1500, true, List.of("198.19.9.20/24"));

    static WindowsFacts facts(WindowsInterface wslAdapter, List<WindowsInterface> adapters) {
        List<WindowsRoute> table = List.of(
                new WindowsRoute("0.0.0.0", 0, "198.19.9.1", 5, 25),
                new WindowsRoute("198.18.1.0", 24, null, 47, 5256),
                new WindowsRoute("198.19.1.0", 24, null, 12, 2),
                new WindowsRoute("198.20.0.0", 16, null, 47, 1));
        return new WindowsFacts("WSL 2.6.1.0", "10.0.26100", "Ubuntu", 2, "", List.of(), Fact.known(adapters), Fact.known(table), wslAdapter, null);
    }

    @Test
    void theVpnAdapterTowardsTheTargetIsTheSmallerLink() {
        WindowsFacts windows = facts(WSL, List.of(WSL, VPN, WIFI));
        assertThat(windows.smallerLinkTowards("198.19.1.2", 1500)).contains(VPN);
        // not smaller than the distro's: no smaller link
        assertThat(windows.smallerLinkTowards("198.19.1.2", 1400)).isEmpty();
        assertThat(windows.smallerLinkTowards("198.19.1.2", 1380)).isEmpty();
        // the default route's Wi-Fi is as large as the distro's eth0
        assertThat(windows.smallerLinkTowards("203.0.113.9", 1500)).isEmpty();
        assertThat(windows.smallerLinkTowards("203.0.113.9", 9000)).contains(WIFI);
        // an unknown MTU of the distro's says nothing
        assertThat(windows.smallerLinkTowards("198.19.1.2", 0)).isEmpty();
    }

    @Test
    void wslsOwnAdapterIsNeverTheSmallerLinkAndUnknownsSayNothing() {
        WindowsInterface smallWsl = new WindowsInterface(47, "vEthernet (WSL)", "Hyper-V Virtual Ethernet Adapter #2", 1280, true,
                List.of("198.18.1.1/24"));
        assertThat(facts(smallWsl, List.of(smallWsl, VPN)).smallerLinkTowards("198.20.3.4", 1500)).isEmpty();
        // no adapter that holds the distro's gateway (mirrored mode): any smaller adapter counts
        assertThat(facts(null, List.of(smallWsl, VPN)).smallerLinkTowards("198.20.3.4", 1500)).contains(smallWsl);
        WindowsInterface unknownMtu = new WindowsInterface(12, "Ethernet 3", "PANGP Virtual Ethernet Adapter", -1, true, List.of());
        assertThat(facts(WSL, List.of(WSL, unknownMtu)).smallerLinkTowards("198.19.1.2", 1500)).isEmpty();
        assertThat(new WindowsFacts("WSL", null, null, null, "", List.of()).smallerLinkTowards("198.19.1.2", 1500)).isEmpty();
        assertThat(facts(WSL, List.of(WSL, VPN)).smallerLinkTowards("fe80::1", 1500)).isEmpty();
    }
}
