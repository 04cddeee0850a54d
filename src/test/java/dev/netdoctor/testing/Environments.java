// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.testing;

import dev.netdoctor.model.Environment;
import dev.netdoctor.model.NetInterface;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WslFacts;

import java.util.List;
import java.util.Map;

/**
 * The facts about a machine ({@link Environment}) a test hands to probes, rules and reports, built
 * from defaults so a test names only the facts it is about. {@link #linux()} starts from a plain
 * Linux that is not WSL, with OpenSSH 9.2 marking interactive sessions lowdelay and bulk ones
 * throughput, six SYN retries (127 s before a connect gives up), and nothing else: no interfaces,
 * gateway, DNS servers, notes or Windows side. {@link #from} changes a few facts of an existing
 * environment, {@link #sparse()} starts with every field the record lets be null, null.
 *
 * <p>It builds facts only: it does not check that they agree with each other (a WSL 2 kernel on a
 * Linux that is not WSL is accepted), as the real system scan would never produce.
 */
public final class Environments {
    /** lo with IPv4 and IPv6 loopback, as every Linux has it. */
    public static final NetInterface LOOPBACK = new NetInterface("lo", 65536, true, List.of("127.0.0.1"), List.of("::1"));

    /** This machine as far as the probes that use it go: only lo, so own addresses stay on loopback. */
    public static final Environment LOOPBACK_ONLY = linux().interfaces(LOOPBACK).build();

    private Environments() {
    }

    /** A plain Linux, not WSL (see the class comment for the defaults). */
    public static Builder linux() {
        return new Builder("Linux", "6.6", notWsl(), List.of(), null, List.of(), ssh("lowdelay", "throughput"), 6, 127, List.of(), null);
    }

    /** {@link #linux()} with these interfaces and nothing else changed. */
    public static Environment linuxWith(NetInterface... interfaces) {
        return linux().interfaces(interfaces).build();
    }

    /** Every fact of {@code environment}, to change some. */
    public static Builder from(Environment environment) {
        Environment e = environment;
        return new Builder(e.os(), e.kernel(), e.wsl(), e.interfaces(), e.defaultGateway(), e.dnsServers(), e.sshClient(),
                e.tcpSynRetries(), e.synGiveUpSeconds(), e.notes(), e.windows());
    }

    /** Every field the record lets be null, null; the lists empty. */
    public static Builder sparse() {
        return new Builder(null, null, null, List.of(), null, List.of(), null, null, null, List.of(), null);
    }

    /** Not WSL, with no evidence. */
    public static WslFacts notWsl() {
        return new WslFacts(WslFacts.Kind.NOT_WSL, null, null, null, List.of());
    }

    /** WSL 2 distro {@code distro} in networking mode {@code mode}, as wslinfo reports it, with no other evidence. */
    public static WslFacts wsl2(String distro, String mode) {
        return new WslFacts(WslFacts.Kind.WSL2, distro, mode, "wslinfo --networking-mode", List.of());
    }

    /** OpenSSH 9.2 installed, marking interactive sessions {@code interactive} and bulk ones {@code bulk}, as {@code ssh -G} prints it. */
    public static SshClientFacts ssh(String interactive, String bulk) {
        return new SshClientFacts(true, "OpenSSH_9.2p1", Map.of("ipqos", interactive + " " + bulk), interactive, bulk, null);
    }

    /** A mutable set of facts; {@link #build()} makes the record. */
    public static final class Builder {
        private String os;
        private String kernel;
        private WslFacts wsl;
        private List<NetInterface> interfaces;
        private String defaultGateway;
        private List<String> dnsServers;
        private SshClientFacts sshClient;
        private Integer tcpSynRetries;
        private Integer synGiveUpSeconds;
        private List<String> notes;
        private WindowsFacts windows;

        private Builder(String os, String kernel, WslFacts wsl, List<NetInterface> interfaces, String defaultGateway, List<String> dnsServers,
                        SshClientFacts sshClient, Integer tcpSynRetries, Integer synGiveUpSeconds, List<String> notes, WindowsFacts windows) {
            this.os = os;
            this.kernel = kernel;
            this.wsl = wsl;
            this.interfaces = interfaces;
            this.defaultGateway = defaultGateway;
            this.dnsServers = dnsServers;
            this.sshClient = sshClient;
            this.tcpSynRetries = tcpSynRetries;
            this.synGiveUpSeconds = synGiveUpSeconds;
            this.notes = notes;
            this.windows = windows;
        }

        public Builder os(String os) { this.os = os; return this; }
        public Builder kernel(String kernel) { this.kernel = kernel; return this; }
        public Builder wsl(WslFacts wsl) { this.wsl = wsl; return this; }
        public Builder interfaces(NetInterface... interfaces) { return interfaces(List.of(interfaces)); }
        public Builder interfaces(List<NetInterface> interfaces) { this.interfaces = interfaces; return this; }
        public Builder defaultGateway(String gateway) { this.defaultGateway = gateway; return this; }
        public Builder dnsServers(String... servers) { return dnsServers(List.of(servers)); }
        public Builder dnsServers(List<String> servers) { this.dnsServers = servers; return this; }
        public Builder sshClient(SshClientFacts ssh) { this.sshClient = ssh; return this; }
        /** SYN retries and the seconds a connect then waits; either may be null (not read). */
        public Builder synRetries(Integer retries, Integer giveUpSeconds) {
            this.tcpSynRetries = retries;
            this.synGiveUpSeconds = giveUpSeconds;
            return this;
        }
        public Builder notes(String... notes) { return notes(List.of(notes)); }
        public Builder notes(List<String> notes) { this.notes = notes; return this; }
        /** The Windows side, when the app runs on Windows and diagnoses a distro; null: none. */
        public Builder windows(WindowsFacts windows) { this.windows = windows; return this; }

        public Environment build() {
            return new Environment(os, kernel, wsl, interfaces, defaultGateway, dnsServers, sshClient, tcpSynRetries, synGiveUpSeconds, notes, windows);
        }
    }
}
