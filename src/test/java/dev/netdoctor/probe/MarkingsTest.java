// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.SshClientFacts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarkingsTest {
    static Environment withSshQos(String interactive) {
        return Environments.linux()
                .sshClient(new SshClientFacts(true, "OpenSSH_10.2p1", Map.of("ipqos", interactive + " none"), interactive, "none", null)).build();
    }

    @Test
    void comparesUnmarkedFirstThenTheUsersClassThenTheUsualOnesOncePerByte() {
        List<DscpClass> list = Markings.toCompare(withSshQos("ef"));
        assertThat(list).extracting(DscpClass::name).containsExactly("none", "ef", "af21", "cs1", "lowdelay", "throughput");
    }

    @Test
    void aNumericUserClassIsKept() {
        assertThat(Markings.toCompare(withSshQos("0x28"))).extracting(DscpClass::tos).contains(0x28);
        assertThat(Markings.userClass(withSshQos("none"))).isEmpty();
    }
}
