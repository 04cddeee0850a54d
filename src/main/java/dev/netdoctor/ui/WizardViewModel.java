// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.session.SessionEvent;
import dev.netdoctor.ui.checks.ChecksViewModel;
import dev.netdoctor.ui.details.DetailsViewModel;
import dev.netdoctor.ui.fix.FixPlaces;
import dev.netdoctor.ui.fix.FixViewModel;
import dev.netdoctor.ui.report.ReportViewModel;
import dev.netdoctor.ui.symptom.Symptom;
import dev.netdoctor.ui.system.CheckItem;
import dev.netdoctor.ui.system.SystemChecklist;
import dev.netdoctor.ui.verify.VerifyViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The wizard's state and flow, without any control: which step is shown, what the user chose,
 * the running diagnosis and its results, fixes, verification and export. Views bind to it;
 * tests drive it directly or through the views.
 */
public final class WizardViewModel {
    private final javafx.beans.property.ReadOnlyObjectWrapper<Step> step = new javafx.beans.property.ReadOnlyObjectWrapper<>(Step.SYMPTOM);
    private final ObjectProperty<Symptom> symptom = new SimpleObjectProperty<>();
    private final DetailsViewModel details = new DetailsViewModel(symptom);
    private final ObservableList<CheckItem> system = FXCollections.observableArrayList();
    private final BooleanProperty systemReady = new SimpleBooleanProperty();
    private final ChecksViewModel checks = new ChecksViewModel();
    private final ObjectProperty<DiagnosisResult> result = new SimpleObjectProperty<>();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final FixViewModel fixes;
    private final VerifyViewModel verify = new VerifyViewModel();
    private final BooleanProperty verifying = new SimpleBooleanProperty();
    private final ObjectProperty<DiagnosisResult> verification = new SimpleObjectProperty<>();
    private final ObservableList<String> recentTargets = FXCollections.observableArrayList();
    private final BooleanBinding canGoNext;
    private final BooleanBinding finishes;
    private final BooleanBinding canGoBack;

    private final SessionRunner runner;
    private final DistroViewModel distros;
    private final BooleanBinding distrosReady;
    private final DialogService dialogs;
    private final Settings settings;
    private final Runnable exit;
    private final TaskExecutor tasks;
    private final ReportViewModel report;
    private final TaskExecutor.Ticker ticker;
    private SessionRunner.Running running;
    private DiagnosisRequest request;
    private long runStartNanos;

    public WizardViewModel(SessionRunner runner, DialogService dialogs, Settings settings, FixPlaces places, Runnable exit) {
        this(runner, dialogs, settings, places, new DistroViewModel(), exit);
    }

    /** With the distro choice of the app running on Windows. */
    public WizardViewModel(SessionRunner runner, DialogService dialogs, Settings settings, FixPlaces places,
                           DistroViewModel distros, Runnable exit) {
        this(runner, dialogs, settings, places, distros, exit, TaskExecutor.fx());
    }

