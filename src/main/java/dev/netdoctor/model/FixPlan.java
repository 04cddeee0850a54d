// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;
import java.util.Objects;

/**
 * What applying a fix would change, as a type: the diagnosis says what to write, the fix layer
 * and the wizard read the same fields. A plan's record components are its parameters in JSON
 * ({@code report.FixSuggestionJson} names them by the component, in kebab case, and reads them back
 * into the record), so a component's name is part of the result's contract; a component is a
 * {@code String} or a {@link FindingId}. Which plan a fix carries is said once, by its
 * {@link FixId}. A plan that writes nothing is {@link ByHand}: the user follows the steps in the
 * fix's text.
 *
 * <p>The plans are kinds of file, not fixes: every fix that sets one setting in .wslconfig is a
 * {@link WslconfigSetting}, so such a fix needs no new plan, wiring, edit or oracle.
 */
public sealed interface FixPlan {
    /** {@code IPQoS none} in the user's ssh config, for the Host pattern that covers {@code target}. */
    record SshIpqosNone(String pattern, String target) implements FixPlan {
        public SshIpqosNone {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(target, "target");
        }

        /** The command that tries the fix once, changing no file. */
        public String tryOnceCommand() {
            return "ssh -o IPQoS=none " + target;
        }
    }

    /**
     * One setting of Windows' .wslconfig, effective after WSL restarts: {@code setting} as WSL's
     * own table names it ({@code wsl2.networkingMode}, {@code experimental.hostAddressLoopback}),
     * {@code value} as written. Whether WSL knows the setting and accepts the value is decided where
     * the file is edited, by WSL's key table ({@code config.ConfigKeys}); here only what could never
     * be one line of the file is refused.
     */
    record WslconfigSetting(String setting, String value) implements FixPlan {
        public WslconfigSetting {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(value, "value");
            if (!setting.matches("[A-Za-z0-9]+\\.[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("not a section.name setting: " + setting);
            }
            if (value.isBlank() || value.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new IllegalArgumentException("not a one-line value: " + value);
            }
        }

        /** {@code networkingMode} in {@code [wsl2]}. */
        public static WslconfigSetting networkingMode(NetworkingMode mode) {
            return new WslconfigSetting("wsl2.networkingMode", mode.value());
        }

        /** {@code autoProxy=false} in {@code [wsl2]}: WSL stops reading (and warning about) Windows' proxy. */
        public static WslconfigSetting autoProxyOff() {
            return new WslconfigSetting("wsl2.autoProxy", "false");
        }

        /** {@code dnsTunneling=true} in {@code [wsl2]}. */
        public static WslconfigSetting dnsTunnelingOn() {
            return new WslconfigSetting("wsl2.dnsTunneling", "true");
        }

        /** {@code bestEffortDnsParsing=true}, which WSL reads only under {@code [experimental]}. */
        public static WslconfigSetting bestEffortDnsParsingOn() {
            return new WslconfigSetting("experimental.bestEffortDnsParsing", "true");
        }
    }

    /**
     * {@code [network] generateResolvConf} back to true in the distro's /etc/wsl.conf (a file of
     * root's), so WSL writes /etc/resolv.conf again when it restarts.
     */
    record LetWslWriteResolvConf() implements FixPlan {
    }

    /**
     * The MTU of the distro's interface {@code device} set to {@code mtu} every time the distro
     * starts: {@code [boot] command} in its /etc/wsl.conf, which WSL runs as root at each start
     * (a file of root's, like {@link LetWslWriteResolvConf}). There is no .wslconfig MTU key, and
     * an {@code ip link set} alone lasts until WSL starts the distro again. {@link #nowCommand()}
     * sets the same MTU at once, for the running distro.
     *
     * @param device the distro's interface (eth0 in WSL), as Linux names interfaces
     * @param mtu    the largest packet that got through, in decimal bytes, 576 to 9000
     */
    record DistroMtuAtBoot(String device, String mtu) implements FixPlan {
        /** What IPv4 requires every link to carry, and the largest jumbo frame: outside them it is no MTU we measured. */
        public static final int SMALLEST = 576;
        public static final int LARGEST = 9000;

