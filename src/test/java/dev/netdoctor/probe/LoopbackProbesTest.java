// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.TestContext;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.LocalConnect;
import dev.netdoctor.model.OpenSshAttempt;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.ServicePort;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.model.VantageCheck;
import dev.netdoctor.model.VantageRequest;
import dev.netdoctor.model.ProbeData.Vantage.HostKeyStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The probes run for real against this computer's loopback only: a listener of our own, and a
 * port nobody listens on. What they report is what the user would read in the checks list.
 */
class LoopbackProbesTest {
    private final LinuxSide linux = new LocalLinuxSide();
    @TempDir
    Path dir;
    private ServerSocket listener;
    private int open;
    private int closed;

    /** Only lo: the probes that connect to "own addresses" then stay on loopback. */
    private static final Environment ENV = Environments.LOOPBACK_ONLY;

    @BeforeEach
    void listen() throws Exception {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        open = listener.getLocalPort();
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
    }

    /** The question as the session asks it of this Linux, with "localhost" resolved to 127.0.0.1. */
    private TestContext context(String target, List<Integer> servicePorts) {
        return context(target, servicePorts, null);
    }

    private TestContext context(String target, List<Integer> servicePorts, VantageRequest vantage) {
        TestContext ctx = new TestContext(target, servicePorts, vantage, linux, ENV);
        return target != null && ctx.target().host().equals("localhost") ? ctx.address("127.0.0.1") : ctx;
    }

    private static List<String> evidence(ProbeReport r) {
        return r.evidence().stream().map(Evidence::summary).toList();
    }

    @Test
    void markedAndUnmarkedSynsToAnOpenLoopbackPortAreAllAnswered() throws Exception {
        TestContext ctx = context("127.0.0.1:" + open, List.of());
        ProbeReport r = new DscpConnectProbe().run(ctx);
        assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
        ProbeData.MarkedConnects data = (ProbeData.MarkedConnects) r.data();
        assertThat(data.unmarked()).map(ConnectAttempt::result).contains(ConnectResult.CONNECTED);
        assertThat(data.marked()).isNotEmpty().allSatisfy(a -> assertThat(a.result()).isEqualTo(ConnectResult.CONNECTED));
        assertThat(data.marked()).extracting(a -> a.marking().name()).contains("lowdelay", "af21");
        assertThat(r.summary()).startsWith("unmarked: connected in ").endsWith("marked: " + data.marked().size() + " of " + data.marked().size() + " answered");
        assertThat(r.parameters()).containsEntry("from", "this Linux").containsEntry("port", Integer.toString(open))
                .containsEntry("address", "127.0.0.1").containsEntry("timeoutMillis", "1500").doesNotContainKey("note");
        assertThat(evidence(r)).anySatisfy(e -> assertThat(e).startsWith("SYN af21       (ToS 0x48) → connected in"));
        assertThat(ctx.progress).first().isEqualTo("sending " + (data.marked().size() + 1) + " SYNs to 127.0.0.1:" + open);
    }

    @Test
    void synsToAClosedLoopbackPortAreRefusedNotTimedOut() throws Exception {
        ProbeReport r = new DscpConnectProbe().run(context("127.0.0.1:" + closed, List.of()));
        ProbeData.MarkedConnects data = (ProbeData.MarkedConnects) r.data();
        assertThat(data.attempts()).allSatisfy(a -> assertThat(a.result()).isEqualTo(ConnectResult.REFUSED));
        assertThat(r.summary()).startsWith("unmarked: refused in ");
    }

    @Test
    void theLoopbackSelfTestReachesItsOwnListenerThroughEveryLoopbackAddress() throws Exception {
        ProbeReport r = new LoopbackSelfTestProbe().run(context(null, List.of()));
        ProbeData.LoopbackSelfTest data = (ProbeData.LoopbackSelfTest) r.data();
        assertThat(data.port()).isPositive();
        assertThat(data.connects()).extracting(LocalConnect::address).contains("127.0.0.1", "127.0.0.2");
        assertThat(data.connects()).filteredOn(c -> !c.address().contains(":"))
                .allSatisfy(c -> assertThat(c.result()).isEqualTo(ConnectResult.CONNECTED));
        assertThat(evidence(r)).hasSameSizeAs(data.connects());
    }

