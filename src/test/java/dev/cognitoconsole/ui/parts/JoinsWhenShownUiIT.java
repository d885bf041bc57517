package dev.cognitoconsole.ui.parts;

import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static dev.cognitoconsole.ui.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.common.JoinsWhenShown;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A part shown now and then is not in the window until first shown, then takes its place there for good. */
@ExtendWith(ApplicationExtension.class)
class JoinsWhenShownUiIT {
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty warned = new SimpleBooleanProperty(true);
    private final Button first = new Button("First");
    private final Button stop = new Button("Stop");
    private final ProgressBar progress = new ProgressBar();
    private final Button warning = new Button("Warning");
    private final Button last = new Button("Last");
    private HBox row;

    @Start
    void start(Stage stage) {
        progress.setPrefWidth(120);
        row = new HBox(8, first, JoinsWhenShown.takingNoRoom(stop, loading),
                JoinsWhenShown.keepingRoom(progress, loading), JoinsWhenShown.takingNoRoom(warning, warned), last);
        stage.setScene(new Scene(row, 600, 100));
        stage.show();
    }

    @Test
    void isNotInTheWindowUntilFirstShownAndHoldsItsRoomOrNone() {
        assertThat(fx(() -> row.getChildren().contains(stop))).isFalse();
        assertThat(fx(() -> row.getChildren().contains(progress))).isFalse();
        Node stopPlaceholder = fx(() -> row.getChildren().get(1));
        Node progressPlaceholder = fx(() -> row.getChildren().get(2));
        assertThat(fx(stopPlaceholder::isManaged)).as("takes no room").isFalse();
        assertThat(fx(progressPlaceholder::isManaged)).as("keeps the progress bar's room").isTrue();
        assertThat(fx(() -> progressPlaceholder.getLayoutBounds().getWidth())).isEqualTo(120.0);
        assertThat(fx(() -> progressPlaceholder.isVisible() || stopPlaceholder.isVisible())).isFalse();
    }

    @Test
    void aPartShownFromTheStartIsThereAtOnce() {
        assertThat(fx(() -> row.getChildren().get(3))).isSameAs(warning);
        assertThat(fx(() -> warning.isVisible() && warning.isManaged())).isTrue();

        onFx(() -> warned.set(false));

        assertThat(fx(() -> warning.isVisible() || warning.isManaged())).isFalse();
    }

    @Test
    void takesThePlaceholdersPlaceWhenFirstShownAndStays() {
        onFx(() -> loading.set(true));

        assertThat(fx(() -> row.getChildren())).containsExactly(first, stop, progress, warning, last);
        assertThat(fx(() -> stop.isVisible() && stop.isManaged() && progress.isVisible())).isTrue();

        onFx(() -> loading.set(false));

        assertThat(fx(() -> row.getChildren())).containsExactly(first, stop, progress, warning, last);
        assertThat(fx(() -> stop.isVisible() || stop.isManaged())).as("Stop hidden, taking no room").isFalse();
        assertThat(fx(() -> !progress.isVisible() && progress.isManaged())).as("the bar hidden, keeping its room")
                .isTrue();
    }
}
