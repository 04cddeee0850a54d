// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * src/test/lab/fake-wsl.exe tells the truth about Windows: the argument list is joined and cut
 * apart again on the way, only what WSLENV names reaches the distro, commands run as the
 * distro's user, and wsl.exe takes its time. Each test runs the stand-in directly, as Java on
 * Windows would start wsl.exe (delays off unless the test is about them).
 */
class WindowsCommandLineStandInTest {
    @TempDir
    Path dir;
    private Map<String, String> env;

    record Answer(int exit, byte[] out, byte[] err, long millis) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }

        /** wsl.exe's own messages are UTF-16LE. */
        String wslSays() {
            return new String(out, StandardCharsets.UTF_16LE) + new String(err, StandardCharsets.UTF_16LE);
        }

        List<String> nulSeparated() {
            String s = text();
            return s.isEmpty() ? List.of() : Arrays.asList(s.substring(0, s.length() - 1).split("\0", -1));
        }
    }

    @BeforeAll
    static void standInRuns() {
        assumeTrue(FakeWsl.runs(), "Skipping: the stand-in needs python3 (not found on PATH)");
    }

    @BeforeEach
    void quickAndIsolated() {
        env = new HashMap<>(Map.of("FAKE_WSL_DELAY_MS", "0", "FAKE_WSL_FIRST_DELAY_MS", "0",
                "FAKE_WSL_STATE", dir.resolve("state").toString(), "WSL_UTF8", "1", "LC_ALL", "C"));
    }

    private Answer wsl(File cwd, byte[] stdin, List<String> args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(FakeWsl.FAKE));
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        if (cwd != null) {
            pb.directory(cwd);
        }
        long start = System.nanoTime();
        Process p = pb.start();
        Thread feeder = Thread.ofVirtual().start(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the command did not read it all
            }
        });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = Thread.ofVirtual().start(() -> {
            try (InputStream e = p.getErrorStream()) {
                e.transferTo(err);
            } catch (IOException ignored) {
                // ended
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        feeder.join();
        errReader.join();
        return new Answer(p.exitValue(), out, err.toByteArray(), (System.nanoTime() - start) / 1_000_000);
    }

    private Answer wsl(String... args) throws IOException, InterruptedException {
        return wsl(null, new byte[0], List.of(args));
    }

    /** -d Lab --exec, then the arguments as the list Java is handed. */
    private Answer exec(List<String> linuxArgv) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-d", "Lab", "--exec"));
        args.addAll(linuxArgv);
        return wsl(null, new byte[0], args);
    }

    private static List<String> printArgs(List<String> args) {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(args);
        return argv;
    }

    @Test
    void argumentsArriveAsWindowsCutsThemAndPreQuotedOnesExactly() throws Exception {
        assumeTrue(Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).equals(StandardCharsets.UTF_8),
                "Skipping: this JVM cannot pass non-ASCII arguments to a process (sun.jnu.encoding is not UTF-8)");
        List<String> nasty = List.of("", "\"", "a\\\"b c", "x\\", "$1", "'", "line\nbreak", "grüße", "\u00A0", "if [ -e \"$1\" ]; then :; fi");
        Answer raw = exec(printArgs(nasty));
        assertThat(raw.exit()).isZero();
        assertThat(raw.nulSeparated()).as("raw, the list does not survive Windows").isNotEqualTo(nasty);
        Answer quoted = exec(WindowsCommandLine.forWslExec(printArgs(nasty)));
        assertThat(quoted.exit()).as(new String(quoted.err(), StandardCharsets.UTF_8)).isZero();
        assertThat(quoted.nulSeparated()).containsExactlyElementsOf(nasty);
        List<String> predicted = WindowsCommandLinePropertiesTest.throughWindowsRaw(printArgs(nasty));
        assertThat(raw.nulSeparated()).as("what the Java port predicts").containsExactlyElementsOf(predicted.subList(2, predicted.size()));
    }

    @Test
    void onlyWhatWslenvNamesReachesTheDistroBesideWslsOwnDefaults() throws Exception {
        env.putAll(Map.of("WSLENV", "NETDOCTOR_U/u:NETDOCTOR_W/w:NETDOCTOR_P/p:FAKE_WSL_DELAY_MS:NETDOCTOR_UNSET",
                "NETDOCTOR_U", "to linux", "NETDOCTOR_W", "to windows only", "NETDOCTOR_P", "/p", "NETDOCTOR_NOT_NAMED", "x"));
        Answer r = exec(List.of("env", "-0"));
        assertThat(r.exit()).isZero();
        Map<String, String> seen = new HashMap<>();
        for (String entry : r.nulSeparated()) {
            int eq = entry.indexOf('=');
            seen.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        assertThat(seen).containsEntry("NETDOCTOR_U", "to linux").containsEntry("NETDOCTOR_P", "/p")
                .doesNotContainKeys("NETDOCTOR_W", "NETDOCTOR_NOT_NAMED", "NETDOCTOR_UNSET", "LC_ALL", "WSL_UTF8",
                        "FAKE_WSL_DELAY_MS", "FAKE_WSL_STATE", "JAVA_HOME")
                .containsEntry("LANG", "C.UTF-8").containsEntry("TERM", "xterm-256color").containsEntry("HOSTTYPE", "x86_64")
                .containsEntry("WSL_DISTRO_NAME", "Lab").containsEntry("WSLENV", env.get("WSLENV"))
                .containsEntry("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .containsEntry("USER", System.getProperty("user.name")).containsEntry("LOGNAME", System.getProperty("user.name"))
                .containsEntry("HOME", System.getProperty("user.home")).containsKey("SHELL");
        assertThat(seen.keySet().stream().filter(k -> k.startsWith("FAKE_WSL"))).isEmpty();
        env.put("FAKE_WSL_PATH", "/usr/bin:/bin");
        assertThat(exec(List.of("printenv", "PATH")).text()).isEqualTo("/usr/bin:/bin\n");
    }

    @Test
    void theDistrosDefaultUserRunsTheCommandInAFolderItMayEnter() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "Skipping: running as another user needs root");
        String nobodyHome = new String(Runtime.getRuntime().exec(new String[]{"sh", "-c", "getent passwd nobody | cut -d: -f6"})
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assumeTrue(!nobodyHome.isEmpty(), "Skipping: no user nobody here");
        env.put("FAKE_WSL_USER", "nobody");
        Path closed = Files.createDirectory(dir.resolve("closed"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        List<String> args = new ArrayList<>(List.of("--exec"));
        args.addAll(WindowsCommandLine.forWslExec(List.of("sh", "-c", "id -un; pwd; echo \"$HOME\"")));
        Answer r = wsl(closed.toFile(), new byte[0], args);
        assertThat(r.exit()).as(new String(r.err(), StandardCharsets.UTF_8)).isZero();
        List<String> lines = r.text().lines().toList();
        assertThat(lines.get(0)).isEqualTo("nobody");
        assertThat(lines.get(1)).as("the Windows folder is closed to nobody: its home, or / when that is missing")
                .isIn(nobodyHome, "/");
        assertThat(lines.get(2)).isEqualTo(nobodyHome);
        Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(wsl(open.toFile(), new byte[0], List.of("--exec", "pwd")).text()).isEqualTo(open + "\n");
        env.remove("FAKE_WSL_USER");
        assertThat(wsl(closed.toFile(), new byte[0], List.of("--exec", "id", "-un")).text()).isEqualTo("root\n");
    }

    @Test
    void wslExeTakesItsTimeAndAColdStartLonger() throws Exception {
        env.putAll(Map.of("FAKE_WSL_DELAY_MS", "150", "FAKE_WSL_FIRST_DELAY_MS", "1500",
                "FAKE_WSL_DISTROS", "Lab:Running:2:default,Cold:Stopped:2"));
        assertThat(wsl("-l", "-v").millis()).isGreaterThanOrEqualTo(150);
        Answer cold = exec(List.of("true"));
        assertThat(cold.millis()).as("the first command starts the distro").isGreaterThanOrEqualTo(1500);
        Answer warm = exec(List.of("true"));
        assertThat(warm.millis()).as("later ones find it running").isGreaterThanOrEqualTo(150).isLessThan(cold.millis() - 1000);
        assertThat(wsl("-d", "Cold", "--exec", "true").millis()).as("a stopped distro starts too").isGreaterThanOrEqualTo(1500);
        Path log = dir.resolve("wsl.log");
        env.put("FAKE_WSL_LOG", log.toString());
        assertThat(wsl("--shutdown").exit()).isZero();
        assertThat(Files.readString(log)).isEqualTo("shutdown\n");
        assertThat(exec(List.of("true")).millis()).as("after --shutdown it starts again").isGreaterThanOrEqualTo(1500);
    }

    @Test
    void inputOutputAndExitCodePassThroughByteForByte() throws Exception {
        byte[] every = LocalLinuxSideTest.everyByte();
        Answer cat = wsl(null, every, List.of("--exec", "cat"));
        assertThat(cat.out()).isEqualTo(every);
        Answer toErr = wsl(null, every, WindowsCommandLine.forWslExec(List.of("sh", "-c", "cat >&2")));
        assertThat(toErr.err()).isEqualTo(every);
        assertThat(toErr.out()).isEmpty();
        assertThat(wsl(null, new byte[0], WindowsCommandLine.forWslExec(List.of("sh", "-c", "exit 42"))).exit()).isEqualTo(42);
    }

    @Test
    void theLinuxCommandReplacesWslExeSoKillingItEndsTheCommand() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(FakeWsl.FAKE, "-d", "Lab", "--exec", "sleep", "30");
        pb.environment().putAll(env);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        while (!new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).startsWith("sleep\0") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(cmdline)).startsWith("sleep\0");
        assertThat(p.descendants().count()).as("no process between wsl.exe and the command").isZero();
        p.destroy();
        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void withoutExecTheRestOfTheLineGoesToTheUsersShell() throws Exception {
        // The JDK wraps "a  b" in quotes, and the shell reads them: the line is shell text now.
        assertThat(wsl("-d", "Lab", "--", "echo", "$WSL_DISTRO_NAME", "a  b", "$((6*7))").text()).isEqualTo("Lab a  b 42\n");
        assertThat(wsl("-d", "Lab", "printf", "'%s|'", "\"a  b\"", "c").text()).isEqualTo("a  b|c|");
    }

    @Test
    void wslExesOwnErrorsInItsOwnWords() throws Exception {
        Answer nothing = wsl("-d", "Lab", "--exec");
        assertThat(nothing.exit()).isEqualTo(1);
        assertThat(nothing.wslSays()).contains("The parameter is incorrect.");
        Answer invalid = wsl("-x");
        assertThat(invalid.exit()).isEqualTo(255);
        assertThat(invalid.wslSays()).contains("Invalid command line argument: -x");
        Answer missing = exec(List.of("no-such-command-netdoctor"));
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(new String(missing.err(), StandardCharsets.UTF_8)).contains("execvpe(no-such-command-netdoctor) failed");
        Answer unknown = wsl("-d", "Nope", "--exec", "true");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.wslSays()).contains("There is no distribution with the supplied name.");
    }

    @Test
    void aNetworkNamespaceIsTheDistrosNetworkAndTheUserIsTakenOnInsideIt() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && new LocalLinuxSide().hasCommand("ip")
                && new LocalLinuxSide().hasCommand("setpriv"), "Skipping: needs root, ip and setpriv");
        String ns = "ndfw" + ProcessHandle.current().pid() % 100000;
        assumeTrue(new ProcessBuilder("ip", "netns", "add", ns).start().waitFor() == 0, "Skipping: cannot add a network namespace");
        try {
            env.put("FAKE_WSL_NETNS", ns);
            env.put("FAKE_WSL_USER", "nobody");
            Answer r = exec(WindowsCommandLine.forWslExec(List.of("sh", "-c", "id -un; ip -o link | wc -l")));
            assertThat(r.exit()).as(new String(r.err(), StandardCharsets.UTF_8)).isZero();
            assertThat(r.text().lines().toList()).containsExactly("nobody", "1");
        } finally {
            new ProcessBuilder("ip", "netns", "del", ns).start().waitFor();
        }
    }
}