    @Test
    void aServicePortSaysWhetherSomethingListensAndWhetherLocalConnectsGetThrough() throws Exception {
        ProbeReport r = new ServicePortProbe().run(context(null, List.of(open, closed)));
        List<ServicePort> ports = ((ProbeData.ServicePorts) r.data()).ports();
        assertThat(ports).extracting(ServicePort::port).containsExactly(open, closed);
        ServicePort served = ports.getFirst();
        assertThat(served.listeners()).isNotEmpty();
        assertThat(served.connects()).filteredOn(c -> c.address().equals("127.0.0.1")).singleElement()
                .satisfies(c -> assertThat(c.result()).isEqualTo(ConnectResult.CONNECTED));
        ServicePort idle = ports.get(1);
        assertThat(idle.listeners()).isEmpty();
        assertThat(idle.connects()).filteredOn(c -> c.address().equals("127.0.0.1")).singleElement()
                .satisfies(c -> assertThat(c.result()).isEqualTo(ConnectResult.REFUSED));
        assertThat(evidence(r)).contains("nothing listens on port " + closed);
        assertThat(r.parameters()).containsEntry("ports", List.of(open, closed).toString());
    }

    @Test
    void ourOwnListenerIsSeenAmongTheListeningSockets() {
        ProbeReport r = new ListeningSocketsProbe().run(context(null, List.of()));
        List<TcpConnection> l = ((ProbeData.Listeners) r.data()).listening();
        assertThat(r.summary()).isEqualTo(l.size() == 1 ? "1 listening socket" : l.size() + " listening sockets");
        assertThat(l).allSatisfy(c -> assertThat(c.state()).isEqualTo(TcpConnection.LISTEN));
    }

    @Test
    void theUsersSshToAClosedLoopbackPortIsRefusedWithAndWithoutMarking() throws Exception {
        assumeTrue(linux.hasCommand("ssh"), "Skipping: no OpenSSH client");
        ProbeReport r = new OpenSshClientProbe().run(context("127.0.0.1:" + closed, List.of()));
        List<OpenSshAttempt> a = ((ProbeData.OpenSshRuns) r.data()).attempts();
        assertThat(a).extracting(OpenSshAttempt::ipqos).containsExactly("none", "lowdelay");
        assertThat(a).allSatisfy(x -> assertThat(x.result()).isEqualTo(OpenSshAttempt.Result.REFUSED));
        assertThat(evidence(r)).allSatisfy(e -> assertThat(e).contains("connection refused"));
        assertThat(evidence(r)).first().satisfies(e -> assertThat(e).startsWith("IPQoS=none: connection refused after "));
        assertThat(r.summary()).startsWith("IPQoS=none connection refused after ").contains("; IPQoS=lowdelay connection refused after ");
        // The attempt's limit of 1500 ms, in whole seconds and rounded up, as ssh takes it.
        assertThat(r.parameters()).containsEntry("ipqos", "none,lowdelay").containsEntry("connectTimeout", "2");
        assertThat(a).allSatisfy(x -> assertThat(x.run().argv()).containsSubsequence("-o", "ConnectTimeout=2"));
    }

    @Test
    void theUsersSshProgressNamesEachRunAsItEnds() throws Exception {
        assumeTrue(linux.hasCommand("ssh"), "Skipping: no OpenSSH client");
        TestContext ctx = new TestContext("127.0.0.1:" + closed, List.of(), null, linux, ENV);
        ProbeReport r = new OpenSshClientProbe().run(ctx);
        List<OpenSshAttempt> a = ((ProbeData.OpenSshRuns) r.data()).attempts();
        assertThat(ctx.progress).containsExactly("running ssh with IPQoS none and lowdelay",
                "IPQoS=none: " + OpenSshClientProbe.describe(a.get(0)), "IPQoS=lowdelay: " + OpenSshClientProbe.describe(a.get(1)));
    }

