// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.OpenSshAttempt;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.SshClientFacts;
import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marked ssh waits for its connection until the marked-SYN check beside it has found that
 * marking dropped, and not a moment longer; without that finding it runs to its own limit. The
 * ssh here is a stand-in on PATH that prints OpenSSH's -v lines: connected at once for
 * IPQoS=none, silent in SYN-SENT for a marked IPQoS.
 */
class MarkedSshEndsEarlyTest {
    @TempDir
    Path bin;

    private static final DscpClass AF21 = DscpClass.parse("af21").orElseThrow();

    private TestContext context() throws Exception {
        Path ssh = bin.resolve("ssh");
        Files.writeString(ssh, """
                #!/bin/sh
                echo "debug1: Connecting to 198.19.1.2 [198.19.1.2] port 22." >&2
                case "$*" in
                  *IPQoS=none*) echo "debug1: Connection established." >&2; echo "debug1: Server host key: ssh-ed25519 SHA256:x" >&2; exit 255 ;;
                  *) sleep 30 ;;
                esac
                """);
        ssh.toFile().setExecutable(true);
        // this computer's own commands, with "ssh" meaning the stand-in
        LocalLinuxSide real = new LocalLinuxSide();
        dev.netdoctor.host.LinuxSide linux = new dev.netdoctor.host.LinuxSide() {
            private List<String> mapped(List<String> argv) {
                List<String> a = new java.util.ArrayList<>(argv);
                if (a.getFirst().equals("ssh")) {
                    a.set(0, ssh.toString());
                }
                return a;
            }

            @Override
            public dev.netdoctor.model.CommandRun run(List<String> argv, byte[] stdin, java.time.Duration timeout) throws InterruptedException {
                return real.run(mapped(argv), stdin, timeout);
            }

            @Override
            public dev.netdoctor.model.CommandRun runUntil(List<String> argv, java.time.Duration timeout, java.util.function.BooleanSupplier enough)
                    throws InterruptedException {
                return real.runUntil(mapped(argv), timeout, enough);
            }

            @Override public java.util.Optional<String> readFile(String path, int maxBytes) { return real.readFile(path, maxBytes); }
            @Override public boolean hasCommand(String name) { return name.equals("ssh") || real.hasCommand(name); }
            @Override public java.util.Optional<String> env(String name) { return real.env(name); }
            @Override public String describe() { return "this Linux with a stand-in ssh"; }
        };
        Environment env = Environments.from(Environments.LOOPBACK_ONLY)
                .sshClient(new SshClientFacts(true, "OpenSSH_9.6", Map.of("ipqos", "af21 cs1"), "af21", "cs1", null)).build();
        return new TestContext("198.19.1.2:22", List.of(), null, linux, env).address("198.19.1.2");
    }

    private static ProbeReport markedConnects(ConnectResult af21) {
        ProbeData.MarkedConnects data = new ProbeData.MarkedConnects("198.19.1.2", 22, List.of(
                new ConnectAttempt(DscpClass.UNMARKED, ConnectResult.CONNECTED, 3, null),
                new ConnectAttempt(AF21, af21, 300, null)));
        return ProbeReport.completed("marked connects", Map.of(), data, List.of());
    }

    @Test
    void theMarkedSshEndsOnceTheMarkingWasFoundDroppedAndTheWatchHasSeenItWaiting() throws Exception {
        TestContext ctx = context();
        ctx.siblings.put(ProbeId.DSCP_CONNECT, markedConnects(ConnectResult.TIMED_OUT));
        ctx.latestSockets = List.of(new dev.netdoctor.model.TcpConnection(dev.netdoctor.model.TcpConnection.SYN_SENT, "198.18.1.2", 40000,
                "198.19.1.2", 22, 4242, "ssh", "ssh -v … 198.19.1.2 true", 300, true, false));
        ProbeReport r = new OpenSshClientProbe().run(ctx);
        List<OpenSshAttempt> runs = ((ProbeData.OpenSshRuns) r.data()).attempts();
        assertThat(runs).extracting(OpenSshAttempt::ipqos).containsExactly("none", "af21");
        assertThat(runs.get(0).result()).isEqualTo(OpenSshAttempt.Result.KEY_EXCHANGE_DONE);
        assertThat(runs.get(1).result()).isEqualTo(OpenSshAttempt.Result.CONNECT_TIMED_OUT);
        assertThat(r.parameters()).as("ended before its 2 s ConnectTimeout").containsEntry("endedEarly", "af21");
        assertThat(r.evidence().get(1).summary()).contains("the marked-SYN check beside it had found af21 dropped");
    }

    @Test
    void anSshTheWatchHasNotSeenWaitingIsKeptForASecondSoTheUserCanSeeIt() throws Exception {
        TestContext ctx = context();
        ctx.siblings.put(ProbeId.DSCP_CONNECT, markedConnects(ConnectResult.TIMED_OUT));
        // the user's own hung ssh is in the table, ours is not yet
        ctx.latestSockets = List.of(new dev.netdoctor.model.TcpConnection(dev.netdoctor.model.TcpConnection.SYN_SENT, "198.18.1.2", 40001,
                "198.19.1.2", 22, 4343, "ssh", "ssh nas", 60_000, false, false));
        ProbeReport r = new OpenSshClientProbe().run(ctx);
        OpenSshAttempt marked = ((ProbeData.OpenSshRuns) r.data()).attempts().get(1);
        assertThat(marked.millis()).isGreaterThanOrEqualTo(OpenSshClientProbe.SEEN_WAITING_LIMIT.toMillis());
        assertThat(r.parameters()).containsEntry("endedEarly", "af21");
    }

    @Test
    void withoutThatFindingTheMarkedSshRunsToItsOwnLimit() throws Exception {
        TestContext ctx = context();
        ctx.siblings.put(ProbeId.DSCP_CONNECT, markedConnects(ConnectResult.CONNECTED));
        ProbeReport r = new OpenSshClientProbe().run(ctx);
        OpenSshAttempt marked = ((ProbeData.OpenSshRuns) r.data()).attempts().get(1);
        assertThat(marked.result()).isEqualTo(OpenSshAttempt.Result.CONNECT_TIMED_OUT);
        assertThat(marked.millis()).as("its own limit: the attempt limit plus 1.5 s").isGreaterThanOrEqualTo(3000);
        assertThat(r.parameters()).doesNotContainKey("endedEarly");
    }
}
