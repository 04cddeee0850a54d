// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.fix;

import dev.netdoctor.fix.FixWiring;
import dev.netdoctor.ui.Texts;
import dev.netdoctor.ui.Ui;
import dev.netdoctor.ui.WizardViewModel;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Step 6: a button per fix; advice is shown in full and can be copied. */
public final class FixPage {
    private FixPage() {
    }

    public static Node build(WizardViewModel model) {
        FixViewModel fixes = model.fixes();
        VBox list = new VBox(14);
        Runnable fill = () -> {
            list.getChildren().clear();
            if (fixes.actions().isEmpty()) {
                boolean incomplete = !model.incompleteNotice().isEmpty();
                Label none = Ui.wrapping(Texts.get(incomplete ? "fix.none.incomplete" : "fix.none"), Styles.TEXT_MUTED);
                none.setId("fix-none");
                list.getChildren().add(none);
            }
            fixes.actions().forEach(a -> list.getChildren().add(card(model, fixes, a)));
            list.getChildren().add(restart(fixes));
        };
        fill.run();
        fixes.actions().addListener((ListChangeListener<FixAction>) c -> fill.run());
        model.resultProperty().addListener(o -> fill.run());
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return Ui.page(Texts.get("fix.title"), Texts.get("fix.intro"), Ui.incompleteBanner(model, "fix"), notice(fixes), scroll);
    }

    /**
     * What the last Apply or Undo did, said on the page above the fixes: in the layout, so it
     * covers neither the fixes nor Cancel/Back/Next and takes no clicks meant for them; in the
     * theme's own success colours, light or dark. It stays until closed or replaced.
     */
    private static Node notice(FixViewModel fixes) {
        Message message = new Message("", "", Ui.icon(Feather.CHECK_CIRCLE, "status-ok"));
        message.setId("fix-notice");
        message.getStyleClass().add(Styles.SUCCESS);
        message.setOnClose(e -> fixes.dismissNotice());
        Runnable update = () -> {
            FixViewModel.Notice n = fixes.noticeProperty().get();
            message.setTitle(n == null ? "" : n.title());
            message.setDescription(n == null ? "" : n.text());
            message.setVisible(n != null);
            message.setManaged(n != null);
        };
        fixes.noticeProperty().addListener(o -> update.run());
        update.run();
        return message;
    }

