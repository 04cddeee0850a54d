// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.session;

import dev.netdoctor.model.Environment;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.TcpConnection;

import java.util.List;

/**
 * What a running diagnosis tells its listener, as it happens. {@code elapsedMillis} counts from
 * the start of the run. Delivered on the session's threads: a UI must hop to its own thread.
 */
public sealed interface SessionEvent {
    long elapsedMillis();

    record ProbeStarted(ProbeId probeId, String title, long elapsedMillis) implements SessionEvent {
    }

    record ProbeProgress(ProbeId probeId, double fraction, String message, long elapsedMillis) implements SessionEvent {
    }

    record ProbeFinished(ProbeOutcome outcome, long elapsedMillis) implements SessionEvent {
    }

    record EnvironmentReady(Environment environment, long elapsedMillis) implements SessionEvent {
    }

    record SocketSnapshot(List<TcpConnection> connections, long elapsedMillis) implements SessionEvent {
        public SocketSnapshot {
            connections = List.copyOf(connections);
        }
    }

    record RouteLine(RouteLookup lookup, long elapsedMillis) implements SessionEvent {
    }

    record FindingRaised(Finding finding, long elapsedMillis) implements SessionEvent {
    }
}
