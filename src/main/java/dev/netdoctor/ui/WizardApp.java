package dev.netdoctor.ui;

import atlantafx.base.theme.PrimerLight;
import dev.netdoctor.log.RunLog;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Objects;

/** The wizard window. */
public final class WizardApp extends Application {
    public static final double WIDTH = 900;
    public static final double HEIGHT = 600;

    public static void start(String[] args) {
        RunLog.start("gui", false);
        Application.launch(WizardApp.class, args);
    }

    /** The scene of a fresh wizard; also used by tests to render screenshots. */
    public static Scene createScene(WizardViewModel model, Runnable onCancel) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(new WizardView(model, onCancel), WIDTH, HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(WizardApp.class.getResource("wizard.css")).toExternalForm());
        return scene;
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("WSL Net Doctor");
        stage.setScene(createScene(new WizardViewModel(), Platform::exit));
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        stage.show();
    }
}
