package dev.cognitoconsole.ui.parts;

import static dev.cognitoconsole.ui.ConsoleDriver.awaitFx;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static dev.cognitoconsole.ui.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.common.DeferredListComboBoxSkin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The drop-down list is built when it first opens, and then opens, sizes and picks as JavaFX's own does. */
@ExtendWith(ApplicationExtension.class)
class DeferredListComboBoxSkinUiIT {
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1");

    private ComboBox<String> standard;
    private ComboBox<String> deferred;

    @Start
    void start(Stage stage) {
        standard = comboBox("standard");
        deferred = comboBox("deferred");
        DeferredListComboBoxSkin.install(deferred);
        stage.setScene(new Scene(new HBox(40, standard, deferred), 500, 400));
        stage.show();
    }

    private static ComboBox<String> comboBox(String id) {
        ComboBox<String> comboBox = new ComboBox<>();
        comboBox.setId(id);
        comboBox.getItems().setAll(REGIONS);
        comboBox.setValue(REGIONS.get(0));
        comboBox.setPrefWidth(150);
        return comboBox;
    }

    @Test
    void theListIsNotInTheWindowBeforeItFirstOpens() {
        assertThat(fx(() -> lists(standard))).as("the standard skin keeps its list in the window").hasSize(1);

        assertThat(fx(() -> lists(deferred))).isEmpty();
        assertThat(fx(() -> skin(deferred).listStyled())).isFalse();
        assertThat(fx(deferred::getWidth)).isEqualTo(150.0);
    }

    @Test
    void itOpensWithEveryItemAtTheSizeOfTheStandardList(FxRobot robot) {
        ListView<?> standardList = open(robot, standard);
        double standardWidth = fx(standardList::getWidth);
        double standardHeight = fx(standardList::getHeight);
        robot.type(KeyCode.ESCAPE);
        awaitFx("the standard list is closed", () -> !standard.isShowing());

        ListView<?> list = open(robot, deferred);

        assertThat(fx(() -> skin(deferred).listStyled())).isTrue();
        assertThat(fx(() -> List.<Object>copyOf(list.getItems()))).containsExactlyElementsOf(REGIONS);
        assertThat(fx(list::getWidth)).as("width of the first opening").isEqualTo(standardWidth);
        assertThat(fx(list::getHeight)).isEqualTo(standardHeight);
    }

    @Test
    void anItemPickedInTheListBecomesTheValue(FxRobot robot) {
        open(robot, deferred);

        robot.clickOn("ap-southeast-2");

        awaitFx("the list closes", () -> !deferred.isShowing());
        assertThat(fx(deferred::getValue)).isEqualTo("ap-southeast-2");
        // Opened again, it is the same list, with the value picked.
        ListView<?> again = open(robot, deferred);
        assertThat(fx(() -> again.getSelectionModel().getSelectedItem())).isEqualTo("ap-southeast-2");
    }

    @Test
    void theKeyboardPicksWithTheListClosedAndOpensIt(FxRobot robot) {
        robot.clickOn(deferred).type(KeyCode.ESCAPE);
        awaitFx("the list is closed", () -> !deferred.isShowing());

        robot.type(KeyCode.DOWN);

        assertThat(fx(deferred::getValue)).isEqualTo("eu-west-1");
        robot.press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        awaitFx("Alt+Down opens the list", deferred::isShowing);
    }

    @Test
    void aLongListOpensOnTheSameRowsWithTheSameSelection(FxRobot robot) {
        List<String> many = IntStream.rangeClosed(1, 40).mapToObj(i -> "region-" + i).toList();
        Map<String, List<String>> rowsShown = new LinkedHashMap<>();
        for (ComboBox<String> comboBox : List.of(standard, deferred)) {
            onFx(() -> {
                comboBox.getItems().setAll(many);
                comboBox.setVisibleRowCount(5);
                comboBox.setValue("region-33");
            });
            ListView<?> list = open(robot, comboBox);

            assertThat(fx(() -> list.getSelectionModel().getSelectedItem())).isEqualTo("region-33");
            rowsShown.put(comboBox.getId(), fx(() -> list.lookupAll(".list-cell").stream()
                    .map(cell -> (ListCell<?>) cell)
                    .filter(cell -> cell.isVisible() && cell.getItem() != null)
                    .map(cell -> String.valueOf(cell.getItem()))
                    .toList()));
            robot.type(KeyCode.ESCAPE);
            awaitFx("the list of #" + comboBox.getId() + " is closed", () -> !comboBox.isShowing());
        }

        assertThat(rowsShown.get("deferred")).isNotEmpty().isEqualTo(rowsShown.get("standard"));
    }

    private static ListView<?> open(FxRobot robot, ComboBox<String> comboBox) {
        robot.clickOn(comboBox);
        awaitFx("the list of #" + comboBox.getId() + " is open", comboBox::isShowing);
        ListView<?> list = (ListView<?>) fx(() -> ((ComboBoxListViewSkin<?>) comboBox.getSkin()).getPopupContent());
        awaitFx("the list is laid out", () -> list.getWidth() > 0 && list.getScene() != null);
        return list;
    }

    private static DeferredListComboBoxSkin<?> skin(ComboBox<String> comboBox) {
        return (DeferredListComboBoxSkin<?>) comboBox.getSkin();
    }

    private static List<Node> lists(Parent parent) {
        return parent.getChildrenUnmodifiable().stream().filter(ListView.class::isInstance).toList();
    }
}
