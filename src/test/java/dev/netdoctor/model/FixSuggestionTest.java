// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fix writes only the kind of file its id says, so a face never applies a write the user was told was advice. */
class FixSuggestionTest {
    @Test
    void aFixCarriesTheKindOfPlanItsIdNamesOrStepsToFollow() {
        assertThat(new FixSuggestion(FixId.WSLCONFIG_DNS_TUNNELING, "t", "d", FixPlan.WslconfigSetting.dnsTunnelingOn()).plan())
                .isEqualTo(new FixPlan.WslconfigSetting("wsl2.dnsTunneling", "true"));
        // a writable fix read back without its parameters is steps to follow, never refused
        assertThat(new FixSuggestion(FixId.WSLCONFIG_DNS_TUNNELING, "t", "d").plan()).isEqualTo(FixPlan.BY_HAND);
        assertThatThrownBy(() -> new FixSuggestion(FixId.OPEN_FIREWALL, "t", "d", FixPlan.WslconfigSetting.dnsTunnelingOn()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open-firewall");
        assertThatThrownBy(() -> new FixSuggestion(FixId.SSH_CONFIG_IPQOS_NONE, "t", "d", new FixPlan.LetWslWriteResolvConf()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSettingPlanIsOneLineOfTheFileOrNothing() {
        assertThatThrownBy(() -> new FixPlan.WslconfigSetting("networkingMode", "nat")).as("no section").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixPlan.WslconfigSetting("wsl2.networkingMode", "nat\n[wsl2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixPlan.WslconfigSetting("wsl2.networkingMode", "nat\r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixPlan.WslconfigSetting("wsl2.networkingMode", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FixPlan.RewriteConfigLines("/etc/passwd", FindingId.WSLCONFIG_DUPLICATE_KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(FixPlan.WslconfigSetting.networkingMode(NetworkingMode.MIRRORED)).isEqualTo(new FixPlan.WslconfigSetting("wsl2.networkingMode", "mirrored"));
    }
}
