// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ClockReading;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.WslFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The distro's clock against Windows', from Windows: one {@code date +%s.%N} in the distro
 * bracketed by two readings of Windows' clock (shared/research/windows-side.md §2.E). However long
 * wsl.exe takes, the distro's time was read inside the bracket, so the bracket's width is the
 * error bound, never skew. When the clocks are apart, what the distro can say about why without
 * root: whether /dev/ptp0 (the Hyper-V clock WSL's chronyd syncs from) exists, and what the kernel
 * log says about it where a plain user may read it. Inside WSL, Windows' clock is not at hand: the
 * check says it needs the app on Windows.
 */
public final class ClockProbe implements Probe {
    static final List<String> DATE = List.of("date", "+%s.%N");
    /**
     * Looks for the Hyper-V clock and the kernel's words about it; dmesg refuses a plain user where
     * kernel.dmesg_restrict is 1 and then says nothing. A constant: nothing reaches it but its output.
     */
    static final String WHY = "if test -e /dev/ptp0; then echo ptp0 yes; else echo ptp0 no; fi; "
            + "dmesg 2>/dev/null | grep -i -m 3 -e ptp -e chrony";
    private static final Duration CALL = Duration.ofSeconds(10);

    private final LongSupplier windowsNanos;

    public ClockProbe() {
        this(ClockProbe::now);
    }

    /** @param windowsNanos Windows' clock in nanoseconds since 1970 (tests: a clock of their own) */
    ClockProbe(LongSupplier windowsNanos) {
        this.windowsNanos = windowsNanos;
    }

    private static long now() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Override
    public ProbeId id() {
        return ProbeId.CLOCK;
    }

    @Override
    public String title() {
        return "Compare the distro's clock with Windows'";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return CALL.multipliedBy(2).plus(context.linux().standpoint().commandWait());
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        WslFacts wsl = ctx.environment().wsl();
        if (wsl == null || wsl.kind() == WslFacts.Kind.NOT_WSL) {
            return ProbeReport.skipped("this is not WSL, so there is no Windows clock beside it");
        }
        return switch (ctx.linux().standpoint()) {
            case THIS_LINUX -> ProbeReport.completed("the distro's clock against Windows' needs WSL Net Doctor run on Windows",
                    Map.of(ProbeId.FROM, ProbeId.FROM_THIS_LINUX), new ProbeData.Clock(false, null, null, null, null),
                    List.of(Evidence.of("Windows' clock is read by WSL Net Doctor on Windows, not inside WSL")));
            case WINDOWS -> fromWindows(ctx);
        };
    }

    private ProbeReport fromWindows(ProbeContext ctx) throws InterruptedException {
        Map<String, String> parameters = Map.of(ProbeId.FROM, ProbeId.FROM_WINDOWS);
        long before = windowsNanos.getAsLong();
        CommandRun r = ctx.linux().run(DATE, CALL);
        long after = windowsNanos.getAsLong();
        var reading = r.succeeded() ? ClockReading.of(before, r.stdout(), after) : java.util.Optional.<ClockReading>empty();
        if (reading.isEmpty()) {
            String why = r.timedOut() ? "date gave no answer in time" : r.succeeded() ? "date printed no time: " + r.stdout().strip()
                    : "date failed: " + r.stderr().strip();
            return ProbeReport.completed("the distro's clock could not be read: " + why, parameters,
                    new ProbeData.Clock(true, null, null, null, why), List.of(Evidence.of("The distro's clock: unknown (" + why + ")")));
        }
        ClockReading c = reading.get();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of(String.format(Locale.ROOT, "The distro's clock against Windows': %+.1f s (+/- %.2f s: the distro answered in %d ms)",
                c.skewSeconds(), c.errorBoundSeconds(), (c.windowsAfterNanos() - c.windowsBeforeNanos()) / 1_000_000)));
        Boolean ptp = null;
        String kernel = null;
        if (c.beyondThreshold()) {
            // Only when it matters: one more command, and what the distro says about its time source.
            CommandRun why = ctx.linux().run(List.of("sh", "-c", WHY), CALL);
            for (String line : why.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                if (line.equals("ptp0 yes") || line.equals("ptp0 no")) {
                    ptp = line.endsWith("yes");
                } else if (kernel == null) {
                    kernel = line.length() > 200 ? line.substring(0, 200) : line;
                }
            }
            if (ptp != null) {
                evidence.add(Evidence.of("/dev/ptp0 (the Hyper-V clock WSL syncs the distro from): " + (ptp ? "present" : "missing")));
            }
            if (kernel != null) {
                evidence.add(Evidence.of("The kernel log says: " + kernel));
            }
        }
        String summary = String.format(Locale.ROOT, "the distro's clock is %+.1f s from Windows' (+/- %.2f s)", c.skewSeconds(), c.errorBoundSeconds());
        return ProbeReport.completed(summary, parameters, new ProbeData.Clock(true, c, ptp, kernel, null), evidence);
    }
}
