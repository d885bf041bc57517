package dev.cognitoconsole.ui.parts;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.common.Tooltips;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A tooltip made on the first hover still shows on that hover, and assistive tools have its text before. */
@ExtendWith(ApplicationExtension.class)
class TooltipsUiIT {
    private Button button;

    @Start
    void start(Stage stage) {
        button = new Button("Reload");
        Tooltips.onHover(button, "Reload the pool list");
        StackPane root = new StackPane(button);
        root.setAlignment(Pos.TOP_LEFT);
        stage.setScene(new Scene(root, 400, 200));
        stage.show();
    }

    @Test
    void isMadeOnTheFirstHoverAndShown(FxRobot robot) {
        assertThat(fx(button::getTooltip)).as("no popup made with the window").isNull();
        assertThat(fx(button::getAccessibleHelp)).isEqualTo("Reload the pool list");

        robot.moveTo(button).moveBy(3, 2).moveBy(2, 1);

        Tooltip tooltip = fx(button::getTooltip);
        assertThat(tooltip).isNotNull();
        assertThat(tooltip.getText()).isEqualTo("Reload the pool list");
        awaitFx("the tooltip shows on that hover", tooltip::isShowing);
    }

    @Test
    void aTooltipSetMeanwhileIsKept(FxRobot robot) {
        Tooltip own = fx(() -> {
            Tooltip t = new Tooltip("Set by the view later");
            button.setTooltip(t);
            return t;
        });

        robot.moveTo(button);

        assertThat(fx(button::getTooltip)).isSameAs(own);
    }
}
