// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The copyable output boxes: Copy answers that it copied, and the mouse wheel is not trapped in a box. */
@ExtendWith(ApplicationExtension.class)
class OutputBoxesTest {
    private static final String OUTPUT = String.join("\n", java.util.Collections.nCopies(40, "debug1: Connecting to 198.18.1.56 port 22."));
    private final AtomicReference<String> copied = new AtomicReference<>();
    private ScrollPane page;
    private TextArea box;
    private Button copy;

    @Start
    void start(Stage stage) {
        WizardApp.applyTheme(false);
        Region above = new Region();
        above.setMinHeight(500);
        Region below = new Region();
        below.setMinHeight(800);
        Node block = Ui.copyable(OUTPUT, "output", copied::set);
        page = new ScrollPane(new VBox(10, above, block, below));
        page.setFitToWidth(true);
        stage.setScene(new Scene(page, 900, 600));
        stage.show();
        box = (TextArea) block.lookup(".text-area");
        copy = (Button) block.lookup("#copy-output");
    }

    private static ScrollEvent wheel(double deltaY) {
        return new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false, false, 0, deltaY, 0, deltaY,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    @Test
    void copySaysCopiedForAMomentThenIsCopyAgain(FxRobot robot) throws Exception {
        assertThat(Fixtures.fx(copy::getText)).isEqualTo("Copy");
        robot.interact(copy::fire);
        assertThat(copied.get()).isEqualTo(OUTPUT);
        assertThat(Fixtures.fx(copy::getText)).isEqualTo("Copied");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Fixtures.fx(copy::getText).equals("Copy"));
    }

    @Test
    void theWheelOverABoxWithoutFocusScrollsThePage(FxRobot robot) throws Exception {
        robot.interact(() -> page.requestFocus());
        double before = Fixtures.fx(page::getVvalue);
        robot.interact(() -> Event.fireEvent(box.lookup(".content"), wheel(-120)));
        assertThat(Fixtures.fx(page::getVvalue)).as("the page moved down").isGreaterThan(before);
        ScrollPane inner = Fixtures.fx(() -> (ScrollPane) box.lookup(".scroll-pane"));
        assertThat(Fixtures.fx(inner::getVvalue)).as("the box did not").isEqualTo(0.0);
    }

    @Test
    void aFocusedBoxScrollsItselfUntilItsEndThenThePage(FxRobot robot) throws Exception {
        robot.interact(() -> box.requestFocus());
        ScrollPane inner = Fixtures.fx(() -> (ScrollPane) box.lookup(".scroll-pane"));
        double pageBefore = Fixtures.fx(page::getVvalue);
        robot.interact(() -> Event.fireEvent(box.lookup(".content"), wheel(-40)));
        assertThat(Fixtures.fx(inner::getVvalue)).as("the box scrolls while it can").isGreaterThan(0.0);
        assertThat(Fixtures.fx(page::getVvalue)).isEqualTo(pageBefore);
        robot.interact(() -> inner.setVvalue(inner.getVmax()));
        robot.interact(() -> Event.fireEvent(box.lookup(".content"), wheel(-120)));
        assertThat(Fixtures.fx(page::getVvalue)).as("at its end, the page moves on").isGreaterThan(pageBefore);
    }
}
