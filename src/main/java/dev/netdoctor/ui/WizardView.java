package dev.netdoctor.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The wizard window's content: a sidebar of steps, the current step, and Back/Next/Cancel. Thin: state lives in the view model. */
public final class WizardView extends BorderPane {
    private static final Map<Symptom, Feather> ICONS = Map.of(
            Symptom.SSH_HANGS, Feather.TERMINAL,
            Symptom.OWN_PORT_UNREACHABLE, Feather.MONITOR,
            Symptom.NOT_SURE, Feather.SEARCH);

    private final WizardViewModel model;
    private final List<Label> sidebarItems = new ArrayList<>();
    private final BorderPane content = new BorderPane();

    public WizardView(WizardViewModel model, Runnable onCancel) {
        this.model = model;
        getStyleClass().add("wizard");
        setLeft(sidebar());
        content.setPadding(new Insets(32, 40, 16, 40));
        setCenter(content);
        setBottom(buttons(onCancel));
        model.stepProperty().addListener((obs, old, now) -> show(now.intValue()));
        show(model.stepProperty().get());
    }

    private Node sidebar() {
        VBox box = new VBox(4);
        box.getStyleClass().add("sidebar");
        box.setPadding(new Insets(24, 16, 24, 16));
        box.setPrefWidth(232);
        box.setMinWidth(232);
        Label product = new Label("WSL Net Doctor");
        product.getStyleClass().add("product");
        product.setMinWidth(Region.USE_PREF_SIZE);
        product.setGraphic(new FontIcon(Feather.ACTIVITY));
        box.getChildren().add(product);
        Region gap = new Region();
        gap.setMinHeight(16);
        box.getChildren().add(gap);
        for (int i = 0; i < WizardViewModel.STEPS.size(); i++) {
            Label item = new Label((i + 1) + "   " + WizardViewModel.STEPS.get(i));
            item.getStyleClass().add("step");
            item.setMaxWidth(Double.MAX_VALUE);
            sidebarItems.add(item);
            box.getChildren().add(item);
        }
        return box;
    }

    private Node buttons(Runnable onCancel) {
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> onCancel.run());
        Button back = new Button("Back", new FontIcon(Feather.ARROW_LEFT));
        back.disableProperty().bind(model.canGoBackProperty().not());
        back.setOnAction(e -> model.back());
        Button next = new Button("Next", new FontIcon(Feather.ARROW_RIGHT));
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        next.disableProperty().bind(model.canGoNextProperty().not());
        next.setOnAction(e -> model.next());
        next.setId("next");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, cancel, spacer, back, next);
        bar.getStyleClass().add("button-bar");
        bar.setPadding(new Insets(12, 40, 16, 40));
        return bar;
    }

    private void show(int step) {
        for (int i = 0; i < sidebarItems.size(); i++) {
            Label l = sidebarItems.get(i);
            l.getStyleClass().removeAll("current", "done");
            if (i == step) {
                l.getStyleClass().add("current");
            } else if (i < step) {
                l.getStyleClass().add("done");
            }
        }
        content.setCenter(step == 0 ? symptomStep() : comingStep(step));
    }

    private Node symptomStep() {
        Label title = new Label("What's wrong?");
        title.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label("Pick what you see. We'll run the right checks and explain what we find.");
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        intro.setWrapText(true);
        VBox choices = new VBox(12);
        ToggleGroup group = new ToggleGroup();
        for (Symptom s : Symptom.values()) {
            Label head = new Label(s.title());
            head.getStyleClass().add(Styles.TITLE_4);
            Label sub = new Label(s.description());
            sub.getStyleClass().add("choice-detail");
            FontIcon icon = new FontIcon(ICONS.get(s));
            icon.getStyleClass().add("choice-icon");
            HBox inner = new HBox(16, icon, new VBox(4, head, sub));
            inner.setMinHeight(56);
            inner.setAlignment(Pos.CENTER_LEFT);
            ToggleButton choice = new ToggleButton();
            choice.setGraphic(inner);
            choice.setToggleGroup(group);
            choice.getStyleClass().add("choice");
            choice.setMaxWidth(Double.MAX_VALUE);
            choice.setAlignment(Pos.CENTER_LEFT);
            choice.setUserData(s);
            choice.setSelected(s == model.symptomProperty().get());
            choice.setId("symptom-" + s.name().toLowerCase().replace('_', '-'));
            choices.getChildren().add(choice);
        }
        group.selectedToggleProperty().addListener((obs, old, now) ->
                model.symptomProperty().set(now == null ? null : (Symptom) now.getUserData()));
        VBox page = new VBox(12, title, intro, new Region(), choices);
        page.setFillWidth(true);
        return page;
    }

    private Node comingStep(int step) {
        Label title = new Label(WizardViewModel.STEPS.get(step));
        title.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label("This step runs from the command line today:\n"
                + "wsl-net-doctor diagnose --target HOST[:PORT]");
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(12, title, text);
    }
}
