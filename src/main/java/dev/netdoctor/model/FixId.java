// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every fix a finding can offer, by the stable id that JSON, reports, the fix layer, the CLI
 * and the wizard use. The names of a fix's parameters are {@link FixParameters}.
 */
public enum FixId {
    SSH_CONFIG_IPQOS_NONE("ssh-config-ipqos-none"),
    WSLCONFIG_NETWORKING_MODE("wslconfig-networking-mode"),
    START_SERVICE("start-service"),
    OPEN_FIREWALL("open-firewall"),
    CHECK_SSH_SERVICE("check-ssh-service"),
    CHECK_HOST_NAME("check-host-name"),
    CHECK_HOST_POWER("check-host-reachable"),
    LOWER_MTU("lower-interface-mtu"),
    USE_OTHER_LOOPBACK("use-127-0-0-2"),
    BIND_SERVICE_TO_INTERFACE("bind-service-to-interface"),
    WSLCONFIG_HOST_ADDRESS_LOOPBACK("wslconfig-host-address-loopback"),
    REVERSE_PROXY("reverse-proxy"),
    TEST_FROM_ANOTHER_HOST("test-from-another-host"),
    WSLCONFIG_DNS_TUNNELING("wslconfig-dns-tunneling"),
    WSL_CONF_GENERATE_RESOLV_CONF("wsl-conf-generate-resolv-conf"),
    /** Settings files WSL reads otherwise than they look: each rewrite is one kind of finding, every line of it. */
    CONFIG_REWRITE_IGNORED_LINES("config-rewrite-ignored-lines"),
    CONFIG_COMMENT_OUT_DUPLICATES("config-comment-out-duplicates"),
    CONFIG_REWRITE_AS_UTF8("config-rewrite-as-utf8"),
    WSL_CONF_COMMENT_OUT_STOPPING_LINE("wsl-conf-comment-out-stopping-line"),
    CHECK_MIRRORED_REQUIREMENTS("check-mirrored-requirements");

    private final String id;

    FixId(String id) {
        this.id = id;
    }

    /** As in JSON: {@code ssh-config-ipqos-none}. */
    public String id() {
        return id;
    }

    /** The fix a stable id names, if it is one of ours. */
    public static Optional<FixId> of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** Whether this fix rewrites the lines of a settings file that one kind of finding names. */
    public boolean rewritesConfigLines() {
        return switch (this) {
            case CONFIG_REWRITE_IGNORED_LINES, CONFIG_COMMENT_OUT_DUPLICATES, CONFIG_REWRITE_AS_UTF8,
                 WSL_CONF_COMMENT_OUT_STOPPING_LINE -> true;
            case SSH_CONFIG_IPQOS_NONE, WSLCONFIG_NETWORKING_MODE, START_SERVICE, OPEN_FIREWALL, CHECK_SSH_SERVICE,
                 CHECK_HOST_NAME, CHECK_HOST_POWER, LOWER_MTU, USE_OTHER_LOOPBACK, BIND_SERVICE_TO_INTERFACE,
                 WSLCONFIG_HOST_ADDRESS_LOOPBACK, REVERSE_PROXY, TEST_FROM_ANOTHER_HOST, WSLCONFIG_DNS_TUNNELING,
                 WSL_CONF_GENERATE_RESOLV_CONF, CHECK_MIRRORED_REQUIREMENTS -> false;
        };
    }

    /** The stable id, so a fix's id reads the same in every text it is written into. */
    @Override
    public String toString() {
        return id;
    }
}