    @Test
    void markedConnectsReportProgressUpToTheLastAttempt() throws Exception {
        TestContext ctx = new TestContext("127.0.0.1:" + open, List.of(), null, linux, ENV);
        ProbeReport r = new DscpConnectProbe().run(ctx);
        List<ConnectAttempt> attempts = ((ProbeData.MarkedConnects) r.data()).attempts();
        int n = attempts.size();
        assertThat(ctx.fractions).hasSize(n + 1).first().isEqualTo(0.05);
        for (int k = 1; k <= n; k++) {
            assertThat(ctx.fractions.get(k)).isCloseTo(0.05 + 0.95 * k / n, org.assertj.core.data.Offset.offset(1e-9));
        }
        // in the order the answers came
        assertThat(ctx.progress.subList(1, n + 1)).containsExactlyInAnyOrderElementsOf(
                attempts.stream().map(x -> x.marking().name() + ": " + DscpConnectProbe.describe(x)).toList());
        assertThat(r.parameters().get("classes")).isEqualTo(String.join(",", attempts.stream().map(x -> x.marking().name()).toList()))
                .startsWith("none,").contains("lowdelay", "af21");
    }

    @Test
    void pingToLoopbackIsAnswered() throws Exception {
        assumeTrue(linux.hasCommand("ping"), "Skipping: no ping");
        ProbeReport r = new PingProbe().run(context("127.0.0.1:" + open, List.of()));
        ProbeData.Ping p = (ProbeData.Ping) r.data();
        assumeTrue(p.sent() > 0 && r.summary().contains("answered"), "Skipping: ping is not permitted here: " + r.summary());
        assertThat(p.answered()).isTrue();
        assertThat(r.summary()).startsWith("127.0.0.1 answered " + p.received() + " of " + p.sent() + " pings (");
    }

    @Test
    void theRouteToLoopbackStaysOnLo() throws Exception {
        assumeTrue(linux.hasCommand("ip"), "Skipping: no ip");
        ProbeReport r = new RouteProbe().run(context("127.0.0.1:" + open, List.of()));
        List<RouteLookup> lookups = ((ProbeData.Routes) r.data()).lookups();
        assertThat(lookups).isNotEmpty().allSatisfy(l -> assertThat(l.device()).isEqualTo("lo"));
        // As ping asks (no protocol), and as ssh's TCP connect to the port asks.
        assertThat(lookups).extracting(RouteLookup::protocol).containsExactly(null, "tcp");
        assertThat(lookups.get(1).port()).isEqualTo(open);
        assertThat(r.parameters()).containsEntry("destination", "127.0.0.1").containsEntry("port", Integer.toString(open));
        assertThat(r.summary()).contains("; ");
        assertThat(evidence(r)).last().satisfies(e -> assertThat(e).contains("policy routing rules"));
    }

    @Test
    void localRoutesAreLookedUpForEveryLoopbackAddressAndServicePort() throws Exception {
        assumeTrue(linux.hasCommand("ip"), "Skipping: no ip");
        ProbeReport r = new LocalRoutesProbe().run(context(null, List.of(open)));
        ProbeData.Routes routes = (ProbeData.Routes) r.data();
        assertThat(routes.lookups()).filteredOn(l -> l.destination().equals("127.0.0.1") && "tcp".equals(l.protocol()))
                .isNotEmpty().allSatisfy(l -> assertThat(l.device()).isEqualTo("lo"));
        assertThat(routes.lookups()).anySatisfy(l -> {
            assertThat(l.destination()).isEqualTo("127.0.0.1");
            assertThat(l.port()).isEqualTo(open);
        });
        assertThat(routes.lookups()).anySatisfy(l -> assertThat(l.destination()).isEqualTo("127.0.0.2"));
        assertThat(routes.rules()).isNotEmpty();
    }

