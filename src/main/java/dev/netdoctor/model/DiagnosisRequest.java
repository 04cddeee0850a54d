// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.time.Duration;
import java.util.List;

/**
 * What the user asked us to look at. {@code target} may be null (environment and local checks
 * only); {@code vantage} may be null (no outside check). {@code attemptTimeout} bounds each single connect or handshake attempt;
 * {@code deadline} bounds the whole run. {@code wayOut}: without a target, whether this computer's
 * way out is checked too (its DNS servers asked for {@link #WAY_OUT_NAME}, its default gateway
 * pinged): what "I am not sure what is wrong" most often is. With a target the target's own
 * checks cover it. {@code windowsPorts}: ports of programs on Windows that WSL should reach
 * (a database, an X server), checked from both sides when the app runs on Windows.
 * {@code sshTarget}: whether the target is an SSH server, so waiting for its greeting means
 * something; a web server (TLS, HTTP) waits for the client to speak first and would look mute.
 * {@code otherDevices}: the question is whether other devices reach the service ports (Windows'
 * port proxies and firewall for them are checked); an outside vantage implies it.
 */
public record DiagnosisRequest(Target target, List<Integer> servicePorts, VantageRequest vantage,
                               Duration attemptTimeout, Duration deadline, ConfigPaths configPaths, boolean wayOut,
                               List<Integer> windowsPorts, boolean otherDevices, boolean sshTarget) {
    /**
     * The name looked up when there is no target's name: the one Windows itself asks for each time
     * a network connects (its connectivity check), so asking it tells nobody anything new.
     */
    public static final String WAY_OUT_NAME = "www.msftconnecttest.com";

    /**
     * Settings files to check instead of the real ones: {@code wslconfig} a path on this computer,
     * {@code wslConf} a full path inside the distro; null means the real file.
     */
    public record ConfigPaths(String wslconfig, String wslConf) {
        public static final ConfigPaths REAL = new ConfigPaths(null, null);

        public ConfigPaths {
            if (wslConf != null && !wslConf.startsWith("/")) {
                throw new InvalidInputException("The wsl.conf to check must be a full path inside Linux, such as /etc/wsl.conf.");
            }
        }
    }

    /** A question about an SSH server, as every target was before {@code sshTarget} existed. */
    public DiagnosisRequest(Target target, List<Integer> servicePorts, VantageRequest vantage, Duration attemptTimeout, Duration deadline,
                            ConfigPaths configPaths, boolean wayOut, List<Integer> windowsPorts, boolean otherDevices) {
        this(target, servicePorts, vantage, attemptTimeout, deadline, configPaths, wayOut, windowsPorts, otherDevices, true);
    }

    public DiagnosisRequest(Target target, List<Integer> servicePorts, VantageRequest vantage, Duration attemptTimeout, Duration deadline,
                            ConfigPaths configPaths, boolean wayOut) {
        this(target, servicePorts, vantage, attemptTimeout, deadline, configPaths, wayOut, List.of(), false);
    }

    public DiagnosisRequest(Target target, List<Integer> servicePorts, VantageRequest vantage, Duration attemptTimeout, Duration deadline) {
        this(target, servicePorts, vantage, attemptTimeout, deadline, ConfigPaths.REAL);
    }

    public DiagnosisRequest(Target target, List<Integer> servicePorts, VantageRequest vantage, Duration attemptTimeout, Duration deadline,
                            ConfigPaths configPaths) {
        this(target, servicePorts, vantage, attemptTimeout, deadline, configPaths, false);
    }

    /** The same question, with these settings files checked. */
    public DiagnosisRequest withConfigPaths(ConfigPaths paths) {
        return new DiagnosisRequest(target, servicePorts, vantage, attemptTimeout, deadline, paths, wayOut, windowsPorts, otherDevices, sshTarget);
    }

    /** The same question, with this computer's way out checked too when there is no target. */
    public DiagnosisRequest withWayOut() {
        return new DiagnosisRequest(target, servicePorts, vantage, attemptTimeout, deadline, configPaths, true, windowsPorts, otherDevices, sshTarget);
    }

    /** The same question, about these ports of programs on Windows too. */
    public DiagnosisRequest withWindowsPorts(List<Integer> ports) {
        return new DiagnosisRequest(target, servicePorts, vantage, attemptTimeout, deadline, configPaths, wayOut, ports, otherDevices, sshTarget);
    }

    /** The same question, about other devices reaching the service ports. */
    public DiagnosisRequest withOtherDevices() {
        if (servicePorts.isEmpty()) {
            throw new InvalidInputException("Whether other devices reach your app needs its port: add --service-port N.");
        }
        return new DiagnosisRequest(target, servicePorts, vantage, attemptTimeout, deadline, configPaths, wayOut, windowsPorts, true, sshTarget);
    }

    /**
     * The same question, saying whether the target is an SSH server: when it is not, the SSH
     * checks (our handshake, the user's ssh) are not run, since a server that waits for the
     * client to speak first would look like an SSH server that never greets.
     */
    public DiagnosisRequest withSshTarget(boolean ssh) {
        return new DiagnosisRequest(target, servicePorts, vantage, attemptTimeout, deadline, configPaths, wayOut, windowsPorts, otherDevices, ssh);
    }

    /** Whether the SSH checks run: there is a target, and it is an SSH server. */
    public boolean checksSsh() {
        return target != null && sshTarget;
    }

    /** Whether this run asks if other devices reach the service ports (asked, or an outside machine checks it). */
    public boolean asksAboutOtherDevices() {
        return otherDevices || vantage != null;
    }

    /** Whether this run checks the way out of this computer rather than a target (see {@code wayOut}). */
    public boolean checksWayOut() {
        return target == null && wayOut && windowsPorts.isEmpty();
    }

    /** The name this run looks up: the target's, or without one when the way out is checked, {@link #WAY_OUT_NAME}. */
    public String nameToLookUp() {
        return target != null ? target.host() : checksWayOut() ? WAY_OUT_NAME : null;
    }

    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofMillis(2000);
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(20);
    public static final Duration MIN_DEADLINE = Duration.ofSeconds(3);
    public static final Duration MAX_DEADLINE = Duration.ofMinutes(10);

    public DiagnosisRequest {
        servicePorts = servicePorts == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(servicePorts));
        for (int port : servicePorts) {
            if (port < 1 || port > 65535) {
                throw new InvalidInputException("The service port " + port + " is out of range: give a number from 1 to 65535.");
            }
        }
        windowsPorts = windowsPorts == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(windowsPorts));
        for (int port : windowsPorts) {
            if (port < 1 || port > 65535) {
                throw new InvalidInputException("The Windows port " + port + " is out of range: give a number from 1 to 65535.");
            }
        }
        if (vantage != null && servicePorts.isEmpty()) {
            throw new InvalidInputException("The outside check needs a service port to test: add --service-port N.");
        }
        configPaths = configPaths == null ? ConfigPaths.REAL : configPaths;
        attemptTimeout = attemptTimeout == null ? DEFAULT_ATTEMPT_TIMEOUT : attemptTimeout;
        deadline = deadline == null ? DEFAULT_DEADLINE : deadline;
        if (deadline.compareTo(MIN_DEADLINE) < 0 || deadline.compareTo(MAX_DEADLINE) > 0) {
            throw new InvalidInputException("The time limit must be between " + MIN_DEADLINE.toSeconds()
                    + " and " + MAX_DEADLINE.toSeconds() + " seconds.");
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero() || attemptTimeout.compareTo(deadline) > 0) {
            throw new InvalidInputException("Each attempt's time limit must be positive and within the run's time limit.");
        }
    }

    public static DiagnosisRequest forTarget(Target target) {
        return new DiagnosisRequest(target, List.of(), null, null, null);
    }
}
