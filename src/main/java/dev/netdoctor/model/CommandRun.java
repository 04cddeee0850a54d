// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;

/**
 * One external command as it ran: the exact argv, how it ended and what it printed.
 * Output beyond the cap is dropped, and {@code truncated} says so: never cut silently.
 */
public record CommandRun(List<String> argv, int exitCode, String stdout, String stderr,
                         long durationMillis, boolean timedOut, boolean truncated, boolean notFound) {
    public CommandRun {
        argv = List.copyOf(argv);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    public boolean succeeded() {
        return !timedOut && !notFound && exitCode == 0;
    }

    /** The command line for people to read and paste; quoting is for display only, nothing runs it. */
    public String commandLine() {
        StringBuilder b = new StringBuilder();
        for (String a : argv) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(a.isEmpty() || a.matches(".*[\\s'\"$`\\\\|&;<>()*?].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return b.toString();
    }

    public Evidence asEvidence(String summary) {
        String out = stdout + (stderr.isEmpty() ? "" : (stdout.isEmpty() ? "" : "\n") + stderr);
        if (timedOut) {
            out += (out.isEmpty() ? "" : "\n") + "[stopped after " + durationMillis + " ms: time limit]";
        }
        if (truncated) {
            out += "\n[output longer than the limit; the rest was not kept]";
        }
        return new Evidence(summary, commandLine(), out);
    }
}
