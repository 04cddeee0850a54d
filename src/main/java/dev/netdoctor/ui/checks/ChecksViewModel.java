// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.checks;

import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.TcpConnection;
import dev.netdoctor.session.SessionEvent;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.List;

/**
 * The Running checks step: one row per check with progress and elapsed time, the live socket
 * table (SYN-SENT first), and route answers as they arrive. Fed on the FX thread only.
 */
public final class ChecksViewModel {
    /** Rows shown in the socket table at most: the SYN-SENT ones always make it. */
    static final int MAX_SOCKET_ROWS = 60;

    private final ObservableList<ProbeRow> probes = FXCollections.observableArrayList();
    private final ObservableList<SocketRow> sockets = FXCollections.observableArrayList();
    private final ObservableList<String> routes = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private long lastElapsed;

    public ObservableList<ProbeRow> probes() {
        return probes;
    }

    public ObservableList<SocketRow> sockets() {
        return sockets;
    }

    public ObservableList<String> routes() {
        return routes;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** What the empty connections table says: "yet" only while the checks run; once they ended, that none was seen. */
    public javafx.beans.binding.StringBinding noConnectionsText() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> dev.netdoctor.ui.Texts.get(running.get()
                ? "checks.sockets.empty" : "checks.sockets.noneSeen"), running);
    }

    /** The same for the routes list. */
    public javafx.beans.binding.StringBinding noRoutesText() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> dev.netdoctor.ui.Texts.get(running.get()
                ? "checks.routes.empty" : "checks.routes.noneSeen"), running);
    }

    public void started() {
        probes.clear();
        sockets.clear();
        routes.clear();
        lastElapsed = 0;
        running.set(true);
    }

    public void finished() {
        running.set(false);
        probes.stream().filter(r -> r.stateProperty().get() == ProbeRow.State.RUNNING)
                .forEach(r -> r.stateProperty().set(ProbeRow.State.STOPPED));
    }

    public void accept(SessionEvent event) {
        lastElapsed = Math.max(lastElapsed, event.elapsedMillis());
        switch (event) {
            case SessionEvent.ProbeStarted s -> probes.add(new ProbeRow(s.probeId(), s.title(), s.elapsedMillis()));
            case SessionEvent.ProbeProgress p -> row(p.probeId()).ifPresent(r -> {
                r.progressProperty().set(p.fraction());
                r.messageProperty().set(p.message());
            });
            case SessionEvent.ProbeFinished f -> {
                // A check the run never got to (deadline, stop) ends without having started: show it all the same.
                ProbeRow r = row(f.outcome().probeId()).orElseGet(() -> {
                    ProbeRow added = new ProbeRow(f.outcome().probeId(), f.outcome().title(), f.outcome().startedAfterMillis());
                    probes.add(added);
                    return added;
                });
                finish(r, f.outcome());
            }
            case SessionEvent.SocketSnapshot s -> showSockets(s.connections());
            case SessionEvent.RouteLine r -> {
                String line = r.lookup().describe();
                if (!routes.contains(line)) {
                    routes.add(line);
                }
            }
            default -> {
                // environment and findings are shown by other steps
            }
        }
    }

    /** Advances the elapsed time of checks still running (called a few times a second). */
    public void tick(long elapsedMillis) {
        lastElapsed = Math.max(lastElapsed, elapsedMillis);
        probes.stream().filter(r -> r.stateProperty().get() == ProbeRow.State.RUNNING)
                .forEach(r -> r.elapsedMillisProperty().set(lastElapsed - r.startedAt()));
    }

    private java.util.Optional<ProbeRow> row(dev.netdoctor.model.ProbeId id) {
        return probes.stream().filter(r -> r.id() == id).findFirst();
    }

    private static void finish(ProbeRow r, ProbeOutcome o) {
        r.elapsedMillisProperty().set(o.durationMillis());
        r.progressProperty().set(1);
        r.messageProperty().set(o.summary() == null ? "" : o.summary());
        r.stateProperty().set(ProbeRow.State.of(o.status()));
    }

    private void showSockets(List<TcpConnection> table) {
        List<SocketRow> rows = table.stream()
                .filter(c -> !TcpConnection.LISTEN.equals(c.state()))
                .sorted(Comparator.comparing((TcpConnection c) -> !c.synSent()).thenComparing(c -> -c.ageMillis()))
                .limit(MAX_SOCKET_ROWS)
                .map(SocketRow::of)
                .toList();
        sockets.setAll(rows);
    }
}
