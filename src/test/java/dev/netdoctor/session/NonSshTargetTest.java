// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.session;

import dev.netdoctor.host.HostInspector;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Target;
import dev.netdoctor.testing.ScriptedLinux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web server the user does reach (it accepts, then waits for the client to speak first, as
 * TLS and HTTP servers do), on a port other than 22, run through a whole session. Asked about as
 * an SSH server, its silence is an SSH server that never greets; asked about as what it is, the
 * SSH checks are not run and nothing is found wrong.
 */
class NonSshTargetTest {
    private ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws Exception {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    // kept open and never written to: the client is expected to speak first
                    accepted.add(server.accept());
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    private DiagnosisResult run(boolean ssh) {
        Target target = new Target("127.0.0.1", server.getLocalPort());
        DiagnosisRequest request = new DiagnosisRequest(target, List.of(), null, Duration.ofMillis(1000), Duration.ofSeconds(15))
                .withSshTarget(ssh);
        return new DiagnosisSession(new HostInspector(new ScriptedLinux()), request, null).run();
    }

    @Test
    void aWebServerAskedAboutAsNotSshGetsNoSshChecksAndNoFalseFinding() {
        DiagnosisResult r = run(false);

        assertThat(r.probes()).noneMatch(ProbeId.SSH_HANDSHAKE::is).noneMatch(ProbeId.OPENSSH_CLIENT::is);
        assertThat(r.probes()).anyMatch(ProbeId.DSCP_CONNECT::is);
        assertThat(r.findings()).extracting(Finding::id).doesNotContain(FindingId.SSH_NO_GREETING)
                .contains(FindingId.NO_PROBLEM_FOUND);
        assertThat(r.problemFound()).isFalse();
        assertThat(r.request().ssh()).isFalse();
    }

    @Test
    void theSameServerAskedAboutAsSshNeverGreets() {
        DiagnosisResult r = run(true);

        assertThat(r.probes()).anyMatch(ProbeId.SSH_HANDSHAKE::is);
        assertThat(r.findings()).extracting(Finding::id).contains(FindingId.SSH_NO_GREETING);
        assertThat(r.request().ssh()).isTrue();
    }
}
