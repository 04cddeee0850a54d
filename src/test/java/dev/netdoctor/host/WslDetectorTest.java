// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.WslFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WslDetectorTest {
    private static final String WSL2_RELEASE = "6.6.87.2-microsoft-standard-WSL2";
    private static final String WSL1_VERSION = "Linux version 4.4.0-19041-Microsoft (Microsoft@Microsoft.com) (gcc version 5.4.0 (GCC) ) #1237-Microsoft Sat Sep 11 14:32:00 PST 2021";

    @Test
    void plainLinuxSaysSoPlainly() {
        WslFacts f = WslDetector.detect("6.1.0-18-amd64", "Linux version 6.1.0-18-amd64", null, null, List.of("lo", "eth0"));
        assertThat(f.kind()).isEqualTo(WslFacts.Kind.NOT_WSL);
        assertThat(f.networkingMode()).isNull();
        assertThat(f.describe()).contains("Not WSL");
    }

    @Test
    void wsl2ModeComesFromWslinfoWhenItExists() {
        WslFacts f = WslDetector.detect(WSL2_RELEASE, null, "Ubuntu", "mirrored\n", List.of("lo", "eth0"));
        assertThat(f.kind()).isEqualTo(WslFacts.Kind.WSL2);
        assertThat(f.networkingMode()).isEqualTo("mirrored");
        assertThat(f.modeSource()).isEqualTo("wslinfo --networking-mode");
        assertThat(f.distro()).isEqualTo("Ubuntu");
    }

    @Test
    void withoutWslinfoALoopback0InterfaceMeansMirrored() {
        WslFacts f = WslDetector.detect(WSL2_RELEASE, null, null, null, List.of("lo", "eth0", "loopback0"));
        assertThat(f.networkingMode()).isEqualTo("mirrored");
        assertThat(f.modeSource()).startsWith("inferred");
    }

    @Test
    void withoutWslinfoOrLoopback0ItIsProbablyNat() {
        WslFacts f = WslDetector.detect(WSL2_RELEASE, null, null, null, List.of("lo", "eth0"));
        assertThat(f.networkingMode()).isEqualTo("nat");
        assertThat(f.modeSource()).startsWith("inferred");
    }

    @Test
    void wsl1IsRecognisedByItsFakeKernel() {
        WslFacts f = WslDetector.detect(null, WSL1_VERSION, "Debian", null, List.of());
        assertThat(f.kind()).isEqualTo(WslFacts.Kind.WSL1);
        assertThat(f.networkingMode()).isNull();
    }
}
