// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distro's clock read once between two readings of Windows' clock: the distro's time was
 * taken at some moment between {@code windowsBeforeNanos} and {@code windowsAfterNanos}, so its
 * skew is the distro's time minus the middle of that interval, give or take half the interval
 * (plus half the distro's reading's own resolution). A slow wsl.exe (a distro that must boot
 * first) widens the interval, and with it the error bound, instead of looking like skew.
 * All times are nanoseconds since 1970 UTC.
 *
 * @param linuxResolutionNanos how finely the distro's time was given: 1 ns from {@code date +%s.%N}, 1 s when it gave whole seconds
 */
public record ClockReading(long windowsBeforeNanos, long linuxNanos, long linuxResolutionNanos, long windowsAfterNanos) {
    /** Less skew than this breaks nothing people notice (TLS, apt and Kerberos allow more) and is left alone. */
    public static final Duration THRESHOLD = Duration.ofSeconds(2);

    /** {@code date +%s.%N}: seconds, a dot, up to nine digits; or whole seconds where %N is not known. */
    private static final Pattern DATE = Pattern.compile("^(-?\\d{1,12})(?:\\.(\\d{1,9}))?(?:\\.\\D.*)?$");

    public ClockReading {
        if (windowsAfterNanos < windowsBeforeNanos) {
            throw new IllegalArgumentException("Windows' second reading is before its first");
        }
    }

    /**
     * The reading from {@code date +%s.%N}'s output between the two Windows times; empty when the
     * output is not a time. A date without %N support (it prints the letters or nothing after the
     * dot) gives whole seconds, read as the middle of that second with half a second of doubt.
     */
    public static Optional<ClockReading> of(long windowsBeforeNanos, String dateOutput, long windowsAfterNanos) {
        Matcher m = DATE.matcher(dateOutput == null ? "" : dateOutput.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long seconds = Long.parseLong(m.group(1));
        if (m.group(2) != null) {
            long nanos = Long.parseLong((m.group(2) + "00000000").substring(0, 9));
            return Optional.of(new ClockReading(windowsBeforeNanos, seconds * 1_000_000_000L + nanos, 1, windowsAfterNanos));
        }
        return Optional.of(new ClockReading(windowsBeforeNanos, seconds * 1_000_000_000L + 500_000_000L, 1_000_000_000L,
                windowsAfterNanos));
    }

    /** The distro's clock minus Windows': positive when the distro is ahead. */
    public long skewNanos() {
        long middle = windowsBeforeNanos + (windowsAfterNanos - windowsBeforeNanos) / 2;
        return linuxNanos - middle;
    }

    /** How far the true skew may be from {@link #skewNanos()}: half the bracket, plus half the distro's resolution. */
    public long errorBoundNanos() {
        return (windowsAfterNanos - windowsBeforeNanos + 1) / 2 + linuxResolutionNanos / 2;
    }

    /**
     * Whether the clocks are apart by more than {@link #THRESHOLD} even at the least skew the
     * reading allows (|skew| minus the error bound). Stricter than "|skew| above the larger of the
     * threshold and the bound": a cold distro whose {@code date} ran at the end of a 6 s wsl.exe
     * start gives a middle 3 s off and a bound of 3 s, and would otherwise pass for skew.
     */
    public boolean beyondThreshold() {
        return Math.abs(skewNanos()) - errorBoundNanos() > THRESHOLD.toNanos();
    }

    /** The skew in seconds with one decimal, for people. */
    public double skewSeconds() {
        return Math.round(skewNanos() / 100_000_000.0) / 10.0;
    }

    /** The error bound in seconds with two decimals, for people. */
    public double errorBoundSeconds() {
        return Math.ceil(errorBoundNanos() / 10_000_000.0) / 100.0;
    }
}
