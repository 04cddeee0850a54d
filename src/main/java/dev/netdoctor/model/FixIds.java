// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/**
 * The fixes a finding can offer, by the stable id that JSON, reports, the fix layer and the
 * wizard use, and the names of their parameters: named once, here.
 */
public final class FixIds {
    public static final String SSH_CONFIG_IPQOS_NONE = "ssh-config-ipqos-none";
    public static final String WSLCONFIG_NETWORKING_MODE = "wslconfig-networking-mode";
    public static final String START_SERVICE = "start-service";
    public static final String OPEN_FIREWALL = "open-firewall";
    public static final String CHECK_SSH_SERVICE = "check-ssh-service";
    public static final String CHECK_HOST_NAME = "check-host-name";
    public static final String CHECK_HOST_POWER = "check-host-reachable";
    public static final String LOWER_MTU = "lower-interface-mtu";
    public static final String USE_OTHER_LOOPBACK = "use-127-0-0-2";
    public static final String BIND_SERVICE_TO_INTERFACE = "bind-service-to-interface";
    public static final String WSLCONFIG_HOST_ADDRESS_LOOPBACK = "wslconfig-host-address-loopback";
    public static final String REVERSE_PROXY = "reverse-proxy";
    public static final String TEST_FROM_ANOTHER_HOST = "test-from-another-host";
    public static final String WSLCONFIG_DNS_TUNNELING = "wslconfig-dns-tunneling";
    public static final String WSL_CONF_GENERATE_RESOLV_CONF = "wsl-conf-generate-resolv-conf";
    /** Settings files WSL reads otherwise than they look: each rewrite is one kind of finding, every line of it. */
    public static final String CONFIG_REWRITE_IGNORED_LINES = "config-rewrite-ignored-lines";
    public static final String CONFIG_COMMENT_OUT_DUPLICATES = "config-comment-out-duplicates";
    public static final String CONFIG_REWRITE_AS_UTF8 = "config-rewrite-as-utf8";
    public static final String WSL_CONF_COMMENT_OUT_STOPPING_LINE = "wsl-conf-comment-out-stopping-line";
    public static final String CHECK_MIRRORED_REQUIREMENTS = "check-mirrored-requirements";

    /** Parameter names of applicable fixes. */
    public static final String PATTERN = "pattern";
    public static final String TARGET = "target";
    public static final String MODE = "mode";
    public static final String FILE = "settings-file";
    public static final String FINDING = "settings-finding";

    /** The config rewrites, and the files they may name. */
    public static final java.util.List<String> CONFIG_REWRITES = java.util.List.of(CONFIG_REWRITE_IGNORED_LINES,
            CONFIG_COMMENT_OUT_DUPLICATES, CONFIG_REWRITE_AS_UTF8, WSL_CONF_COMMENT_OUT_STOPPING_LINE);
    public static final java.util.List<String> CONFIG_FILES = java.util.List.of(".wslconfig", "/etc/wsl.conf");

    private FixIds() {
    }
}
