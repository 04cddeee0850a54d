// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Logger;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.HandshakeAttempt;
import dev.netdoctor.model.HandshakeAttempt.Stage;
import dev.netdoctor.model.ProbeData;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Speaks SSH to the target with JSch, unmarked and with the user's marking, up to the moment the
 * server proves its identity. There we refuse the host key on purpose: no user name is
 * offered for login, no credentials are sent, and no known_hosts file is read or written.
 */
public final class SshHandshakeProbe implements Probe {
    /** A user name that is never used: we stop before authentication. */
    private static final String NO_USER = "netdoctor-probe";

    @Override
    public ProbeId id() {
        return ProbeId.SSH_HANDSHAKE;
    }

    @Override
    public String title() {
        return "Start an SSH handshake";
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return context.attemptTimeout().multipliedBy(2).plusSeconds(2);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        InetAddress address = InetAddress.ofLiteral(ctx.address());
        int port = ctx.target().port();
        List<DscpClass> classes = new ArrayList<>();
        classes.add(DscpClass.UNMARKED);
        classes.addAll(switch (ctx.linux().standpoint()) {
            case THIS_LINUX -> List.of(Markings.userClass(ctx.environment()).orElse(DscpClass.parse("af21").orElseThrow()));
            // A "marked" handshake would go out unmarked (Windows ignores IP_TOS on TCP): only the
            // baseline is worth making there; the user's own ssh in the distro shows what marking does.
            case WINDOWS -> List.of();
        });
        ctx.progress(0.05, "SSH handshakes with " + ctx.target());
        // A marked handshake whose marking the marked-SYN check beside it found dropped is given up then.
        List<HandshakeAttempt> attempts = Parallel.map(classes, c -> handshake(address, port, c, ctx.attemptTimeout(), ctx::onCancel,
                        () -> c.marked() && DscpConnectProbe.foundDropped(ctx, c.tos())),
                a -> ctx.progress(0.5, a.marking().name() + ": " + describe(a)));
        Map<String, String> params = new LinkedHashMap<>();
        params.put(ProbeContext.FROM, ctx.appSide());
        params.put("address", ctx.address());
        params.put("port", Integer.toString(port));
        params.put("classes", String.join(",", classes.stream().map(DscpClass::name).toList()));
        List<Evidence> evidence = attempts.stream().map(a -> Evidence.of(a.marking().name() + ": " + describe(a))).toList();
        // In words for the Checks list and the report's table; the exact errors stay in the evidence.
        String summary = String.join("; ", attempts.stream().map(a -> label(a) + ": " + inWords(a)).toList());
        return ProbeReport.completed(summary, params, new ProbeData.SshHandshakes(ctx.address(), port, attempts), evidence);
    }

    /** "unmarked" or "marked lowdelay": the class name alone ("none") read as "no key exchange". */
    static String label(HandshakeAttempt a) {
        return a.marking().marked() ? "marked " + a.marking().name() : "unmarked";
    }

    /** How far it got and why it stopped, without Java's exception names. */
    static String inWords(HandshakeAttempt a) {
        if (a.completed()) {
            return "reached the server's host key in " + a.millis() + " ms"
                    + (a.serverVersion() == null ? "" : " (" + a.serverVersion().replaceFirst("^SSH-2\\.0-", "") + ")");
        }
        String why = a.error() == null ? null : errorInWords(a.error());
        return a.reached().describe() + " after " + a.millis() + " ms" + (why == null ? "" : " (" + why + ")");
    }

    /** The usual causes in a user's words; null when the error is none of them (the evidence has it). */
    static String errorInWords(String error) {
        String e = error.toLowerCase(java.util.Locale.ROOT);
        if (e.contains("connect timed out")) {
            return "no answer to the connection";
        }
        if (e.contains("read timed out") || e.contains("timeout")) {
            return "no answer in time";
        }
        if (e.contains("connection refused")) {
            return "connection refused";
        }
        if (e.contains("connection reset") || e.contains("end of io stream")) {
            return "the other end closed the connection";
        }
        if (e.contains("no route to host") || e.contains("unreachable")) {
            return "no route to the host";
        }
        return null;
    }

    static String describe(HandshakeAttempt a) {
        if (a.completed()) {
            return "key exchange done in " + a.millis() + " ms (" + a.serverVersion() + ", " + a.keyExchange()
                    + ", " + a.hostKeyType() + " " + a.hostKeyFingerprint() + ")";
        }
        return a.reached().describe() + " after " + a.millis() + " ms"
                + (a.error() == null ? "" : ": " + a.error());
    }

    static HandshakeAttempt handshake(InetAddress address, int port, DscpClass marking, Duration timeout,
                                      java.util.function.Consumer<Runnable> onCancel) throws InterruptedException {
        return handshake(address, port, marking, timeout, onCancel, () -> false);
    }

