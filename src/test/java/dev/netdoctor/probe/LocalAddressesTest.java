// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.NetInterface;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The addresses through which a program here reaches its own services, which of them count,
 * connecting through each (to listeners of our own on loopback) and the line each connect gets.
 */
class LocalAddressesTest {
    private static NetInterface lo(String... ipv6) {
        return new NetInterface("lo", 65536, true, List.of("127.0.0.1"), List.of(ipv6));
    }

    @Test
    void ipv6LoopbackCountsOnlyWhenLoHasIt() {
        assertThat(LocalAddresses.of(Environments.linuxWith(lo("::1")))).containsEntry("::1", "IPv6 loopback");
        // The JDK spells it out in full.
        assertThat(LocalAddresses.of(Environments.linuxWith(lo("0:0:0:0:0:0:0:1")))).containsEntry("::1", "IPv6 loopback");
        assertThat(LocalAddresses.of(Environments.linuxWith(lo()))).doesNotContainKey("::1");
        assertThat(LocalAddresses.of(Environments.linuxWith(lo("2001:db8::9")))).as("another IPv6 address on lo").doesNotContainKey("::1");
        // ::1 elsewhere than on lo is not this machine's IPv6 loopback.
        assertThat(LocalAddresses.of(Environments.linuxWith(lo(),
                new NetInterface("eth0", 1500, true, List.of("198.18.2.2"), List.of("::1"))))).containsOnlyKeys("127.0.0.1", "198.18.2.2", "127.0.0.2");
    }

    @Test
    void ownAddressesAreThoseOfInterfacesThatAreUpWithoutLinkLocalOrScopedOnes() {
        Map<String, String> a = LocalAddresses.of(Environments.linuxWith(lo("::1"),
                new NetInterface("eth0", 1500, true, List.of("198.18.2.2", "127.0.1.1"), List.of("FE80::1", "2001:db8::2%eth0", "2001:db8::2")),
                new NetInterface("eth1", 1500, true, List.of("198.18.2.2", "198.18.3.3"), List.of()),
                new NetInterface("wg0", 1420, false, List.of("198.18.9.9"), List.of("2001:db8::9"))));
        assertThat(a).containsExactly(Map.entry("127.0.0.1", "loopback"), Map.entry("::1", "IPv6 loopback"),
                Map.entry("198.18.2.2", "address of eth0"), Map.entry("2001:db8::2", "IPv6 address of eth0"),
                Map.entry("198.18.3.3", "address of eth1"), Map.entry("127.0.0.2", "another loopback address"));
    }

    @Test
    void eachConnectIsOneLineWithItsAddressPortLabelAndHowItEnded() {
        assertThat(LocalAddresses.describe(new LocalConnect("127.0.0.1", "loopback", 8443, ConnectResult.CONNECTED, 0, null)))
                .isEqualTo("127.0.0.1:8443 (loopback): connected in 0 ms");
        assertThat(LocalAddresses.describe(new LocalConnect("::1", "IPv6 loopback", 8443, ConnectResult.REFUSED, 1, "Connection refused")))
                .isEqualTo("[::1]:8443 (IPv6 loopback): refused in 1 ms");
        assertThat(LocalAddresses.describe(new LocalConnect("198.18.2.2", "address of eth0", 22, ConnectResult.TIMED_OUT, 600, null)))
                .isEqualTo("198.18.2.2:22 (address of eth0): no answer within 600 ms");
        assertThat(LocalAddresses.describe(new LocalConnect("2001:db8::2", "IPv6 address of eth0", 22, ConnectResult.UNREACHABLE, 1,
                "Network is unreachable"))).isEqualTo("[2001:db8::2]:22 (IPv6 address of eth0): unreachable: Network is unreachable");
        assertThat(LocalAddresses.describe(new LocalConnect("127.0.0.2", "another loopback address", 22, ConnectResult.ERROR, 1,
                "Permission denied"))).isEqualTo("127.0.0.2:22 (another loopback address): error: Permission denied");
    }

    private static Map<String, String> loopbacks() {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("127.0.0.1", "loopback");
        addresses.put("::1", "IPv6 loopback");
        addresses.put("127.0.0.2", "another loopback address");
        return addresses;
    }

    @Test
    void ipv6AddressesAreConnectedToOnTheIpv6ListenersPort() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        try (ServerSocket four = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
             ServerSocket six = listenOrSkip(v6)) {
            List<LocalConnect> c = LocalAddresses.connectAll(loopbacks(), four.getLocalPort(), six.getLocalPort());
            assertThat(c).extracting(LocalConnect::address).containsExactly("127.0.0.1", "::1", "127.0.0.2");
            assertThat(c).extracting(LocalConnect::port).containsExactly(four.getLocalPort(), six.getLocalPort(), four.getLocalPort());
            assertThat(c).extracting(LocalConnect::label).containsExactly("loopback", "IPv6 loopback", "another loopback address");
            // The listener is on 127.0.0.1 only: 127.0.0.2 is refused on that same port.
            assertThat(c).extracting(LocalConnect::result).containsExactly(ConnectResult.CONNECTED, ConnectResult.CONNECTED, ConnectResult.REFUSED);
        }
    }

    @Test
    void withoutAnIpv6ListenerIpv6AddressesAreNotTried() throws Exception {
        try (ServerSocket four = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            List<LocalConnect> c = LocalAddresses.connectAll(loopbacks(), four.getLocalPort(), -1);
            assertThat(c).extracting(LocalConnect::address).containsExactly("127.0.0.1", "127.0.0.2");
            assertThat(c).extracting(LocalConnect::port).containsOnly(four.getLocalPort());
            assertThat(c).extracting(LocalConnect::result).containsExactly(ConnectResult.CONNECTED, ConnectResult.REFUSED);
        }
    }

    private static ServerSocket listenOrSkip(InetAddress v6) throws IOException {
        assumeTrue(v6 instanceof Inet6Address, "Skipping: no IPv6 here");
        try {
            return new ServerSocket(0, 5, v6);
        } catch (IOException e) {
            assumeTrue(false, "Skipping: cannot listen on [::1]: " + e.getMessage());
            throw e;
        }
    }
}
