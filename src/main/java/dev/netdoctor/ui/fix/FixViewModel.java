// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.fix;

import dev.netdoctor.fix.ConfigFiles;
import dev.netdoctor.fix.ElevatedPowerShell;
import dev.netdoctor.fix.EditResult;
import dev.netdoctor.fix.FixException;
import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.fix.SafeApply;
import dev.netdoctor.fix.UndoCommand;
import dev.netdoctor.fix.WindowsFirewallFix;
import dev.netdoctor.fix.WslRestart;
import dev.netdoctor.host.WindowsHost;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.ui.DialogService;
import dev.netdoctor.ui.Errors;
import dev.netdoctor.ui.TaskExecutor;
import dev.netdoctor.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Fix step: one action per fix the findings suggest. Applying goes preview (the diff and
 * what it means) → the user's yes → the safe apply pipeline → backup shown → undo offered.
 * Advice is copied, exactly as shown. All file work runs in the background.
 */
public final class FixViewModel {
    private final ObservableList<FixAction> actions = FXCollections.observableArrayList();
    private final ObservableList<FixRecord> history = FXCollections.observableArrayList();
    private final BooleanProperty restartOffered = new SimpleBooleanProperty();
    private final StringProperty restartStatus = new SimpleStringProperty("");
    /**
     * The fixes whose change WSL reads only when it starts, applied or undone since WSL last
     * restarted: an apply then its undo before a restart cancel out.
     */
    private final javafx.collections.ObservableSet<FixAction> untilRestart = FXCollections.observableSet();
    private final javafx.beans.binding.BooleanBinding restartPending = Bindings.isNotEmpty(untilRestart);
    /** The applied fixes whose change WSL reads only at its start (their undo counts too). */
    private final java.util.Set<FixAction> readAtStart = new java.util.HashSet<>();
    private final FixPlaces places;
    private final DialogService dialogs;
    private final TaskExecutor tasks;

