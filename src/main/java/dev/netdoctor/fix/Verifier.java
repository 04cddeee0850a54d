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

    /**
     * A candidate file read back from where it was written, for an oracle to judge: its bytes, or
     * the failed verdict that says why it cannot be judged (unreadable, or not there).
     */
    record ReadBack(byte[] bytes, Verdict failure) {
        static ReadBack of(ConfigFiles files, String candidate) throws InterruptedException {
            java.util.Optional<byte[]> bytes;
            try {
                bytes = files.read(candidate, SafeApply.MAX_BYTES);
            } catch (java.io.IOException e) {
                return new ReadBack(null, Verdict.failed("the new file cannot be read back: " + e.getMessage()));
            }
            return bytes.map(b -> new ReadBack(b, null)).orElseGet(() -> new ReadBack(null, Verdict.failed("the new file is not there")));
        }
    }

    Verifier NONE = candidate -> Verdict.couldNotRun("no check for this file");
}