    static HandshakeAttempt handshake(InetAddress address, int port, DscpClass marking, Duration timeout,
                                      java.util.function.Consumer<Runnable> onCancel, java.util.function.BooleanSupplier givenUp)
            throws InterruptedException {
        AtomicReference<Stage> stage = new AtomicReference<>(Stage.NOTHING);
        AtomicReference<HostKey> seenKey = new AtomicReference<>();
        AtomicReference<String> kex = new AtomicReference<>();
        JSch jsch = new JSch();
        long start = System.nanoTime();
        Session session = null;
        try {
            session = jsch.getSession(NO_USER, address.getHostAddress(), port);
            // JSch's blocking reads ignore interruption: closing the session is what stops them.
            onCancel.accept(session::disconnect);
            session.setHostKeyRepository(new RefusingRepository(seenKey));
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "none");
            session.setSocketFactory(new MarkedSocketFactory(address, marking, timeout, stage, givenUp));
            session.setLogger(new StageLogger(stage, kex));
            session.connect((int) timeout.toMillis());
            // Unreachable in practice: the repository refuses every key.
            return result(marking, stage.get(), true, start, session, seenKey.get(), kex.get(), null);
        } catch (JSchException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("handshake cancelled");
            }
            boolean keyRefusedByUs = seenKey.get() != null;
            if (keyRefusedByUs) {
                stage.set(Stage.KEY_EXCHANGE_DONE);
            }
            return result(marking, stage.get(), keyRefusedByUs, start, session, seenKey.get(), kex.get(),
                    keyRefusedByUs ? null : rootMessage(e));
        } catch (RuntimeException e) {
            // Our cancel closes the session under JSch's reading thread, which can then fail with
            // a NullPointerException of its own rather than a JSchException.
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("handshake cancelled");
            }
            throw e;
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }

    private static HandshakeAttempt result(DscpClass marking, Stage stage, boolean completed, long start,
                                           Session session, HostKey key, String kex, String error) {
        String version = null;
        try {
            // Throws rather than returns null when no banner arrived.
            version = session == null ? null : session.getServerVersion();
        } catch (RuntimeException ignored) {
            // no banner
        }
        return new HandshakeAttempt(marking, stage, completed, MarkedConnector.millisSince(start), version, kex,
                key == null ? null : key.getType(), key == null ? null : fingerprint(key), error);
    }

    static String fingerprint(HostKey key) {
        try {
            byte[] blob = Base64.getDecoder().decode(key.getKey());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            return null;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t == e ? m : e.getMessage() + " (" + m + ")";
    }

    /** Captures the server's key and refuses it, so the session ends before authentication. */
    private record RefusingRepository(AtomicReference<HostKey> seen) implements ReadOnlyHostKeys {
        @Override
        public int check(String host, byte[] key) {
            try {
                seen.compareAndSet(null, new HostKey(host, key));
            } catch (JSchException ignored) {
                // unknown key type: still refused
            }
            return NOT_INCLUDED;
        }

        @Override
        public String getKnownHostsRepositoryID() {
            return "wsl-net-doctor (never trusts, never stores)";
        }

        @Override
        public HostKey[] getHostKey() {
            return new HostKey[0];
        }

        @Override
        public HostKey[] getHostKey(String host, String type) {
            return new HostKey[0];
        }
    }

    /** Opens JSch's TCP connection with the chosen marking on its SYN and every later packet. */
    private record MarkedSocketFactory(InetAddress address, DscpClass marking, Duration timeout,
                                       AtomicReference<Stage> stage, java.util.function.BooleanSupplier givenUp) implements SocketFactory {
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            try {
                SocketChannel channel = MarkedConnector.open(address, port, marking, timeout, givenUp);
                stage.set(Stage.TCP_CONNECTED);
                return channel.socket();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("cancelled", e);
            }
        }

        @Override
        public InputStream getInputStream(Socket socket) throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream getOutputStream(Socket socket) throws IOException {
            return socket.getOutputStream();
        }
    }

    /** Follows JSch's own log lines to know how far the handshake got. */
    private record StageLogger(AtomicReference<Stage> stage, AtomicReference<String> kex) implements Logger {
        private static final String KEX = "kex: algorithm: ";

        @Override
        public boolean isEnabled(int level) {
            return true;
        }

        @Override
        public void log(int level, String message) {
            if (message == null) {
                return;
            }
            if (message.startsWith(KEX)) {
                kex.compareAndSet(null, message.substring(KEX.length()).strip());
            }
            if (message.startsWith("Remote version string")) {
                advance(Stage.BANNER_RECEIVED);
            } else if (message.startsWith("SSH_MSG_KEXINIT")) {
                advance(Stage.KEY_EXCHANGE_STARTED);
            } else if (message.startsWith("SSH_MSG_NEWKEYS")) {
                advance(Stage.KEY_EXCHANGE_DONE);
            }
        }

        private void advance(Stage to) {
            stage.accumulateAndGet(to, (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
        }
    }
}
