// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a probe's attempts at the same time, one platform thread each (an SSH key exchange is
 * CPU work, and virtual threads are not preempted: it would starve the others), and returns their results
 * in order. If the probe is cancelled meanwhile, its attempts are interrupted too (a plain
 * {@code close()} would wait for them), so no child process or socket outlives a cancel.
 */
public final class Parallel {
    /** One attempt; may block, must honour interruption. */
    public interface Attempt<T, R> {
        R run(T item) throws Exception;
    }

    private Parallel() {
    }

    public static <T, R> List<R> map(List<T> items, Attempt<T, R> attempt, Consumer<R> eachDone) throws Exception {
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("attempt-", 0).factory())) {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> attempt.run(item)));
            }
            List<R> results = new ArrayList<>();
            try {
                for (Future<R> f : futures) {
                    R r = f.get();
                    results.add(r);
                    eachDone.accept(r);
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                throw e;
            } catch (ExecutionException e) {
                pool.shutdownNow();
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            return results;
        }
    }

    public static <T, R> List<R> map(List<T> items, Attempt<T, R> attempt) throws Exception {
        return map(items, attempt, r -> { });
    }
}
