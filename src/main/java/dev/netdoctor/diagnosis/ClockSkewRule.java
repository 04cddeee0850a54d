// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ClockReading;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.Words;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code clock-skew}: the distro's clock is off from Windows' by more than
 * {@link ClockReading#THRESHOLD} even at the least skew the reading allows (microsoft/WSL#10006,
 * #4114: TLS "certificate is not yet valid", apt "Release file … is not valid yet"). Says how far
 * and which way, and why it drifted where the distro tells: without /dev/ptp0 WSL's chronyd has
 * nothing to sync from.
 */
final class ClockSkewRule implements Rule {
    @Override
    public Optional<Finding> apply(Observations obs) {
        return obs.data(ProbeId.CLOCK, ProbeData.Clock.class).filter(c -> c.reading() != null && c.reading().beyondThreshold())
                .map(c -> finding(obs, c));
    }

    private static Finding finding(Observations obs, ProbeData.Clock c) {
        ClockReading r = c.reading();
        String far = amount(Math.abs(r.skewNanos()));
        boolean ahead = r.skewNanos() > 0;
        StringBuilder explanation = new StringBuilder(Words.get(ahead ? "finding.CLOCK_SKEW.explanation.ahead" : "finding.CLOCK_SKEW.explanation.behind", far));
        if (Boolean.FALSE.equals(c.ptpDevice())) {
            explanation.append(' ').append(Words.get("finding.CLOCK_SKEW.noPtp"));
        } else if (c.kernelSays() != null && c.kernelSays().contains("CONFIG_PTP_1588_CLOCK")) {
            explanation.append(' ').append(Words.get("finding.CLOCK_SKEW.kernelSays", c.kernelSays()));
        } else {
            explanation.append(' ').append(Words.get("finding.CLOCK_SKEW.usually"));
        }
        return new Finding(FindingId.CLOCK_SKEW, Severity.PROBLEM, Confidence.HIGH,
                Words.get(ahead ? "finding.CLOCK_SKEW.title" : "finding.CLOCK_SKEW.title.behind", far), explanation.toString(),
                ReachabilityRules.evidenceOf(obs, ProbeId.CLOCK),
                java.util.List.of(new FixSuggestion(FixId.RESYNC_CLOCK, Words.get("finding.CLOCK_SKEW.fix.RESYNC_CLOCK.title"),
                        Words.get("finding.CLOCK_SKEW.fix.RESYNC_CLOCK.detail"))));
    }

    /** "95 seconds", "12 minutes", "3 hours", "2 days": as far as a person reads it. */
    static String amount(long nanos) {
        long seconds = Math.round(nanos / 1e9);
        if (seconds < 120) {
            return Words.get("finding.CLOCK_SKEW.seconds", seconds);
        }
        if (seconds < 2 * 3600) {
            return Words.get("finding.CLOCK_SKEW.minutes", Math.round(seconds / 60.0));
        }
        if (seconds < 2 * 86400) {
            return Words.get("finding.CLOCK_SKEW.hours", Math.round(seconds / 3600.0));
        }
        return Words.get("finding.CLOCK_SKEW.days", String.format(Locale.ROOT, "%d", Math.round(seconds / 86400.0)));
    }
}
