// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.HostInspector;
import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.TcpConnection;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a probe may use: the question, the facts gathered so far, the Linux side, and ways to
 * report progress and live observations while it runs.
 */
public interface ProbeContext {
    /** The whole question (service ports, vantage host, limits). */
    DiagnosisRequest request();

    /** Null when the user gave no target. */
    Target target();

    /** The address probes connect to (resolved from the target); null when it did not resolve. */
    String address();

    Environment environment();

    /** Outcomes of probes that finished in an earlier stage of this run. */
    List<ProbeOutcome> earlierOutcomes();

    LinuxSide linux();

    HostInspector inspector();

    /** Time limit of one connect or handshake attempt. */
    Duration attemptTimeout();

    void progress(double fraction, String message);

    void routeLine(RouteLookup lookup);

    void sockets(List<TcpConnection> snapshot);

    /** The socket watch's latest snapshot of this run; empty before its first one, or without a watch. */
    default List<TcpConnection> latestSockets() {
        return List.of();
    }

    /** True once every other probe of the same stage has finished (lets watchers stop early). */
    boolean othersFinished();

    /**
     * What another check of the same stage reported, if it has finished by now (it runs at the
     * same time as this one); empty while it runs, when it failed, or when it is not in the stage.
     * Never waits: a check that wants it looks again while its own work runs.
     */
    default Optional<ProbeReport> siblingReport(ProbeId id) {
        return Optional.empty();
    }

    /**
     * Registers what stops a blocking call that ignores interruption (e.g. closing a JSch
     * session); run when the user cancels. Interruption alone stops everything else.
     */
    void onCancel(Runnable stop);

    /** The most of a settings file that is read: WSL's own files are a few hundred bytes. */
    int SETTINGS_FILE_MAX_BYTES = 1024 * 1024;

    /**
     * A settings file that stays put while the checks run (the distro's /etc/wsl.conf), read at most
     * once per run however many probes look at it: from Windows every read is a wsl.exe call of
     * 0.1-0.3 s. Files that change while a probe watches them (/proc/net/tcp) go through
     * {@code linux().readFile}. Its exact bytes (its encoding is part of what is checked); empty
     * when the file is missing or cannot be read.
     */
    default Optional<byte[]> readSettingsFile(String path) {
        return linux().readBytes(path, SETTINGS_FILE_MAX_BYTES);
    }

    /** The distro's wsl.conf this run reads: the one the request names, or /etc/wsl.conf. */
    default String wslConfPath() {
        String given = request().configPaths().wslConf();
        return given != null ? given : ConfigFileCheck.WSL_CONF;
    }

    /** Parameter name and values saying where a probe's own connections came from (see {@link ProbeId}). */
    String FROM = ProbeId.FROM;
    String FROM_WINDOWS = ProbeId.FROM_WINDOWS;
    String FROM_THIS_LINUX = ProbeId.FROM_THIS_LINUX;
    String FROM_DISTRO = ProbeId.FROM_DISTRO;

    /** Where connections made by the app itself come from: Windows when the Linux side is a WSL distro. */
    default String appSide() {
        return linux().standpoint().appSide();
    }
}
