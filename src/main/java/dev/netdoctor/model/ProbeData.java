// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/** The observations of one probe, typed so diagnosis rules can reason over them. */
public sealed interface ProbeData {

    /**
     * Addresses the target name resolved to, as the Linux side resolves them; {@code windows}: the
     * same name looked up by Windows' own resolver when the app runs on Windows, else null.
     */
    record Resolution(String host, List<String> addresses, String method, String error, WindowsNameLookup windows) implements ProbeData {
        public Resolution {
            addresses = List.copyOf(addresses);
        }

        /** The Linux side's lookup alone (the app runs on Linux, or Windows was not asked). */
        public Resolution(String host, List<String> addresses, String method, String error) {
            this(host, addresses, method, error, null);
        }

        public boolean resolved() {
            return !addresses.isEmpty();
        }
    }

    /**
     * The name asked of each DNS server resolv.conf names, over UDP and then TCP: which path DNS
     * takes,
     * whether WSL wrote the file, and every server's own answer; where the file really is
     * ({@code /mnt/wsl/resolv.conf} when WSL manages it), whether it is immutable ({@code chattr +i})
     * and what {@code [network] generateResolvConf} in /etc/wsl.conf says (null: not known or not set).
     */
    record DnsServers(String name, List<String> servers, DnsPath path, boolean writtenByWsl, List<DnsReply> replies,
                      String fileTarget, Boolean immutable, Boolean generateResolvConf) implements ProbeData {
        public DnsServers {
            servers = List.copyOf(servers);
            replies = List.copyOf(replies);
        }

        public DnsServers(String name, List<String> servers, DnsPath path, boolean writtenByWsl, List<DnsReply> replies) {
            this(name, servers, path, writtenByWsl, replies, null, null, null);
        }

        /** Whether any server answered anything, over either transport. */
        public boolean anyServerAnswered() {
            return replies.stream().anyMatch(r -> r.outcome().serverAnswered());
        }

        /** The first reply that says the name does not exist, if a server said so. */
        public java.util.Optional<DnsReply> nxdomain() {
            return replies.stream().filter(r -> r.outcome() == DnsReply.Outcome.NXDOMAIN).findFirst();
        }
    }

    /** ICMP echo with the system ping. */
    record Ping(String address, int sent, int received, Double averageRttMillis) implements ProbeData {
        public boolean answered() {
            return received > 0;
        }
    }

    /** What the kernel answers to "how would you send this?", plus the policy rules. */
    record Routes(List<RouteLookup> lookups, List<PolicyRule> rules) implements ProbeData {
        public Routes {
            lookups = List.copyOf(lookups);
            rules = List.copyOf(rules);
        }
    }

    /** TCP connects to the same address and port, unmarked and with each packet marking. */
    record MarkedConnects(String address, int port, List<ConnectAttempt> attempts) implements ProbeData {
        public MarkedConnects {
            attempts = List.copyOf(attempts);
        }

        public java.util.Optional<ConnectAttempt> unmarked() {
            return attempts.stream().filter(a -> !a.marking().marked()).findFirst();
        }

        public List<ConnectAttempt> marked() {
            return attempts.stream().filter(a -> a.marking().marked()).toList();
        }
    }

    /** SSH protocol handshakes (JSch) up to the server's host key, never further. */
    record SshHandshakes(String address, int port, List<HandshakeAttempt> attempts) implements ProbeData {
        public SshHandshakes {
            attempts = List.copyOf(attempts);
        }
    }

    /** The user's own OpenSSH client run with different IPQoS values. */
    record OpenSshRuns(String clientVersion, List<OpenSshAttempt> attempts) implements ProbeData {
        public OpenSshRuns {
            attempts = List.copyOf(attempts);
        }
    }

