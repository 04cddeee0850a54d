// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SshClientInspectorTest {
    /** An excerpt of real `ssh -G` output. */
    private static final String SSH_G = """
            host 198.18.0.10
            user alice
            hostname 198.18.0.10
            port 22
            addressfamily any
            connecttimeout none
            ipqos af21 cs1
            proxyjump bastion
            ciphers chacha20-poly1305@openssh.com
            """;

    @Test
    void keepsTheSettingsThatMatter() {
        var effective = SshClientInspector.parseEffective(SSH_G);
        assertThat(effective).containsEntry("ipqos", "af21 cs1")
                .containsEntry("port", "22")
                .containsEntry("hostname", "198.18.0.10")
                .containsEntry("proxyjump", "bastion")
                .containsEntry("connecttimeout", "none")
                .doesNotContainKey("ciphers");
    }
}
