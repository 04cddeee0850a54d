// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.NetworkingMode;
import dev.netdoctor.model.Target;

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
        return new FixSuggestion(FixId.SSH_CONFIG_IPQOS_NONE, "Turn off SSH packet marking for " + pattern,
                "Adds \"IPQoS none\" for Host " + pattern + " to your ~/.ssh/config, so ssh stops marking its packets "
                        + (pattern.equals(target.host()) ? "for this host." : "for the machines of that network: they are "
                        + "usually reached the same way, so they are usually dropped the same way. You can choose " + target.host()
                        + " alone."),
                new FixPlan.SshIpqosNone(pattern, target.host()));
    }

    static FixSuggestion mirroredNetworking() {
        return new FixSuggestion(FixId.WSLCONFIG_NETWORKING_MODE, "Switch WSL to mirrored networking",
                "Sets networkingMode=mirrored in the [wsl2] section of %UserProfile%\\.wslconfig; it takes effect after "
                        + "\"wsl --shutdown\". Mirrored mode uses Windows' own network stack instead of WSL's NAT. It does not "
                        + "cure every case of dropped marked packets (microsoft/WSL#41101), so the ssh setting is the surer fix.",
                new FixPlan.WslNetworkingMode(NetworkingMode.MIRRORED));
    }
}
