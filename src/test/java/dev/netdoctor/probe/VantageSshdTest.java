// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.testing.ChangedLinux;
import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.TestContext;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeData.Vantage.HostKeyStatus;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.VantageCheck;
import dev.netdoctor.model.VantageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outside check logging in to a real sshd on this computer's loopback, reached by the name
 * {@code localhost}, with a known_hosts of the test's own: a host that is in it is trusted, a
 * host whose key changed is not (whatever fingerprint was given), and the file is only read.
 */
class VantageSshdTest {
    private static final String USER = System.getProperty("user.name");
    @TempDir
    Path dir;
    private LoopbackSshd sshd;
    private Path knownHosts;
    private ServerSocket service;
    private String alias;

    @BeforeEach
    void start() throws Exception {
        sshd = LoopbackSshd.start(dir);
        knownHosts = dir.resolve("known_hosts");
        alias = "[localhost]:" + sshd.port;
        service = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    private String hostKeyLine(Path publicKey) throws Exception {
        return alias + " " + Files.readString(publicKey).strip() + "\n";
    }

    private VantageRequest request(String fingerprint) {
        return new VantageRequest(USER, Target.parse("localhost:" + sshd.port), sshd.clientKey.toString(), fingerprint);
    }

    /** Passes one connection through to sshd, and says when the client hangs up. */
    private static final class Relay implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        final CompletableFuture<Void> clientHungUp = new CompletableFuture<>();
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        Relay(int to) throws IOException {
            Thread.ofVirtual().start(() -> {
                try (Socket client = server.accept(); Socket host = new Socket(InetAddress.getLoopbackAddress(), to)) {
                    open.add(client);
                    open.add(host);
                    Thread back = Thread.ofVirtual().start(() -> {
                        try {
                            host.getInputStream().transferTo(client.getOutputStream());
                        } catch (IOException closed) {
                            // one side is gone
                        }
                    });
                    client.getInputStream().transferTo(host.getOutputStream());
                    clientHungUp.complete(null);
                    host.shutdownOutput();
                    back.join();
                } catch (Exception e) {
                    clientHungUp.completeExceptionally(e);
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    @Test
    void aHostInKnownHostsIsTrustedAndTheFileIsOnlyRead() throws Exception {
        try (Relay relay = new Relay(sshd.port)) {
            aHostInKnownHostsIsTrusted(relay);
        }
    }

    private void aHostInKnownHostsIsTrusted(Relay relay) throws Exception {
        alias = "[localhost]:" + relay.port();
        Files.writeString(knownHosts, hostKeyLine(Path.of(sshd.hostKey + ".pub")));
        FileTime before = Files.getLastModifiedTime(knownHosts);
        byte[] content = Files.readAllBytes(knownHosts);
        int port = service.getLocalPort();
        VantageRequest through = new VantageRequest(USER, Target.parse("localhost:" + relay.port()), sshd.clientKey.toString(), null);
        TestContext ctx = TestContext.vantage(through, List.of(port));

        ProbeReport r = new VantageProbe(knownHosts).run(ctx);

        ProbeData.Vantage v = (ProbeData.Vantage) r.data();
        assertThat(v.error()).isNull();
        assertThat(v.hostKeyStatus()).isEqualTo(HostKeyStatus.KNOWN);
        assertThat(v.hostKeyFingerprint()).isEqualTo(sshd.hostFingerprint());
        assertThat(v.loggedIn()).isTrue();
        assertThat(v.host()).isEqualTo("localhost");
        assertThat(v.checks()).singleElement().satisfies(c -> {
            assertThat(c.address()).isEqualTo("127.0.0.1");
            assertThat(c.port()).isEqualTo(port);
            assertThat(c.reachable()).isTrue();
        });
        String vantage = USER + "@localhost:" + relay.port();
        assertThat(r.summary()).isEqualTo("127.0.0.1:" + port + " reachable from localhost");
        VantageCheck c = v.checks().getFirst();
        assertThat(r.evidence()).containsExactly(new Evidence("From localhost, 127.0.0.1:" + port + " is reachable (" + c.method() + ")",
                vantage + ": " + VantageProbe.remoteCommand("127.0.0.1", port), c.output()));
        assertThat(ctx.progress).containsExactly("looking up localhost", "connecting to " + vantage + " (key " + sshd.clientKey + ")",
                "logged in to " + vantage);
        assertThat(Files.readAllBytes(knownHosts)).as("known_hosts unchanged").isEqualTo(content);
        assertThat(Files.getLastModifiedTime(knownHosts)).isEqualTo(before);
        assertThat(List.of(dir.toFile().list())).doesNotContain("known_hosts.new", "known_hosts.old");
        // Done means logged out: the connection to the host is closed, not left to the garbage collector.
        relay.clientHungUp.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWithItsFingerprintGiven() throws Exception {
        // The client key stands in for the key this host had before.
        Files.writeString(knownHosts, hostKeyLine(Path.of(sshd.clientKey + ".pub")));
        String now = sshd.hostFingerprint();

        ProbeReport r = new VantageProbe(knownHosts).run(TestContext.vantage(request(now), List.of(service.getLocalPort())));

        ProbeData.Vantage v = (ProbeData.Vantage) r.data();
        assertThat(v.hostKeyStatus()).isEqualTo(HostKeyStatus.CHANGED);
        assertThat(v.loggedIn()).isFalse();
        assertThat(v.checks()).isEmpty();
        assertThat(v.hostKeyFingerprint()).isEqualTo(now);
        assertThat(v.error()).isEqualTo("The host key of localhost has CHANGED since you last connected (now " + now
                + "). This may be an attack or a reinstalled machine; we did not connect. Fix your known_hosts first.");
        assertThat(sshd.output()).doesNotContain("Accepted publickey");
    }

    @Test
    void aKnownHostsFileOfUpToOneMebibyteIsReadALargerOneIsNot() throws Exception {
        String entry = hostKeyLine(Path.of(sshd.hostKey + ".pub"));
        int limit = 1024 * 1024;
        Files.writeString(knownHosts, padded(entry, limit));
        assertThat(Files.size(knownHosts)).isEqualTo(limit);
        ProbeData.Vantage read = (ProbeData.Vantage) new VantageProbe(knownHosts)
                .run(TestContext.vantage(request(null), List.of(service.getLocalPort()))).data();
        assertThat(read.hostKeyStatus()).isEqualTo(HostKeyStatus.KNOWN);

        Files.writeString(knownHosts, padded(entry, limit + 1));
        ProbeData.Vantage ignored = (ProbeData.Vantage) new VantageProbe(knownHosts)
                .run(TestContext.vantage(request(null), List.of(service.getLocalPort()))).data();
        assertThat(ignored.hostKeyStatus()).as("too large to read: every key counts as unknown").isEqualTo(HostKeyStatus.UNKNOWN);
        assertThat(ignored.loggedIn()).isFalse();
    }

    /** Comment lines, then {@code entry}, {@code size} bytes in all. */
    private static String padded(String entry, int size) {
        StringBuilder b = new StringBuilder();
        while (b.length() + entry.length() < size) {
            int line = Math.min(100, size - entry.length() - b.length());
            b.append("#".repeat(line - 1)).append('\n');
        }
        String text = b + entry;
        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(size);
        return text;
    }

    @Test
    void loggedInWithoutAnAddressOfThisMachineNothingIsCheckedAndItSaysWhy() throws Exception {
        Files.writeString(knownHosts, hostKeyLine(Path.of(sshd.hostKey + ".pub")));
        TestContext ctx = new TestContext(null, List.of(service.getLocalPort()), request(null),
                ChangedLinux.of(new LocalLinuxSide()).without("ip"), Environments.LOOPBACK_ONLY);

        ProbeReport r = new VantageProbe(knownHosts).run(ctx);

        ProbeData.Vantage v = (ProbeData.Vantage) r.data();
        assertThat(v.loggedIn()).isTrue();
        assertThat(v.hostKeyStatus()).isEqualTo(HostKeyStatus.KNOWN);
        assertThat(v.checks()).isEmpty();
        assertThat(v.error()).isEqualTo("this machine's address towards localhost could not be found");
        assertThat(r.summary()).isEqualTo(v.error());
        assertThat(r.parameters()).containsEntry("thisMachine", "unknown");
    }
}
