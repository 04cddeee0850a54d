// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.details;

import atlantafx.base.theme.Styles;
import dev.netdoctor.host.WslDistro;
import dev.netdoctor.ui.DialogService;
import dev.netdoctor.ui.DistroViewModel;
import dev.netdoctor.ui.Texts;
import dev.netdoctor.ui.Ui;
import dev.netdoctor.ui.WizardViewModel;
import dev.netdoctor.ui.symptom.Symptom;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Step 2: what to check, each field with its message right next to it. */
public final class DetailsPage {
    private DetailsPage() {
    }

    public static Node build(WizardViewModel model, DialogService dialogs) {
        DetailsViewModel d = model.details();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints wide = new ColumnConstraints();
        wide.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(wide, new ColumnConstraints(110));
        Symptom symptom = model.symptomProperty().get();
        // ControlsFX marks a field whose text is wrong (a red frame, style class "error"); the words
        // under it say what to change.
        org.controlsfx.validation.ValidationSupport validation = new org.controlsfx.validation.ValidationSupport();
        validation.setValidationDecorator(new org.controlsfx.validation.decoration.StyleClassValidationDecoration());
        int row = 0;
        if (symptom.asksForTarget()) {
            // A name lookup has no port, and with a VPN the machine matters, not its port: a Port field would only puzzle.
            boolean portField = symptom.hasPortField();
            // Keys spelt out, not built: MessageKeysTest sees every one.
            MachineField asked = switch (symptom) {
                case NAMES_DONT_RESOLVE -> new MachineField("details.name", "details.name.prompt");
                case NOTHING_WORKS_ON_VPN -> new MachineField("details.vpn", "details.vpn.prompt");
                case COMPANY_NAMES_DONT_RESOLVE -> new MachineField("details.company", "details.company.prompt");
                default -> new MachineField("details.host", "details.host.prompt");
            };
            TextField host = field("host", d.hostProperty(), Texts.get(asked.prompt()));
            if (symptom.asksAboutVpn()) {
                // Its examples show where a port goes (host:port): they stay while the field has the focus.
                host.getStyleClass().add("keeps-prompt");
            }
            TextField port = field("port", d.portProperty(), "22");
            MenuButton recent = new MenuButton(Texts.get("details.recent"), Ui.icon(Feather.CLOCK, "field-icon"));
            recent.setId("recent");
            recent.disableProperty().bind(Bindings.isEmpty(model.recentTargets()));
            Runnable fill = () -> recent.getItems().setAll(model.recentTargets().stream().map(t -> {
                MenuItem item = new MenuItem(t);
                item.setMnemonicParsing(false);
                item.setOnAction(e -> model.useRecent(t));
                return item;
            }).toList());
            fill.run();
            model.recentTargets().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
            HBox hostRow = new HBox(8, host, recent);
            HBox.setHgrow(host, Priority.ALWAYS);
            grid.add(label(Texts.get(asked.label()), host), 0, row, portField ? 1 : 2, 1);
            if (portField) {
                grid.add(label(Texts.get("details.port"), port), 1, row);
            }
            row++;
            grid.add(hostRow, 0, row, portField ? 1 : 2, 1);
            if (portField) {
                grid.add(port, 1, row);
            }
            row++;
            grid.add(error("host-error", d.hostErrorProperty(), host, validation), 0, row++, 2, 1);
            if (portField) {
                // On its own row: "the host says 2222 but this field says 22" needs more than the Port column.
                grid.add(error("port-error", d.portErrorProperty(), port, validation), 0, row++, 2, 1);
            }
        }
        if (symptom.asksForServicePort()) {
            // "My app in WSL" where the symptom is about an app seen from elsewhere (Windows, the network).
            boolean inWsl = symptom.needsServicePort() && symptom != Symptom.OWN_PORT_UNREACHABLE;
            TextField service = field("service-port", d.servicePortsProperty(), Texts.get(inWsl ? "details.app.prompt" : "details.service.prompt"));
            if (inWsl) {
                service.getStyleClass().add("keeps-prompt");
            }
            grid.add(label(Texts.get(inWsl ? "details.app" : "details.service"), service), 0, row++, 2, 1);
            grid.add(service, 0, row++);
            grid.add(error("service-error", d.servicePortErrorProperty(), service, validation), 0, row++, 2, 1);
        }
        if (symptom.asksForWindowsPort()) {
            TextField windows = field("windows-port", d.windowsPortsProperty(), Texts.get("details.windows.prompt"));
            windows.getStyleClass().add("keeps-prompt");
            grid.add(label(Texts.get("details.windows"), windows), 0, row++, 2, 1);
            grid.add(windows, 0, row++);
            grid.add(error("windows-error", d.windowsPortErrorProperty(), windows, validation), 0, row++, 2, 1);
        }
        // What the checks will do; started inside WSL (no distro to choose), also which half they cannot see from there.
        String help = switch (symptom) {
            case BROWSER_CANT_OPEN_WSL_APP -> Texts.get("details.browser.help");
            case WSL_CANT_REACH_WINDOWS_PROGRAM -> Texts.get("details.windows.help");
            case NOTHING_WORKS_ON_VPN -> Texts.get("details.vpn.help");
            case COMPANY_NAMES_DONT_RESOLVE -> Texts.get("details.company.help");
            default -> "";
        };
        String insideWsl = switch (symptom) {
            case BROWSER_CANT_OPEN_WSL_APP -> Texts.get("details.browser.insideWsl");
            case WSL_CANT_REACH_WINDOWS_PROGRAM -> Texts.get("details.windows.insideWsl");
            case OTHER_DEVICES_CANT_REACH_WSL_APP -> Texts.get("details.lan.insideWsl");
            case NOTHING_WORKS_ON_VPN -> Texts.get("details.vpn.insideWsl");
            case COMPANY_NAMES_DONT_RESOLVE -> Texts.get("details.company.insideWsl");
            default -> "";
        };
        if (!insideWsl.isEmpty()) {
            Label what = Ui.wrapping("", Styles.TEXT_MUTED);
            what.setId("details-help");
            what.textProperty().bind(Bindings.when(model.distros().activeProperty()).then(help).otherwise((help + " " + insideWsl).strip()));
            what.managedProperty().bind(what.textProperty().isNotEmpty());
            what.visibleProperty().bind(what.managedProperty());
            grid.add(what, 0, row++, 2, 1);
        }
        if (!symptom.asksForTarget() && !symptom.asksForServicePort() && !symptom.asksForWindowsPort()) {
            // nothing to ask: say what will be read instead of showing an empty form
            Label nothing = new Label(Texts.get("details.settings.only"));
            nothing.setWrapText(true);
            grid.add(nothing, 0, row++, 2, 1);
        }
        Node page = Ui.page(Texts.get("details.title"), Texts.get("details.intro"), grid);
        if (model.distros().activeProperty().get()) {
            ((VBox) page).getChildren().add(2, distroChoice(model.distros()));
        }
        if (symptom.offersOutsideCheck()) {
            ((VBox) page).getChildren().add(vantage(d, dialogs, validation, symptom == Symptom.OTHER_DEVICES_CANT_REACH_WSL_APP));
        }
        return page;
    }

