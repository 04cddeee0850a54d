// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.testing.ChangedLinux;
import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.TestContext;
import com.jcraft.jsch.JSchException;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeData.Vantage.HostKeyStatus;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.VantageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The outside check where no SSH server is needed: what it says when the login cannot even
 * start (a key file that is not a private key, a port nobody listens on), and the words it
 * finds for each way a login ends. Its vantage host is this computer's loopback.
 */
class VantageProbeTest {
    private static final VantageRequest AGENT = new VantageRequest("alice", Target.parse("198.18.0.20"), null, null);
    @TempDir
    Path dir;
    private int closed;
    private Path key;

    @BeforeEach
    void setUp() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        key = dir.resolve("id_ed25519");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .redirectErrorStream(true).start();
        keygen.getInputStream().readAllBytes();
        assumeTrue(keygen.waitFor(10, TimeUnit.SECONDS) && keygen.exitValue() == 0, "Skipping: ssh-keygen did not make a key");
    }

    private VantageProbe probe() {
        return new VantageProbe(dir.resolve("known_hosts"));
    }

    private VantageRequest to(int port, Path identity) {
        return new VantageRequest("alice", Target.parse("127.0.0.1:" + port), identity.toString(), null);
    }

    @Test
    void aPortNobodyListensOnIsACouldNotLogInWithTheReason() throws Exception {
        TestContext ctx = TestContext.vantage(to(closed, key), List.of(8443));
        ProbeReport r = probe().run(ctx);
        assertThat(r.status()).isEqualTo(ProbeStatus.COMPLETED);
        ProbeData.Vantage v = (ProbeData.Vantage) r.data();
        assertThat(v.loggedIn()).isFalse();
        assertThat(v.hostKeyStatus()).as("no server, no key").isEqualTo(HostKeyStatus.NOT_SEEN);
        assertThat(v.hostKeyFingerprint()).isNull();
        assertThat(v.checks()).isEmpty();
        assertThat(v.user()).isEqualTo("alice");
        assertThat(v.host()).isEqualTo("127.0.0.1");
        assertThat(v.port()).isEqualTo(closed);
        assertThat(v.error()).startsWith("Could not log in to alice@127.0.0.1:" + closed + ": ").contains("Connection refused");
        assertThat(r.summary()).isEqualTo(v.error());
        assertThat(r.evidence()).isEmpty();
        assertThat(r.parameters()).containsEntry("vantage", "alice@127.0.0.1:" + closed).containsEntry("ports", "[8443]")
                .containsEntry("thisMachine", "127.0.0.1");
        assertThat(ctx.progress).containsExactly("looking up 127.0.0.1", "connecting to alice@127.0.0.1:" + closed + " (key " + key + ")");
        assertThat(ctx.cancelHooks).as("a cancel can close the session").hasSize(1);
    }

    @Test
    void aCancelDuringTheLoginEndsTheCheckAsCancelledAndHangsUp() throws Exception {
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        CompletableFuture<Void> hungUp = new CompletableFuture<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // An SSH server that says hello and then nothing, so the login waits.
            Thread.ofVirtual().start(() -> {
                try (Socket c = server.accept()) {
                    accepted.complete(null);
                    c.getOutputStream().write("SSH-2.0-Stuck_1.0\r\n".getBytes(StandardCharsets.US_ASCII));
                    try {
                        c.getInputStream().transferTo(OutputStream.nullOutputStream());
                    } catch (IOException reset) {
                        // hung up with our hello unread
                    }
                    hungUp.complete(null);
                } catch (IOException e) {
                    hungUp.completeExceptionally(e);
                }
            });
            TestContext ctx = TestContext.vantage(to(server.getLocalPort(), key), List.of(8443));
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    outcome.complete(probe().run(ctx));
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            accepted.get(10, TimeUnit.SECONDS);
            // What the session does on cancel: interrupt, and run what the probe registered.
            t.interrupt();
            ctx.cancelHooks.forEach(Runnable::run);
            assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            hungUp.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPublicKeyFileGivenAsTheIdentityIsNamedAsSuch() throws Exception {
        Path pub = Path.of(key + ".pub");
        ProbeData.Vantage v = (ProbeData.Vantage) probe().run(TestContext.vantage(to(closed, pub), List.of(8443))).data();
        assertThat(v.loggedIn()).isFalse();
        assertThat(v.error()).isEqualTo("The file " + pub + " is not a private key that can be read (a .pub file is only the public half):"
                + " give the private key file, or load the key into ssh-agent and leave out --identity.");
    }

    @Test
    void withoutTheIpCommandThisMachinesAddressIsUnknown() throws Exception {
        LinuxSide noIp = ChangedLinux.of(new LocalLinuxSide()).without("ip");
        TestContext ctx = new TestContext(null, List.of(8443), to(closed, key), noIp, Environments.LOOPBACK_ONLY);
        ProbeReport r = probe().run(ctx);
        assertThat(r.parameters()).containsEntry("thisMachine", "unknown");
    }

    @Test
    void eachWayALoginEndsIsSaidInPlainWords() {
        assertThat(VantageProbe.explain(new JSchException("USERAUTH fail"), AGENT, null, HostKeyStatus.KNOWN))
                .isEqualTo("Login to alice@198.18.0.20:22 with the ssh agent's keys was refused (passwords are not used).");
        assertThat(VantageProbe.explain(new JSchException("Auth fail for methods 'publickey'"), AGENT, null, HostKeyStatus.ACCEPTED_BY_FINGERPRINT))
                .isEqualTo("Login to alice@198.18.0.20:22 with the ssh agent's keys was refused (passwords are not used).");
        assertThat(VantageProbe.explain(new JSchException(), AGENT, null, HostKeyStatus.NOT_SEEN))
                .isEqualTo("Could not log in to alice@198.18.0.20:22: com.jcraft.jsch.JSchException");
        assertThat(VantageProbe.explain(new JSchException("timeout: socket is not established"), AGENT, null, HostKeyStatus.NOT_SEEN))
                .isEqualTo("Could not log in to alice@198.18.0.20:22: timeout: socket is not established");
        String fp = "SHA256:" + "B".repeat(43);
        // How the host key was judged outweighs what the connection said when it ended.
        assertThat(VantageProbe.explain(new JSchException("Auth fail"), AGENT, fp, HostKeyStatus.CHANGED))
                .isEqualTo("The host key of 198.18.0.20 has CHANGED since you last connected (now " + fp
                        + "). This may be an attack or a reinstalled machine; we did not connect. Fix your known_hosts first.");
        assertThat(VantageProbe.explain(new JSchException("reject HostKey: 198.18.0.20"), AGENT, fp, HostKeyStatus.UNKNOWN))
                .isEqualTo("The host key of 198.18.0.20 is not in your known_hosts; its fingerprint is " + fp
                        + ". If that is really 198.18.0.20's key (its owner can check with ssh-keygen -lf on the host's key),"
                        + " run again with --accept-host-key " + fp);
    }

    @Test
    void theFingerprintIsSha256OfTheKeyInBase64WithoutPadding() throws Exception {
        // As ssh-keygen -lf prints it for the same key.
        String line = Files.readString(Path.of(key + ".pub")).strip();
        byte[] blob = java.util.Base64.getDecoder().decode(line.split(" ")[1]);
        Process lf = new ProcessBuilder("ssh-keygen", "-lf", key + ".pub").start();
        String listed = new String(lf.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(lf.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(VantageProbe.sha256Fingerprint(blob)).isEqualTo(listed.split(" ")[1]);
    }
}
