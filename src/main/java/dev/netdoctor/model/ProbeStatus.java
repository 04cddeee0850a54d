// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

/** How a probe itself ended; what it observed about the network is in its data. */
public enum ProbeStatus {
    /** Ran to the end; the data holds its observations (which may be failures of the network). */
    COMPLETED,
    /** Not applicable here (e.g. no OpenSSH client installed, nothing to test). */
    SKIPPED,
    /** The probe could not do its work; {@code error} says why. */
    FAILED,
    /** The probe's own time limit or the session deadline ran out. */
    TIMED_OUT,
    /** The user stopped the run. */
    CANCELLED;

    /** How the report and the CLI name it: the words the wizard's Running checks step uses for a finished check. */
    public String words() {
        return Words.get("probe.status." + name());
    }
}
