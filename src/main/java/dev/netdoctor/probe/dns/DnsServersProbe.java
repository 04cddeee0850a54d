// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe.dns;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.ConfigReader;
import dev.netdoctor.config.ConfigValues;
import dev.netdoctor.host.DistroNetwork;
import dev.netdoctor.host.ResolvConf;
import dev.netdoctor.model.DnsPath;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.probe.Parallel;
import dev.netdoctor.probe.Probe;
import dev.netdoctor.probe.ProbeContext;
import dev.netdoctor.probe.ProbeReport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks each DNS server of {@code /etc/resolv.conf} for the target's name itself (without a target, for
 * {@link dev.netdoctor.model.DiagnosisRequest#WAY_OUT_NAME}), over UDP and
 * then TCP, each question within {@link #QUESTION_LIMIT}: a dead DNS path is then told from a
 * name that does not exist in about 4 s, where the system resolver says "Temporary failure in
 * name resolution" only after every server and retry (10 s and more). The servers are asked at
 * once, so the time does not grow with their number.
 */
public final class DnsServersProbe implements Probe {
    static final Duration QUESTION_LIMIT = Duration.ofSeconds(2);
    private final Integer port;

    public DnsServersProbe() {
        this(null);
    }

    /** With another port than 53: for tests with a DNS server of their own on loopback. */
    DnsServersProbe(Integer port) {
        this.port = port;
    }

    @Override
    public ProbeId id() {
        return ProbeId.DNS_SERVERS;
    }

    @Override
    public String title() {
        return "Ask each DNS server directly";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        // From Windows each question also waits for wsl.exe, which is never the network's time.
        return QUESTION_LIMIT.multipliedBy(2).plusSeconds(2).plus(context.linux().standpoint().commandWait());
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        if (ctx.target() != null && ctx.target().isIpLiteral()) {
            return ProbeReport.skipped("Not needed: " + ctx.target().host() + " is an address, no name to look up.");
        }
        boolean inside = switch (ctx.linux().standpoint()) {
            case THIS_LINUX -> false;
            case WINDOWS -> true;
        };
        if (inside && !ctx.linux().hasCommand("bash")) {
            // From Windows the questions must leave from inside the distro, to take its DNS path.
            return ProbeReport.skipped("Not asked: the DNS servers are asked from inside " + ctx.linux().describe()
                    + " through bash, which it does not have.");
        }
        Optional<String> text = ctx.linux().readFile("/etc/resolv.conf", 64 * 1024);
        if (text.isEmpty()) {
            return ProbeReport.completed("/etc/resolv.conf is missing or unreadable: no DNS server is configured", Map.of(),
                    new ProbeData.DnsServers(ctx.request().nameToLookUp(), List.of(), DnsPath.NONE, false, List.of()),
                    List.of(Evidence.of("/etc/resolv.conf: missing or unreadable")));
        }
        ResolvConf conf = ResolvConf.parse(text.get());
        // This check runs first, before the scan of the machine is in: the kernel's route table
        // says where the default gateway (WSL's DNS proxy in NAT mode) is.
        String gateway = ctx.environment() != null && ctx.environment().defaultGateway() != null ? ctx.environment().defaultGateway()
                : ctx.linux().readFile("/proc/net/route", 64 * 1024).map(DistroNetwork::defaultGatewayFromProcRoute).orElse(null);
        String name = ctx.request().nameToLookUp();
        ctx.progress(0.1, "asking " + String.join(", ", conf.nameservers()) + " for " + name);
        List<DnsReply> replies = Parallel.map(conf.nameservers(), server -> inside ? askInside(ctx, server, name) : askBoth(server, name),
                r -> ctx.progress(0.6, r.getFirst().server() + ": " + r.getLast().outcome().words())).stream().flatMap(List::stream).toList();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("name", name);
        params.put("servers", String.join(",", conf.nameservers()));
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("/etc/resolv.conf: " + (conf.writtenByWsl() ? "written by WSL" : "not written by WSL (no WSL header)")
                + "; servers " + (conf.nameservers().isEmpty() ? "none" : String.join(", ", conf.nameservers())), "cat /etc/resolv.conf",
                text.get().strip()));
        for (DnsReply r : replies) {
            evidence.add(Evidence.of(describe(r)));
        }
        String summary = conf.nameservers().isEmpty() ? "no DNS server in /etc/resolv.conf"
                : String.join("; ", replies.stream().filter(r -> r.transport() == DnsReply.Transport.UDP)
                .map(r -> r.server() + " " + r.outcome().words()).toList());
        String target = firstLine(ctx.linux().run(List.of("readlink", "-f", "/etc/resolv.conf"), Duration.ofSeconds(2)).stdout());
        Boolean immutable = immutable(ctx);
        Boolean generate = generateResolvConf(ctx.readSettingsFile(ctx.wslConfPath()).orElse(null));
        if (target != null && !target.equals("/etc/resolv.conf")) {
            evidence.add(Evidence.of("/etc/resolv.conf points to " + target));
        }
        if (Boolean.TRUE.equals(immutable)) {
            evidence.add(Evidence.of("/etc/resolv.conf is immutable (chattr +i): nothing, WSL included, can rewrite it"));
        }
        if (generate != null) {
            evidence.add(Evidence.of(ctx.wslConfPath() + ": [network] generateResolvConf = " + generate));
        }
        return ProbeReport.completed(summary, params, new ProbeData.DnsServers(name, conf.nameservers(), path(conf.path(gateway, inside ? List.of() : loopback())),
                conf.writtenByWsl(), replies, target, immutable, generate), evidence);
    }

    /** This machine's loopback addresses (the probe runs only on the app's own machine). */
    static List<String> loopback() {
        try {
            return java.net.NetworkInterface.networkInterfaces().filter(i -> {
                try {
                    return i.isLoopback();
                } catch (java.net.SocketException e) {
                    return false;
                }
            }).flatMap(java.net.NetworkInterface::inetAddresses).map(InetAddress::getHostAddress).toList();
        } catch (java.net.SocketException e) {
            return List.of();
        }
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? null : line;
    }

    /** From lsattr's attribute field ("----i---------e------- /etc/resolv.conf"); null when unknown. */
    private static Boolean immutable(ProbeContext ctx) throws InterruptedException {
        if (!ctx.linux().hasCommand("lsattr")) {
            return null;
        }
        var run = ctx.linux().run(List.of("lsattr", "-d", "/etc/resolv.conf"), Duration.ofSeconds(2));
        String line = firstLine(run.stdout());
        if (run.exitCode() != 0 || line == null || !line.contains(" ")) {
            return null;
        }
        return line.substring(0, line.indexOf(' ')).indexOf('i') >= 0;
    }

    /**
     * {@code [network] generateResolvConf} of /etc/wsl.conf as the distro reads it (first value
     * wins, 1/0 and true/false, nothing after the first line it cannot read); null when the part it
     * reads does not set it, or sets a value it refuses (then WSL keeps its default).
     */
    static Boolean generateResolvConf(String wslConf) {
        return generateResolvConf(wslConf == null ? null : wslConf.getBytes(StandardCharsets.UTF_8));
    }

    static Boolean generateResolvConf(byte[] wslConf) {
        if (wslConf == null) {
            return null;
        }
        return ConfigReader.read(ConfigFileKind.WSL_CONF, wslConf)
                .value("network.generateResolvConf").map(ConfigValues::bool).orElse(null);
    }

    /** The same from inside a WSL distro, through wsl.exe: the questions take the distro's DNS path. */
    private List<DnsReply> askInside(ProbeContext ctx, String server, String name) throws InterruptedException {
        int p = port == null ? 53 : port;
        return List.of(DnsQuery.askInside(ctx.linux(), server, p, name, DnsReply.Transport.UDP, QUESTION_LIMIT),
                DnsQuery.askInside(ctx.linux(), server, p, name, DnsReply.Transport.TCP, QUESTION_LIMIT));
    }

    /** UDP first, as the resolver does, then TCP: a server that answers one way only is told apart. */
    private List<DnsReply> askBoth(String server, String name) throws InterruptedException {
        InetSocketAddress to;
        try {
            // an address literal from resolv.conf: no lookup happens here
            to = new InetSocketAddress(InetAddress.getByName(server), port == null ? 53 : port);
        } catch (java.net.UnknownHostException e) {
            return List.of(new DnsReply(server, DnsReply.Transport.UDP, DnsReply.Outcome.ERROR, List.of(), 0, "not an address: " + server));
        }
        return List.of(DnsQuery.ask(to, name, DnsReply.Transport.UDP, QUESTION_LIMIT), DnsQuery.ask(to, name, DnsReply.Transport.TCP, QUESTION_LIMIT));
    }

    /** host's reading of resolv.conf as the model carries it: with its stable id and its words. */
    static DnsPath path(ResolvConf.Path p) {
        return switch (p) {
            case DNS_TUNNELING -> DnsPath.DNS_TUNNELING;
            case NAT_DNS_PROXY -> DnsPath.NAT_DNS_PROXY;
            case OTHER_SERVERS -> DnsPath.OTHER_SERVERS;
            case NONE -> DnsPath.NONE;
        };
    }

    static String describe(DnsReply r) {
        return "DNS server " + r.server() + " over " + r.transport() + ": " + r.outcome().words()
                + (r.addresses().isEmpty() ? "" : " (" + String.join(", ", r.addresses()) + ")") + " in " + r.millis() + " ms"
                + (r.detail() == null || r.outcome() == DnsReply.Outcome.ANSWER ? "" : "; " + r.detail());
    }
}
