// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.Target;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Cancel while the real engine is busy: a server on this machine's loopback that accepts and
 * then says nothing keeps the SSH checks (JSch and the user's ssh) waiting. Cancel must end
 * the run (its checks would wait 5 s), and once its result is in nothing of it may still run:
 * no diagnosis thread, no child process, not even one a late check started after the cancel.
 */
class CancelTest {
    @Test
    void cancelDuringProbesLeavesNothingRunning() throws Exception {
        assumeTrue(new LocalLinuxSide().hasCommand("ssh"), "Skipping: no OpenSSH client (ssh) to keep a check busy");
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            DiagnosisRequest request = new DiagnosisRequest(new Target("127.0.0.1", silent.getLocalPort()), List.of(), null,
                    Duration.ofSeconds(5), Duration.ofSeconds(30));
            // Processes other tests of this JVM keep (a shared loopback sshd) are not this run's.
            Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
            SessionRunner.Running running = new EngineRunner().start(request, e -> { });
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ours(before).noneMatch(CancelTest::usersSshCheck) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(ours(before).anyMatch(CancelTest::usersSshCheck))
                    .as("the check with the user's ssh was running when cancel came (not the scan's ssh -V or -G)").isTrue();
            running.cancel();
            DiagnosisResult result = running.result().get(5, TimeUnit.SECONDS);
            assertThat(result.complete()).isFalse();
            assertThat(result.probes()).as("the checks still waiting were stopped, not run out")
                    .anySatisfy(p -> assertThat(p.status()).isEqualTo(ProbeStatus.CANCELLED));
            // At once, not after a while: a process that ends only later, or that a late check
            // starts after the result is in, is exactly what this test is for.
            assertThat(ours(before).map(CancelTest::describe).toList()).as("no child process left").isEmpty();
            for (Thread t : diagnosisThreads()) {
                t.join(Duration.ofSeconds(2)); // the runner's thread ends right after handing over the result
            }
            assertThat(diagnosisThreads()).as("no diagnosis thread left").isEmpty();
        }
    }

    /** The OpenSSH check's ssh, which connects (the scan's ssh -V and ssh -G do not). */
    private static boolean usersSshCheck(ProcessHandle p) {
        return p.info().command().orElse("").endsWith("/ssh")
                && p.info().arguments().map(List::of).orElse(List.of()).contains("BatchMode=yes");
    }

    /** Its command line and, where Linux tells, its state (Z: ended, not yet reaped by its parent). */
    private static String describe(ProcessHandle p) {
        String state;
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + p.pid() + "/stat"));
            state = " state " + stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        } catch (java.io.IOException | RuntimeException e) {
            state = "";
        }
        return p.pid() + " " + p.info().commandLine().orElse("?") + state;
    }

    private static Stream<ProcessHandle> ours(Set<Long> before) {
        return ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid()));
    }

    private static List<Thread> diagnosisThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("diagnosis") && t.isAlive()).toList();
    }
}
