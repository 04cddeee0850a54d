// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/**
 * Finding ids that more than the rule producing them must know: the Verify step tells "fixed"
 * from "gone" by them. Spelled once, here.
 */
public final class FindingIds {
    /** Marked SYNs get no answer while unmarked ones do, and the user's ssh marks: ssh hangs. */
    public static final String DSCP_MARKED_SYN_DROPPED = "dscp-marked-syn-dropped";
    /**
     * The same drop, but the user's ssh no longer marks its packets for this host (its settings
     * say IPQoS none, and it gets through): fixed for ssh, still there for other programs.
     */
    public static final String DSCP_FIXED_FOR_SSH = "dscp-marked-dropped-ssh-unmarked";

    /** Settings files WSL reads otherwise than they look (issue: "Is WSL really using what you wrote?"). */
    public static final String WSLCONFIG_LINE_IGNORED = "wslconfig-line-ignored";
    public static final String WSLCONFIG_DUPLICATE_KEY = "wslconfig-duplicate-key";
    public static final String WSLCONFIG_ENCODING = "wslconfig-encoding";
    public static final String WSL_CONF_PARSING_STOPS = "wsl-conf-parsing-stops";
    public static final String WSLCONFIG_MODE_NOT_EFFECTIVE = "wslconfig-mode-not-effective";

    private FindingIds() {
    }
}
