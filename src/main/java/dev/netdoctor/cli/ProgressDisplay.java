// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.model.Words;
import dev.netdoctor.session.SessionEvent;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shows the run's progress on stderr: on a terminal one line that updates in place, otherwise
 * a line per finished check (logs and CI stay readable). Events arrive on many threads.
 */
final class ProgressDisplay implements Consumer<SessionEvent> {
    private final PrintWriter err;
    private final boolean enabled;
    private final boolean terminal;
    private final Map<dev.netdoctor.model.ProbeId, String> running = new LinkedHashMap<>();
    private int finished;
    private int lastWidth;

    ProgressDisplay(PrintWriter err, boolean enabled, boolean terminal) {
        this.err = err;
        this.enabled = enabled;
        this.terminal = terminal;
    }

    @Override
    public synchronized void accept(SessionEvent event) {
        if (!enabled) {
            return;
        }
        switch (event) {
            case SessionEvent.ProbeStarted s -> running.put(s.probeId(), s.title());
            case SessionEvent.ProbeProgress p -> running.computeIfPresent(p.probeId(), (k, v) -> v);
            case SessionEvent.ProbeFinished f -> {
                running.remove(f.outcome().probeId());
                finished++;
                if (!terminal) {
                    err.printf("[%5.1f s] %-42s %s: %s%n", f.elapsedMillis() / 1000.0, f.outcome().title(),
                            f.outcome().status().words(), f.outcome().summary());
                }
            }
            case SessionEvent.EnvironmentReady e -> {
                if (!terminal) {
                    err.printf("[%5.1f s] %-42s %s%n", e.elapsedMillis() / 1000.0, Words.get("system.title"), e.environment().wsl().describe());
                }
            }
            default -> {
                return;
            }
        }
        if (terminal) {
            String line = Words.get("cli.progress", String.format("%5.1f", event.elapsedMillis() / 1000.0), String.valueOf(finished),
                    running.isEmpty() ? "-" : String.join(", ", running.values()));
            if (line.length() > 110) {
                line = line.substring(0, 109) + "…";
            }
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
            err.flush();
        }
    }

    synchronized void finish() {
        if (enabled && terminal && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }
}
