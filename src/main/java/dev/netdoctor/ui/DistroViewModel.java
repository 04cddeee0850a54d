// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import dev.netdoctor.host.WslDistro;
import dev.netdoctor.host.WslDistros;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which WSL distro the checks run in, when the app runs on Windows: the list wsl.exe gives
 * (read in the background), the default chosen, the user free to pick another; or, when WSL
 * cannot be used, why, in a sentence that says what to do. Inactive on Linux.
 */
public final class DistroViewModel {
    private final ObservableList<WslDistro> distros = FXCollections.observableArrayList();
    private final ObjectProperty<WslDistro> chosen = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty active = new SimpleBooleanProperty();
    /** The chosen name for the engine's background thread (the property belongs to the FX thread). */
    private volatile String chosenName;

    private final TaskExecutor tasks;

    public DistroViewModel() {
        this(TaskExecutor.fx());
    }

    public DistroViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
        chosen.addListener((o, a, b) -> chosenName = b == null ? null : b.name());
    }

    /** Reads the distros through {@code wslExe} and makes the choice part of the wizard. */
    public void load(String wslExe) {
        active.set(true);
        loading.set(true);
        problem.set("");
        tasks.run(() -> WslDistros.list(wslExe), () -> loading.set(false), list -> {
            distros.setAll(list);
            chosen.set(WslDistro.choose(list, null).orElse(list.getFirst()));
        }, error -> {
            distros.clear();
            chosen.set(null);
            problem.set(error.getMessage());
        });
    }

    public ObservableList<WslDistro> distros() {
        return distros;
    }

    public ObjectProperty<WslDistro> chosenProperty() {
        return chosen;
    }

    public javafx.beans.property.ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty activeProperty() {
        return active;
    }

    /** Whether the checks can run: on Linux always; on Windows once a usable distro is chosen. */
    BooleanBinding readyProperty() {
        return Bindings.createBooleanBinding(() -> !active.get() || chosen.get() != null && chosen.get().version() == 2,
                active, chosen);
    }

    /** The distro to open, read from the engine's thread. */
    public String chosenName() {
        return chosenName;
    }

    /** How a distro reads in the list: its name, and what matters about it. */
    public static String describe(WslDistro d) {
        String state = d.running() ? Texts.get("distro.running") : Texts.get("distro.stopped");
        return d.name() + "  ·  " + (d.isDefault() ? Texts.get("distro.default") + " · " : "")
                + (d.version() == 1 ? Texts.get("distro.wsl1") : state);
    }
}
