// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

/**
 * Checks that a candidate file has the intended effect and no other (the oracle). The candidate
 * is a location in the same {@link ConfigFiles} as the file being fixed.
 */
public interface Verifier {
    /** The verdict on a candidate file; {@code ran} is false when the check could not run at all. */
    record Verdict(boolean ran, boolean ok, String message) {
        static Verdict passed(String message) {
            return new Verdict(true, true, message);
        }

        static Verdict failed(String message) {
            return new Verdict(true, false, message);
        }

        static Verdict couldNotRun(String message) {
            return new Verdict(false, true, message);
        }
    }

    Verdict verify(String candidate) throws InterruptedException;

    Verifier NONE = candidate -> Verdict.couldNotRun("no check for this file");
}
