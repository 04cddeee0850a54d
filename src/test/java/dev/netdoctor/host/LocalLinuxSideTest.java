// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.CommandRun;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalLinuxSideTest {
    private final LocalLinuxSide linux = new LocalLinuxSide();

    @Test
    void runsArgvAndKeepsOutputAndStatus() throws Exception {
        CommandRun r = linux.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), Duration.ofSeconds(5));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(r.timedOut()).isFalse();
    }

    @Test
    void argumentsAreNeverInterpretedByAShell() throws Exception {
        String tricky = "a b; echo injected $(id) `id` | cat > /tmp/x";
        CommandRun r = linux.run(List.of("printf", "%s", tricky), Duration.ofSeconds(5));
        assertThat(r.stdout()).isEqualTo(tricky);
    }

    @Test
    void aCommandThatHangsIsKilledAtItsTimeLimit() throws Exception {
        CommandRun r = linux.run(List.of("sh", "-c", "sleep 31 & sleep 31; wait"), Duration.ofMillis(300));
        assertThat(r.timedOut()).isTrue();
        assertThat(ProcessHandle.current().descendants().map(p -> p.info().commandLine().orElse("")))
                .as("the command and its child are gone, not left to run out").noneMatch(c -> c.contains("sleep 31"));
    }

    /**
     * Stopping a check interrupts its thread more than once (the session, then the check's own
     * helper threads as they stop). However many interrupts come, the command is gone — killed and
     * reaped, not a zombie — when run() gives up: a cancelled diagnosis leaves nothing behind.
     */
    @Test
    void aCommandStoppedByRepeatedInterruptsIsGoneWhenRunThrows() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                linux.run(List.of("sleep", "33"), Duration.ofSeconds(30));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        java.util.Optional<ProcessHandle> sleep = java.util.Optional.empty();
        while (sleep.isEmpty() && System.nanoTime() < until) {
            sleep = ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").equals("/usr/bin/sleep 33")
                    || p.info().commandLine().orElse("").equals("/bin/sleep 33")).findFirst();
            Thread.sleep(5);
        }
        assertThat(sleep).as("the command was started").isPresent();
        while (caller.isAlive()) {
            caller.interrupt();
            Thread.yield();
        }
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(ProcessHandle.of(sleep.get().pid())).as("the killed command was waited for until it ended").isEmpty();
    }

    /**
     * A check stopped before it came to its command (one a busy CPU scheduled late) is told so
     * and nothing is tried: not even a start that would fail (which would report "not found").
     */
    @Test
    void aCallerStoppedBeforehandIsToldSoAndNothingIsStarted() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> linux.run(List.of("no-such-command-netdoctor"), Duration.ofSeconds(5)))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void outputBeyondTheCapIsDroppedAndSaidSo() throws Exception {
        LocalLinuxSide small = new LocalLinuxSide(1000, Map.of());
        CommandRun r = small.run(List.of("sh", "-c", "head -c 5000 /dev/zero | tr '\\0' x"), Duration.ofSeconds(5));
        assertThat(r.stdout()).hasSize(1000);
        assertThat(r.truncated()).isTrue();
        assertThat(r.asEvidence("x").output()).contains("not kept");
    }

    @Test
    void inputReachesTheCommandByteForByte() throws Exception {
        byte[] input = everyByte();
        CommandRun r = linux.run(List.of("base64"), input, Duration.ofSeconds(5));
        assertThat(Base64.getMimeDecoder().decode(r.stdout())).isEqualTo(input);
    }

    @Test
    void withoutInputTheCommandSeesItsEndAtOnce() throws Exception {
        CommandRun r = linux.run(List.of("cat"), Duration.ofSeconds(5));
        assertThat(r.timedOut()).as("cat waited for input that never came").isFalse();
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void aCommandThatNeverReadsItsInputStillEndsAtItsTimeLimit() throws Exception {
        CommandRun r = linux.run(List.of("sleep", "32"), new byte[16 << 20], Duration.ofMillis(300));
        assertThat(r.timedOut()).isTrue();
        assertThat(ProcessHandle.current().descendants().map(p -> p.info().commandLine().orElse("")))
                .noneMatch(c -> c.contains("sleep 32"));
    }

    @Test
    void aCommandThatExitsWithoutReadingItsInputIsNotHeldUp() throws Exception {
        CommandRun r = linux.run(List.of("true"), new byte[16 << 20], Duration.ofSeconds(5));
        assertThat(r.timedOut()).isFalse();
        assertThat(r.exitCode()).isZero();
    }

    /** All 256 byte values, a CRLF and some UTF-8, repeated past a pipe's 64 KiB buffer. */
    static byte[] everyByte() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int round = 0; round < 400; round++) {
            for (int i = 0; i < 256; i++) {
                b.write(i);
            }
            b.writeBytes("\r\nGrüße\n".getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    @Test
    void aMissingCommandIsReportedNotThrown() throws Exception {
        CommandRun r = linux.run(List.of("no-such-command-netdoctor"), Duration.ofSeconds(5));
        assertThat(r.notFound()).isTrue();
        assertThat(r.succeeded()).isFalse();
        assertThat(linux.hasCommand("no-such-command-netdoctor")).isFalse();
        assertThat(linux.hasCommand("sh")).isTrue();
    }

    @Test
    void readsSmallFilesAndSaysNothingForMissingOnes() {
        assertThat(linux.readFile("/proc/sys/kernel/osrelease", 4096)).get().asString().isNotBlank();
        assertThat(linux.readFile("/nonexistent/netdoctor", 4096)).isEmpty();
    }

    @Test
    void commandLinesAreQuotedForDisplay() {
        CommandRun r = new CommandRun(List.of("ssh", "-o", "IPQoS=none", "a b"), 0, "", "", 1, false, false, false);
        assertThat(r.commandLine()).isEqualTo("ssh -o IPQoS=none 'a b'");
    }

    @Test
    void aCommandNoLongerNeededEndsAtOnceWithItsOutputSoFar() throws Exception {
        LocalLinuxSide linux = new LocalLinuxSide();
        long start = System.nanoTime();
        // Ignoring "enough", the command would print its second line and end by itself, not timed out.
        CommandRun r = linux.runUntil(List.of("sh", "-c", "echo started; sleep 5; echo finished"), Duration.ofSeconds(60),
                () -> System.nanoTime() - start > 300_000_000L);
        assertThat(r.timedOut()).isTrue();
        assertThat(r.stdout()).as("ended once no longer needed, with its output so far").isEqualTo("started\n");
        CommandRun whole = linux.runUntil(List.of("echo", "done"), Duration.ofSeconds(30), () -> false);
        assertThat(whole.timedOut()).isFalse();
        assertThat(whole.stdout()).isEqualTo("done\n");
    }
}
