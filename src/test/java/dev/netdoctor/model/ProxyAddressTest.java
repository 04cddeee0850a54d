// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Windows' ProxyServer values and Linux proxy URLs, as users and proxy programs write them. */
class ProxyAddressTest {
    @Test
    void windowsOneProxyForAllAndOnePerProtocol() {
        assertThat(ProxyAddress.ofWindowsSetting("127.0.0.1:7890")).containsExactly(new ProxyAddress(null, "127.0.0.1", 7890));
        assertThat(ProxyAddress.ofWindowsSetting("http=127.0.0.1:7890;https=127.0.0.1:7890;socks=127.0.0.1:7891"))
                .containsExactly(new ProxyAddress("http", "127.0.0.1", 7890), new ProxyAddress("https", "127.0.0.1", 7890),
                        new ProxyAddress("socks", "127.0.0.1", 7891));
        assertThat(ProxyAddress.ofWindowsSetting("http://localhost:8080")).containsExactly(new ProxyAddress("http", "localhost", 8080));
        assertThat(ProxyAddress.ofWindowsSetting("proxy.corp.example")).as("no port: nothing to check it by").isEmpty();
        assertThat(ProxyAddress.ofWindowsSetting(null)).isEmpty();
    }

    @Test
    void aLinuxVariableKeepsHostAndPortAndNeverTheCredentials() {
        ProxyAddress a = ProxyAddress.ofUrl("http://alice:s3cret@127.0.0.1:7890/").orElseThrow();
        assertThat(a).isEqualTo(new ProxyAddress("http", "127.0.0.1", 7890));
        assertThat(a.toString()).doesNotContain("s3cret").doesNotContain("alice");
        assertThat(ProxyAddress.ofUrl("socks5h://localhost:1080")).contains(new ProxyAddress("socks5h", "localhost", 1080));
        assertThat(ProxyAddress.ofUrl("127.0.0.1:3128")).contains(new ProxyAddress(null, "127.0.0.1", 3128));
        assertThat(ProxyAddress.ofUrl("http://[::1]:7890")).contains(new ProxyAddress("http", "::1", 7890));
        assertThat(ProxyAddress.ofUrl("http://proxy.corp.example")).isEmpty();
        assertThat(ProxyAddress.ofUrl("http://127.0.0.1:99999")).isEmpty();
    }

    @Test
    void loopbackIsWhatWslDropsInNatMode() {
        assertThat(new ProxyAddress(null, "127.0.0.1", 1).loopback()).isTrue();
        assertThat(new ProxyAddress(null, "127.8.0.3", 1).loopback()).isTrue();
        assertThat(new ProxyAddress(null, "LocalHost", 1).loopback()).isTrue();
        assertThat(new ProxyAddress(null, "loopback", 1).loopback()).isTrue();
        assertThat(new ProxyAddress(null, "::1", 1).loopback()).as("dropped in every mode: not this finding").isFalse();
        assertThat(new ProxyAddress(null, "10.0.0.8", 1).loopback()).isFalse();
        assertThat(new ProxyAddress(null, "127.example", 1).loopback()).isFalse();
        assertThat(new ProxyAddress(null, "::1", 7890).hostPort()).isEqualTo("[::1]:7890");
    }
}
