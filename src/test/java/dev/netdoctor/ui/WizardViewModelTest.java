// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.ui.checks.ProbeRow;
import dev.netdoctor.ui.fix.FixPlaces;
import dev.netdoctor.ui.symptom.Symptom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard's flow on the test's own thread, without the FX toolkit (no ApplicationExtension
 * here): the steps in order, what each needs before Next, Back from the checks to the question,
 * the run's result reaching the Diagnosis and Fix steps, and Cancel leaving only when nothing runs.
 */
class WizardViewModelTest {
    @TempDir
    Path home;

    /** Waits, at most 10 s, for the value to satisfy {@code done}: on its change event, not by polling. */
    private static <T> void await(javafx.beans.value.ObservableValue<T> value, java.util.function.Predicate<? super T> done) throws Exception {
        java.util.concurrent.CompletableFuture<Void> reached = new java.util.concurrent.CompletableFuture<>();
        javafx.beans.value.ChangeListener<T> listener = (o, was, now) -> {
            if (done.test(now)) {
                reached.complete(null);
            }
        };
        value.addListener(listener);
        try {
            if (done.test(value.getValue())) {
                reached.complete(null);
            }
            reached.get(10, TimeUnit.SECONDS);
        } finally {
            value.removeListener(listener);
        }
    }

    @Test
    void aRunFromQuestionToReportWithoutAWindow() throws Exception {
        Path userHome = Files.createTempDirectory(home, "home");
        FixPlaces places = FixPlaces.onThisComputer(userHome, () -> Optional.of(userHome.resolve(".wslconfig")),
                Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        ScriptedRunner runner = new ScriptedRunner(Fixtures.result(false));
        AtomicBoolean left = new AtomicBoolean();
        FakeDialogs dialogs = new FakeDialogs();
        WizardViewModel model = new WizardViewModel(runner, dialogs, new Settings(userHome.resolve("settings.properties")),
                places, new DistroViewModel(TaskExecutor.sameThread()), () -> left.set(true), TaskExecutor.sameThread());

        assertThat(model.stepProperty().get()).isEqualTo(Step.SYMPTOM);
        assertThat(model.canGoBackProperty().get()).isFalse();
        assertThat(model.canGoNextProperty().get()).as("nothing chosen yet").isFalse();
        model.symptomProperty().set(Symptom.values()[0]);
        model.next();
        assertThat(model.stepProperty().get()).isEqualTo(Step.DETAILS);
        model.details().hostProperty().set("nas box");
        assertThat(model.canGoNextProperty().get()).as("a host with a space").isFalse();
        model.details().hostProperty().set(Fixtures.TARGET);
        assertThat(model.canGoNextProperty().get()).isTrue();

        model.next();
        assertThat(model.stepProperty().get()).isEqualTo(Step.SYSTEM);
        // the scripted run plays its events on its own thread
        await(model.resultProperty(), r -> r != null);
        assertThat(model.systemReadyProperty().get()).isTrue();
        assertThat(model.findings()).extracting(f -> f.id()).contains(FindingId.DSCP_MARKED_SYN_DROPPED);
        assertThat(model.checks().probes()).isNotEmpty().allSatisfy(p -> assertThat(p.stateProperty().get()).isNotEqualTo(ProbeRow.State.RUNNING));
        assertThat(model.fixes().actions()).extracting(a -> a.suggestion().id()).contains(FixId.SSH_CONFIG_IPQOS_NONE);

        model.next();
        assertThat(model.stepProperty().get()).isEqualTo(Step.CHECKS);
        model.back();
        assertThat(model.stepProperty().get()).as("Back from the checks goes to the question").isEqualTo(Step.DETAILS);
        model.next();
        assertThat(runner.requests).as("Next from the question runs the checks again").hasSize(2);
        while (!model.stepProperty().get().isLast()) {
            await(model.canGoNextProperty(), Boolean.TRUE::equals);
            model.next();
        }
        assertThat(model.stepProperty().get()).isEqualTo(Step.REPORT);
        assertThat(model.finishesProperty().get()).as("the last step's Next is Finish").isTrue();
        assertThat(model.canGoNextProperty().get()).isTrue();
        assertThat(model.report().summaryText()).contains("dscp-marked-syn-dropped");
        dialogs.answerYes = false;
        model.next();
        assertThat(dialogs.confirmations).as("Finish asks first: no report holds the results").last().asString().contains("not saved");
        assertThat(left).as("declined: the wizard stays on the report").isFalse();
        assertThat(model.stepProperty().get()).isEqualTo(Step.REPORT);
        dialogs.answerYes = true;
        model.next();
        assertThat(left).as("Finish with nothing running leaves the wizard").isTrue();
    }

    /** A run that goes on until it is stopped. */
    private static final class EndlessRunner implements SessionRunner {
        final java.util.concurrent.CompletableFuture<dev.netdoctor.model.DiagnosisResult> done = new java.util.concurrent.CompletableFuture<>();
        volatile boolean cancelled;

        @Override
        public Running start(dev.netdoctor.model.DiagnosisRequest request, java.util.function.Consumer<dev.netdoctor.session.SessionEvent> listener) {
            return new Running() {
                @Override
                public void cancel() {
                    cancelled = true;
                    done.complete(Fixtures.stoppedResult());
                }

                @Override
                public java.util.concurrent.CompletableFuture<dev.netdoctor.model.DiagnosisResult> result() {
                    return done;
                }
            };
        }
    }

    @Test
    void cancelWhileTheChecksRunAsksFirstAndStopChecksDoesNotQuit() throws Exception {
        Path userHome = Files.createTempDirectory(home, "home");
        FixPlaces places = FixPlaces.onThisComputer(userHome, () -> Optional.of(userHome.resolve(".wslconfig")),
                Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        EndlessRunner runner = new EndlessRunner();
        FakeDialogs dialogs = new FakeDialogs();
        AtomicBoolean left = new AtomicBoolean();
        WizardViewModel model = new WizardViewModel(runner, dialogs, new Settings(userHome.resolve("settings.properties")),
                places, new DistroViewModel(TaskExecutor.sameThread()), () -> left.set(true), TaskExecutor.sameThread());
        model.symptomProperty().set(Symptom.SSH_HANGS);
        model.next();
        model.details().hostProperty().set(Fixtures.TARGET);
        model.next();
        assertThat(model.isRunning()).isTrue();

        dialogs.answerYes = false;
        model.cancel();
        assertThat(dialogs.confirmations).singleElement().asString().contains("still running");
        assertThat(left).isFalse();
        assertThat(model.isRunning()).as("declined: the checks go on").isTrue();

        model.stopChecks();
        assertThat(runner.cancelled).isTrue();
        assertThat(left).as("Stop checks stops, it does not quit").isFalse();
        assertThat(model.incompleteNotice()).startsWith("You stopped the checks before they finished.");

        dialogs.answerYes = true;
        model.cancel();
        assertThat(dialogs.confirmations).last().asString().contains("not saved");
        assertThat(left).isTrue();
    }
}
