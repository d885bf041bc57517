package dev.cognitoconsole.users;

import dev.cognitoconsole.common.DeferredListComboBoxSkin;
import dev.cognitoconsole.common.JoinsWhenShown;
import dev.cognitoconsole.common.Tooltips;
import dev.cognitoconsole.model.UserFilter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;

/** The search bar above the users table: the server-side pool search and the quick filter of the loaded rows. */
final class SearchBarView {
    /** The search pickers' widths, in which their longest labels ("Confirmation status", "starts with") fit. */
    static final double SEARCH_ATTRIBUTE_WIDTH = 185;
    static final double SEARCH_MATCH_WIDTH = 120;

    private final UsersViewModel viewModel;

    private final ComboBox<UserFilter.Attribute> searchAttribute = new ComboBox<>();
    private final ComboBox<UserFilter.Match> searchMatch = new ComboBox<>();
    private final TextField searchField = new TextField();
    private final ComboBox<String> searchChoice = new ComboBox<>();
    private final Button searchButton = new Button("Search pool");
    private final Button clearSearch = new Button("Show all");
    private final Label searchProblem = new Label();
    private final TextField quickFilter = TextFields.createClearableTextField();

    SearchBarView(UsersViewModel viewModel) {
        this.viewModel = viewModel;
    }

    Region createView() {
        searchAttribute.setId("searchAttribute");
        searchAttribute.setAccessibleText("Attribute to search");
        searchAttribute.getItems().setAll(UserFilter.Attribute.values());
        searchAttribute.setConverter(new LabelConverter<>(UserFilter.Attribute::label));
        searchAttribute.setValue(UserFilter.Attribute.USERNAME);
        searchMatch.setId("searchMatch");
        searchMatch.setAccessibleText("How to match");
        searchMatch.getItems().setAll(UserFilter.Match.values());
        searchMatch.setConverter(new LabelConverter<>(UserFilter.Match::label));
        searchMatch.setValue(UserFilter.Match.STARTS_WITH);
        // Wide enough for the longest label: their drop-down lists, which would size them, are built when first opened.
        searchAttribute.setPrefWidth(SEARCH_ATTRIBUTE_WIDTH);
        searchMatch.setPrefWidth(SEARCH_MATCH_WIDTH);
        DeferredListComboBoxSkin.install(searchAttribute);
        DeferredListComboBoxSkin.install(searchMatch);
        searchField.setId("searchField");
        searchField.setAccessibleText("Search text");
        searchField.setPromptText("Search the whole pool on Cognito");
        searchField.setPrefColumnCount(22);
        // Attributes with fixed values are chosen from their list: free text could only be mistyped.
        searchChoice.setId("searchChoice");
        searchChoice.setAccessibleText("Value to search for");
        searchChoice.setPrefWidth(SEARCH_ATTRIBUTE_WIDTH);
        searchChoice.setVisible(false);
        searchChoice.managedProperty().bind(searchChoice.visibleProperty());
        searchField.managedProperty().bind(searchField.visibleProperty());
        searchButton.setId("searchButton");
        searchButton.setAccessibleText("Search the pool on the server");
        clearSearch.setId("clearSearchButton");
        clearSearch.setAccessibleText("Show all users again");
        searchProblem.setId("searchProblem");
        searchProblem.getStyleClass().add("field-problem");
        searchProblem.setWrapText(true);

        quickFilter.setId("quickFilter");
        quickFilter.setAccessibleText("Filter the loaded rows on this computer");
        quickFilter.setPromptText("Match username, email, name or sub");
        Tooltips.onHover(quickFilter, "Shows the loaded rows whose username, email, name or sub contains the text. "
                + "Filtered on this computer; Escape clears it.");
        quickFilter.setPrefColumnCount(22);

        Label searchCaption = new Label("Search pool");
        searchCaption.getStyleClass().add("caption");
        searchCaption.setLabelFor(searchField);
        Label filterCaption = new Label("Quick filter");
        filterCaption.getStyleClass().add("caption");
        filterCaption.setLabelFor(quickFilter);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, searchCaption, searchAttribute, searchMatch, searchField, searchChoice, searchButton,
                clearSearch,
                spacer, filterCaption, quickFilter);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(searchField, Priority.SOMETIMES);
        UsersView.keepFullWidth(searchCaption, searchAttribute, searchMatch, searchButton, clearSearch, filterCaption);
        VBox box = new VBox(4, bar, JoinsWhenShown.takingNoRoom(searchProblem,
                viewModel.searchProblemProperty().isNotNull().or(viewModel.searchNoteProperty().isNotNull())));
        box.getStyleClass().add("search-bar");
        box.setPadding(new Insets(4, 12, 8, 12));
        initListeners();
        return box;
    }

    /** Moves the keyboard focus to the search field. */
    void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    private void initListeners() {
        searchProblem.textProperty().bind(Bindings.when(viewModel.searchProblemProperty().isNotNull())
                .then(viewModel.searchProblemProperty()).otherwise(viewModel.searchNoteProperty()));
        // A refusal is marked as a problem; a note on what was changed (spaces removed) is not.
        searchProblem.textProperty().addListener((obs, old, now) -> {
            searchProblem.getStyleClass().remove("field-problem");
            if (viewModel.searchProblemProperty().get() != null) {
                searchProblem.getStyleClass().add("field-problem");
            }
        });
        Runnable runSearch = () -> viewModel.search(new UserFilter(searchAttribute.getValue(), searchMatch.getValue(),
                searchChoice.isVisible() ? searchChoice.getValue() : searchField.getText()));
        searchChoice.setOnAction(e -> {
            if (searchChoice.isVisible() && searchChoice.getValue() != null) {
                runSearch.run();
            }
        });
        clearOnEscape(searchField);
        clearOnEscape(quickFilter);
        searchButton.setOnAction(e -> runSearch.run());
        searchField.setOnAction(e -> runSearch.run());
        searchButton.disableProperty().bind(viewModel.selectionProperty().isNull());
        clearSearch.disableProperty().bind(viewModel.searchProperty().isNull());
        clearSearch.setOnAction(e -> {
            searchField.clear();
            viewModel.clearSearch();
        });
        searchAttribute.valueProperty().addListener((obs, old, now) -> {
            boolean fixed = now != null && !now.choices().isEmpty();
            if (fixed) {
                searchMatch.setValue(UserFilter.Match.EXACT);
                searchChoice.getItems().setAll(now.choices());
                searchChoice.setValue(null);
                searchChoice.setPromptText("Choose a value");
            }
            searchChoice.setVisible(fixed);
            searchField.setVisible(!fixed);
        });
        quickFilter.textProperty().bindBidirectional(viewModel.quickFilterProperty());
    }

    private static void clearOnEscape(TextField field) {
        field.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
                field.clear();
                key.consume();
            }
        });
    }

    private static final class LabelConverter<T> extends StringConverter<T> {
        private final Function<T, String> label;

        LabelConverter(Function<T, String> label) {
            this.label = label;
        }

        @Override
        public String toString(T value) {
            return value == null ? "" : label.apply(value);
        }

        @Override
        public T fromString(String text) {
            throw new UnsupportedOperationException("not editable");
        }
    }
}
