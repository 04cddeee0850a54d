// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.NetworkingMode;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.Words;

/** The fixes findings can point at (their ids are {@link FixId}), in plain words. */
public final class Fixes {
    private Fixes() {
    }

    /** The ssh_config Host pattern that covers the target: its /24 for an IPv4 address, else the name. */
    public static String hostPattern(Target target) {
        String h = target.host();
        if (target.isIpLiteral() && !h.contains(":")) {
            return h.substring(0, h.lastIndexOf('.')) + ".*";
        }
        return h;
    }

    static FixSuggestion sshIpqosNone(Target target) {
        String pattern = hostPattern(target);
        return new FixSuggestion(FixId.SSH_CONFIG_IPQOS_NONE, Words.get("fix.SSH_CONFIG_IPQOS_NONE.title", pattern),
                Words.get("fix.SSH_CONFIG_IPQOS_NONE.detail", pattern) + " "
                        + (pattern.equals(target.host()) ? Words.get("fix.SSH_CONFIG_IPQOS_NONE.thisHost")
                        : Words.get("fix.SSH_CONFIG_IPQOS_NONE.network", target.host())),
                new FixPlan.SshIpqosNone(pattern, target.host()));
    }

    static FixSuggestion mirroredNetworking() {
        return new FixSuggestion(FixId.WSLCONFIG_NETWORKING_MODE, Words.get("fix.WSLCONFIG_NETWORKING_MODE.title"),
                Words.get("fix.WSLCONFIG_NETWORKING_MODE.detail"),
                FixPlan.WslconfigSetting.networkingMode(NetworkingMode.MIRRORED));
    }
}
