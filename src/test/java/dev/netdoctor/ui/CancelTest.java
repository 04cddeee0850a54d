// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Target;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancel while the real engine is busy: a server on this machine's loopback that accepts and
 * then says nothing keeps the SSH checks (JSch and the user's ssh) waiting. Cancel must end
 * the run (its checks would wait 5 s) and leave no diagnosis thread and no child process behind.
 */
class CancelTest {
    @Test
    void cancelDuringProbesLeavesNothingRunning() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            DiagnosisRequest request = new DiagnosisRequest(new Target("127.0.0.1", silent.getLocalPort()), List.of(), null,
                    Duration.ofSeconds(5), Duration.ofSeconds(30));
            // Processes other tests of this JVM keep (a shared loopback sshd) are not this run's.
            java.util.Set<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
            SessionRunner.Running running = new EngineRunner().start(request, e -> { });
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ProcessHandle.current().descendants().noneMatch(p -> p.info().command().orElse("").endsWith("ssh"))
                    && System.nanoTime() < until) {
                Thread.sleep(20); // until the user's ssh is running: the probes are busy
            }
            running.cancel();
            DiagnosisResult result = running.result().get(5, TimeUnit.SECONDS);
            assertThat(result.complete()).isFalse();
            assertThat(result.probes()).as("the checks still waiting were stopped, not run out")
                    .anySatisfy(p -> assertThat(p.status()).isEqualTo(dev.netdoctor.model.ProbeStatus.CANCELLED));
            long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while ((diagnosisThreadAlive() || ours(before).findAny().isPresent()) && System.nanoTime() < settle) {
                Thread.sleep(20);
            }
            assertThat(diagnosisThreadAlive()).as("no diagnosis thread left").isFalse();
            assertThat(ours(before).toList()).as("no child process left").isEmpty();
        }
    }

    private static java.util.stream.Stream<ProcessHandle> ours(java.util.Set<Long> before) {
        return ProcessHandle.current().descendants().filter(p -> !before.contains(p.pid()));
    }

    private static boolean diagnosisThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("diagnosis") && t.isAlive());
    }
}
