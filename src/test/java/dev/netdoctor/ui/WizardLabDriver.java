// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.ui.checks.SocketRow;
import dev.netdoctor.ui.fix.FixPlaces;
import dev.netdoctor.ui.symptom.Symptom;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the wizard with the real engine, headless, wherever it is started: the lab test starts
 * it inside a lab's client namespace. It walks to the Running checks step and prints what the
 * user would see: each SYN-SENT row as it appears and the findings at the end. Not a test itself.
 *
 * Screenshots go to target/screenshots/lab-*.png under the working folder.
 *
 * <p>With {@code -Dnetdoctor.wizardTimeFile=FILE} it measures instead (for the lab benchmark): the
 * time from the click on Next on the Details page to the diagnosis on screen, i.e. the Diagnosis
 * page drawn with the first finding's card on it. Every Next on the way (on "Your system" once the
 * scan is ready, on Running checks once the checks are done) is clicked the moment the wizard
 * allows it, so the time is the wizard's own and not a user's reading time. It prints
 * {@code WIZARD-MILLIS N}, the run's own {@code WIZARD-RUN-MILLIS N} (its durationMillis) and
 * {@code WIZARD-STEPS} (when each page came, in ms since the click), and writes N alone to FILE. A measured run takes no screenshot: a snapshot on the JavaFX thread would
 * be part of the time.
 *
 * <pre>java -Dglass.platform=Headless -Dprism.order=sw -cp … dev.netdoctor.ui.WizardLabDriver TARGET</pre>
 */
public final class WizardLabDriver {
    private WizardLabDriver() {
    }

