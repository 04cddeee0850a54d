// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan's two words go into a command root's shell runs: only an interface name and a plain number pass. */
class DistroMtuAtBootTest {
    @Test
    void theCommandsAreTheInterfaceAndTheNumber() {
        FixPlan.DistroMtuAtBoot plan = FixPlan.DistroMtuAtBoot.of("eth0", 1400);
        assertThat(plan.command()).isEqualTo("ip link set dev eth0 mtu 1400");
        assertThat(plan.nowCommand()).isEqualTo("sudo ip link set dev eth0 mtu 1400");
        assertThat(plan.mtuNumber()).isEqualTo(1400);
        assertThat(FixId.WSL_CONF_BOOT_MTU.plan()).isEqualTo(FixPlan.DistroMtuAtBoot.class);
        assertThat(FixId.of("wsl-conf-boot-mtu")).contains(FixId.WSL_CONF_BOOT_MTU);
        // the advice of before keeps its id and stays advice (plain Linux reads no wsl.conf)
        assertThat(FixId.LOWER_MTU.plan()).isEqualTo(FixPlan.ByHand.class);
        assertThat(new FixPlan.DistroMtuAtBoot("wg0.1", "576").writesAFile()).isTrue();
        assertThat(new FixPlan.DistroMtuAtBoot("eth0", "9000").mtu()).isEqualTo("9000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eth0; reboot", "-eth0", "eth 0", "", "abcdefghijklmnop", "$(id)", "eth0\n"})
    void notAnInterfaceNameIsRefused(String device) {
        assertThatThrownBy(() -> new FixPlan.DistroMtuAtBoot(device, "1400")).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"575", "9001", "01400", "1400; reboot", "-1", "", "14000", "1e3"})
    void notAnMtuIsRefused(String mtu) {
        assertThatThrownBy(() -> new FixPlan.DistroMtuAtBoot("eth0", mtu)).isInstanceOf(InvalidInputException.class);
    }
}
