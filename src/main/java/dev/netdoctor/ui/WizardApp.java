// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.host.WslConfigLocation;
import dev.netdoctor.log.RunLog;
import dev.netdoctor.ui.fix.FixPlaces;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.Objects;

/** The wizard window. */
public final class WizardApp extends Application {
    public static final double WIDTH = 900;
    public static final double HEIGHT = 600;

    public static void start(String[] args) {
        RunLog.start("gui", false);
        Application.launch(WizardApp.class, args);
    }

    /** Light or dark AtlantaFX theme; {@code null} follows the system where JavaFX can tell. */
    public static void applyTheme(Boolean dark) {
        boolean useDark = dark != null ? dark : Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        Application.setUserAgentStylesheet(useDark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** The scene of a wizard; also used by tests to drive it and to render screenshots. */
    public static Scene createScene(WizardViewModel model, DialogService dialogs) {
        Scene scene = new Scene(new WizardView(model, dialogs), WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(WizardApp.class.getResource("wizard.css")).toExternalForm());
        return scene;
    }

    /**
     * The wsl.exe to reach the distros through: on Windows always ("wsl.exe" on the PATH unless
     * -Dnetdoctor.wslExe says otherwise); elsewhere only when that property names one (tests, and
     * trying Windows mode with a fake). Null: the checks run on this Linux.
     */
    static String wslExe() {
        String given = System.getProperty("netdoctor.wslExe");
        if (given != null && !given.isBlank()) {
            return given;
        }
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("windows") ? dev.netdoctor.host.WslDistros.defaultWslExe() : null;
    }

    @Override
    public void start(Stage stage) {
        applyTheme(null);
        Platform.getPreferences().colorSchemeProperty().addListener((o, a, b) -> applyTheme(null));
        LocalLinuxSide linux = new LocalLinuxSide();
        FxDialogService dialogs = new FxDialogService(stage, getHostServices());
        DistroViewModel distros = new DistroViewModel();
        String wslExe = wslExe();
        WizardViewModel model = new WizardViewModel(wslExe == null ? new EngineRunner() : EngineRunner.wsl(wslExe, distros), dialogs,
                new Settings(RunLog.stateDir().resolve("settings.properties")),
                FixPlaces.forLinux(wslExe == null ? linux : new ChosenDistro(wslExe, distros), () -> WslConfigLocation.find(linux),
                        Clock.systemDefaultZone()), distros, stage::close);
        if (wslExe != null) {
            distros.load(wslExe);
        }
        stage.setTitle(Texts.get("app.title"));
        for (int size : new int[]{16, 32, 48, 64, 128, 256}) {
            var url = WizardApp.class.getResource("/icons/wsl-net-doctor-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
        stage.setScene(createScene(model, dialogs));
        stage.setMinWidth(WIDTH);
        stage.setMinHeight(HEIGHT);
        // The window's close box is Cancel too: it asks first when something would be lost.
        stage.setOnCloseRequest(e -> {
            e.consume();
            model.cancel();
        });
        stage.show();
        FirstFrame.reportIfAsked();
    }
}