    private static Node card(WizardViewModel model, FixViewModel fixes, FixAction a) {
        boolean advice = a.kind() == FixWiring.Writes.NOTHING;
        Label title = Ui.wrapping(a.suggestion().title(), Styles.TITLE_4);
        title.textProperty().bind(a.titleProperty()); // "only this machine" renames the fix
        Label detail = Ui.wrapping(a.suggestion().detail());
        detail.textProperty().bind(a.detailProperty());
        if (advice) {
            detail.getStyleClass().add("advice");
        }
        boolean firewall = a.kind() == FixWiring.Writes.WINDOWS_FIREWALL;
        boolean copies = advice || firewall && !fixes.appliesHere(a);
        Button go = new Button(Texts.get(copies ? (advice ? "fix.copy" : "fix.firewall.copy") : firewall ? "fix.firewall.button" : "fix.preview"),
                Ui.icon(copies ? Feather.COPY : firewall ? Feather.SHIELD : Feather.EYE, "button-icon"));
        go.setId("fix-" + a.suggestion().id());
        if (!advice && fixes.isRecommended(a)) {
            go.getStyleClass().add(Styles.ACCENT);
        }
        go.disableProperty().bind(a.busyProperty());
        go.setOnAction(e -> fixes.run(a));
        Button undo = new Button(Texts.get("fix.undo"), Ui.icon(Feather.ROTATE_CCW, "button-icon"));
        undo.setId("undo-" + a.suggestion().id());
        undo.visibleProperty().bind(a.undoProperty().isNotNull());
        undo.managedProperty().bind(undo.visibleProperty());
        undo.disableProperty().bind(a.busyProperty());
        undo.setOnAction(e -> fixes.undo(a));
        Label status = Ui.wrapping("", Styles.TEXT_SMALL);
        status.textProperty().bind(a.statusProperty());
        status.setId("status-" + a.suggestion().id());
        go.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        undo.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        // After Apply or Undo the pressed button may be gone or disabled, and the next Enter must
        // do what is safe: after Apply it goes on (Next, the wizard's default button), never to
        // Undo, which would take back the fix just made; after Undo, back to this fix's own button.
        javafx.beans.value.ChangeListener<Boolean> settle = (o, was, now) -> {
            if (was && !now) {
                javafx.application.Platform.runLater(() -> {
                    Node next = go.getScene() == null ? null : go.getScene().lookup("#next");
                    boolean applied = undo.isVisible();
                    (applied && next != null && !next.isDisabled() ? next : go).requestFocus();
                });
            }
        };
        go.getProperties().put("settle-focus", settle);
        a.busyProperty().addListener(new javafx.beans.value.WeakChangeListener<>(settle));
        HBox buttons = new HBox(8, go, undo, status);
        VBox extra = new VBox(6);
        if (a.suggestion().plan() instanceof dev.netdoctor.model.FixPlan.SshIpqosNone ssh) {
            Label tryOnce = Ui.wrapping(Texts.get("fix.tryOnce"), Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            extra.getChildren().addAll(tryOnce, Ui.copyable(ssh.tryOnceCommand(), "try-" + a.suggestion().id(), model::copy));
        }
        if (a.suggestion().plan() instanceof dev.netdoctor.model.FixPlan.WindowsFirewallRule rule) {
            // Both shown before anything runs, and copyable: what runs with administrator rights, and what takes it back.
            extra.getChildren().addAll(Ui.wrapping(Texts.get("fix.firewall.command"), Styles.TEXT_SMALL, Styles.TEXT_MUTED),
                    Ui.copyable(rule.addCommand(), "firewall-command-" + a.suggestion().id(), model::copy),
                    Ui.wrapping(Texts.get("fix.firewall.undoCommand"), Styles.TEXT_SMALL, Styles.TEXT_MUTED),
                    Ui.copyable(rule.removeCommand(), "firewall-undo-" + a.suggestion().id(), model::copy));
        }
        if (a.offersOnlyThisHost()) {
            var plan = (dev.netdoctor.model.FixPlan.SshIpqosNone) a.suggestion().plan();
            javafx.scene.control.CheckBox only = new javafx.scene.control.CheckBox(Texts.get("fix.onlyThisHost", plan.target(), plan.pattern()));
            only.setId("only-this-host-" + a.suggestion().id());
            only.selectedProperty().bindBidirectional(a.onlyThisHostProperty());
            only.disableProperty().bind(a.busyProperty().or(a.undoProperty().isNotNull()));
            extra.getChildren().add(only);
        }
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        // The firewall rule's button comes right after its words, its command and undo under it:
        // two long commands above it would push the one thing to click out of a 900×600 window.
        VBox card = firewall ? new VBox(8, title, detail, buttons, extra) : new VBox(8, title, detail, extra, buttons);
        extra.setManaged(!extra.getChildren().isEmpty());
        if (fixes.isRecommended(a)) {
            Label badge = new Label(Texts.get("fix.recommended"));
            badge.setId("recommended-" + a.suggestion().id());
            badge.getStyleClass().addAll("badge", "badge-recommended");
            card.getChildren().addFirst(badge);
            card.getStyleClass().add("recommended");
        }
        card.getStyleClass().add("card");
        return card;
    }

    private static Node restart(FixViewModel fixes) {
        Button restart = new Button(Texts.get("fix.restart"), Ui.icon(Feather.REFRESH_CW, "button-icon"));
        restart.setId("restart-wsl");
        restart.getStyleClass().add(Styles.DANGER);
        restart.setOnAction(e -> fixes.restartWsl());
        Label hint = Ui.wrapping(Texts.get("fix.restart.hint"), Styles.TEXT_MUTED);
        Label status = Ui.wrapping("", Styles.TEXT_SMALL);
        status.textProperty().bind(fixes.restartStatusProperty());
        VBox box = new VBox(8, hint, new HBox(8, restart, status));
        box.getStyleClass().add("card");
        box.visibleProperty().bind(fixes.restartOfferedProperty());
        box.managedProperty().bind(box.visibleProperty());
        restart.disableProperty().bind(Bindings.isNotEmpty(fixes.restartStatusProperty()));
        return box;
    }
}