    @Test
    void localhostResolvesToLoopbackAndAnAddressNeedsNoLookup() throws Exception {
        assumeTrue(linux.hasCommand("getent"), "Skipping: no getent");
        ProbeReport r = new NameResolutionProbe().run(context("localhost:" + open, List.of()));
        assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
        assertThat(r.summary()).contains("127.0.0.1");
        ProbeReport literal = new NameResolutionProbe().run(context("127.0.0.1:" + open, List.of()));
        assertThat(literal.summary()).contains("127.0.0.1");
    }

    @Test
    void theMtuCheckRunsOnlyAfterAKeyExchangeStalled() throws Exception {
        TestContext ctx = context("127.0.0.1:" + open, List.of());
        ProbeReport r = new PathMtuProbe().run(ctx);
        assertThat(r.status()).isEqualTo(ProbeStatus.SKIPPED);
        dev.netdoctor.model.CommandRun run = new dev.netdoctor.model.CommandRun(List.of("ssh"), 255, "", "", 1, true, false, false);
        ProbeOutcome stalled = new ProbeOutcome(ProbeId.OPENSSH_CLIENT, ProbeId.OPENSSH_CLIENT.id(), ProbeStatus.COMPLETED, "", Map.of(), 0, 1,
                new ProbeData.OpenSshRuns("x", List.of(new OpenSshAttempt("none", OpenSshAttempt.Result.STALLED_AFTER_CONNECT, 1, null, run))),
                List.of(), null);
        assertThat(ProbeData.PathMtu.keyExchangeStalledIn(List.of(stalled))).isTrue();
        ProbeOutcome markedOnly = new ProbeOutcome(ProbeId.OPENSSH_CLIENT, ProbeId.OPENSSH_CLIENT.id(), ProbeStatus.COMPLETED, "", Map.of(), 0, 1,
                new ProbeData.OpenSshRuns("x", List.of(new OpenSshAttempt("af21", OpenSshAttempt.Result.STALLED_AFTER_CONNECT, 1, null, run))),
                List.of(), null);
        assertThat(ProbeData.PathMtu.keyExchangeStalledIn(List.of(markedOnly))).isFalse();
    }

    @Test
    void theHandshakeCheckTriesUnmarkedAndTheUsersClass() throws Exception {
        TestContext ctx = context("127.0.0.1:" + closed, List.of());
        ProbeReport r = new SshHandshakeProbe().run(ctx);
        ProbeData.SshHandshakes h = (ProbeData.SshHandshakes) r.data();
        assertThat(h.attempts()).extracting(a -> a.marking().name()).containsExactly("none", "lowdelay");
        assertThat(h.attempts()).allSatisfy(a -> assertThat(a.completed()).isFalse());
        assertThat(r.parameters()).containsEntry("classes", "none,lowdelay").containsEntry("from", "this Linux")
                .containsEntry("port", Integer.toString(closed));
        assertThat(r.summary()).startsWith("unmarked: got no connection at all after ").contains("; marked lowdelay: got no connection at all after ")
                .doesNotContain("Exception").doesNotContain("Session.connect");
        assertThat(evidence(r)).first().satisfies(e -> assertThat(e).startsWith("none: got no connection at all"));
        assertThat(ctx.progress).first().isEqualTo("SSH handshakes with 127.0.0.1:" + closed);
        assertThat(ctx.progress.subList(1, ctx.progress.size())).containsExactly(
                "none: " + SshHandshakeProbe.describe(h.attempts().get(0)), "lowdelay: " + SshHandshakeProbe.describe(h.attempts().get(1)));
    }

    @Test
    void withoutAnotherMachineTheOutsideCheckIsSkipped() throws Exception {
        ProbeReport r = new VantageProbe().run(context(null, List.of(open)));
        assertThat(r.status()).isEqualTo(ProbeStatus.SKIPPED);
        assertThat(r.summary()).isEqualTo("No other machine was given.");
    }

