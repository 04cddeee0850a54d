package dev.netdoctor.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real OpenSSH server of our own on 127.0.0.1, with a fresh host key and one authorised
 * client key, in a temp folder. Tests that need it are skipped where sshd cannot run (not root,
 * no sshd, no privilege-separation folder).
 */
final class LoopbackSshd implements AutoCloseable {
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    final Path hostKey;
    final Path clientKey;
    final int port;
    private final Process process;
    private final Path log;

    private LoopbackSshd(Path dir) throws Exception {
        assumeTrue(Files.isExecutable(SSHD) && Files.isDirectory(Path.of("/run/sshd")) && "root".equals(System.getProperty("user.name")),
                "Skipping: needs root and an OpenSSH server (sshd) to run one on loopback");
        hostKey = dir.resolve("host_ed25519");
        clientKey = dir.resolve("client_ed25519");
        keygen(hostKey);
        keygen(clientKey);
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(Path.of(clientKey + ".pub"), authorized);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        log = dir.resolve("sshd.log");
        process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", "/dev/null", "-h", hostKey.toString(),
                "-o", "ListenAddress=127.0.0.1", "-p", Integer.toString(port), "-o", "PidFile=none",
                "-o", "AuthorizedKeysFile=" + authorized, "-o", "StrictModes=no", "-o", "PasswordAuthentication=no")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean up = false;
        for (int i = 0; i < 50 && !up && process.isAlive(); i++) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                up = true;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        if (!up) {
            close();
        }
        assumeTrue(up, "Skipping: sshd did not start: " + Files.readString(log));
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
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