    /** With the executor its background work goes through (tests: {@link TaskExecutor#sameThread()}). */
    WizardViewModel(SessionRunner runner, DialogService dialogs, Settings settings, FixPlaces places,
                    DistroViewModel distros, Runnable exit, TaskExecutor tasks) {
        this.tasks = tasks;
        this.runner = runner;
        this.distros = distros;
        this.dialogs = dialogs;
        this.settings = settings;
        this.exit = exit;
        this.fixes = new FixViewModel(places, dialogs, tasks);
        this.report = new ReportViewModel(result, fixes.history(), verification, dialogs, tasks, places.clock());
        this.distrosReady = distros.readyProperty();
        recentTargets.setAll(settings.recentTargets());
        canGoNext = Bindings.createBooleanBinding(() -> switch (step.get()) {
            case SYMPTOM -> symptom.get() != null;
            case DETAILS -> details.validProperty().get() && distrosReady.get();
            case SYSTEM -> systemReady.get();
            case CHECKS -> result.get() != null;
            case REPORT -> !report.exportingProperty().get();
            default -> !verifying.get();
        }, step, symptom, details.validProperty(), distrosReady, systemReady, result, verifying, report.exportingProperty());
        finishes = Bindings.createBooleanBinding(() -> step.get().isLast(), step);
        canGoBack = Bindings.createBooleanBinding(() -> !step.get().isFirst() && !verifying.get(), step, verifying);
        ticker = tasks.ticker(java.time.Duration.ofMillis(250), () -> checks.tick((System.nanoTime() - runStartNanos) / 1_000_000));
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ObjectProperty<Symptom> symptomProperty() {
        return symptom;
    }

    /** Which WSL distro to check, when the app runs on Windows. */
    public DistroViewModel distros() {
        return distros;
    }

    public DetailsViewModel details() {
        return details;
    }

    public ObservableList<CheckItem> system() {
        return system;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty systemReadyProperty() {
        return systemReady;
    }

    public ChecksViewModel checks() {
        return checks;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<DiagnosisResult> resultProperty() {
        return result;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public FixViewModel fixes() {
        return fixes;
    }

    public VerifyViewModel verify() {
        return verify;
    }

    /** The run made by Verify, once there is one. */
    public javafx.beans.property.ReadOnlyObjectProperty<DiagnosisResult> verificationProperty() {
        return verification;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty verifyingProperty() {
        return verifying;
    }

    /** The Report step: summary, PDF and JSON of this session. */
    public ReportViewModel report() {
        return report;
    }

    public ObservableList<String> recentTargets() {
        return recentTargets;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    /** True on the last step, where Next becomes Finish: the way out that is not "Cancel". */
    public BooleanBinding finishesProperty() {
        return finishes;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public boolean isRunning() {
        return running != null && !running.result().isDone();
    }

    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        if (step.get().isLast()) {
            // Finish: leaves like Cancel, and asks the same first when results would be lost.
            cancel();
            return;
        }
        if (step.get() == Step.DETAILS) {
            startDiagnosis();
        }
        step.set(step.get().next());
    }

    public void back() {
        if (!canGoBack.get()) {
            return;
        }
        boolean partOfTheRun = !Step.CHECKS.isBefore(step.get());
        if (partOfTheRun && isRunning()) {
            running.cancel();
        }
        // From the system scan or the checks, Back goes to the question: those steps belong to one run.
        step.set(partOfTheRun && Step.DETAILS.isBefore(step.get()) ? Step.DETAILS : step.get().previous());
    }

    /** A command or a block of technical text, copied exactly as shown. */
    public void copy(String text) {
        dialogs.copyToClipboard(text);
    }

    /** "Stop checks" on the Running checks step: ends the run; what was found so far stays. */
    public void stopChecks() {
        if (isRunning()) {
            running.cancel();
        }
    }

    /**
     * Cancel (or Esc): leaves the wizard, but asks first when leaving would lose something: checks
     * still running, a fix in place (its Undo goes with the window), or results no report holds.
     */
    public void cancel() {
        List<String> reasons = new java.util.ArrayList<>();
        if (isRunning()) {
            reasons.add(Texts.get("quit.running"));
        }
        if (fixes.hasAppliedFix()) {
            reasons.add(Texts.get("quit.fixApplied"));
        }
        if (!isRunning() && report.hasUnsavedResults()) {
            reasons.add(Texts.get("quit.unsaved"));
        }
        if (!reasons.isEmpty() && !dialogs.confirm(Texts.get("quit.title"), Texts.get("quit.header"),
                String.join("\n", reasons), Texts.get("quit.confirm"))) {
            return;
        }
        if (isRunning()) {
            running.cancel();
        }
        exit.run();
    }

    /**
     * Said on every step after the checks when the run did not finish: what was and was not
     * learned. Empty when the run finished (or there is none yet).
     */
    public String incompleteNotice() {
        DiagnosisResult r = result.get();
        if (r == null || r.complete()) {
            return "";
        }
        List<String> missing = r.probes().stream()
                .filter(p -> p.status() == ProbeStatus.TIMED_OUT || p.status() == ProbeStatus.CANCELLED || p.status() == ProbeStatus.FAILED)
                .map(ProbeOutcome::title).toList();
        List<String> learned = r.probes().stream().filter(p -> p.status() == ProbeStatus.COMPLETED || p.status() == ProbeStatus.SKIPPED)
                .map(ProbeOutcome::title).toList();
        String how = checksEnded() == ChecksEnded.STOPPED_BY_USER ? Texts.get("incomplete.stopped") : Texts.get("incomplete.couldNotFinish");
        return Texts.get("incomplete.notice", how, learned.size(), r.probes().size(),
                learned.isEmpty() ? Texts.get("incomplete.nothingFinished") : String.join(", ", learned),
                missing.isEmpty() ? Texts.get("incomplete.none") : String.join(", ", missing));
    }

    public void useRecent(String target) {
        details.useRecent(target);
    }

    private void startDiagnosis() {
        request = details.toRequest();
        if (request.target() != null) {
            settings.remember(request.target().toString());
            recentTargets.setAll(settings.recentTargets());
        }
        result.set(null);
        findings.clear();
        system.clear();
        systemReady.set(false);
        checks.started();
        runStartNanos = System.nanoTime();
        ticker.start();
        FxEventPump pump = new FxEventPump(this::onEvent, tasks::onUiThread);
        running = runner.start(request, pump);
        SessionRunner.Running thisRun = running;
        running.result().whenComplete((r, error) -> tasks.onUiThread(() -> {
            if (thisRun != running) {
                return; // an older run, replaced by going back and starting again
            }
            pump.flush(); // the last live events first, then the result

            ticker.stop();
            checks.finished();
            if (error != null) {
                dialogs.showError(Texts.get("checks.failed.title"), Texts.get("checks.failed"), Errors.details(error));
                return;
            }
            showResult(r);
        }));
    }

    private void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.EnvironmentReady e) {
            system.setAll(SystemChecklist.of(e.environment(), sshMatters()));
            systemReady.set(true);
        }
        if (event instanceof SessionEvent.ProbeFinished f && ProbeId.CONFIG_FILES.is(f.outcome())) {
            // WSL's settings files, read as WSL reads them, join "Your system" as soon as they are read
            f.outcome().dataAs(ProbeData.ConfigFiles.class).ifPresent(c -> system.addAll(SystemChecklist.settingsFiles(c)));
        }
        checks.accept(event);
    }

    /** Whether "Your system" lists the user's ssh: not for an app's port, where ssh plays no part. */
    private boolean sshMatters() {
        return symptom.get() == null || symptom.get().sshMatters();
    }

    private void showResult(DiagnosisResult r) {
        if (!systemReady.get()) {
            system.setAll(SystemChecklist.of(r.environment(), sshMatters()));
            r.probes().stream().filter(ProbeId.CONFIG_FILES::is).map(p -> p.dataAs(ProbeData.ConfigFiles.class))
                    .flatMap(java.util.Optional::stream).forEach(c -> system.addAll(SystemChecklist.settingsFiles(c)));
            systemReady.set(true);
        }
        // The result last: whoever waits for it finds the findings and fixes already in place.
        findings.setAll(r.findings());
        fixes.show(r.findings());
        result.set(r);
    }

    /** The fingerprint of an outside machine's host key the user has not confirmed yet, if any. */
    public java.util.Optional<ProbeData.Vantage> unconfirmedHostKey() {
        DiagnosisResult r = result.get();
        return r == null ? java.util.Optional.empty() : r.probes().stream()
                .map(p -> p.dataAs(ProbeData.Vantage.class)).flatMap(java.util.Optional::stream)
                .filter(v -> v.hostKeyStatus() == ProbeData.Vantage.HostKeyStatus.UNKNOWN && v.hostKeyFingerprint() != null)
                .findFirst();
    }

    /**
     * Shows the outside machine's key fingerprint; if the user confirms it is that machine's
     * key, it is trusted for this run only (never written to known_hosts) and the checks run again.
     */
    public void confirmHostKeyAndCheckAgain() {
        unconfirmedHostKey().ifPresent(v -> {
            if (dialogs.confirm(Texts.get("hostkey.title"), Texts.get("hostkey.header", v.host()),
                    Texts.get("hostkey.body", v.hostKeyFingerprint(), v.host()), Texts.get("hostkey.trust"))) {
                details.acceptedFingerprintProperty().set(v.hostKeyFingerprint());
                startDiagnosis();
                step.set(Step.CHECKS);
            }
        });
    }

    /** How the last run of the checks ended, in the words the Running checks step uses. */
    public enum ChecksEnded { NOT_YET, ALL_FINISHED, STOPPED_BY_USER, SOME_COULD_NOT_FINISH }

    public ChecksEnded checksEnded() {
        DiagnosisResult r = result.get();
        if (r == null) {
            return ChecksEnded.NOT_YET;
        }
        if (r.complete()) {
            return ChecksEnded.ALL_FINISHED;
        }
        boolean cut = r.probes().stream().anyMatch(p -> p.status() == dev.netdoctor.model.ProbeStatus.TIMED_OUT
                || p.status() == dev.netdoctor.model.ProbeStatus.FAILED);
        return cut ? ChecksEnded.SOME_COULD_NOT_FINISH : ChecksEnded.STOPPED_BY_USER;
    }

    /** The same question once more, from the Running checks step (after a run that did not finish). */
    public void runAgain() {
        if (isRunning()) {
            return;
        }
        startDiagnosis();
        step.set(Step.CHECKS);
    }

    /** Runs the checks again with the same question and shows them next to the first run. */
    public void verifyNow() {
        DiagnosisResult before = result.get();
        if (before == null || verifying.get()) {
            return;
        }
        verifying.set(true);
        SessionRunner.Running again = runner.start(request, e -> { });
        again.result().whenComplete((after, error) -> tasks.onUiThread(() -> {
            verifying.set(false);
            if (error != null) {
                dialogs.showError(Texts.get("verify.failed.title"), Texts.get("checks.failed"), Errors.details(error));
                return;
            }
            verify.compare(before, after);
            verification.set(after);
        }));
    }
}