        public DistroMtuAtBoot {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(mtu, "mtu");
            // Both become words of a command the distro's shell runs as root: only what Linux allows
            // in an interface name (at most 15 characters, never a leading '-') and a plain number.
            if (!device.matches("[A-Za-z0-9_][A-Za-z0-9_.@-]{0,14}")) {
                throw new InvalidInputException("Not the name of a Linux network interface: '" + device + "'.");
            }
            if (!mtu.matches("[1-9][0-9]{2,3}") || Integer.parseInt(mtu) < SMALLEST || Integer.parseInt(mtu) > LARGEST) {
                throw new InvalidInputException("Not an MTU to set: '" + mtu + "' (a whole number from " + SMALLEST + " to " + LARGEST + ").");
            }
        }

        /** For the interface and the size a path measurement gave. */
        public static DistroMtuAtBoot of(String device, int mtu) {
            return new DistroMtuAtBoot(device, Integer.toString(mtu));
        }

        /** The command the distro runs at start, as root. */
        public String command() {
            return "ip link set dev " + device + " mtu " + mtu;
        }

        /** The same, once, for the distro running now. */
        public String nowCommand() {
            return "sudo " + command();
        }

        public int mtuNumber() {
            return Integer.parseInt(mtu);
        }
    }

    /**
     * Rewrites every line of one finding in one settings file the way WSL would read what was
     * meant. {@code file} is {@link ConfigFileCheck#WSLCONFIG} or {@link ConfigFileCheck#WSL_CONF}
     * (the names JSON carries); {@code finding} the finding id whose lines are rewritten.
     */
    record RewriteConfigLines(String file, FindingId finding) implements FixPlan {
        /** The files a rewrite may name. */
        public static final List<String> FILES = List.of(ConfigFileCheck.WSLCONFIG, ConfigFileCheck.WSL_CONF);

        public RewriteConfigLines {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(finding, "finding");
            if (!FILES.contains(file)) {
                throw new IllegalArgumentException("not a settings file WSL reads: " + file);
            }
        }
    }

    /**
     * One inbound firewall rule of ours on Windows that lets TCP to one port through, and only from
     * where the finding's traffic comes from: never a rule that opens the port to every network. It
     * is added by an administrator's PowerShell ({@link #addCommand()}, the exact text the user may
     * copy and the text the one-click apply runs elevated) and removed by name
     * ({@link #removeCommand()}), so Undo takes away exactly it.
     *
     * <p>The scopes, by where the traffic comes from:
     * <ul>
     *   <li>{@value #FROM_WSL}: a program in WSL connects to a program on Windows. A Windows
     *       Defender Firewall rule limited to WSL's adapter ({@code -InterfaceAlias}); app-based
     *       rules do not apply to WSL's traffic, port rules do.</li>
     *   <li>{@value #FROM_LAN_MIRRORED}: another device connects to a program in WSL, mirrored
     *       mode. A Hyper-V firewall rule for WSL's VM creator ({@link WindowsPolicy#WSL_VM_CREATOR}),
     *       the rule Microsoft's WSL documentation gives; it applies to WSL's VM only.</li>
     *   <li>{@value #FROM_LAN_NAT}: another device connects to a port proxy on Windows that
     *       passes on to WSL, NAT mode. The proxy listens on Windows' own LAN address, so WSL's
     *       adapter is not where the traffic arrives: the rule is limited to the local subnet
     *       ({@code -RemoteAddress LocalSubnet}) on the Private and Domain profiles. On a network
     *       Windows calls Public (a café's) it does nothing, by design: the user makes that network
     *       Private first, a choice we do not make for them.</li>
     * </ul>
     *
     * @param rule           the rule's Name, {@link WindowsPolicy#OUR_RULE_PREFIX}{@code TCP-<port>-from-...}: always the
     *                       name {@link #ruleName} gives the scope and port, so a saved result cannot name another rule
     * @param scope          {@value #FROM_WSL}, {@value #FROM_LAN_MIRRORED} or {@value #FROM_LAN_NAT}
     * @param port           the TCP port, 1 to 65535 in decimal
     * @param interfaceAlias Windows' name of WSL's adapter ({@code vEthernet (WSL)}) for {@value #FROM_WSL}; empty otherwise
     */
    record WindowsFirewallRule(String rule, String scope, String port, String interfaceAlias) implements FixPlan {
        /** A program in WSL reaches a program on Windows. */
        public static final String FROM_WSL = "wsl-to-windows";
        /** Other devices reach a program in WSL, mirrored mode: the Hyper-V firewall. */
        public static final String FROM_LAN_MIRRORED = "lan-to-wsl-mirrored";
        /** Other devices reach a program in WSL through a port proxy on Windows, NAT mode. */
        public static final String FROM_LAN_NAT = "lan-to-wsl-nat";

