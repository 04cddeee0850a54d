// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real OpenSSH server of our own on 127.0.0.1, with a fresh host key and one authorised
 * client key, in a temp folder. Tests that need it are skipped where sshd cannot run (not root,
 * no sshd).
 */
final class LoopbackSshd implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    final Path hostKey;
    final Path clientKey;
    final int port;
    private final Process process;
    private final StringBuilder log = new StringBuilder();

    private LoopbackSshd(Path dir) throws Exception {
        assumeTrue(Files.isExecutable(SSHD) && "root".equals(System.getProperty("user.name")),
                "Skipping: needs root and an OpenSSH server (sshd) to run one on loopback");
        // sshd run as root insists on its privilege-separation folder, which only the system's
        // sshd service makes (/run is emptied at boot); make it as that service and the lab do.
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep)) {
            try {
                Files.createDirectories(privsep, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            } catch (IOException e) {
                assumeTrue(false, "Skipping: sshd needs " + privsep + ", which could not be made: " + e);
            }
        }
        hostKey = dir.resolve("host_ed25519");
        clientKey = dir.resolve("client_ed25519");
        keygen(hostKey);
        keygen(clientKey);
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(Path.of(clientKey + ".pub"), authorized);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        // sshd lives as long as our end of its input: a test JVM that is killed (as PIT does with a
        // mutant that hangs) leaves no server behind.
        process = new ProcessBuilder("sh", "-c", "\"$0\" \"$@\" & p=$!; read -r _; kill \"$p\"; wait \"$p\"",
                SSHD.toString(), "-D", "-e", "-f", "/dev/null", "-h", hostKey.toString(),
                "-o", "ListenAddress=127.0.0.1", "-p", Integer.toString(port), "-o", "PidFile=none",
                "-o", "AuthorizedKeysFile=" + authorized, "-o", "StrictModes=no", "-o", "PasswordAuthentication=no")
                .redirectErrorStream(true).start();
        // Up is when sshd says it listens; its output ending first means it gave up.
        String ready = "Server listening on 127.0.0.1 port " + port + ".";
        CompletableFuture<Boolean> up = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (log) {
                        log.append(line).append('\n');
                        log.notifyAll();
                    }
                    if (line.contains(ready)) {
                        up.complete(true);
                    }
                }
            } catch (IOException ended) {
                // the process was stopped
            }
            up.complete(false);
        });
        boolean started;
        try {
            started = up.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            started = false;
        }
        if (!started) {
            close();
        }
        assumeTrue(started, () -> "Skipping: sshd did not start: " + output());
    }

    /** What sshd has logged so far. */
    String output() {
        synchronized (log) {
            return log.toString();
        }
    }

    /** Waits until sshd logs a line containing {@code text}, at most {@code limit}; the line, or null. */
    String awaitLine(String text, java.time.Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        synchronized (log) {
            while (true) {
                String found = log.toString().lines().filter(l -> l.contains(text)).findFirst().orElse(null);
                long left = end - System.nanoTime();
                if (found != null || left <= 0) {
                    return found;
                }
                TimeUnit.NANOSECONDS.timedWait(log, left);
            }
        }
    }

    static LoopbackSshd start(Path dir) throws Exception {
        return new LoopbackSshd(dir);
    }

    private static void keygen(Path key) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "Skipping: ssh-keygen failed");
    }

    /** The host key's fingerprint as {@code ssh-keygen -lf} shows it, e.g. SHA256:abc… */
    String hostFingerprint() throws Exception {
        Process lf = new ProcessBuilder("ssh-keygen", "-lf", hostKey + ".pub").start();
        String listed = new String(lf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        lf.waitFor(10, TimeUnit.SECONDS);
        return listed.split(" ")[1];
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // the shell has ended
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
