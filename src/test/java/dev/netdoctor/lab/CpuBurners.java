// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Busy loops that keep this machine's cores busy while a lab test runs, as a user's laptop is busy:
 * a verdict must not depend on the machine's speed. Registered as an extension, so the loops stop
 * after each test, a failed one included.
 */
final class CpuBurners implements AfterEachCallback {
    /** As many as the build machines have cores. */
    static final int CORES = 2;

    private final List<Process> burners = new ArrayList<>();

    /** Two busy loops until the test ends. */
    void start() throws IOException {
        start(CORES);
    }

    void start(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            burners.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (Process p : burners) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        burners.clear();
    }
}
