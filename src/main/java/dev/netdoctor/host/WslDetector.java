// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.WslFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells WSL 1 from WSL 2 from plain Linux, and WSL 2's networking mode, from what the system
 * says about itself. Pure, so it is tested with recorded texts.
 */
public final class WslDetector {
    private WslDetector() {
    }

    /**
     * @param osRelease   contents of /proc/sys/kernel/osrelease (or null)
     * @param procVersion contents of /proc/version (or null)
     * @param distroName  $WSL_DISTRO_NAME (or null)
     * @param wslinfoMode output of {@code wslinfo --networking-mode} (or null when not available)
     * @param interfaceNames names of the network interfaces
     */
    public static WslFacts detect(String osRelease, String procVersion, String distroName, String wslinfoMode,
                                  List<String> interfaceNames) {
        List<String> evidence = new ArrayList<>();
        String kernel = firstNonBlank(osRelease, procVersion);
        String lower = kernel == null ? "" : kernel.toLowerCase(Locale.ROOT);
        boolean microsoft = lower.contains("microsoft");
        if (!microsoft && distroName == null) {
            evidence.add("kernel \"" + (kernel == null ? "unknown" : kernel.strip()) + "\" is not a Microsoft WSL kernel");
            return new WslFacts(WslFacts.Kind.NOT_WSL, null, null, null, evidence);
        }
        if (kernel != null) {
            evidence.add("kernel release: " + kernel.strip());
        }
        if (distroName != null) {
            evidence.add("WSL_DISTRO_NAME=" + distroName);
        }
        // WSL 2 kernels say "microsoft-standard" (…-microsoft-standard-WSL2); WSL 1 reports a
        // fake 4.4.0-NNNNN-Microsoft release.
        WslFacts.Kind kind = lower.contains("microsoft-standard") || lower.contains("wsl2")
                ? WslFacts.Kind.WSL2
                : (microsoft ? WslFacts.Kind.WSL1 : WslFacts.Kind.WSL2);
        if (kind == WslFacts.Kind.WSL1) {
            return new WslFacts(kind, distroName, null, "WSL 1 shares Windows' network stack", evidence);
        }
        String mode = null;
        String source;
        if (wslinfoMode != null && !wslinfoMode.isBlank()) {
            mode = wslinfoMode.strip().toLowerCase(Locale.ROOT);
            source = "wslinfo --networking-mode";
        } else if (interfaceNames.contains("loopback0")) {
            mode = "mirrored";
            source = "inferred: a loopback0 interface exists, which only mirrored mode creates";
        } else {
            mode = "nat";
            source = "inferred: no loopback0 interface and no wslinfo; NAT is WSL's default";
        }
        evidence.add("networking mode " + mode + " (" + source + ")");
        return new WslFacts(kind, distroName, mode, source, evidence);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b == null || b.isBlank() ? null : b.strip();
    }
}
