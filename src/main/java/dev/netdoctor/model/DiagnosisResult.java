// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One finished diagnosis, immutable: the schema of {@code diagnose --json}.
 * {@code verdict} is one line for people; {@code complete} is false when the run was
 * cancelled or hit its deadline before every probe finished.
 */
public record DiagnosisResult(int schemaVersion, String tool, String toolVersion, OffsetDateTime startedAt,
                              long durationMillis, Request request, Environment environment,
                              List<ProbeOutcome> probes, List<Finding> findings, String verdict,
                              boolean complete) {
    public static final int SCHEMA_VERSION = 1;

    /**
     * The question, as recorded in the result. {@code ssh}: whether the target was asked about
     * as an SSH server; results saved before it was asked have none, and every target was one then.
     */
    public record Request(String target, List<Integer> servicePorts, String vantage, long attemptTimeoutMillis, long deadlineMillis,
                          List<Integer> windowsPorts, boolean otherDevices, Boolean ssh) {
        public Request {
            // results saved before these were asked have none
            servicePorts = servicePorts == null ? List.of() : List.copyOf(servicePorts);
            windowsPorts = windowsPorts == null ? List.of() : List.copyOf(windowsPorts);
            ssh = ssh == null ? Boolean.TRUE : ssh;
        }

        public Request(String target, List<Integer> servicePorts, String vantage, long attemptTimeoutMillis, long deadlineMillis,
                       List<Integer> windowsPorts, boolean otherDevices) {
            this(target, servicePorts, vantage, attemptTimeoutMillis, deadlineMillis, windowsPorts, otherDevices, true);
        }

        public Request(String target, List<Integer> servicePorts, String vantage, long attemptTimeoutMillis, long deadlineMillis) {
            this(target, servicePorts, vantage, attemptTimeoutMillis, deadlineMillis, List.of(), false);
        }

        /** Whether the target was asked about as an SSH server. */
        public boolean sshTarget() {
            return ssh;
        }

        public static Request of(DiagnosisRequest r) {
            return new Request(r.target() == null ? null : r.target().toString(), r.servicePorts(),
                    r.vantage() == null ? null : r.vantage().toString(), r.attemptTimeout().toMillis(), r.deadline().toMillis(),
                    r.windowsPorts(), r.asksAboutOtherDevices(), r.sshTarget());
        }
    }

    public DiagnosisResult {
        probes = List.copyOf(probes);
        findings = List.copyOf(findings);
    }

    public boolean problemFound() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.PROBLEM);
    }
}
