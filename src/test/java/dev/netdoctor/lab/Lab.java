// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One network lab (src/test/lab/lab.sh): namespaces for client, NAT gateway and target with a
 * real sshd. Runs the real CLI jar inside the client namespace. Always torn down by close().
 */
public final class Lab implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final long COMMAND_LIMIT_SECONDS = 60;

    public final String scenario;
    public final String name;
    private final Map<String, String> values;

    private Lab(String scenario, String name, Map<String, String> values) {
        this.scenario = scenario;
        this.name = name;
        this.values = values;
    }

    static Path script() {
        return Path.of(System.getProperty("netdoctor.labScript", "src/test/lab/lab.sh"));
    }

    static Path jar() {
        return Path.of(System.getProperty("netdoctor.jar", "target/wsl-net-doctor.jar"));
    }

    /** The JDK 25 that runs these tests also runs the CLI under test. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * The class path of this test JVM, for starting test code in a namespace. Surefire and
     * Failsafe may hide it in a manifest-only booter jar; then its Class-Path is read.
     */
    static String testClasspath() throws IOException {
        String cp = System.getProperty("java.class.path");
        String[] parts = cp.split(java.io.File.pathSeparator);
        if (parts.length == 1 && parts[0].endsWith(".jar") && parts[0].contains("surefirebooter")) {
            try (java.util.jar.JarFile booter = new java.util.jar.JarFile(parts[0])) {
                String classPath = booter.getManifest().getMainAttributes().getValue("Class-Path");
                List<String> paths = new ArrayList<>();
                for (String url : classPath.trim().split("\\s+")) {
                    paths.add(Path.of(java.net.URI.create(url)).toString());
                }
                return String.join(java.io.File.pathSeparator, paths);
            }
        }
        return cp;
    }

    /** Empty when labs can run here; otherwise why not (shown as the skip reason). */
    public static Optional<String> unavailableReason() {
        if (!Files.isRegularFile(jar())) {
            return Optional.of("the CLI jar " + jar() + " is not built (run mvn verify)");
        }
        try {
            Result r = run(List.of("bash", script().toString(), "check"), 30);
            return r.exit == 0 ? Optional.empty() : Optional.of("network lab unavailable: " + r.out.strip() + r.err.strip());
        } catch (IOException e) {
            return Optional.of("network lab unavailable: " + e.getMessage());
        }
    }

    /**
     * What every lab test asks first: empty when the lab can run here, otherwise why the test
     * skips. Where the lab must run (see {@link #mustRun()}) a missing lab is no reason to skip:
     * it fails the calling test (class) with the reason, so lab tests cannot quietly turn into
     * green skips on the machine that promised to run them.
     */
    public static Optional<String> reasonToSkip() {
        Optional<String> reason = unavailableReason();
        if (reason.isPresent()) {
            if (mustRun()) {
                throw new AssertionError("The network lab must run here (CI=true and root), but cannot: " + reason.get());
            }
            // A class skipped in @BeforeAll shows in Failsafe's report as "Tests run: 0, Skipped: 0",
            // without the assumption's message: say why in the build log.
            System.err.println("[lab] network lab tests skip: " + reason.get());
        }
        return reason;
    }

    /** CI=true (as CI services set it) and root (which the lab needs): a lab that does not come up is a broken build. */
    static boolean mustRun() {
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            return false;
        }
        try {
            // The same test as lab.sh check: the effective uid.
            Result id = run(List.of("id", "-u"), 10);
            return id.exit == 0 && id.out.strip().equals("0");
        } catch (IOException e) {
            return false;
        }
    }

    public static Lab up(String scenario) throws IOException {
        return up(scenario, "nd" + (ProcessHandle.current().pid() % 1000));
    }

    /** The same, with namespaces named {@code prefix} and a counter (1-8 characters [a-z0-9] in all). */
    public static Lab up(String scenario, String prefix) throws IOException {
        String name = prefix + COUNTER.incrementAndGet();
        run(List.of("bash", script().toString(), "down", name), 30);
        Result r = run(List.of("bash", script().toString(), "up", scenario, name), 60);
        if (r.exit != 0) {
            run(List.of("bash", script().toString(), "down", name), 30);
            throw new IOException("lab " + scenario + " did not come up: " + r.err);
        }
        Map<String, String> values = new HashMap<>();
        r.out.lines().filter(l -> l.contains("=")).forEach(l -> values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return new Lab(scenario, name, values);
    }

    public String get(String key) {
        return values.get(key);
    }

    public String target() {
        return get("TARGET_IP") + ":" + get("TARGET_PORT");
    }

    /**
     * Drops {@code percent} % of the packets the lab's gateway forwards, at random, in each
     * direction ({@code lab.sh loss}; NAT scenarios only); 0 removes it, a new call replaces it.
     */
    public void loss(int percent) throws IOException {
        Result r = run(List.of("bash", script().toString(), "loss", name, Integer.toString(percent)), 30);
        if (r.exit() != 0) {
            throw new IOException("lab.sh loss " + name + " " + percent + " failed: " + r.err().strip());
        }
    }

    /**
     * The CLI inside the lab's distro (its client namespace, which WSL would mark with
     * WSL_DISTRO_NAME) as the plain user: OpenSSH and the settings the user's run reads are theirs.
     */
    public Result inDistro(String... args) throws IOException {
        PlainUser user = PlainUser.ensure();
        List<String> argv = new ArrayList<>(List.of("env", "WSL_DISTRO_NAME=Lab", java(), "-jar", user.readableJar().toString()));
        argv.addAll(List.of(args));
        return inNamespace(get("CLIENT_NS"), user.argv(argv), COMMAND_LIMIT_SECONDS);
    }

    /** The same as root: what "sudo wsl-net-doctor …" runs in the distro. */
    public Result inDistroAsRoot(String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("env", "WSL_DISTRO_NAME=Lab", java(), "-jar", jar().toString()));
        argv.addAll(List.of(args));
        return inNamespace(get("CLIENT_NS"), argv, COMMAND_LIMIT_SECONDS);
    }

    /** Runs argv inside the named namespace. */
    public Result inNamespace(String ns, List<String> argv, long limitSeconds) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(argv);
        return run(full, limitSeconds);
    }

    /**
     * The user's own ssh, hanging in SYN-SENT as in the seed report (marked af21, into the DSCP
     * lab's drop). Closing it kills it.
     */
    public AutoCloseable hungSsh() throws IOException {
        return hungSsh(null);
    }

    /** The same, run by {@code user} (null: root), as the user of a WSL distro would run it. */
    public AutoCloseable hungSsh(PlainUser user) throws IOException {
        Path log = Files.createTempFile("hung-ssh", ".txt");
        List<String> ssh = List.of("ssh", "-o", "IPQoS=af21", "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=40", "-o", "UserKnownHostsFile=/dev/null", "-F", "/dev/null", get("TARGET_IP"), "true");
        Process p = startInNamespace(get("CLIENT_NS"), user == null ? ssh : user.argv(ssh), log);
        awaitSynSent(p);
        return () -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
        };
    }

    /**
     * Until the kernel shows the ssh's connect to the target in SYN-SENT (ss, in the client
     * namespace): the state the tests look for, not a guess at how long ssh takes to start.
     * At most 50 looks over about 10 s.
     */
    private void awaitSynSent(Process ssh) throws IOException {
        List<String> ss = List.of("ss", "-Htnp", "state", "syn-sent", "dst", get("TARGET_IP"));
        for (int i = 0; i < 50 && ssh.isAlive(); i++) {
            if (inNamespace(get("CLIENT_NS"), ss, 5).out().contains("ssh")) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for ssh to connect", e);
            }
        }
        throw new IOException("the user's ssh did not reach SYN-SENT to " + get("TARGET_IP") + " (alive: " + ssh.isAlive() + ")");
    }

    public Process startInNamespace(String ns, List<String> argv, Path output) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(argv);
        return new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** The real CLI jar, run inside the client namespace. */
    public Result cli(String... args) throws IOException {
        return cli(List.of(), args);
    }

    /** The CLI with JVM options, e.g. {@code -Duser.home=…} so tests never touch the real ~/.ssh. */
    public Result cli(List<String> jvmOptions, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(java()));
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-jar", jar().toString()));
        argv.addAll(List.of(args));
        return inNamespace(get("CLIENT_NS"), argv, COMMAND_LIMIT_SECONDS);
    }

    /**
     * The CLI's JSON result, checked against the published schema (every lab run in CI validates
     * so), with the exit code and wall time added for the tests. The document read is the one
     * checked: the first JSON value on stdout, as before.
     */
    public static JsonNode json(Result r) throws IOException {
        JsonNode json = JSON.readTree(r.out());
        dev.netdoctor.report.ResultSchema.DIAGNOSIS.check(json == null ? r.out() : json.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("_exit", r.exit()).put("_wallMillis", r.millis());
        return json;
    }

    public JsonNode diagnoseJson(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("diagnose", "--target", target(), "--json", "--quiet"));
        args.addAll(List.of(extra));
        return json(cli(args.toArray(String[]::new)));
    }

    @Override
    public void close() throws IOException {
        run(List.of("bash", script().toString(), "down", name), 60);
    }

    public record Result(int exit, String out, String err, long millis) {
    }

    /** The real CLI jar inside the client namespace, run as the plain lab user with that user's own environment. */
    public Result cliAs(PlainUser user, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(java(), "-jar", user.readableJar().toString()));
        argv.addAll(List.of(args));
        return inNamespace(get("CLIENT_NS"), user.argv(argv), COMMAND_LIMIT_SECONDS);
    }

    /**
     * The plain user "ndlab" ({@code lab.sh user}). Where the user's own settings matter the app
     * runs as this user: OpenSSH reads the passwd entry's home and ignores $HOME, so a test run
     * as root with another HOME would test root's ssh config.
     */
    public record PlainUser(String name, Path home) {
        /** OpenSSH 10's own default marking (Debian 12's ssh defaults to lowdelay throughput instead). */
        public static final String OPENSSH_10_DEFAULT = "Host *\n    IPQoS af21 cs1\n";

        /** The plain user for a class of lab tests; the class is skipped where the lab cannot run. */
        public static PlainUser forLabTests() throws IOException {
            var reason = reasonToSkip();
            org.junit.jupiter.api.Assumptions.assumeTrue(reason.isEmpty(), () -> "Skipping network lab tests: " + reason.orElse(""));
            return ensure();
        }

        /** Leaves the user as the lab made it (no ~/.ssh of a test's); nothing to do when the class was skipped. */
        public static void cleanAfter(PlainUser user) throws IOException {
            if (user != null) {
                user.clean();
            }
        }

        public static PlainUser ensure() throws IOException {
            Result r = run(List.of("bash", script().toString(), "user"), 30);
            if (r.exit() != 0) {
                throw new IOException("the lab user could not be made: " + r.err());
            }
            Map<String, String> v = new HashMap<>();
            r.out().lines().filter(l -> l.contains("=")).forEach(l -> v.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
            return new PlainUser(v.get("LAB_USER"), Path.of(v.get("LAB_HOME")));
        }

        /** {@code argv} as this user, with the environment a login of this user would have. */
        public List<String> argv(List<String> argv) {
            List<String> full = new ArrayList<>(List.of("setpriv", "--reuid", name, "--regid", name, "--init-groups", "--reset-env"));
            full.addAll(argv);
            return full;
        }

        /**
         * {@code argv} as this user, able to join another network namespace: the app on the lab's
         * "Windows" reaches the distro's namespace through fake-wsl.exe, which needs CAP_SYS_ADMIN
         * for setns (ip netns exec refuses a caller who is not root). The capability does not let
         * the app read other users' /proc/PID/fd, so the sockets it can name are still its user's.
         */
        public List<String> argvJoiningNamespaces(List<String> argv) {
            List<String> full = new ArrayList<>(List.of("setpriv", "--reuid", name, "--regid", name, "--init-groups",
                    "--inh-caps", "+sys_admin", "--ambient-caps", "+sys_admin", "--reset-env"));
            full.addAll(argv);
            return full;
        }

        /**
         * The CLI jar where this user can read it: the build's own when its folders let the user
         * in, else a copy (with its lib/ folder) under /tmp, since a checkout under /root is
         * closed to everyone else.
         */
        public Path readableJar() throws IOException {
            Path jar = jar().toAbsolutePath();
            if (run(argv(List.of("test", "-r", jar.toString())), 10).exit() == 0) {
                return jar;
            }
            Path copy = Path.of("/tmp", "netdoctor-lab-app-" + ProcessHandle.current().pid());
            if (!Files.isRegularFile(copy.resolve(jar.getFileName()))) {
                run(List.of("rm", "-rf", copy.toString()), 10);
                Files.createDirectories(copy);
                run(List.of("cp", "-r", jar.toString(), jar.resolveSibling("lib").toString(), copy.toString()), 30);
                run(List.of("chmod", "-R", "a+rX", copy.toString()), 10);
            }
            return copy.resolve(jar.getFileName());
        }

        public Path sshConfig() {
            return home.resolve(".ssh").resolve("config");
        }

        /** Writes the user's ~/.ssh/config (0600 in a 0700 ~/.ssh, owned by the user); null removes it. */
        public void writeSshConfig(String text) throws IOException {
            Path dir = home.resolve(".ssh");
            if (text == null) {
                Files.deleteIfExists(sshConfig());
                return;
            }
            Files.createDirectories(dir);
            Files.writeString(sshConfig(), text);
            var owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
            for (Path p : List.of(dir, sshConfig())) {
                Files.setOwner(p, owner);
            }
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(sshConfig(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }

        /** Removes what the tests leave in the user's home: ~/.ssh and the app's state and logs. */
        public void clean() throws IOException {
            run(List.of("rm", "-rf", "--", home.resolve(".ssh").toString(), home.resolve(".local").toString()), 30);
        }
    }

    static Result run(List<String> argv, long limitSeconds) throws IOException {
        Path out = Files.createTempFile("lab-out", ".txt");
        Path err = Files.createTempFile("lab-err", ".txt");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done;
            try {
                done = p.waitFor(limitSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
            }
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Result(done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), millis);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
