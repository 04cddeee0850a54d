// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.NetworkingMode;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.fix.ConfigFiles;
import dev.netdoctor.fix.ConfigRepairOracle;
import dev.netdoctor.fix.EditResult;
import dev.netdoctor.fix.FixException;
import dev.netdoctor.fix.LocalConfigFiles;
import dev.netdoctor.fix.SafeApply;
import dev.netdoctor.fix.SshConfigEdit;
import dev.netdoctor.fix.SshConfigOracle;
import dev.netdoctor.fix.SshIncludes;
import dev.netdoctor.fix.Verifier;
import dev.netdoctor.fix.WslConfigEdit;
import dev.netdoctor.fix.WslConfigOracle;
import dev.netdoctor.fix.WslConfEdit;
import dev.netdoctor.fix.WslConfOracle;
import dev.netdoctor.fix.WslConfPlace;
import dev.netdoctor.fix.WslRestart;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.FixSuggestion;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
    private final FixPlaces places;
    private final DialogService dialogs;
    private final TaskExecutor tasks;

    FixViewModel(FixPlaces places, DialogService dialogs, TaskExecutor tasks) {
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

    private void record(FixAction action, String what, String file, String backup, String diff, String verification) {
        history.add(new FixRecord(action.suggestion().id(), action.suggestion().title(), what, file, backup, diff, verification,
                OffsetDateTime.now(places.clock())));
    }

    public javafx.beans.property.ReadOnlyBooleanProperty restartOfferedProperty() {
        return restartOffered;
    }

    public javafx.beans.property.ReadOnlyStringProperty restartStatusProperty() {
        return restartStatus;
    }

    /**
     * The fixes of a new run. A fix applied in this session stays, with its Undo and status, even
     * when the new run no longer suggests it (after the ssh fix it is not offered again): the
     * user must always be able to take back what we wrote.
     */
    void show(List<Finding> findings) {
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
            case ADVICE -> {
                dialogs.copyToClipboard(action.suggestion().title() + "\n" + action.suggestion().detail());
                action.statusProperty().set(Texts.get("fix.copied"));
            }
            case SSH_CONFIG -> apply(action, this::sshPlan);
            case WSLCONFIG -> apply(action, this::wslPlan);
            case WSL_CONF -> {
                Optional<String> sudo = action.suggestion().plan() instanceof FixPlan.RewriteConfigLines lines
                        ? wslConfPlace().sudoFor("fix config-lines --in wsl-conf --finding " + lines.finding())
                        : wslConfPlace().needsSudo();
                if (sudo.isEmpty()) {
                    apply(action, this::wslConfPlan);
                } else if (dialogs.confirm(action.suggestion().title(), Texts.get("fix.wslconf.sudo.header"),
                        Texts.get("fix.wslconf.sudo.body", sudo.get()), Texts.get("fix.wslconf.sudo.copy"))) {
                    // root's file, and we run as the user: the same fix through sudo, whose password we never see
                    dialogs.copyToClipboard(sudo.get());
                    action.statusProperty().set(Texts.get("fix.wslconf.sudo.copied"));
                }
            }
        }
    }

    private WslConfPlace wslConfPlace;

    /** Where the distro's wsl.conf is written (as root from Windows); made once, on first use. */
    private WslConfPlace wslConfPlace() {
        if (wslConfPlace == null) {
            wslConfPlace = WslConfPlace.of(places.sshLinux(), places.wslConf(), places.mayWrite());
        }
        return wslConfPlace;
    }

    private Plan wslConfPlan(FixAction action) {
        ConfigFiles files = wslConfPlace().files();
        if (action.suggestion().plan() instanceof FixPlan.RewriteConfigLines lines) {
            return new Plan(places.wslConf(), ConfigRepairOracle.edit(lines), preview -> new ConfigRepairOracle(files, lines, preview.original()), true);
        }
        return new Plan(places.wslConf(), WslConfEdit::letWslWriteResolvConf, preview -> new WslConfOracle(files, preview.original()), true);
    }

    /** What to write and how to check it, found off the FX thread. */
    private record Plan(String file, Function<byte[], EditResult> edit, VerifierFactory verifier, boolean wsl) {
    }

    /** Where an action's file lives: the ssh config is the diagnosed Linux's, the .wslconfig this computer's. */
    private ConfigFiles filesFor(FixAction action) {
        return switch (action.kind()) {
            case SSH_CONFIG -> places.sshFiles();
            case WSL_CONF -> wslConfPlace().files();
            case WSLCONFIG, ADVICE -> LocalConfigFiles.forThisUser();
        };
    }

    private interface VerifierFactory {
        Verifier create(SafeApply.Preview preview) throws InterruptedException;
    }

    private Plan sshPlan(FixAction action) throws Exception {
        FixPlan.SshIpqosNone ssh = (FixPlan.SshIpqosNone) action.suggestion().plan();
        String pattern = action.onlyThisHostProperty().get() ? ssh.target() : ssh.hostPattern();
        List<String> samples = List.of(ssh.target());
        LocalDate today = LocalDate.now(places.clock());
        String home = places.sshFiles().home();
        return new Plan(places.sshConfig(),
                original -> SshConfigEdit.setIpqos(original, pattern, "none", today, samples, SshIncludes.under(places.sshFiles(), home)),
                preview -> new SshConfigOracle(places.sshLinux(), preview.existed() ? preview.file() : null, preview.original(),
                        pattern, "none", samples), false);
    }

    /** Signals, from the background, that the user has to point at .wslconfig. */
    private static final class NeedsWslconfig extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private Path chosenWslconfig;

    private Plan wslPlan(FixAction action) throws Exception {
        Path path = chosenWslconfig != null ? chosenWslconfig : places.wslconfig().call().orElseThrow(NeedsWslconfig::new);
        if (action.suggestion().plan() instanceof FixPlan.RewriteConfigLines lines) {
            ConfigFiles files = LocalConfigFiles.forThisUser();
            return new Plan(path.toString(), ConfigRepairOracle.edit(lines), preview -> new ConfigRepairOracle(files, lines, preview.original()), true);
        }
        if (action.suggestion().plan() instanceof FixPlan.WslDnsTunneling) {
            return new Plan(path.toString(), original -> WslConfigEdit.setDnsTunneling(original, true),
                    preview -> WslConfigOracle.dnsTunnelingOn(), true);
        }
        NetworkingMode mode = ((FixPlan.WslNetworkingMode) action.suggestion().plan()).mode();
        return new Plan(path.toString(), original -> WslConfigEdit.setNetworkingMode(original, mode, true),
                preview -> new WslConfigOracle(mode), true);
    }

    private interface Planner {
        Plan plan(FixAction action) throws Exception;
    }

    private void apply(FixAction action, Planner planner) {
        ConfigFiles files = filesFor(action);
        SafeApply pipeline = new SafeApply(files, places.clock());
        action.busyProperty().set(true);
        Runnable notBusy = () -> action.busyProperty().set(false);
        tasks.run(() -> {
            Plan plan = planner.plan(action);
            return new Planned(plan, pipeline.preview(plan.file(), plan.edit()));
        }, notBusy, planned -> {
            SafeApply.Preview preview = planned.preview();
            EditResult edit = preview.edit();
            if (!edit.applicable()) {
                action.statusProperty().set(Texts.get("fix.refused"));
                record(action, FixRecord.refused(String.join(" ", edit.conflicts())), preview.file(), null, null, null);
                dialogs.showError(action.suggestion().title(), Texts.get("fix.conflict"), String.join("\n\n", edit.conflicts()));
                return;
            }
            if (!edit.changed()) {
                action.statusProperty().set(Texts.get("fix.alreadyInPlace"));
                return;
            }
            String explanation = String.join("\n", edit.notes()) + "\n\n" + Texts.get("fix.safety", files.where(preview.file()));
            if (!dialogs.previewChange(action.suggestion().title(), explanation, preview.diff(), Texts.get("fix.apply"))) {
                action.statusProperty().set(Texts.get("fix.notApplied"));
                return;
            }
            action.busyProperty().set(true);
            tasks.run(() -> pipeline.apply(preview, planned.plan().verifier().create(preview)), notBusy, applied -> {
                action.undoProperty().set(applied.backup() != null ? applied.backup() : applied.undoRecord());
                record(action, FixRecord.APPLIED, applied.file(), applied.backup(), preview.diff(), applied.verdict().message());
                action.statusProperty().set(applied.backup() == null ? Texts.get("fix.appliedNew", files.where(applied.file()))
                        : Texts.get("fix.applied", applied.backup()));
                dialogs.notify(Texts.get("fix.notify.applied", action.suggestion().title()), action.statusProperty().get());
                if (planned.plan().wsl()) {
                    restartOffered.set(true);
                }
            }, error -> failed(action, error));
        }, error -> {
            if (error instanceof NeedsWslconfig) {
                // Say what is wanted and where it usually is before a bare file picker opens.
                if (!dialogs.confirm(Texts.get("fix.wslconfig.find"), Texts.get("fix.wslconfig.ask.header"),
                        Texts.get("fix.wslconfig.ask.body"), Texts.get("fix.wslconfig.ask.choose"))) {
                    action.statusProperty().set(Texts.get("fix.wslconfig.notFound"));
                    return;
                }
                Optional<Path> chosen = dialogs.chooseOpenFile(Texts.get("fix.wslconfig.find"), ".wslconfig");
                if (chosen.isPresent()) {
                    chosenWslconfig = chosen.get();
                    apply(action, planner);
                } else {
                    action.statusProperty().set(Texts.get("fix.wslconfig.notFound"));
                }
                return;
            }
            failed(action, error);
        });
    }

    /** A plan and its preview, found together off the UI thread. */
    private record Planned(Plan plan, SafeApply.Preview preview) {
    }

    public void undo(FixAction action) {
        String record = action.undoProperty().get();
        if (record == null) {
            return;
        }
        action.busyProperty().set(true);
        ConfigFiles files = filesFor(action);
        tasks.run(() -> new SafeApply(files, places.clock()).undo(record), () -> action.busyProperty().set(false), file -> {
            action.undoProperty().set(null);
            action.statusProperty().set(Texts.get("fix.undone", files.where(file)));
            dialogs.notify(Texts.get("fix.notify.undone", action.suggestion().title()), action.statusProperty().get());
            record(action, FixRecord.UNDONE, file, null, null, null);
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
        }, ok -> restartStatus.set(Texts.get("fix.restart.done")), error -> {
            restartStatus.set("");
            dialogs.showError(Texts.get("fix.restart.title"), error.getMessage(), Errors.details(error));
        });
    }

    private void failed(FixAction action, Throwable error) {
        action.statusProperty().set(Texts.get("fix.failed"));
        String message = error instanceof FixException ? error.getMessage() : Texts.get("fix.unexpected");
        dialogs.showError(action.suggestion().title(), message, Errors.details(error));
    }
}
