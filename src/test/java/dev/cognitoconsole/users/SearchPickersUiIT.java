package dev.cognitoconsole.users;

import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.UserFilter;
import java.util.Arrays;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The search pickers have fixed widths (their lists are built when first opened, so cannot size them): each is
 * at least as wide as JavaFX's own combo box grows for the same labels, so no label is cut.
 */
@ExtendWith(ApplicationExtension.class)
class SearchPickersUiIT {
    private ComboBox<String> attributes;
    private ComboBox<String> matches;

    @Start
    void start(Stage stage) {
        attributes = standard(UserFilter.Attribute.values(), UserFilter.Attribute::label);
        matches = standard(UserFilter.Match.values(), UserFilter.Match::label);
        HBox root = new HBox(8, attributes, matches);
        // The console's stylesheet, which sets the font size.
        root.getStylesheets().add(UsersView.class.getResource("/dev/cognitoconsole/app/console.css").toExternalForm());
        stage.setScene(new Scene(root, 600, 200));
        stage.show();
    }

    private static <T> ComboBox<String> standard(T[] values, Function<T, String> label) {
        ComboBox<String> comboBox = new ComboBox<>();
        comboBox.getItems().setAll(Arrays.stream(values).map(label).toList());
        comboBox.setValue(comboBox.getItems().get(0));
        return comboBox;
    }

    @Test
    void fitTheirLongestLabels() {
        assertThat(SearchBarView.SEARCH_ATTRIBUTE_WIDTH).isGreaterThanOrEqualTo(fx(attributes::getWidth));
        assertThat(SearchBarView.SEARCH_MATCH_WIDTH).isGreaterThanOrEqualTo(fx(matches::getWidth));
    }
}
