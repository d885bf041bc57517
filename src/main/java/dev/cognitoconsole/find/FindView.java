package dev.cognitoconsole.find;

import dev.cognitoconsole.common.Tooltips;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.UserFilter;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * "Find user": the field and the scope chooser in the top bar, and the window where the results stream in, with
 * the progress, Stop, and the places that could not be searched.
 */
public final class FindView {
    private final FindViewModel viewModel;
    private final URL stylesheet;
    private final Window owner;

    private final TextField field = new TextField();
    private final MenuButton scopeButton = new MenuButton();
    private final TableView<FoundUser> results = new TableView<>();
    private final TableView<NotSearched> notSearched = new TableView<>();
    private Stage stage;

    /** @param owner the main window, which owns the results window */
    public FindView(FindViewModel viewModel, URL stylesheet, Window owner) {
        this.viewModel = viewModel;
        this.stylesheet = stylesheet;
        this.owner = owner;
    }

    /** The field and the scope chooser, for the top bar. */
    public Region createField() {
        field.setId("findUserField");
        field.setPromptText("Find user anywhere (Ctrl+Shift+F)");
        field.setAccessibleText("Find a user in every pool in scope");
        field.setPrefColumnCount(20);
        Tooltips.onHover(field, "An email, phone number, username or sub: searches every pool in the places chosen "
                + "at the right. Enter starts the search.");
        field.textProperty().bindBidirectional(viewModel.textProperty());
        field.setOnAction(e -> findNow());
        scopeButton.setId("findScope");
        scopeButton.setAccessibleText("Where Find user looks");
        scopeButton.setMinWidth(Region.USE_PREF_SIZE);
        scopeButton.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.scopeProperty().get().describe(), viewModel.scopeProperty()));
        scopeButton.setOnShowing(e -> fillScopeMenu());
        fillScopeMenu();
        HBox box = new HBox(4, field, scopeButton);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Moves the keyboard focus to the field. */
    public void focusField() {
        field.requestFocus();
        field.selectAll();
    }

    /** The window opens even when the search is refused: the reason is shown there. */
    private void findNow() {
        viewModel.find();
        show();
    }

    /** Shows the results window. */
    public void show() {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setTitle("Find user");
            Scene scene = new Scene(createWindow(), 1100, 560);
            scene.getStylesheets().add(stylesheet.toExternalForm());
            stage.setScene(scene);
            if (owner instanceof Stage main) {
                stage.getIcons().setAll(main.getIcons());
            }
        }
        stage.show();
        stage.toFront();
    }

    private Region createWindow() {
        Label searchedFor = new Label();
        searchedFor.setId("findSearchedFor");
        searchedFor.getStyleClass().add("pool-title");
        searchedFor.textProperty().bind(Bindings.createStringBinding(() -> {
            UserFilter f = viewModel.searchedProperty().get();
            return f == null ? "Find user" : f.describe();
        }, viewModel.searchedProperty()));

        ComboBox<UserFilter.Attribute> attribute = new ComboBox<>();
        attribute.setId("findAttribute");
        attribute.setAccessibleText("Attribute to search");
        attribute.getItems().add(null);
        attribute.getItems().addAll(FindViewModel.attributes());
        attribute.setConverter(converter(a -> a == null
                ? "Guess (" + viewModel.guessedProperty().get().label() + ")" : a.label()));
        attribute.valueProperty().bindBidirectional(viewModel.attributeProperty());
        viewModel.guessedProperty().addListener((obs, old, now) -> {
            // The "Guess (…)" label follows the text; the combo box redraws only when its button cell is reset.
            attribute.setButtonCell(null);
        });
        ComboBox<UserFilter.Match> match = new ComboBox<>();
        match.setId("findMatch");
        match.setAccessibleText("How to match");
        match.getItems().setAll(UserFilter.Match.values());
        match.setConverter(converter(UserFilter.Match::label));
        match.valueProperty().bindBidirectional(viewModel.matchProperty());
        Button again = new Button("Search again");
        again.setId("findAgain");
        again.setOnAction(e -> viewModel.find());
        Button stop = new Button("Stop");
        stop.setId("findStop");
        stop.setAccessibleText("Stop searching and keep what was found");
        stop.disableProperty().bind(viewModel.runningProperty().not());
        stop.setOnAction(e -> viewModel.stop());
        Button refresh = new Button("Refresh pool lists");
        refresh.setId("findRefreshPools");
        Tooltips.onHover(refresh, "The pools of each profile and region are listed once and kept while the console "
                + "runs. Refresh lists them again at the next search.");
        refresh.setOnAction(e -> viewModel.refreshPools());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label searchBy = new Label("Search by");
        HBox header = new HBox(8, searchedFor, spacer, searchBy, attribute, match, again, stop, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        // The title gives way in a narrow window; the pickers and buttons keep their labels whole.
        for (Region kept : List.of(searchBy, attribute, match, again, stop, refresh)) {
            kept.setMinWidth(Region.USE_PREF_SIZE);
        }

        ProgressBar progress = new ProgressBar();
        progress.setId("findProgress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.runningProperty());
        Label progressText = new Label();
        progressText.setId("findProgressText");
        progressText.textProperty().bind(viewModel.progressTextProperty());
        progressText.visibleProperty().bind(viewModel.runningProperty());
        progressText.managedProperty().bind(progressText.visibleProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label summary = new Label();
        summary.setId("findSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        Label problem = new Label();
        problem.setId("findProblem");
        problem.getStyleClass().add("field-problem");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        HBox status = new HBox(10, progress, progressText, summary);
        status.setAlignment(Pos.CENTER_LEFT);

        results.setId("findResults");
        results.setAccessibleText("Users found; Enter or a double click opens the pool with the user selected");
        results.setItems(viewModel.results());
        results.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        results.setPlaceholder(new Label("Users found appear here as each pool answers."));
        results.getColumns().setAll(List.of(
                column("Profile", "findProfileColumn", 100, FoundUser::profile),
                column("Account", "findAccountColumn", 110, FoundUser::account),
                column("Region", "findRegionColumn", 100, FoundUser::region),
                column("Pool", "findPoolColumn", 120, f -> f.pool().name()),
                column("Pool id", "findPoolIdColumn", 150, f -> f.pool().id()),
                column("Username", "findUsernameColumn", 150, f -> f.user().username()),
                column("Email", "findEmailColumn", 180, f -> f.user().email()),
                column("Status", "findStatusColumn", 110, f -> f.user().status()),
                column("Enabled", "findEnabledColumn", 80, f -> f.user().enabledLabel())));
        results.setRowFactory(t -> {
            TableRow<FoundUser> row = new TableRow<>();
            row.setOnMouseClicked(click -> {
                if (click.getButton() == MouseButton.PRIMARY && click.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        results.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.ENTER && results.getSelectionModel().getSelectedItem() != null) {
                viewModel.open(results.getSelectionModel().getSelectedItem());
                key.consume();
            }
        });
        VBox.setVgrow(results, Priority.ALWAYS);

        Label notSearchedTitle = new Label("Not searched");
        notSearchedTitle.getStyleClass().add("caption");
        notSearched.setId("findNotSearched");
        notSearched.setAccessibleText("Places that could not be searched, with the reason and the fix");
        notSearched.setItems(viewModel.notSearched());
        notSearched.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        notSearched.setPrefHeight(150);
        notSearched.getColumns().setAll(List.of(
                notSearchedColumn("Where", 280, NotSearched::where),
                notSearchedColumn("Reason", 420, NotSearched::reason),
                notSearchedColumn("Fix", 280, NotSearched::fix),
                signInColumn()));
        VBox notSearchedBox = new VBox(4, notSearchedTitle, notSearched);
        notSearchedBox.visibleProperty().bind(Bindings.isNotEmpty(viewModel.notSearched()));
        notSearchedBox.managedProperty().bind(notSearchedBox.visibleProperty());

        VBox root = new VBox(8, header, problem, status, results, notSearchedBox);
        root.setPadding(new Insets(10, 12, 10, 12));
        root.setId("findWindow");
        return root;
    }

    private void fillScopeMenu() {
        ToggleGroup group = new ToggleGroup();
        List<MenuItem> items = new ArrayList<>();
        for (FindScope.Mode mode : FindScope.Mode.values()) {
            RadioMenuItem item = new RadioMenuItem(mode == FindScope.Mode.CHOSEN ? "Chosen profiles…" : mode.label());
            item.setId("findScope" + mode.name());
            item.setToggleGroup(group);
            item.setSelected(viewModel.scopeProperty().get().mode() == mode);
            item.setOnAction(e -> {
                if (mode == FindScope.Mode.CHOSEN) {
                    chooseProfiles();
                } else {
                    viewModel.scopeProperty().set(viewModel.scopeProperty().get().withMode(mode));
                }
            });
            items.add(item);
        }
        items.add(new SeparatorMenuItem());
        MenuItem refresh = new MenuItem("Refresh pool lists");
        refresh.setOnAction(e -> viewModel.refreshPools());
        items.add(refresh);
        scopeButton.getItems().setAll(items);
    }

    /** Asks which profiles to search, each in its own region or in all regions. */
    private void chooseProfiles() {
        FindScope scope = viewModel.scopeProperty().get();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Find user: chosen profiles");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        List<CheckBox> boxes = new ArrayList<>();
        List<ComboBox<String>> where = new ArrayList<>();
        int row = 0;
        for (AwsProfile profile : viewModel.profiles()) {
            CheckBox box = new CheckBox(profile.name());
            box.setId("findProfile-" + profile.name());
            ComboBox<String> regions = new ComboBox<>();
            String own = "Its region (" + profile.regionIfSet().orElse("the current one") + ")";
            regions.getItems().setAll(own, "All regions");
            scope.chosen().stream().filter(c -> c.profile().equals(profile.name())).findFirst().ifPresentOrElse(c -> {
                box.setSelected(true);
                regions.setValue(c.allRegions() ? "All regions" : own);
            }, () -> regions.setValue(own));
            regions.disableProperty().bind(box.selectedProperty().not());
            grid.addRow(row++, box, regions);
            boxes.add(box);
            where.add(regions);
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().add(stylesheet.toExternalForm());
        if (dialog.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            List<FindScope.Chosen> chosen = new ArrayList<>();
            for (int i = 0; i < boxes.size(); i++) {
                if (boxes.get(i).isSelected()) {
                    chosen.add(new FindScope.Chosen(boxes.get(i).getText(),
                            "All regions".equals(where.get(i).getValue())));
                }
            }
            viewModel.scopeProperty().set(new FindScope(FindScope.Mode.CHOSEN, chosen));
        }
        fillScopeMenu();
    }

    private TableColumn<NotSearched, String> notSearchedColumn(String name, double width,
                                                              Function<NotSearched, String> value) {
        TableColumn<NotSearched, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        return column;
    }

    private TableColumn<NotSearched, NotSearched> signInColumn() {
        TableColumn<NotSearched, NotSearched> column = new TableColumn<>("");
        column.setPrefWidth(100);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Button button = new Button();

            @Override
            protected void updateItem(NotSearched line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null || line.signIn() == null) {
                    setGraphic(null);
                    return;
                }
                button.setText(line.signIn().label());
                button.setId("findSignIn");
                button.setOnAction(e -> viewModel.signIn(line));
                setGraphic(button);
            }
        });
        return column;
    }

    private static TableColumn<FoundUser, String> column(String name, String id, double width,
                                                         Function<FoundUser, String> value) {
        TableColumn<FoundUser, String> column = new TableColumn<>(name);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
