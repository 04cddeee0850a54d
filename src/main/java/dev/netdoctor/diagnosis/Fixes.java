package dev.netdoctor.diagnosis;

import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.Target;

/** The fixes findings can point at; ids are stable and shared with the fix layer and the UI. */
public final class Fixes {
    public static final String SSH_CONFIG_IPQOS_NONE = "ssh-config-ipqos-none";
    public static final String WSLCONFIG_NETWORKING_MODE = "wslconfig-networking-mode";
    public static final String START_SERVICE = "start-service";
    public static final String OPEN_FIREWALL = "open-firewall";
    public static final String CHECK_HOST_NAME = "check-host-name";
    public static final String CHECK_HOST_POWER = "check-host-reachable";
    public static final String LOWER_MTU = "lower-interface-mtu";
    public static final String USE_OTHER_LOOPBACK = "use-127-0-0-2";
    public static final String BIND_SERVICE_TO_INTERFACE = "bind-service-to-interface";
    public static final String WSLCONFIG_HOST_ADDRESS_LOOPBACK = "wslconfig-host-address-loopback";
    public static final String REVERSE_PROXY = "reverse-proxy";
    public static final String TEST_FROM_ANOTHER_HOST = "test-from-another-host";

    /** Parameter names of applicable fixes. */
    public static final String PATTERN = "pattern";
    public static final String TARGET = "target";
    public static final String MODE = "mode";

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
        return new FixSuggestion(SSH_CONFIG_IPQOS_NONE, "Turn off SSH packet marking for " + pattern,
                "Adds \"IPQoS none\" for Host " + pattern + " to your ~/.ssh/config, so ssh stops marking its packets "
                        + "for these hosts. To try it once first: ssh -o IPQoS=none " + target.host(),
                java.util.Map.of(PATTERN, pattern, TARGET, target.host()));
    }

    static FixSuggestion mirroredNetworking() {
        return new FixSuggestion(WSLCONFIG_NETWORKING_MODE, "Switch WSL to mirrored networking",
                "Sets networkingMode=mirrored in the [wsl2] section of %UserProfile%\\.wslconfig; it takes effect after "
                        + "\"wsl --shutdown\". Mirrored mode uses Windows' own network stack instead of WSL's NAT. It does not "
                        + "cure every case of dropped marked packets (microsoft/WSL#41101), so the ssh setting is the surer fix.",
                java.util.Map.of(MODE, "mirrored"));
    }
}