    /** The wizard on a window of its own, with the real engine and this home's settings; its model goes to {@code holder[0]}. FX thread. */
    private static Scene show(Path home, WizardViewModel[] holder) {
        WizardApp.applyTheme(false);
        WizardViewModel model = new WizardViewModel(new EngineRunner(), new FakeDialogs(),
                new Settings(home.resolve("settings.properties")),
                FixPlaces.onThisComputer(home, Optional::empty, Clock.systemUTC()), () -> { });
        holder[0] = model;
        Scene scene = WizardApp.createScene(model, new FakeDialogs());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    /** Where a measured run writes its time (milliseconds); unset: the walk with screenshots. */
    public static final String TIME_FILE_PROPERTY = "netdoctor.wizardTimeFile";

    public static void main(String[] args) throws Exception {
        String target = args[0];
        Path home = Files.createTempDirectory("wizard-lab-home");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(20, TimeUnit.SECONDS);
        String timeFile = System.getProperty(TIME_FILE_PROPERTY, "");
        if (!timeFile.isBlank()) {
            measure(target, home, Path.of(timeFile));
            Platform.exit();
            System.exit(0);
        }
        CompletableFuture<Scene> sceneReady = new CompletableFuture<>();
        WizardViewModel[] holder = new WizardViewModel[1];
        Platform.runLater(() -> {
            Scene scene = show(home, holder);
            WizardViewModel model = holder[0];
            model.checks().sockets().addListener((javafx.collections.ListChangeListener<SocketRow>) c -> {
                for (SocketRow r : model.checks().sockets()) {
                    if (r.synSent()) {
                        System.out.println("SYN-SENT-ROW " + r.process() + " pid=" + r.pid() + " to=" + r.remote() + " waited=" + r.waited());
                    }
                }
            });
            model.symptomProperty().set(Symptom.SSH_HANGS);
            model.next();
            model.details().hostProperty().set(target);
            model.next();
            // On "Your system", Next waits for the scan, as it does for a user.
            model.systemReadyProperty().addListener((o, was, ready) -> {
                if (ready && model.stepProperty().get() == Step.SYSTEM) {
                    model.next();
                }
            });
            sceneReady.complete(scene);
        });
        Scene scene = sceneReady.get(20, TimeUnit.SECONDS);
        WizardViewModel model = holder[0];
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        boolean shot = false;
        while (System.nanoTime() < until) {
            boolean done = onFx(() -> model.resultProperty().get() != null);
            boolean synSentShown = onFx(() -> model.stepProperty().get() == Step.CHECKS
                    && model.checks().sockets().stream().anyMatch(r -> r.synSent() && !r.ours()));
            if (synSentShown && !shot) {
                Screenshots.save(scene, "lab-running-checks-live.png");
                System.out.println("LIVE-SHOT taken while a SYN-SENT row of the user's ssh was on the Running checks page");
                shot = true;
            }
            if (done) {
                break;
            }
            Thread.sleep(100);
        }
        Screenshots.save(scene, "lab-running-checks-done.png");
        onFx(() -> {
            model.next();
            return null;
        });
        Screenshots.save(scene, "lab-diagnosis.png");
        for (var f : onFx(() -> java.util.List.copyOf(model.findings()))) {
            System.out.println("FINDING " + f.id());
        }
        System.out.println("SCREENSHOTS " + Screenshots.DIR.toAbsolutePath());
        Platform.exit();
        System.exit(0);
    }

    /**
     * One measured walk: Next on Details starts the clock; the clock stops at the start of the
     * second animation pulse after a pulse found the Diagnosis page with the first finding's card
     * in the scene. Each pulse waits for the previous frame to be rendered before it syncs the
     * scene (as {@code FirstFrame} relies on), so by then the frame with the card has been drawn.
     */
    private static void measure(String target, Path home, Path timeFile) throws Exception {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        WizardViewModel[] holder = new WizardViewModel[1];
        long[] clicked = new long[1];
        // Where the time went, in ms since the click: for whoever wants to make it shorter.
        StringBuffer steps = new StringBuffer();
        Platform.runLater(() -> {
            try {
                Scene scene = show(home, holder);
                WizardViewModel model = holder[0];
                javafx.scene.control.Button next = (javafx.scene.control.Button) scene.lookup("#next");
                model.symptomProperty().set(Symptom.SSH_HANGS);
                next.fire();
                model.details().hostProperty().set(target);
                // The user's clicks come after what enabled them: each one is queued behind it.
                model.systemReadyProperty().addListener((o, was, ready) -> {
                    if (ready && model.stepProperty().get() == Step.SYSTEM) {
                        steps.append(" system-ready=").append(sinceClick(clicked[0]));
                        Platform.runLater(next::fire);
                    }
                });
                model.resultProperty().addListener((o, was, result) -> {
                    if (result != null && model.stepProperty().get() == Step.CHECKS) {
                        steps.append(" result=").append(sinceClick(clicked[0]));
                        Platform.runLater(next::fire);
                    }
                });
                model.stepProperty().addListener((o, was, now) -> steps.append(" ").append(now.name().toLowerCase(java.util.Locale.ROOT))
                        .append("-page=").append(sinceClick(clicked[0])));
                if (model.stepProperty().get() != Step.DETAILS || next.isDisabled()) {
                    throw new IllegalStateException("the wizard is not on Details with Next enabled but on " + model.stepProperty().get());
                }
                clicked[0] = System.nanoTime();
                new javafx.animation.AnimationTimer() {
                    private int pulsesSinceShown = -1;

                    @Override
                    public void handle(long now) {
                        if (pulsesSinceShown < 0 && model.stepProperty().get() == Step.DIAGNOSIS && !model.findings().isEmpty()
                                && scene.lookup("#finding-" + model.findings().get(0).id()) != null) {
                            pulsesSinceShown = 0;
                            steps.append(" card-in-scene=").append(sinceClick(clicked[0]));
                        } else if (pulsesSinceShown >= 0 && ++pulsesSinceShown == 1) {
                            stop();
                            shown.complete(sinceClick(clicked[0]));
                        }
                    }
                }.start();
                next.fire();
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
            }
        });
        long millis = shown.get(60, TimeUnit.SECONDS);
        WizardViewModel model = holder[0];
        long runMillis = onFx(() -> model.resultProperty().get().durationMillis());
        for (var f : onFx(() -> java.util.List.copyOf(model.findings()))) {
            System.out.println("FINDING " + f.id());
        }
        System.out.println("WIZARD-MILLIS " + millis);
        System.out.println("WIZARD-RUN-MILLIS " + runMillis);
        System.out.println("WIZARD-STEPS" + steps);
        Files.writeString(timeFile, millis + "\n");
    }

    private static long sinceClick(long clickedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - clickedNanos);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }
}