        /** Windows' limit on an interface's alias (IF_MAX_STRING_SIZE). */
        private static final int MAX_ALIAS = 256;

        public WindowsFirewallRule {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(interfaceAlias, "interfaceAlias");
            if (!List.of(FROM_WSL, FROM_LAN_MIRRORED, FROM_LAN_NAT).contains(scope)) {
                throw new InvalidInputException("Not a firewall rule scope of ours: '" + scope + "' (one of " + FROM_WSL + ", "
                        + FROM_LAN_MIRRORED + ", " + FROM_LAN_NAT + ").");
            }
            int number = checkPort(port);
            if (scope.equals(FROM_WSL)) {
                checkAlias(interfaceAlias);
            } else if (!interfaceAlias.isEmpty()) {
                throw new InvalidInputException("A rule for other devices is not limited by WSL's adapter; its interface alias must be empty, not '"
                        + interfaceAlias + "'.");
            }
            if (!rule.equals(ruleName(scope, number))) {
                throw new InvalidInputException("'" + rule + "' is not the name this fix gives its rule (" + ruleName(scope, number)
                        + "); nothing else may be added or removed.");
            }
        }

        /** Lets a program in WSL reach {@code port} on Windows, through WSL's adapter only. */
        public static WindowsFirewallRule allowFromWsl(int port, String wslAdapterAlias) {
            String p = Integer.toString(checkPort(port));
            return new WindowsFirewallRule(ruleName(FROM_WSL, port), FROM_WSL, p, checkAlias(wslAdapterAlias));
        }

        /**
         * Lets other devices on the local network reach {@code port} of a program in WSL: in mirrored
         * mode through the Hyper-V firewall for WSL's VM, in NAT mode through the port proxy's listen
         * port.
         */
        public static WindowsFirewallRule allowFromLan(int port, boolean mirrored) {
            String scope = mirrored ? FROM_LAN_MIRRORED : FROM_LAN_NAT;
            return new WindowsFirewallRule(ruleName(scope, checkPort(port)), scope, Integer.toString(port), "");
        }

        /** The name of our rule for that scope and port: what is added and, by it alone, removed. */
        public static String ruleName(String scope, int port) {
            return WindowsPolicy.OUR_RULE_PREFIX + "TCP-" + port + switch (scope) {
                case FROM_WSL -> "-from-WSL";
                case FROM_LAN_MIRRORED -> "-from-LAN-HyperV";
                case FROM_LAN_NAT -> "-from-LAN";
                default -> throw new InvalidInputException("Not a firewall rule scope of ours: '" + scope + "'.");
            };
        }

        /** The port as a number. */
        public int portNumber() {
            return Integer.parseInt(port);
        }

        /** Whether the rule lives in the Hyper-V firewall (removed with its own cmdlet) rather than Windows Defender Firewall. */
        public boolean hyperV() {
            return scope.equals(FROM_LAN_MIRRORED);
        }

        /**
         * The PowerShell command that adds the rule, for an administrator's PowerShell: what the user
         * copies and exactly what the one-click apply runs elevated. Every value is a literal in single
         * quotes or a number, checked when the plan was made.
         */
        public String addCommand() {
            String name = "-Name '" + rule + "' -DisplayName '" + displayName() + "'";
            return switch (scope) {
                case FROM_WSL -> "New-NetFirewallRule " + name + " -Direction Inbound -Action Allow -Protocol TCP -LocalPort " + port
                        + " -InterfaceAlias '" + interfaceAlias + "'";
                case FROM_LAN_MIRRORED -> "New-NetFirewallHyperVRule " + name + " -Direction Inbound -Action Allow -Protocol TCP -LocalPorts "
                        + port + " -VMCreatorId '" + WindowsPolicy.WSL_VM_CREATOR + "'";
                case FROM_LAN_NAT -> "New-NetFirewallRule " + name + " -Direction Inbound -Action Allow -Protocol TCP -LocalPort " + port
                        + " -RemoteAddress LocalSubnet -Profile Private,Domain";
                default -> throw new IllegalStateException(scope);
            };
        }

        /** The PowerShell command that removes exactly this rule (and nothing else: it names it). */
        public String removeCommand() {
            return removeCommand(rule);
        }

        /** Where the change is, for the Fix step's record and the report: the firewall and the rule's name. */
        public String where() {
            return where(rule);
        }

        /** {@link #where()} for a rule known by its name only. */
        public static String where(String rule) {
            return (inHyperV(rule) ? "Hyper-V firewall" : "Windows Defender Firewall") + ", rule " + rule;
        }

