// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.checks;

import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.ui.Texts;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One check on the Running checks step: its progress, what it is doing, how long it took. */
public final class ProbeRow {
    /** Where a check is. */
    public enum State {
        RUNNING(null), DONE(ProbeStatus.COMPLETED), SKIPPED(ProbeStatus.SKIPPED), FAILED(ProbeStatus.FAILED),
        /** Ran out of time: the network, or this computer, kept it from finishing. */
        COULD_NOT_FINISH(ProbeStatus.TIMED_OUT),
        /** The user stopped it. */
        STOPPED(ProbeStatus.CANCELLED);

        private final ProbeStatus ended;

        State(ProbeStatus ended) {
            this.ended = ended;
        }

        /** How it reads: a finished check in the same words as in the report and the CLI. */
        public String words() {
            return ended == null ? Texts.get("checks.running") : ended.words();
        }

        /** How a finished check reads, in the words of the Running checks step. */
        public static State of(ProbeStatus status) {
            return switch (status) {
                case COMPLETED -> DONE;
                case SKIPPED -> SKIPPED;
                case FAILED -> FAILED;
                case TIMED_OUT -> COULD_NOT_FINISH;
                case CANCELLED -> STOPPED;
            };
        }
    }

    private final dev.netdoctor.model.ProbeId id;

    private final String title;
    private final long startedAt;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final LongProperty elapsedMillis = new SimpleLongProperty();

    ProbeRow(dev.netdoctor.model.ProbeId id, String title, long startedAt) {
        this.id = id;
        this.title = title;
        this.startedAt = startedAt;
    }

    public dev.netdoctor.model.ProbeId id() {
        return id;
    }

    public String title() {
        return title;
    }

    long startedAt() {
        return startedAt;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    /** 0..1, or -1 while unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public LongProperty elapsedMillisProperty() {
        return elapsedMillis;
    }
}
