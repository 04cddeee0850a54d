// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * How view models do work that may block (files, processes, the network) and come back to the
 * UI: injected, so a view model never calls the FX toolkit itself and tests run it on their own
 * thread ({@link #sameThread()}) without one. {@code always} runs first when the work ends,
 * whichever way (the place for "not busy any more"); then {@code onSuccess} with the value, or
 * {@code onFailure} with whatever was thrown, errors included.
 */
public interface TaskExecutor {
    <T> void run(Callable<T> work, Runnable always, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    default <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        run(work, () -> { }, onSuccess, onFailure);
    }

    /** Runs {@code action} where the UI may be touched. */
    void onUiThread(Runnable action);

    /** Something done every {@code period} on the UI thread while started (e.g. the running checks' clocks). */
    interface Ticker {
        void start();

        void stop();
    }

    Ticker ticker(java.time.Duration period, Runnable action);

    /** The app's: work on virtual threads, everything after it on the FX thread. */
    static TaskExecutor fx() {
        return Fx.INSTANCE;
    }

    /** For tests: the work and its follow-up at once, on the calling thread. */
    static TaskExecutor sameThread() {
        return new TaskExecutor() {
            @Override
            public <T> void run(Callable<T> work, Runnable always, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                complete(work, always, onSuccess, onFailure, Runnable::run);
            }

            @Override
            public void onUiThread(Runnable action) {
                action.run();
            }

            /** Tests move time themselves: this ticker never fires on its own. */
            @Override
            public Ticker ticker(java.time.Duration period, Runnable action) {
                return new Ticker() {
                    @Override
                    public void start() {
                    }

                    @Override
                    public void stop() {
                    }
                };
            }
        };
    }

    private static <T> void complete(Callable<T> work, Runnable always, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                                     Consumer<Runnable> ui) {
        T value;
        try {
            value = work.call();
        } catch (Throwable e) {
            ui.accept(() -> {
                always.run();
                onFailure.accept(e);
            });
            return;
        }
        ui.accept(() -> {
            always.run();
            onSuccess.accept(value);
        });
    }

    /** Virtual threads for the work; the FX thread for what follows. */
    final class Fx implements TaskExecutor {
        private static final Fx INSTANCE = new Fx();
        private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

        private Fx() {
        }

        @Override
        public <T> void run(Callable<T> work, Runnable always, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            pool.submit(() -> complete(work, always, onSuccess, onFailure, Platform::runLater));
        }

        @Override
        public void onUiThread(Runnable action) {
            Platform.runLater(action);
        }

        @Override
        public Ticker ticker(java.time.Duration period, Runnable action) {
            javafx.animation.Timeline timeline = new javafx.animation.Timeline(
                    new javafx.animation.KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> action.run()));
            timeline.setCycleCount(javafx.animation.Timeline.INDEFINITE);
            return new Ticker() {
                @Override
                public void start() {
                    timeline.play();
                }

                @Override
                public void stop() {
                    timeline.stop();
                }
            };
        }
    }
}
