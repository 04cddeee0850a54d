// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.fix;

import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One fix on the Fix step: what it is, what happened to it, and whether it can be undone. */
public final class FixAction {
    /** What the button does. */
    public enum Kind { SSH_CONFIG, WSLCONFIG, WSL_CONF, ADVICE }

    private final FixSuggestion suggestion;
    private final Kind kind;
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<String> undo = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty onlyThisHost = new SimpleBooleanProperty();

    FixAction(FixSuggestion suggestion) {
        this.suggestion = suggestion;
        this.kind = switch (suggestion.plan()) {
            case FixPlan.SshIpqosNone ssh -> Kind.SSH_CONFIG;
            case FixPlan.WslNetworkingMode wsl -> Kind.WSLCONFIG;
            case FixPlan.WslDnsTunneling tunneling -> Kind.WSLCONFIG;
            case FixPlan.LetWslWriteResolvConf wslConf -> Kind.WSL_CONF;
            case FixPlan.RewriteConfigLines lines -> lines.file().equals(dev.netdoctor.model.ConfigFileCheck.WSL_CONF)
                    ? Kind.WSL_CONF : Kind.WSLCONFIG;
            case FixPlan.ByHand steps -> Kind.ADVICE;
        };
    }

    public FixSuggestion suggestion() {
        return suggestion;
    }

    public Kind kind() {
        return kind;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The backup (or undo record) to undo with; null when there is nothing to undo. */
    public ObjectProperty<String> undoProperty() {
        return undo;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /**
     * For the ssh fix, written for the target's whole network (198.18.1.*) unless the user asks
     * for the one machine only.
     */
    public BooleanProperty onlyThisHostProperty() {
        return onlyThisHost;
    }

    /** Whether the user can choose between the network and the one machine. */
    public boolean offersOnlyThisHost() {
        return suggestion.plan() instanceof FixPlan.SshIpqosNone ssh && !ssh.hostPattern().equals(ssh.target());
    }
}
