// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeData.Vantage.HostKeyStatus;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.VantageCheck;
import dev.netdoctor.model.VantageRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Looks at this machine from another host the user can SSH into: logs in with a key (a file or
 * the ssh agent; never a password), then from there opens a TCP connection back to this
 * machine's address and each service port, with whatever the host has (bash, nc or curl).
 * The host key is checked against the user's known_hosts, read-only; a key that is not there
 * is accepted only when the user passed its exact fingerprint. Nothing is ever written.
 */
public final class VantageProbe implements Probe {
    public static final ProbeId ID = ProbeId.OUTSIDE_VANTAGE;
    static final Duration CONNECT = Duration.ofSeconds(6);
    static final int REMOTE_CHECK_SECONDS = 3;
    private static final int KNOWN_HOSTS_MAX = 1024 * 1024;
    private static final String MARK = "netdoctor-result ";
    private final Path knownHosts;

    /** Checks host keys against the user's own known_hosts. */
    public VantageProbe() {
        this(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
    }

    /** Checks host keys against {@code knownHosts} (read only; a missing file knows no host). */
    VantageProbe(Path knownHosts) {
        this.knownHosts = knownHosts;
    }

    @Override
    public ProbeId id() {
        return ID;
    }

    @Override
    public String title() {
        return "Reach your service from another machine";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return CONNECT.plusSeconds((REMOTE_CHECK_SECONDS + 2L) * context.request().servicePorts().size() + 4);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        VantageRequest v = ctx.request().vantage();
        if (v == null) {
            return ProbeReport.skipped("No other machine was given.");
        }
        ctx.progress(0.05, "looking up " + v.host().host());
        InetAddress vantageAddress = InetAddress.getByName(v.host().host());
        String ownAddress = ownAddressTowards(ctx, vantageAddress.getHostAddress());
        Map<String, String> params = new LinkedHashMap<>();
        params.put(ProbeId.VANTAGE_HOST, v.toString());
        params.put("thisMachine", ownAddress == null ? "unknown" : ownAddress);
        params.put("ports", ctx.request().servicePorts().toString());
        AtomicReference<String> fingerprint = new AtomicReference<>();
        AtomicReference<HostKeyStatus> status = new AtomicReference<>(HostKeyStatus.NOT_SEEN);
        JSch jsch = new JSch();
        Session session = null;
        try {
            loadKnownHosts(jsch, knownHosts);
            HostKeyRepository known = jsch.getHostKeyRepository();
            String identityNote = useIdentity(jsch, v);
            session = jsch.getSession(v.user(), vantageAddress.getHostAddress(), v.host().port());
            onCancel(ctx, session);
            session.setHostKeyAlias(v.host().port() == 22 ? v.host().host() : "[" + v.host().host() + "]:" + v.host().port());
            session.setHostKeyRepository(new CheckingRepository(known, v.acceptedFingerprint(), fingerprint, status));
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            ctx.progress(0.2, "connecting to " + v + " (" + identityNote + ")");
            session.connect((int) CONNECT.toMillis());
            ctx.progress(0.5, "logged in to " + v);
            if (ownAddress == null) {
                return done(v, fingerprint.get(), status.get(), true, List.of(), "this machine's address towards " + v.host().host()
                        + " could not be found", params, List.of());
            }
            List<VantageCheck> checks = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            for (int port : ctx.request().servicePorts()) {
                VantageCheck c = checkBack(session, ownAddress, port);
                checks.add(c);
                evidence.add(new Evidence("From " + v.host().host() + ", " + ownAddress + ":" + port + " is "
                        + (c.reachable() ? "reachable" : "not reachable") + " (" + c.method() + ")",
                        v + ": " + remoteCommand(ownAddress, port), c.output()));
            }
            return done(v, fingerprint.get(), status.get(), true, checks, null, params, evidence);
        } catch (JSchException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            return done(v, fingerprint.get(), status.get(), false, List.of(), explain(e, v, fingerprint.get(), status.get()), params, List.of());
        } catch (RuntimeException e) {
            // Our cancel closes the session under JSch's reading thread, which can then fail with
            // a NullPointerException of its own rather than a JSchException.
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            throw e;
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }

    /** JSch's blocking reads ignore interruption: closing the session is what stops them. */
    private static void onCancel(ProbeContext ctx, Session session) {
        ctx.onCancel(session::disconnect);
    }

    private static ProbeReport done(VantageRequest v, String fp, HostKeyStatus status, boolean loggedIn, List<VantageCheck> checks,
                                    String error, Map<String, String> params, List<Evidence> evidence) {
        ProbeData.Vantage data = new ProbeData.Vantage(v.user(), v.host().host(), v.host().port(), fp, status, loggedIn, checks, error);
        String summary = error != null ? error
                : String.join("; ", checks.stream().map(c -> c.address() + ":" + c.port() + (c.reachable() ? " reachable" : " not reachable")
                + " from " + v.host().host()).toList());
        return ProbeReport.completed(summary, params, data, evidence);
    }

    /** This machine's address as the vantage host would see it: the source of the route towards it. */
    private static String ownAddressTowards(ProbeContext ctx, String vantageAddress) throws InterruptedException {
        if (!ctx.linux().hasCommand("ip")) {
            return null;
        }
        List<String> argv = vantageAddress.contains(":") ? List.of("ip", "-6", "-j", "route", "get", vantageAddress)
                : List.of("ip", "-j", "route", "get", vantageAddress);
        CommandRun run = ctx.linux().run(argv, Duration.ofSeconds(2));
        RouteLookup r = IpJson.route(vantageAddress, null, run.stdout(), run.succeeded() ? null : run.stderr());
        return r.found() ? r.source() : null;
    }

    /** The user's known_hosts, read into memory: JSch never gets a path it could write to. */
    private static void loadKnownHosts(JSch jsch, Path file) throws JSchException {
        byte[] content = new byte[0];
        try {
            if (Files.isRegularFile(file) && Files.size(file) <= KNOWN_HOSTS_MAX) {
                content = Files.readAllBytes(file);
            }
        } catch (IOException e) {
            // unreadable: every key counts as unknown, which is the safe side
        }
        jsch.setKnownHosts(new ByteArrayInputStream(content));
    }

    private static String useIdentity(JSch jsch, VantageRequest v) throws JSchException {
        if (v.identityFile() != null) {
            jsch.addIdentity(v.identityFile());
            // JSch would skip a key it cannot decrypt and report the server's "Auth fail": say what is wrong.
            if (jsch.getIdentityRepository().getIdentities().stream().anyMatch(com.jcraft.jsch.Identity::isEncrypted)) {
                throw new JSchException("the key needs a passphrase");
            }
            return "key " + v.identityFile();
        }
        try {
            SSHAgentConnector agent = new SSHAgentConnector();
            if (agent.isAvailable()) {
                jsch.setIdentityRepository(new AgentIdentityRepository(agent));
                return "ssh agent";
            }
        } catch (com.jcraft.jsch.AgentProxyException e) {
            // fall through: no agent
        }
        throw new JSchException("no key: give --identity FILE or start an ssh agent with your key loaded");
    }

    private static VantageCheck checkBack(Session session, String address, int port) throws JSchException, IOException, InterruptedException {
        ChannelExec exec = (ChannelExec) session.openChannel("exec");
        exec.setCommand(remoteCommand(address, port));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        exec.setErrStream(err);
        InputStream in = exec.getInputStream();
        exec.connect((int) CONNECT.toMillis());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + Duration.ofSeconds(REMOTE_CHECK_SECONDS + 2L).toNanos();
        byte[] buf = new byte[4096];
        try {
            while (System.nanoTime() < deadline && out.size() < 64 * 1024) {
                while (in.available() > 0) {
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    out.write(buf, 0, n);
                }
                if (exec.isClosed() && in.available() == 0) {
                    break;
                }
                Thread.sleep(20);
            }
        } finally {
            exec.disconnect();
        }
        return readCheck(address, port, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    /** What the remote check printed: its result line, or no answer when it printed none. */
    static VantageCheck readCheck(String address, int port, String text) {
        for (String line : text.split("\\R")) {
            if (line.startsWith(MARK)) {
                String[] parts = line.substring(MARK.length()).split(" ", 2);
                String method = parts.length > 1 ? parts[1] : "?";
                return new VantageCheck(address, port, parts[0].equals("reachable"), method, text.strip());
            }
        }
        return new VantageCheck(address, port, false, "no answer from the check", text.strip());
    }

    /**
     * The command run on the vantage host. SSH hands it to the remote login shell, so it is
     * one string by necessity: it is built only from an IP literal we obtained from the kernel
     * and a port number, and runs under {@code sh} whatever that login shell is.
     */
    static String remoteCommand(String address, int port) {
        if (!address.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("not an IP literal: " + address);
        }
        int t = REMOTE_CHECK_SECONDS;
        String script = "a=$1; p=$2; "
                + "if command -v bash >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then "
                + "if timeout " + t + " bash -c \"exec 3<>/dev/tcp/$a/$p\" 2>/dev/null; then r=reachable; else r=unreachable; fi; m=bash; "
                + "elif command -v nc >/dev/null 2>&1; then "
                + "if nc -z -w " + t + " \"$a\" \"$p\" </dev/null 2>/dev/null; then r=reachable; else r=unreachable; fi; m=nc; "
                + "elif command -v curl >/dev/null 2>&1; then "
                // A service that keeps the connection open (most do) makes curl end at its time limit,
                // with an error: whether it connected is the time it took to, zero when it did not.
                + "c=$(curl -s -o /dev/null -w \"%{time_connect}\" --max-time " + t + " \"telnet://$a:$p\" </dev/null); "
                + "case \"$c\" in *[1-9]*) r=reachable;; *) r=unreachable;; esac; m=curl; "
                + "else r=unknown; m=none; fi; echo \"" + MARK + "$r $m\"";
        return "exec sh -c '" + script + "' netdoctor " + address + " " + port;
    }

    static String explain(JSchException e, VantageRequest v, String fp, HostKeyStatus status) {
        return switch (status) {
            case UNKNOWN -> "The host key of " + v.host().host() + " is not in your known_hosts; its fingerprint is " + fp
                    + ". If that is really " + v.host().host() + "'s key (its owner can check with ssh-keygen -lf on the host's key),"
                    + " run again with --accept-host-key " + fp;
            case CHANGED -> "The host key of " + v.host().host() + " has CHANGED since you last connected (now " + fp
                    + "). This may be an attack or a reinstalled machine; we did not connect. Fix your known_hosts first.";
            default -> {
                String m = e.getMessage() == null ? e.toString() : e.getMessage();
                if (m.contains("Auth fail") || m.contains("USERAUTH fail")) {
                    yield "Login to " + v + " with " + (v.identityFile() == null ? "the ssh agent's keys" : "the key " + v.identityFile())
                            + " was refused (passwords are not used).";
                }
                if (m.contains("passphrase")) {
                    yield "The key " + v.identityFile() + " cannot be used as is (it may need a passphrase): load it into ssh-agent and leave out --identity.";
                }
                // JSch's word for a file it cannot read as a private key: a .pub file, or a format it does not know.
                if (m.contains("invalid privatekey")) {
                    yield "The file " + v.identityFile() + " is not a private key that can be read (a .pub file is only the public half):"
                            + " give the private key file, or load the key into ssh-agent and leave out --identity.";
                }
                yield "Could not log in to " + v + ": " + m;
            }
        };
    }

    /** Checks keys against known_hosts (read-only) and the fingerprint the user confirmed; stores nothing. */
    private record CheckingRepository(HostKeyRepository known, String accepted, AtomicReference<String> fingerprint,
                                      AtomicReference<HostKeyStatus> status) implements ReadOnlyHostKeys {
        @Override
        public int check(String host, byte[] key) {
            String fp = sha256Fingerprint(key);
            fingerprint.set(fp);
            int r = known.check(host, key);
            if (r == OK) {
                status.set(HostKeyStatus.KNOWN);
                return OK;
            }
            if (r == CHANGED) {
                status.set(HostKeyStatus.CHANGED);
                return CHANGED;
            }
            if (fp != null && fp.equals(accepted)) {
                status.set(HostKeyStatus.ACCEPTED_BY_FINGERPRINT);
                return OK;
            }
            status.set(HostKeyStatus.UNKNOWN);
            return NOT_INCLUDED;
        }

        @Override
        public String getKnownHostsRepositoryID() {
            return "known_hosts (read-only)";
        }

        @Override
        public HostKey[] getHostKey() {
            return known.getHostKey();
        }

        @Override
        public HostKey[] getHostKey(String host, String type) {
            return known.getHostKey(host, type);
        }
    }

    static String sha256Fingerprint(byte[] key) {
        try {
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (java.security.NoSuchAlgorithmException e) {
            return null;
        }
    }
}
