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
 * <pre>java -Dglass.platform=Headless -Dprism.order=sw -cp … dev.netdoctor.ui.WizardLabDriver TARGET</pre>
 */
public final class WizardLabDriver {
    private WizardLabDriver() {
    }

    public static void main(String[] args) throws Exception {
        String target = args[0];
        Path home = Files.createTempDirectory("wizard-lab-home");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(20, TimeUnit.SECONDS);
        CompletableFuture<Scene> sceneReady = new CompletableFuture<>();
        WizardViewModel[] holder = new WizardViewModel[1];
        Platform.runLater(() -> {
            WizardApp.applyTheme(false);
            WizardViewModel model = new WizardViewModel(new EngineRunner(), new FakeDialogs(),
                    new Settings(home.resolve("settings.properties")),
                    FixPlaces.onThisComputer(home, Optional::empty, Clock.systemUTC()), () -> { });
            holder[0] = model;
            Scene scene = WizardApp.createScene(model, new FakeDialogs());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
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
