// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

/**
 * One check of the network. A probe has no side effects on the user's files, bounds every
 * wait, and honours interruption (the session's cancel). It reports what it saw as data;
 * the session turns any exception into an outcome with the error.
 */
public interface Probe {
    /** Which check this is: its stable id in JSON and reports, e.g. {@code dscp-connect}. */
    dev.netdoctor.model.ProbeId id();

    /** A short name in the user's words. */
    String title();

    /** Its name in a run for {@code request}: a check whose subject depends on the question says which. */
    default String title(dev.netdoctor.model.DiagnosisRequest request) {
        return title();
    }

    /** Upper bound on how long this probe may take, given the context. */
    java.time.Duration timeLimit(ProbeContext context);

    ProbeReport run(ProbeContext context) throws Exception;

    /**
     * Whether this check, listed for a later stage because it usually needs what the checks
     * before it saw, should instead start with the first stage that has this computer's facts,
     * because those facts alone already call for it (Windows' routes say so): its waits then
     * overlap the other checks' instead of following them. It must then do its work without
     * the outcomes of the stage it joined.
     *
     * @param address the target's address, null when there is none
     */
    default boolean startsEarly(dev.netdoctor.model.Environment environment, dev.netdoctor.model.DiagnosisRequest request,
                                String address) {
        return false;
    }

    /** Whether the probe needs the target's resolved address; if it did not resolve, it is skipped. */
    default boolean needsAddress() {
        return true;
    }
}