    /**
     * The "other machine" is a real sshd on loopback; its check back connects to loopback too.
     * The known_hosts is the test's own (none at first), so the user's cannot change the outcome.
     */
    @Test
    void anUnknownHostKeyIsNotTrustedUntilItsFingerprintIsGiven() throws Exception {
        try (LoopbackSshd sshd = LoopbackSshd.start(dir)) {
            String user = System.getProperty("user.name");
            Target host = Target.parse("127.0.0.1:" + sshd.port);
            String fp = sshd.hostFingerprint();
            Path knownHosts = dir.resolve("known_hosts");

            ProbeReport unknown = new VantageProbe(knownHosts).run(context(null, List.of(open),
                    new VantageRequest(user, host, sshd.clientKey.toString(), null)));
            ProbeData.Vantage u = (ProbeData.Vantage) unknown.data();
            assertThat(u.hostKeyStatus()).isEqualTo(HostKeyStatus.UNKNOWN);
            assertThat(u.loggedIn()).isFalse();
            assertThat(u.hostKeyFingerprint()).isEqualTo(fp);
            assertThat(u.error()).contains("is not in your known_hosts").endsWith("run again with --accept-host-key " + fp);
            assertThat(unknown.summary()).isEqualTo(u.error());

            String other = "SHA256:" + "A".repeat(43);
            ProbeData.Vantage wrong = (ProbeData.Vantage) new VantageProbe(knownHosts).run(context(null, List.of(open),
                    new VantageRequest(user, host, sshd.clientKey.toString(), other))).data();
            assertThat(wrong.loggedIn()).as("a different fingerprint is no permission").isFalse();

            TestContext ctx = context(null, List.of(open, closed), new VantageRequest(user, host, sshd.clientKey.toString(), fp));
            ProbeReport r = new VantageProbe(knownHosts).run(ctx);
            ProbeData.Vantage v = (ProbeData.Vantage) r.data();
            assertThat(v.error()).isNull();
            assertThat(v.loggedIn()).isTrue();
            assertThat(v.hostKeyStatus()).isEqualTo(HostKeyStatus.ACCEPTED_BY_FINGERPRINT);
            assertThat(v.checks()).extracting(VantageCheck::port).containsExactly(open, closed);
            assertThat(v.checks()).extracting(VantageCheck::reachable).containsExactly(true, false);
            assertThat(v.checks()).extracting(VantageCheck::address).containsOnly("127.0.0.1");
            assertThat(r.summary()).isEqualTo("127.0.0.1:" + open + " reachable from 127.0.0.1; 127.0.0.1:" + closed + " not reachable from 127.0.0.1");
            assertThat(r.parameters()).containsEntry("vantage", user + "@127.0.0.1:" + sshd.port).containsEntry("thisMachine", "127.0.0.1");
            assertThat(evidence(r)).first().satisfies(e -> assertThat(e).startsWith("From 127.0.0.1, 127.0.0.1:" + open + " is reachable ("));
            assertThat(ctx.progress).contains("logged in to " + user + "@127.0.0.1:" + sshd.port);
        }
    }

