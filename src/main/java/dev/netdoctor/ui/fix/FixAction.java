// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.fix;

import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.ui.Texts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One fix on the Fix step: what it is, what happened to it, and whether it can be undone. */
public final class FixAction {
    private final FixSuggestion suggestion;
    private final FixWiring.Writes kind;
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<String> undo = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty onlyThisHost = new SimpleBooleanProperty();

    FixAction(FixSuggestion suggestion) {
        this.suggestion = suggestion;
        this.kind = FixWiring.writes(suggestion.plan());
    }

    public FixSuggestion suggestion() {
        return suggestion;
    }

    /** Which file the fix writes; {@link FixWiring.Writes#NOTHING} for advice, whose button copies the steps. */
    public FixWiring.Writes kind() {
        return kind;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /**
     * The backup (or undo record) to undo with, or for the firewall fix the name of the rule it
     * added; null when there is nothing to undo.
     */
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

    /**
     * The fix as the user chose it: the ssh fix for the one machine, when asked, with its title
     * and words saying so. What is written, recorded, notified and reported all use this one.
     */
    public FixSuggestion chosen() {
        if (suggestion.plan() instanceof FixPlan.SshIpqosNone ssh && onlyThisHost.get() && offersOnlyThisHost()) {
            String host = ssh.target();
            return new FixSuggestion(suggestion.id(), Texts.get("fix.SSH_CONFIG_IPQOS_NONE.title", host),
                    Texts.get("fix.SSH_CONFIG_IPQOS_NONE.detail", host) + " " + Texts.get("fix.SSH_CONFIG_IPQOS_NONE.thisHost"),
                    new FixPlan.SshIpqosNone(host, host));
        }
        return suggestion;
    }

    /** The title of {@link #chosen()}, following the user's choice. */
    public javafx.beans.binding.StringExpression titleProperty() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> chosen().title(), onlyThisHost);
    }

    /**
     * What {@link #chosen()} does, in words, following the user's choice. The firewall fix's words
     * end before its command: its card shows the command and its undo in boxes of their own, and
     * the same long command three times over hides the button that adds the rule.
     */
    public javafx.beans.binding.StringExpression detailProperty() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> withoutCommand(chosen()), onlyThisHost);
    }

    /**
     * The fix's words up to the sentence (or clause, after a semicolon) that spells out the
     * firewall rule's command; every other fix's words whole, and the firewall fix's too when the
     * command is not in them.
     */
    static String withoutCommand(FixSuggestion fix) {
        String detail = fix.detail();
        if (!(fix.plan() instanceof FixPlan.WindowsFirewallRule rule)) {
            return detail;
        }
        int command = detail.indexOf(rule.addCommand());
        int cut = command < 0 ? -1 : Math.max(detail.lastIndexOf(". ", command), detail.lastIndexOf("; ", command));
        return cut <= 0 ? detail : detail.substring(0, cut) + ".";
    }

    /** Whether the user can choose between the network and the one machine. */
    public boolean offersOnlyThisHost() {
        return suggestion.plan() instanceof FixPlan.SshIpqosNone ssh && !ssh.pattern().equals(ssh.target());
    }
}
