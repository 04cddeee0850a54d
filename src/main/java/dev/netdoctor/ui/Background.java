package dev.netdoctor.ui;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands the result (or the error) back on it: the UI never
 * blocks on files, processes or the network.
 */
final class Background {
    private static final ExecutorService POOL = Executors.newVirtualThreadPerTaskExecutor();

    private Background() {
    }

    static <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        POOL.submit(() -> {
            try {
                T value = work.call();
                Platform.runLater(() -> onSuccess.accept(value));
            } catch (Exception e) {
                Platform.runLater(() -> onError.accept(e));
            }
        });
    }
}
