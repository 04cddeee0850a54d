// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import dev.netdoctor.model.ProbeId;

import java.time.Duration;

/**
 * Where the app stands towards the Linux it diagnoses, decided once by the {@link LinuxSide}: on
 * it, or on Windows with the distro behind wsl.exe. Probes read the facts that differ from here
 * (whose connections the app's own are, how long a command takes to reach that Linux) and,
 * where a check is done differently, switch over it without a default, so a new standpoint (a
 * Windows host inspector) does not compile until every probe says what it does there.
 */
public enum Standpoint {
    /** The app runs on the Linux it diagnoses: a socket it opens is that Linux's. */
    THIS_LINUX(ProbeId.FROM_THIS_LINUX, Duration.ZERO),
    /**
     * The app runs on Windows and reaches a WSL distro through wsl.exe: its own sockets are
     * Windows' (the baseline that works), and every command in the distro waits for wsl.exe,
     * which is never the network's time.
     */
    WINDOWS(ProbeId.FROM_WINDOWS, Duration.ofSeconds(10));

    private final String appSide;
    private final Duration commandWait;

    Standpoint(String appSide, Duration commandWait) {
        this.appSide = appSide;
        this.commandWait = commandWait;
    }

    /** Where connections the app itself makes come from, in the words of the probes' {@code from} parameter. */
    public String appSide() {
        return appSide;
    }

    /** What a probe that runs commands in the diagnosed Linux adds to its time limit for reaching it. */
    public Duration commandWait() {
        return commandWait;
    }
}