        /**
         * Whether our rule named {@code rule} is in the Hyper-V firewall (else Windows Defender Firewall).
         *
         * @throws InvalidInputException when the name is not one this fix gives its rules
         */
        public static boolean inHyperV(String rule) {
            return removeCommand(rule).startsWith("Remove-NetFirewallHyperVRule");
        }

        /** What Windows' firewall settings show as the rule's name. */
        public String displayName() {
            return "WSL Net Doctor: TCP " + port + switch (scope) {
                case FROM_WSL -> " from WSL";
                case FROM_LAN_MIRRORED -> " from the local network to WSL";
                case FROM_LAN_NAT -> " from the local network to the WSL port proxy";
                default -> throw new IllegalStateException(scope);
            };
        }

        /**
         * The command that removes the rule named {@code rule}, for an undo that has only the name
         * (the CLI's {@code undo --firewall-rule}): the name says which firewall holds it.
         *
         * @throws InvalidInputException when the name is not one this fix gives its rules
         */
        public static String removeCommand(String rule) {
            java.util.regex.Matcher m = OUR_NAME.matcher(rule == null ? "" : rule);
            if (!m.matches() || Integer.parseInt(m.group(1)) > 65535) {
                throw new InvalidInputException("'" + rule + "' is not the name of a firewall rule WSL Net Doctor adds (they are named "
                        + WindowsPolicy.OUR_RULE_PREFIX + "TCP-PORT-from-WSL, -from-LAN or -from-LAN-HyperV); nothing is removed.");
            }
            return (m.group(2).equals("LAN-HyperV") ? "Remove-NetFirewallHyperVRule" : "Remove-NetFirewallRule") + " -Name '" + rule + "'";
        }

        private static final java.util.regex.Pattern OUR_NAME = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(WindowsPolicy.OUR_RULE_PREFIX) + "TCP-([1-9][0-9]{0,4})-from-(WSL|LAN-HyperV|LAN)");

        private static int checkPort(String port) {
            if (!port.matches("[1-9][0-9]{0,4}")) {
                throw new InvalidInputException("Not a TCP port: '" + port + "' (a whole number from 1 to 65535).");
            }
            return checkPort(Integer.parseInt(port));
        }

        private static int checkPort(int port) {
            if (port < 1 || port > 65535) {
                throw new InvalidInputException("Not a TCP port: " + port + " (a whole number from 1 to 65535).");
            }
            return port;
        }

        /**
         * Refuses, never escapes: a quote would end the literal the command puts the alias in, and a
         * wildcard would widen the rule, since {@code -InterfaceAlias} takes a pattern ({@code *}
         * would be every adapter, every network).
         */
        private static String checkAlias(String alias) {
            if (alias == null || alias.isBlank()) {
                throw new InvalidInputException("The name of WSL's adapter on Windows is missing; without it the rule would open the port"
                        + " to every network, so none is made.");
            }
            if (alias.length() > MAX_ALIAS || !alias.strip().equals(alias)) {
                throw new InvalidInputException("Not the name of a Windows adapter: '" + alias + "' (at most " + MAX_ALIAS
                        + " characters, no leading or trailing spaces); no rule is made for it.");
            }
            for (int i = 0; i < alias.length(); i++) {
                char c = alias.charAt(i);
                if (QUOTES.indexOf(c) >= 0 || WILDCARDS.indexOf(c) >= 0 || Character.isISOControl(c)) {
                    throw new InvalidInputException("The adapter name '" + alias + "' holds " + (WILDCARDS.indexOf(c) >= 0
                            ? "the wildcard '" + c + "', which would let the rule match other adapters"
                            : Character.isISOControl(c) ? "a control character" : "the quote character '" + c + "', which would break the command")
                            + "; no rule is made for it.");
                }
            }
            return alias;
        }

        /** Characters PowerShell takes as quotes: ASCII and typographic, single and double; the backtick escapes. */
        private static final String QUOTES = "'\"`\u2018\u2019\u201A\u201B\u201C\u201D\u201E";
        /** WildcardPattern's special characters. */
        private static final String WILDCARDS = "*?[]";
    }

    /** Nothing to write: steps the user follows, in the fix's own words. */
    record ByHand() implements FixPlan {
    }

    FixPlan BY_HAND = new ByHand();

    /** Whether applying it writes a file (and so has a preview, a check and an undo). */
    default boolean writesAFile() {
        return !(this instanceof ByHand);
    }
}
