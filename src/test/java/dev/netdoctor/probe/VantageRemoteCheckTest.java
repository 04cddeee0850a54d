// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.VantageCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The check the outside host runs back towards this machine, run here under {@code sh} against
 * this computer's loopback, with only the tools a bare host may have on its PATH (bash and
 * timeout, only curl, nothing at all), and what the probe reads from its output.
 */
class VantageRemoteCheckTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();
    @TempDir
    Path bin;
    /** Like most services (sshd, a web server), it keeps an accepted connection open and waits. */
    private ServerSocket service;
    private final List<Socket> accepted = new ArrayList<>();
    private int closed;

    @BeforeEach
    void listen() throws Exception {
        service = new ServerSocket(0, 5, LO);
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket s = service.accept();
                    synchronized (accepted) {
                        accepted.add(s);
                    }
                }
            } catch (Exception closedByTest) {
                // the test is over
            }
        });
        try (ServerSocket s = new ServerSocket(0, 1, LO)) {
            closed = s.getLocalPort();
        }
    }

    @AfterEach
    void close() throws Exception {
        service.close();
        synchronized (accepted) {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    /** A PATH holding only {@code sh} and the named tools, as a minimal host has. */
    private LinuxSide hostWith(String... tools) throws Exception {
        List<String> all = new ArrayList<>(List.of("sh"));
        all.addAll(List.of(tools));
        for (String tool : all) {
            Path real = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream().filter(Files::isExecutable).findFirst().orElse(null);
            assumeTrue(real != null, "Skipping: no " + tool + " on this machine");
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        return new LocalLinuxSide(LinuxSide.DEFAULT_OUTPUT_CAP, Map.of("PATH", bin.toString()));
    }

    private static VantageCheck check(LinuxSide host, int port) throws Exception {
        String cmd = VantageProbe.remoteCommand("127.0.0.1", port);
        CommandRun run = host.run(List.of("/bin/sh", "-c", cmd), Duration.ofSeconds(VantageProbe.REMOTE_CHECK_SECONDS + 7L));
        assertThat(run.timedOut()).as("the check ends by itself").isFalse();
        return VantageProbe.readCheck("127.0.0.1", port, run.stdout() + run.stderr());
    }

    @Test
    void withBashAnOpenPortIsReachableAndAClosedOneIsNot() throws Exception {
        LinuxSide host = hostWith("bash", "timeout");
        VantageCheck open = check(host, service.getLocalPort());
        assertThat(open.reachable()).isTrue();
        assertThat(open.method()).isEqualTo("bash");
        assertThat(open.output()).isEqualTo("netdoctor-result reachable bash");
        VantageCheck refused = check(host, closed);
        assertThat(refused.reachable()).isFalse();
        assertThat(refused.method()).isEqualTo("bash");
    }

    @Test
    void withOnlyCurlAServiceThatKeepsTheConnectionOpenIsReachable() throws Exception {
        LinuxSide host = hostWith("curl");
        VantageCheck open = check(host, service.getLocalPort());
        assertThat(open.method()).isEqualTo("curl");
        assertThat(open.reachable()).as("connected, even though the service never closed the connection").isTrue();
        VantageCheck refused = check(host, closed);
        assertThat(refused.reachable()).isFalse();
        assertThat(refused.method()).isEqualTo("curl");
    }

    @Test
    void withNoToolAtAllTheCheckSaysSoInsteadOfGuessing() throws Exception {
        VantageCheck none = check(hostWith(), service.getLocalPort());
        assertThat(none.reachable()).isFalse();
        assertThat(none.method()).isEqualTo("none");
    }

    @Test
    void theResultLineIsFoundAmongWhateverElseTheHostPrinted() {
        VantageCheck c = VantageProbe.readCheck("198.18.2.2", 8443, "Welcome to the jump host\nnetdoctor-result reachable nc\n\n");
        assertThat(c).isEqualTo(new VantageCheck("198.18.2.2", 8443, true, "nc", "Welcome to the jump host\nnetdoctor-result reachable nc"));
        assertThat(VantageProbe.readCheck("198.18.2.2", 8443, "netdoctor-result unreachable curl").reachable()).isFalse();
        assertThat(VantageProbe.readCheck("198.18.2.2", 8443, "netdoctor-result reachable").method()).as("no method named").isEqualTo("?");
        // A result word only counts at the start of its own line.
        VantageCheck echoed = VantageProbe.readCheck("198.18.2.2", 8443, "+ echo netdoctor-result reachable bash\nsh: 1: exec: sh: not found\n");
        assertThat(echoed.reachable()).isFalse();
        assertThat(echoed.method()).isEqualTo("no answer from the check");
        assertThat(echoed.output()).isEqualTo("+ echo netdoctor-result reachable bash\nsh: 1: exec: sh: not found");
    }
}
