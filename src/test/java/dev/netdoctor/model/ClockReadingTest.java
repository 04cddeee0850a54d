// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The skew arithmetic: which way, how sure, and when it counts. */
class ClockReadingTest {
    private static final long T0 = 1_765_000_000_000_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    /** Windows read at T0 and T0 + took; the distro's date ran at T0 + ranAt with its clock off by skew. */
    private static ClockReading reading(long took, long ranAt, long skew) {
        return new ClockReading(T0, T0 + ranAt + skew, 1, T0 + took);
    }

    @Test
    void theSkewIsTheDistrosTimeMinusTheMiddleOfTheBracketAndItsSignSaysWhichWay() {
        ClockReading ahead = reading(200 * MS, 100 * MS, 90 * S);
        assertThat(ahead.skewNanos()).isEqualTo(90 * S);
        assertThat(ahead.skewSeconds()).isEqualTo(90.0);
        ClockReading behind = reading(200 * MS, 100 * MS, -90 * S);
        assertThat(behind.skewNanos()).isEqualTo(-90 * S);
        // The distro's date ran early in the bracket: the estimate is off by what the bound allows.
        ClockReading early = reading(200 * MS, 10 * MS, 0);
        assertThat(early.skewNanos()).isEqualTo(-90 * MS);
        assertThat(Math.abs(early.skewNanos())).isLessThanOrEqualTo(early.errorBoundNanos());
    }

    @Test
    void theErrorBoundIsHalfTheBracketPlusHalfTheDistrosResolution() {
        assertThat(reading(200 * MS, 100 * MS, 0).errorBoundNanos()).isEqualTo(100 * MS);
        assertThat(reading(6 * S, 3 * S, 0).errorBoundNanos()).isEqualTo(3 * S);
        ClockReading wholeSeconds = ClockReading.of(T0, Long.toString(T0 / S), T0 + 200 * MS).orElseThrow();
        assertThat(wholeSeconds.errorBoundNanos()).isEqualTo(100 * MS + S / 2);
        assertThat(reading(6 * S, 3 * S, 0).errorBoundSeconds()).isEqualTo(3.0);
    }

    @Test
    void onlyMoreThanTwoSecondsBeyondTheBoundCounts() {
        assertThat(reading(20 * MS, 10 * MS, 90 * S).beyondThreshold()).isTrue();
        assertThat(reading(20 * MS, 10 * MS, -90 * S).beyondThreshold()).isTrue();
        assertThat(reading(20 * MS, 10 * MS, 2100 * MS).beyondThreshold()).isTrue();
        assertThat(reading(20 * MS, 10 * MS, 1900 * MS).beyondThreshold()).isFalse();
        assertThat(reading(20 * MS, 10 * MS, 500 * MS).beyondThreshold()).isFalse();
        assertThat(reading(20 * MS, 10 * MS, -500 * MS).beyondThreshold()).isFalse();
        // 2.5 s of skew measured through a 2 s bracket: the least skew it allows is 1.5 s.
        assertThat(reading(2 * S, S, 2500 * MS).beyondThreshold()).isFalse();
        assertThat(reading(2 * S, S, 3100 * MS).beyondThreshold()).isTrue();
    }

    /**
     * A cold distro: wsl.exe took 6 s and the date ran at its very end with the clock 0.5 s off.
     * The middle of the bracket is 3.4 s from the distro's time, above the larger of 2 s and the
     * 3 s bound; only the least skew the reading allows (0.4 s) tells it is no skew worth a word.
     */
    @Test
    void aColdDistrosSlowStartIsNotSkew() {
        ClockReading cold = reading(6 * S, 5900 * MS, 500 * MS);
        assertThat(cold.skewNanos()).isEqualTo(3400 * MS);
        assertThat(cold.errorBoundNanos()).isEqualTo(3 * S);
        assertThat(Math.abs(cold.skewNanos())).as("the looser max(2 s, bound) test would have flagged it")
                .isGreaterThan(Math.max(ClockReading.THRESHOLD.toNanos(), cold.errorBoundNanos()));
        assertThat(cold.beyondThreshold()).isFalse();
        assertThat(reading(6 * S, 5900 * MS, 90 * S).beyondThreshold()).as("real skew still shows through a slow start").isTrue();
    }

    @Test
    void datesOutputIsReadToTheNanosecondOrAsWholeSeconds() {
        ClockReading r = ClockReading.of(T0, "1765000090.25\n", T0 + 200 * MS).orElseThrow();
        assertThat(r.linuxNanos()).isEqualTo(1_765_000_090_250_000_000L);
        assertThat(r.linuxResolutionNanos()).isEqualTo(1);
        assertThat(ClockReading.of(T0, "1765000090.123456789", T0).orElseThrow().linuxNanos()).isEqualTo(1_765_000_090_123_456_789L);
        // a date without %N prints the letters (or "N"): whole seconds, read as the middle of the second
        ClockReading noNanos = ClockReading.of(T0, "1765000090.%N", T0).orElseThrow();
        assertThat(noNanos.linuxNanos()).isEqualTo(1_765_000_090_500_000_000L);
        assertThat(noNanos.linuxResolutionNanos()).isEqualTo(S);
        assertThat(ClockReading.of(T0, "", T0)).isEmpty();
        assertThat(ClockReading.of(T0, "Mon Dec  7 03:04:03 UTC 2026", T0)).isEmpty();
        assertThat(ClockReading.of(T0, null, T0)).isEmpty();
    }

    @Test
    void windowsSecondReadingCannotComeFirst() {
        assertThatThrownBy(() -> new ClockReading(T0, T0, 1, T0 - 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