    /** The words of the machine's field, as each symptom asks for it. */
    private record MachineField(String label, String prompt) {
    }

    /** On Windows: the distro the checks run in, or why WSL cannot be used. */
    private static Node distroChoice(DistroViewModel distros) {
        ComboBox<WslDistro> choice = new ComboBox<>(distros.distros());
        choice.setId("distro");
        choice.valueProperty().bindBidirectional(distros.chosenProperty());
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(WslDistro d) {
                return d == null ? "" : DistroViewModel.describe(d);
            }

            @Override
            public WslDistro fromString(String s) {
                return null;
            }
        });
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.disableProperty().bind(Bindings.isEmpty(distros.distros()));
        choice.promptTextProperty().bind(Bindings.when(distros.loadingProperty()).then(Texts.get("distro.loading")).otherwise(""));
        Label problem = new Label();
        problem.setId("distro-problem");
        problem.textProperty().bind(distros.problemProperty());
        problem.getStyleClass().addAll(Styles.TEXT_SMALL, "field-error");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER); // only ever shows a problem, or "loading" while the list is read
        // No problem, no empty line: the fields below move up (the "other devices" page needs the room).
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox box = new VBox(4, label(Texts.get("distro.label"), choice), choice, problem);
        box.setPadding(new Insets(0, 0, 8, 0));
        return box;
    }

    /**
     * The outside check's fields, folded away: most runs do without them. For "other devices
     * can't reach my app" they are the only proof, so they are shown open, under a heading that
     * says first why another machine is asked for, and side by side so the page needs no scrolling.
     */
    private static Node vantage(DetailsViewModel d, DialogService dialogs, org.controlsfx.validation.ValidationSupport validation, boolean onlyProof) {
        TextField who = field("vantage", d.vantageProperty(), Texts.get("details.vantage.prompt"));
        TextField key = field("identity", d.identityProperty(), Texts.get("details.identity.prompt"));
        Button browse = new Button(Texts.get("details.identity.browse"));
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(e -> dialogs.chooseOpenFile(Texts.get("details.identity"), "key")
                .ifPresent(p -> d.identityProperty().set(p.toString())));
        HBox keyRow = new HBox(8, key, browse);
        HBox.setHgrow(key, Priority.ALWAYS);
        Label whoError = error("vantage-error", d.vantageErrorProperty(), who, validation);
        Label keyError = error("identity-error", d.identityErrorProperty(), key, validation);
        if (onlyProof) {
            Label heading = new Label(Texts.get("details.lan.vantage"));
            heading.getStyleClass().add(Styles.TITLE_4);
            Label why = Ui.wrapping(Texts.get("details.lan.why"));
            why.setId("lan-why");
            GridPane fields = new GridPane();
            fields.setHgap(12);
            fields.setVgap(4);
            // The key's column the wider one: its prompt and Browse… share it.
            ColumnConstraints user = new ColumnConstraints();
            user.setPercentWidth(45);
            ColumnConstraints keyFile = new ColumnConstraints();
            keyFile.setPercentWidth(55);
            fields.getColumnConstraints().addAll(user, keyFile);
            fields.addRow(0, label(Texts.get("details.vantage.user"), who), label(Texts.get("details.identity"), key));
            fields.addRow(1, who, keyRow);
            fields.addRow(2, whoError, keyError);
            VBox section = new VBox(4, heading, why, fields,
                    Ui.wrapping(Texts.get("details.lan.login"), Styles.TEXT_MUTED, Styles.TEXT_SMALL));
            section.setId("vantage-section");
            section.setPadding(new Insets(4, 0, 0, 0));
            return section;
        }
        VBox box = new VBox(4,
                label(Texts.get("details.vantage.user"), who), who, whoError,
                label(Texts.get("details.identity"), key), keyRow, keyError,
                Ui.wrapping(Texts.get("details.vantage.help"), Styles.TEXT_MUTED, Styles.TEXT_SMALL));
        box.setPadding(new Insets(8, 4, 4, 4));
        TitledPane pane = new TitledPane(Texts.get("details.vantage"), box);
        pane.setId("vantage-pane");
        pane.setExpanded(!d.vantageProperty().get().isBlank());
        return pane;
    }

    private static TextField field(String id, StringProperty value, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        f.setPromptText(prompt);
        f.setMaxWidth(Double.MAX_VALUE);
        return f;
    }

    private static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.getStyleClass().add("field-label");
        return l;
    }

    /**
     * The message next to a field: empty when the value is fine. An empty field the user has not
     * touched yet is not scolded; Next stays disabled, and the message appears once they type or
     * leave the field.
     */
    private static Label error(String id, StringBinding message, TextField field, org.controlsfx.validation.ValidationSupport validation) {
        Label l = new Label();
        l.setId(id);
        javafx.beans.property.BooleanProperty touched = new javafx.beans.property.SimpleBooleanProperty(!field.getText().isEmpty());
        field.textProperty().addListener((o, a, b) -> touched.set(true));
        field.focusedProperty().addListener((o, was, now) -> {
            if (was && !now) {
                touched.set(true);
            }
        });
        l.textProperty().bind(Bindings.when(touched).then(message).otherwise(""));
        l.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "field-error");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        // The field is marked exactly when its message shows; a message can change because of
        // another field (host:2222 against Port), so the mark follows the message, not the text.
        validation.registerValidator(field, false, (javafx.scene.control.Control c, String text) ->
                org.controlsfx.validation.ValidationResult.fromErrorIf(c, l.getText(), !l.getText().isEmpty()));
        l.textProperty().addListener((o, was, now) -> validation.revalidate(field));
        return l;
    }
}