    @Test
    void aKeyTheServerDoesNotKnowIsARefusedLoginNotAPasswordPrompt() throws Exception {
        try (LoopbackSshd sshd = LoopbackSshd.start(dir)) {
            String user = System.getProperty("user.name");
            Target host = Target.parse("127.0.0.1:" + sshd.port);
            Path knownHosts = dir.resolve("known_hosts");
            ProbeData.Vantage v = (ProbeData.Vantage) new VantageProbe(knownHosts).run(context(null, List.of(open),
                    new VantageRequest(user, host, sshd.hostKey.toString(), sshd.hostFingerprint()))).data();
            assertThat(v.loggedIn()).isFalse();
            assertThat(v.error()).isEqualTo("Login to " + user + "@127.0.0.1:" + sshd.port + " with the key " + sshd.hostKey
                    + " was refused (passwords are not used).");
            // A key with a passphrase cannot be used unattended: say how to use it instead.
            Path locked = dir.resolve("locked_ed25519");
            Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "secret-words", "-f", locked.toString())
                    .redirectErrorStream(true).start();
            keygen.getInputStream().readAllBytes();
            assertThat(keygen.waitFor()).isZero();
            ProbeData.Vantage p = (ProbeData.Vantage) new VantageProbe(knownHosts).run(context(null, List.of(open),
                    new VantageRequest(user, host, locked.toString(), sshd.hostFingerprint()))).data();
            assertThat(p.loggedIn()).isFalse();
            assertThat(p.error()).isEqualTo("The key " + locked + " cannot be used as is (it may need a passphrase): load it into ssh-agent and leave out --identity.");
            if (System.getenv("SSH_AUTH_SOCK") == null) {
                ProbeData.Vantage none = (ProbeData.Vantage) new VantageProbe(knownHosts).run(context(null, List.of(open),
                        new VantageRequest(user, host, null, sshd.hostFingerprint()))).data();
                assertThat(none.error()).isEqualTo("Could not log in to " + user + "@127.0.0.1:" + sshd.port
                        + ": no key: give --identity FILE or start an ssh agent with your key loaded");
            }
        }
    }

    /**
     * A listener that never accepts, with its queue full: the kernel drops further SYNs, so
     * connects to it wait in SYN-SENT, on loopback, as they would towards a filtering network.
     */
    @Test
    void connectionsWaitingInSynSentForTheTargetAreSeenWithTheirAge() throws Exception {
        List<java.nio.channels.SocketChannel> waiting = new ArrayList<>();
        try (ServerSocket full = new ServerSocket()) {
            full.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            for (int i = 0; i < 6; i++) {
                java.nio.channels.SocketChannel c = java.nio.channels.SocketChannel.open();
                c.configureBlocking(false);
                c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()));
                waiting.add(c);
            }
            List<List<TcpConnection>> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
            TestContext ctx = new TestContext("127.0.0.1:" + full.getLocalPort(), List.of(), null, linux, ENV) {
                @Override
                public boolean othersFinished() {
                    return false;
                }

                @Override
                public void sockets(List<TcpConnection> snapshot) {
                    shown.add(snapshot);
                }
            };
            ProbeReport r = new SocketWatchProbe().run(ctx);
            ProbeData.Sockets s = (ProbeData.Sockets) r.data();
            assumeTrue(!s.synSentToTarget().isEmpty(), "Skipping: this kernel answered every SYN to a full queue");
            assertThat(s.synSentToTarget()).allSatisfy(c -> {
                assertThat(c.remotePort()).isEqualTo(full.getLocalPort());
                assertThat(c.synSent()).isTrue();
            });
            assertThat(Integer.parseInt(r.parameters().get("snapshots"))).isGreaterThanOrEqualTo(2);
            // Every snapshot is shown live; the last one is kept.
            assertThat(shown).hasSize(Integer.parseInt(r.parameters().get("snapshots")));
            assertThat(s.lastSnapshot()).isEqualTo(shown.getLast());
            // They are this test's own connects, so ours: none of them is someone else's hung program.
            int n = s.synSentToTarget().size();
            assertThat(r.summary()).isEqualTo((n == 1 ? "1 connection" : n + " connections") + " waited in SYN-SENT for the target, 0 of them not ours");
            assertThat(evidence(r)).allSatisfy(e -> assertThat(e).contains(" [this check] waited in SYN-SENT from 127.0.0.1:"));
            assertThat(evidence(r)).allSatisfy(e -> assertThat(e).contains(" waited in SYN-SENT from 127.0.0.1:")
                    .contains(" to 127.0.0.1:" + full.getLocalPort() + " for at least "));
            assertThat(s.synSentToTarget()).anySatisfy(c -> assertThat(c.ageMillis()).isPositive());
        } finally {
            for (var c : waiting) {
                c.close();
            }
        }
    }

    @Test
    void withNothingWaitingTheWatchSaysSoAndStopsWhenTheOthersAreDone() throws Exception {
        ProbeReport r = new SocketWatchProbe().run(context("127.0.0.1:" + open, List.of()));
        assertThat(r.summary()).isEqualTo("no connection to the target waited in SYN-SENT");
        assertThat(r.parameters()).containsEntry("snapshots", "1");
    }
}
