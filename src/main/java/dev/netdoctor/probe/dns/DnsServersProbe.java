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
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Asks each DNS server of {@code /etc/resolv.conf} for the target's name itself (without a target, for
 * {@link dev.netdoctor.model.DiagnosisRequest#WAY_OUT_NAME}), over UDP and TCP, all questions at
 * once (every server, both transports), each within {@link #QUESTION_LIMIT}: a dead DNS path is then
 * told from a name that does not exist in about one limit (2 s), where the system resolver says
 * "Temporary failure in name resolution" only after every server and retry (10 s and more).
 *
 * <p>Where a server answered something over one transport, the network's own answer time is known,
 * and the other transport's question to that server waits only {@link #derivedWait(long)} of it
 * (never more than the limit); a server that answered nothing keeps the full limit. From Windows the
 * questions leave from inside the distro through wsl.exe ({@link DnsQuery#askInside}), whose start is
 * not the network's time: there both transports are asked at once, each with the full limit kept by
 * {@code timeout} inside the distro.
 */
public final class DnsServersProbe implements Probe {
    static final Duration QUESTION_LIMIT = Duration.ofSeconds(2);
    /**
     * How many times the other transport's measured answer time a question to the same server is
     * waited for: TCP needs a handshake and then the question (two round trips where UDP needs
     * one), and a forwarder such as dnsmasq starts a process for each TCP connection; 4 leaves
     * room for that and for jitter on a busy link.
     */
    static final int ANSWER_TIME_MULTIPLE = 4;
    /**
     * The least wait derived from an answer: a round trip on loopback or a LAN is a few ms, and 4
     * times that says nothing of a slow Wi-Fi (hundreds of ms when busy) or of a laptop whose 2
     * cores are busy (the first TCP question of a run also loads and starts the JVM's socket code,
     * while the UDP one has already come back). Only a server that answers one way and not the
     * other waits this; a dead path never does, so a generous floor costs the common case nothing.
     */
    static final Duration DERIVED_WAIT_FLOOR = Duration.ofMillis(1000);
    private final Integer port;
    private final Duration limit;

    public DnsServersProbe() {
        this(null);
    }

    /** With another port than 53: for tests with a DNS server of their own on loopback. */
    DnsServersProbe(Integer port) {
        this(port, QUESTION_LIMIT);
    }

    /** With another limit too: for tests whose server holds a question until another one arrives. */
    DnsServersProbe(Integer port, Duration limit) {
        this.port = port;
        this.limit = limit;
    }

    /**
     * How long a question to a server is waited for once the server answered the other transport's
     * question in {@code answeredMillis}: a generous multiple of it, at least {@link #DERIVED_WAIT_FLOOR},
     * never more than {@code limit}.
     */
    static Duration derivedWait(long answeredMillis, Duration limit) {
        Duration multiple = Duration.ofMillis(Math.max(0, answeredMillis)).multipliedBy(ANSWER_TIME_MULTIPLE);
        Duration wait = multiple.compareTo(DERIVED_WAIT_FLOOR) < 0 ? DERIVED_WAIT_FLOOR : multiple;
        return wait.compareTo(limit) > 0 ? limit : wait;
    }

    /** The same with this check's {@link #QUESTION_LIMIT}. */
    static Duration derivedWait(long answeredMillis) {
        return derivedWait(answeredMillis, QUESTION_LIMIT);
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
        // The two transports are asked at once now; the room of the second one stays (it costs nothing).
        return limit.multipliedBy(2).plusSeconds(2).plus(context.linux().standpoint().commandWait());
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
        // What the file is (a link, immutable, WSL told not to write it) is read while the servers
        // are asked, not after: the system resolver's check beside this one waits for this report.
        java.util.concurrent.FutureTask<FileFacts> fileFacts = new java.util.concurrent.FutureTask<>(() -> new FileFacts(
                firstLine(ctx.linux().run(List.of("readlink", "-f", "/etc/resolv.conf"), Duration.ofSeconds(2)).stdout()),
                immutable(ctx), generateResolvConf(ctx.readSettingsFile(ctx.wslConfPath()).orElse(null))));
        Thread.ofPlatform().daemon().name("resolv-conf-facts").start(fileFacts);
        List<DnsReply> replies;
        FileFacts facts;
        try {
            replies = Parallel.map(conf.nameservers(), server -> inside ? askInside(ctx, server, name) : askBoth(server, name),
                    r -> ctx.progress(0.6, r.getFirst().server() + ": " + r.getLast().outcome().words())).stream().flatMap(List::stream).toList();
            facts = fileFacts.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof InterruptedException ie) {
                throw ie;
            }
            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
        } finally {
            fileFacts.cancel(true);
        }
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
        String target = facts.target();
        Boolean immutable = facts.immutable();
        Boolean generate = facts.generateResolvConf();
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

    /** Where /etc/resolv.conf leads, whether it is immutable, what wsl.conf says of writing it (each null when unknown). */
    private record FileFacts(String target, Boolean immutable, Boolean generateResolvConf) {
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

    /**
     * The same from inside a WSL distro, through wsl.exe: the questions take the distro's DNS path.
     * Both transports at once; each keeps the full limit, since its measured time includes
     * wsl.exe's start and says nothing of the network's.
     */
    private List<DnsReply> askInside(ProbeContext ctx, String server, String name) throws Exception {
        int p = port == null ? 53 : port;
        return Parallel.map(List.of(DnsReply.Transport.UDP, DnsReply.Transport.TCP),
                t -> DnsQuery.askInside(ctx.linux(), server, p, name, t, limit));
    }

    /**
     * UDP, as the resolver asks, and TCP at the same time: a server that answers one way only is
     * told apart, and a dead path costs one limit, not two. Once either gets an answer from the
     * server, the other is waited for only {@link #derivedWait(long, Duration)} from the start.
     */
    private List<DnsReply> askBoth(String server, String name) throws Exception {
        InetSocketAddress to;
        try {
            // an address literal from resolv.conf: no lookup happens here
            to = new InetSocketAddress(InetAddress.getByName(server), port == null ? 53 : port);
        } catch (java.net.UnknownHostException e) {
            return List.of(new DnsReply(server, DnsReply.Transport.UDP, DnsReply.Outcome.ERROR, List.of(), 0, "not an address: " + server));
        }
        // Platform threads: a question cut short is interrupted and ends at once (dnsjava's futures
        // and DnsQuery's selector both answer an interrupt), and no virtual thread's socket starts
        // the JDK's poller thread, which would cost the CLI's exit 300 ms.
        ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("dns-question-", 0).factory());
        try {
            CompletionService<DnsReply> questions = new ExecutorCompletionService<>(pool);
            long start = System.nanoTime();
            Future<DnsReply> udp = questions.submit(() -> DnsQuery.ask(to, name, DnsReply.Transport.UDP, limit));
            Future<DnsReply> tcp = questions.submit(() -> DnsQuery.ask(to, name, DnsReply.Transport.TCP, limit));
            Future<DnsReply> first = questions.take();
            DnsReply firstReply = result(first);
            Future<DnsReply> other = first == udp ? tcp : udp;
            DnsReply otherReply;
            if (heardFrom(firstReply)) {
                Duration wait = derivedWait(firstReply.millis(), limit);
                long left = start + wait.toNanos() - System.nanoTime();
                if (questions.poll(Math.max(0, left), TimeUnit.NANOSECONDS) != null || !other.cancel(true)) {
                    // it came in time, or just as it was given up
                    otherReply = result(other);
                } else {
                    DnsReply.Transport t = first == udp ? DnsReply.Transport.TCP : DnsReply.Transport.UDP;
                    otherReply = new DnsReply(firstReply.server(), t, DnsReply.Outcome.NO_ANSWER, List.of(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), "no answer within " + wait.toMillis() + " ms");
                }
            } else {
                // each question is bounded by the limit itself
                otherReply = result(questions.take());
            }
            return first == udp ? List.of(firstReply, otherReply) : List.of(otherReply, firstReply);
        } finally {
            pool.shutdownNow();
            pool.close();
        }
    }

    /** Whether a reply came back from the server, whatever it said: its answer time is the network's. */
    private static boolean heardFrom(DnsReply r) {
        return r.outcome().serverAnswered() || r.questionMismatch();
    }

    private static DnsReply result(Future<DnsReply> done) throws Exception {
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
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