    /** Don't-fragment pings of growing size, to find a path that loses large packets. */
    record PathMtu(String address, int interfaceMtu, Integer largestAnsweredPayload,
                   Integer smallestLostPayload, List<Integer> payloadsTried) implements ProbeData {
        public PathMtu {
            payloadsTried = List.copyOf(payloadsTried);
        }

        /** The probe's parameter saying why the path was sized: {@link #SSH_STALLED} or {@link #SMALLER_WINDOWS_LINK}. */
        public static final String SIZED_BECAUSE = "sizedBecause";
        /** A connection opened, but the SSH key exchange (the first large packets) never finished. */
        public static final String SSH_STALLED = "ssh-key-exchange-stalled";
        /** From Windows: the route to the target leaves through an adapter (not WSL's) with a smaller MTU than the distro's. */
        public static final String SMALLER_WINDOWS_LINK = "smaller-windows-link";

        /** Payload + 20 bytes IPv4 header + 8 bytes ICMP header. */
        public Integer estimatedPathMtu() {
            return largestAnsweredPayload == null ? null : largestAnsweredPayload + 28;
        }

        public boolean blackHole() {
            return largestAnsweredPayload != null && smallestLostPayload != null;
        }

        /**
         * Whether a check among {@code outcomes} saw a TCP connection open but the SSH key exchange
         * (the first large packets) not finish, unmarked: our handshake, or the user's ssh without
         * marking. Why the path is sized in the distro, and how the finding explains it.
         */
        public static boolean keyExchangeStalledIn(List<ProbeOutcome> outcomes) {
            for (ProbeOutcome o : outcomes) {
                if (o.data() instanceof SshHandshakes h && h.attempts().stream().anyMatch(a -> !a.marking().marked() && !a.completed()
                        && a.reached().ordinal() >= HandshakeAttempt.Stage.TCP_CONNECTED.ordinal())) {
                    return true;
                }
                if (o.data() instanceof OpenSshRuns r && r.attempts().stream()
                        .anyMatch(a -> "none".equals(a.ipqos()) && a.result() == OpenSshAttempt.Result.STALLED_AFTER_CONNECT)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Connections seen waiting in SYN-SENT for the target, and the last full table. */
    record Sockets(List<TcpConnection> synSentToTarget, List<TcpConnection> lastSnapshot) implements ProbeData {
        public Sockets {
            synSentToTarget = List.copyOf(synSentToTarget);
            lastSnapshot = List.copyOf(lastSnapshot);
        }
    }

    /** Sockets waiting for connections on this machine, with their owners. */
    record Listeners(List<TcpConnection> listening) implements ProbeData {
        public Listeners {
            listening = List.copyOf(listening);
        }
    }

    /** Our own listener on a wildcard address, reached through each local address. */
    record LoopbackSelfTest(int port, List<LocalConnect> connects) implements ProbeData {
        public LoopbackSelfTest {
            connects = List.copyOf(connects);
        }
    }

    /** The user's service ports: who listens, and whether local connects get there. */
    record ServicePorts(List<ServicePort> ports) implements ProbeData {
        public ServicePorts {
            ports = List.copyOf(ports);
        }
    }

    /** This machine seen from another host over SSH. */
    record Vantage(String user, String host, int port, String hostKeyFingerprint, HostKeyStatus hostKeyStatus,
                   boolean loggedIn, List<VantageCheck> checks, String error) implements ProbeData {
        /** How the vantage host's key was trusted, or why it was not. */
        public enum HostKeyStatus { KNOWN, ACCEPTED_BY_FINGERPRINT, UNKNOWN, CHANGED, NOT_SEEN }

        public Vantage {
            checks = List.copyOf(checks);
        }
    }

    /** .wslconfig and /etc/wsl.conf as WSL reads them: what it uses, and every line it reads otherwise. */
    record ConfigFiles(List<ConfigFileCheck> files) implements ProbeData {
        public ConfigFiles {
            files = List.copyOf(files);
        }

        public java.util.Optional<ConfigFileCheck> file(String which) {
            return files.stream().filter(f -> f.file().equals(which)).findFirst();
        }
    }

    /**
     * Windows' {@code localhost:PORT} towards the app in WSL, port by port: who listens in the distro
     * and where WSL's relay would forward it, who holds the port on Windows, and what the app's own
     * connects from Windows got. {@code seenFromWindows} is false when the app runs inside the
     * distro: then only the distro's half is known.
     */
    record LocalhostRelay(boolean seenFromWindows, List<RelayPort> ports) implements ProbeData {
        public LocalhostRelay {
            ports = List.copyOf(ports);
        }
    }

    /**
     * Programs on Windows that WSL should reach, port by port: Windows' listeners, the app's own
     * connect on Windows, the connect from inside the distro.
     */
    record WindowsServices(boolean seenFromWindows, List<WindowsService> ports) implements ProbeData {
        public WindowsServices {
            ports = List.copyOf(ports);
        }
    }

    /**
     * Whether other devices can reach the user's ports in WSL, as far as one PC can tell: the
     * ports asked about and the app's own connects on Windows to Windows' network address, which
     * go through a port proxy when there is one. Only another machine proves it (the outside check).
     */
    record OtherDevices(boolean seenFromWindows, List<Integer> ports, List<LocalConnect> throughLanAddress) implements ProbeData {
        public OtherDevices {
            ports = List.copyOf(ports);
            throughLanAddress = List.copyOf(throughLanAddress);
        }
    }

    /**
     * A proxy on a loopback address while WSL runs in NAT mode, where 127.0.0.1 inside WSL is Linux
     * itself: Windows' own proxy setting (seen from Windows) or the distro's proxy variables (seen
     * inside it). {@code proxy} is null when no setting points at a loopback address.
     *
     * @param setBy            where the proxy is set: {@link #SET_BY_WINDOWS}, or the variable's name ({@code https_proxy})
     * @param gateway          the address WSL reaches Windows at (the distro's gateway); null when not known
     * @param windowsListeners Windows' listeners on the proxy's port with their owners; null when not read (inside WSL)
     * @param distroToGateway  a connect from inside the distro to {@code gateway}:port; null when not made
     * @param distroError      why that connect could not be made, or null
     * @param distroLoopback   inside WSL: a connect to the distro's own 127.0.0.1:port; null from Windows
     */
    record LoopbackProxy(boolean seenFromWindows, String networkingMode, String setBy, ProxyAddress proxy, String gateway,
                         List<TcpConnection> windowsListeners, LocalConnect distroToGateway, String distroError,
                         LocalConnect distroLoopback) implements ProbeData {
        /** {@link #setBy()} for Windows' own proxy setting (Internet Options). */
        public static final String SET_BY_WINDOWS = "Windows";

        public LoopbackProxy {
            windowsListeners = windowsListeners == null ? null : List.copyOf(windowsListeners);
        }

        /** Whether every Windows listener on the proxy's port is on a loopback address (none for WSL). */
        public boolean windowsLoopbackOnly() {
            return windowsListeners != null && !windowsListeners.isEmpty()
                    && windowsListeners.stream().allMatch(l -> WindowsService.isLoopback(l.localAddress()));
        }
    }

    /**
     * The distro's clock against Windows', read from Windows. {@code reading} is null when it was
     * not made (inside WSL, where Windows' clock is not at hand, or the distro gave no time).
     *
     * @param ptpDevice  whether /dev/ptp0, the Hyper-V clock WSL syncs the distro from, exists; null when not looked at
     * @param kernelSays what the kernel log says about it (a line naming ptp), or null when nothing or not readable
     * @param error      why the distro's time could not be read, or null
     */
    record Clock(boolean seenFromWindows, ClockReading reading, Boolean ptpDevice, String kernelSays, String error)
            implements ProbeData {
    }

    /**
     * Whether a VPN on Windows takes the distro's traffic (WSL 2, NAT mode), as far as this run saw.
     * Inside the distro: its gateway's ping and what the link layer knows of the gateway after it
     * ({@code ip neigh}: a state such as REACHABLE and the link address). From Windows also Windows'
     * route for the distro's address ({@code route}, on adapter {@code routeAdapter}) beside the best
     * route WSL's own adapter offers ({@code wslRoute} on {@code wslAdapter}), and the app's own
     * connect on Windows to the target ({@code fromWindows}). Each part is null when not known.
     *
     * @param gatewayLinkState the neighbour state as {@code ip neigh} prints it ("REACHABLE", "STALE", "FAILED")
     */
    record RouteCapture(String distroAddress, String gateway, Ping gatewayPing, String gatewayLinkAddress, String gatewayLinkState,
                        WindowsRoute route, WindowsInterface routeAdapter, WindowsRoute wslRoute, WindowsInterface wslAdapter,
                        LocalConnect fromWindows) implements ProbeData {
        /** Link states in which the gateway's link address is known and was heard from lately enough to count. */
        private static final java.util.Set<String> RESOLVED = java.util.Set.of("REACHABLE", "STALE", "DELAY", "PROBE", "PERMANENT");

        /** The gateway's link address is known: the link itself works, whatever else is lost. */
        public boolean gatewayLinkResolves() {
            return gatewayLinkAddress != null && !gatewayLinkAddress.isBlank() && gatewayLinkState != null
                    && RESOLVED.contains(gatewayLinkState.toUpperCase(java.util.Locale.ROOT));
        }

        /** The gateway was pinged and answered none. */
        public boolean gatewaySilent() {
            return gatewayPing != null && !gatewayPing.answered();
        }

        /** Windows' route for the distro's address leaves through another adapter than the one holding the distro's gateway. */
        public boolean routedElsewhere() {
            return route != null && wslAdapter != null && route.interfaceIndex() != wslAdapter.index();
        }

        /** The app's own connect on Windows got an answer from the target (connected, or refused by it). */
        public boolean windowsReachesTarget() {
            return fromWindows != null && fromWindows.result().answered();
        }
    }
}