    public FixViewModel(FixPlaces places, DialogService dialogs, TaskExecutor tasks) {
        this.places = places;
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    public ObservableList<FixAction> actions() {
        return actions;
    }

    /** What was applied, undone or refused, for the report. */
    public ObservableList<FixRecord> history() {
        return history;
    }

    /** Recorded as the user chose it (the one machine, not the whole range, when asked), with the command that undoes it. */
    private void record(FixAction action, FixSuggestion chosen, String what, String file, String backup, String diff, String verification) {
        record(chosen, what, file, backup, diff, verification, null);
    }

    private void record(FixSuggestion chosen, String what, String file, String backup, String diff, String verification, String undo) {
        history.add(new FixRecord(chosen.id(), chosen.title(), what, file, backup, diff, verification,
                OffsetDateTime.now(places.clock()), undo));
    }

    /** What the last Apply or Undo did, in a title and a sentence. */
    public record Notice(String title, String text) {
        /**
         * "Fix applied" over "the fix's title: what happened": the title stays one short line, and
         * a long fix title (mirrored networking for a VPN) wraps with the sentence, never cut.
         */
        static Notice of(String what, FixSuggestion fix, String status) {
            return new Notice(Texts.get(what), Texts.get("fix.notify.text", fix.title(), status));
        }
    }

    private final javafx.beans.property.ObjectProperty<Notice> notice = new javafx.beans.property.SimpleObjectProperty<>();

    /** The last Apply or Undo, said on the page until the user closes it or the next one replaces it; null: none. */
    public javafx.beans.property.ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    public void dismissNotice() {
        notice.set(null);
    }

    public javafx.beans.property.ReadOnlyBooleanProperty restartOfferedProperty() {
        return restartOffered;
    }

    public javafx.beans.property.ReadOnlyStringProperty restartStatusProperty() {
        return restartStatus;
    }

    /**
     * Whether a WSL setting a fix changed is not in effect yet: WSL reads .wslconfig and wsl.conf
     * only when it starts, so until a restart the checks see WSL as it was.
     */
    public javafx.beans.binding.BooleanExpression restartPendingProperty() {
        return restartPending;
    }

    /** A fix WSL reads only at its start was applied or undone: one more change waiting, or one taken back before it counted. */
    private void changedUntilRestart(FixAction action) {
        if (!untilRestart.remove(action)) {
            untilRestart.add(action);
        }
    }

    /**
     * The fixes of a new run. A fix applied in this session stays, with its Undo and status, even
     * when the new run no longer suggests it (after the ssh fix it is not offered again): the
     * user must always be able to take back what we wrote.
     */
    public void show(List<Finding> findings) {
        Map<String, FixAction> unique = new LinkedHashMap<>();
        for (FixAction kept : actions) {
            if (kept.undoProperty().get() != null) {
                unique.put(key(kept.suggestion()), kept);
            }
        }
        for (Finding f : findings) {
            for (FixSuggestion s : f.fixes()) {
                unique.putIfAbsent(key(s), new FixAction(s));
            }
        }
        actions.setAll(unique.values());
        // A finding whose fix is restarting WSL (its relay starts again with it) gets the restart
        // at once; it still asks first, since it stops every running distro.
        if (actions.stream().anyMatch(a -> a.suggestion().id() == dev.netdoctor.model.FixId.RESTART_WSL)) {
            restartOffered.set(true);
        }
    }

    /**
     * The fix to try first: the first one the findings offer (rules list their surest fix first),
     * unless a fix is already in place.
     */
    public boolean isRecommended(FixAction action) {
        return !actions.isEmpty() && actions.getFirst() == action && !hasAppliedFix();
    }

    private static String key(FixSuggestion s) {
        return s.id().id() + s.plan();
    }

    /** Whether a fix of this session is in place and could still be undone: leaving then asks first. */
    public boolean hasAppliedFix() {
        return actions.stream().anyMatch(a -> a.undoProperty().get() != null);
    }

    public void run(FixAction action) {
        switch (action.kind()) {
            case NOTHING -> {
                dialogs.copyToClipboard(action.suggestion().title() + "\n" + action.suggestion().detail());
                action.statusProperty().set(Texts.get("fix.copied"));
            }
            case SSH_CONFIG, WSLCONFIG, WSL_CONF -> apply(action);
            case WINDOWS_FIREWALL -> firewall(action, (FixPlan.WindowsFirewallRule) action.suggestion().plan());
        }
    }

    /**
     * Whether the fix is made by the app (a file; the firewall rule only when the app runs on
     * Windows) or shown for the user to run (steps; the firewall rule's command inside WSL).
     */
    public boolean appliesHere(FixAction action) {
        return FixWiring.appliesFrom(action.suggestion().plan(), places.sshLinux().standpoint());
    }

    /**
     * The firewall rule: its command and its undo shown, the user's yes, and only then Windows'
     * administrator prompt, from a background task (the prompt waits for a person). Where the app
     * cannot ask Windows (inside WSL), the command is copied for PowerShell run as administrator.
     */
    private void firewall(FixAction action, FixPlan.WindowsFirewallRule rule) {
        FixSuggestion chosen = action.chosen();
        if (!appliesHere(action)) {
            if (dialogs.confirm(chosen.title(), Texts.get("fix.firewall.copy.header"),
                    Texts.get("fix.firewall.copy.body", rule.addCommand(), rule.removeCommand()), Texts.get("fix.firewall.copy"))) {
                dialogs.copyToClipboard(rule.addCommand());
                action.statusProperty().set(Texts.get("fix.firewall.copied"));
            }
            return;
        }
        if (!dialogs.confirm(chosen.title(), Texts.get("fix.firewall.header"), Texts.get("fix.firewall.body", rule.addCommand(),
                rule.removeCommand(), ElevatedPowerShell.PROMPT_LIMIT.toSeconds()), Texts.get("fix.firewall.confirm"))) {
            action.statusProperty().set(Texts.get("fix.notApplied"));
            return;
        }
        action.busyProperty().set(true);
        action.statusProperty().set(Texts.get("fix.firewall.asking"));
        tasks.run(() -> firewallFix().apply(rule), () -> action.busyProperty().set(false), r -> {
            switch (r.outcome()) {
                case DONE -> {
                    action.undoProperty().set(r.rule());
                    record(chosen, FixRecord.APPLIED, rule.where(), null, rule.addCommand(), r.verification(), rule.removeCommand());
                    action.statusProperty().set(Texts.get("fix.firewall.applied", r.rule()));
                    notice.set(Notice.of("fix.notify.applied", chosen, action.statusProperty().get()));
                }
                case ALREADY -> action.statusProperty().set(Texts.get("fix.alreadyInPlace"));
                case DECLINED -> action.statusProperty().set(Texts.get("fix.firewall.declined", r.verification()));
            }
        }, error -> failed(action, error));
    }

    /** Removes the rule the firewall fix added, by its name; Windows asks for administrator rights again. */
    private void undoFirewall(FixAction action, String rule) {
        if (!dialogs.confirm(action.chosen().title(), Texts.get("fix.firewall.undo.header"),
                Texts.get("fix.firewall.undo.body", FixPlan.WindowsFirewallRule.removeCommand(rule)), Texts.get("fix.firewall.undo.confirm"))) {
            return;
        }
        action.busyProperty().set(true);
        action.statusProperty().set(Texts.get("fix.firewall.asking"));
        tasks.run(() -> firewallFix().undo(rule), () -> action.busyProperty().set(false), r -> {
            switch (r.outcome()) {
                case DONE, ALREADY -> {
                    action.undoProperty().set(null);
                    action.statusProperty().set(Texts.get("fix.firewall.undone", rule));
                    notice.set(Notice.of("fix.notify.undone", action.chosen(), action.statusProperty().get()));
                    record(action.chosen(), FixRecord.UNDONE, FixPlan.WindowsFirewallRule.where(rule), null, null, r.verification(), null);
                }
                case DECLINED -> action.statusProperty().set(Texts.get("fix.firewall.undoDeclined", rule, r.verification()));
            }
        }, error -> failed(action, error));
    }

    /** Windows' firewall from this computer, through the powershell.exe the app uses for Windows' settings. */
    private WindowsFirewallFix firewallFix() {
        return FixWiring.firewall(places.thisComputer(), WindowsHost.powershellExe().toString());
    }

    /**
     * What the wizard chose beyond the plan: IPQoS none, the target checked with ssh -G too, and
     * a UTF-16 .wslconfig rewritten as UTF-8, since the preview that states it is the user's yes.
     */
    private static final FixWiring.Choices CHOICES = new FixWiring.Choices("none", true, true);

    /** Where the wizard's fixes write; the .wslconfig the user pointed at, once they did. */
    private FixWiring.Places wiringPlaces() {
        return new FixWiring.Places(places.sshLinux(), places.sshFiles(), null, () -> {
            Optional<Path> path = chosenWslconfig != null ? Optional.of(chosenWslconfig) : places.wslconfig().call();
            return path.map(Path::toString);
        }, places.wslConf(), places.mayWrite(), places.clock());
    }

    /** Where each applied fix wrote, for its undo: a distro's wsl.conf is undone as root there, as it was written. */
    private final Map<FixAction, ConfigFiles> appliedIn = new IdentityHashMap<>();

    private Path chosenWslconfig;

    private void apply(FixAction action) {
        FixSuggestion chosen = action.chosen();
        FixPlan plan = chosen.plan();
        action.busyProperty().set(true);
        Runnable notBusy = () -> action.busyProperty().set(false);
        tasks.run(() -> {
            FixWiring.Wired wired = FixWiring.wire(plan, wiringPlaces(), CHOICES).orElseThrow();
            if (wired.needsSudo().isPresent()) {
                return new Planned(wired, null);
            }
            try {
                return new Planned(wired, new SafeApply(wired.files(), places.clock()).preview(wired.file(), wired.edit()));
            } catch (Exception e) {
                close(wired);
                throw e;
            }
        }, notBusy, planned -> {
            FixWiring.Wired wired = planned.wired();
            if (planned.preview() == null) {
                close(wired);
                askForSudo(action, wired.needsSudo().orElseThrow());
                return;
            }
            SafeApply.Preview preview = planned.preview();
            EditResult edit = preview.edit();
            if (!edit.applicable()) {
                close(wired);
                action.statusProperty().set(Texts.get("fix.refused"));
                record(action, chosen, FixRecord.refused(String.join(" ", edit.conflicts())), preview.file(), null, null, null);
                dialogs.showError(chosen.title(), Texts.get("fix.conflict"), String.join("\n\n", edit.conflicts()));
                return;
            }
            if (!edit.changed()) {
                close(wired);
                action.statusProperty().set(Texts.get("fix.alreadyInPlace"));
                return;
            }
            ConfigFiles files = wired.files();
            String explanation = String.join("\n", edit.notes()) + "\n\n" + Texts.get(preview.existed() ? "fix.safety" : "fix.safety.new",
                    files.where(preview.file()));
            if (!dialogs.previewChange(chosen.title(), explanation, ChangePreview.of(preview.diff()), Texts.get("fix.apply"))) {
                close(wired);
                action.statusProperty().set(Texts.get("fix.notApplied"));
                return;
            }
            action.busyProperty().set(true);
            tasks.run(() -> {
                try {
                    return new SafeApply(files, places.clock()).apply(preview, wired.verifier().create(preview));
                } finally {
                    close(wired);
                }
            }, notBusy, applied -> {
                appliedIn.put(action, files);
                action.undoProperty().set(applied.backup() != null ? applied.backup() : applied.undoRecord());
                record(chosen, FixRecord.APPLIED, applied.file(), applied.backup(), preview.diff(), applied.verdict().message(),
                        UndoCommand.of(applied.backup() != null ? applied.backup() : applied.undoRecord(), files));
                action.statusProperty().set(applied.backup() == null ? Texts.get("fix.appliedNew", files.where(applied.file()))
                        : Texts.get("fix.applied", applied.backup()));
                notice.set(Notice.of("fix.notify.applied", chosen, action.statusProperty().get()));
                if (wired.restartsWsl()) {
                    restartOffered.set(true);
                    readAtStart.add(action);
                    changedUntilRestart(action);
                }
            }, error -> failed(action, error));
        }, error -> {
            if (error instanceof FixWiring.NoWslconfig) {
                // Say what is wanted and where it usually is before a bare file picker opens.
                if (!dialogs.confirm(Texts.get("fix.wslconfig.find"), Texts.get("fix.wslconfig.ask.header"),
                        Texts.get("fix.wslconfig.ask.body"), Texts.get("fix.wslconfig.ask.choose"))) {
                    action.statusProperty().set(Texts.get("fix.wslconfig.notFound"));
                    return;
                }
                Optional<Path> picked = dialogs.chooseOpenFile(Texts.get("fix.wslconfig.find"), ".wslconfig");
                if (picked.isPresent()) {
                    chosenWslconfig = picked.get();
                    apply(action);
                } else {
                    action.statusProperty().set(Texts.get("fix.wslconfig.notFound"));
                }
                return;
            }
            failed(action, error);
        });
    }

    /** Root's file, and we run as the user: the same fix through sudo, whose password we never see. */
    private void askForSudo(FixAction action, String sudo) {
        if (dialogs.confirm(action.suggestion().title(), Texts.get("fix.wslconf.sudo.header"),
                Texts.get("fix.wslconf.sudo.body", sudo), Texts.get("fix.wslconf.sudo.copy"))) {
            dialogs.copyToClipboard(sudo);
            action.statusProperty().set(Texts.get("fix.wslconf.sudo.copied"));
        }
    }

    /** Ends what the wiring opened (the root session of wsl.exe for a distro's wsl.conf); a later undo opens its own. */
    private static void close(FixWiring.Wired wired) {
        try {
            wired.close();
        } catch (Exception e) {
            System.getLogger(FixViewModel.class.getName()).log(System.Logger.Level.DEBUG, "closing a fix's session: {0}", e.toString());
        }
    }

    /** A fix's wiring and its preview (null: it must run through sudo), found together off the UI thread. */
    private record Planned(FixWiring.Wired wired, SafeApply.Preview preview) {
    }

    public void undo(FixAction action) {
        String record = action.undoProperty().get();
        if (record == null) {
            return;
        }
        if (action.kind() == FixWiring.Writes.WINDOWS_FIREWALL) {
            undoFirewall(action, record);
            return;
        }
        ConfigFiles files = appliedIn.get(action);
        if (files == null) {
            return;
        }
        action.busyProperty().set(true);
        tasks.run(() -> new SafeApply(files, places.clock()).undo(record), () -> action.busyProperty().set(false), file -> {
            action.undoProperty().set(null);
            action.statusProperty().set(Texts.get("fix.undone", files.where(file)));
            notice.set(Notice.of("fix.notify.undone", action.chosen(), action.statusProperty().get()));
            record(action, action.chosen(), FixRecord.UNDONE, file, null, null, null);
            if (readAtStart.contains(action)) {
                changedUntilRestart(action);
            }
        }, error -> failed(action, error));
    }

    /** The WSL restart, its own action: it stops every running distro, so it asks first. */
    public void restartWsl() {
        if (!dialogs.confirm(Texts.get("fix.restart.title"), Texts.get("fix.restart.header"), Texts.get("fix.restart.body"),
                Texts.get("fix.restart.confirm"))) {
            return;
        }
        restartStatus.set(Texts.get("fix.restart.running"));
        tasks.run(() -> {
            WslRestart.shutdown(places.thisComputer());
            return Boolean.TRUE;
        }, ok -> {
            restartStatus.set(Texts.get("fix.restart.done"));
            untilRestart.clear();
        }, error -> {
            restartStatus.set("");
            dialogs.showError(Texts.get("fix.restart.title"), error.getMessage(), Errors.details(error));
        });
    }

    private void failed(FixAction action, Throwable error) {
        action.statusProperty().set(Texts.get("fix.failed"));
        String message = error instanceof FixException ? error.getMessage() : Texts.get("fix.unexpected");
        dialogs.showError(action.chosen().title(), message, Errors.details(error));
    }
}
