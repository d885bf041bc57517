package dev.cognitoconsole.users;

import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The users table with its toolbar: count, loading indicator and Refresh. */
public final class UsersView {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final UsersViewModel viewModel;
    private final ObservableStringValue emptyState;

    private final TableView<UserRow> table = new TableView<>();
    private final Label title = new Label();
    private final Label count = new Label();
    private final ProgressBar loading = new ProgressBar();
    private final Button refresh = new Button("Refresh");
    private final Label placeholder = new Label();

    /** @param emptyState what to say when there is no AWS profile at all, or {@code null} */
    public UsersView(UsersViewModel viewModel, ObservableStringValue emptyState) {
        this.viewModel = viewModel;
        this.emptyState = emptyState;
    }

    public Region createView() {
        title.setId("poolTitle");
        title.getStyleClass().add("pool-title");
        count.setId("userCount");
        count.getStyleClass().add("user-count");
        loading.setId("usersLoading");
        loading.setPrefWidth(120);
        loading.setAccessibleText("Loading users");
        refresh.setId("refreshButton");
        refresh.setAccessibleText("Refresh the user list");
        refresh.setDefaultButton(false);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(10, title, count, loading, spacer, refresh);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("users-toolbar");
        toolbar.setPadding(new Insets(8, 12, 8, 12));

        table.setId("usersTable");
        table.setAccessibleText("Users of the selected pool");
        table.setItems(viewModel.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        placeholder.setId("usersPlaceholder");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("placeholder");
        table.setPlaceholder(placeholder);
        table.getColumns().setAll(java.util.List.of(
                textColumn("Username", "usernameColumn", 220, PoolUser::username),
                textColumn("Email", "emailColumn", 240, PoolUser::email),
                textColumn("Enabled", "enabledColumn", 90, PoolUser::enabledLabel),
                textColumn("Confirmation status", "statusColumn", 180, PoolUser::status),
                textColumn("Created", "createdColumn", 140, u -> when(u.created())),
                textColumn("Last modified", "modifiedColumn", 140, u -> when(u.lastModified())),
                actionColumn()));
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox root = new VBox(toolbar, table);
        root.getStyleClass().add("users");
        initListeners();
        return root;
    }

    private void initListeners() {
        title.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.selectionProperty().get() == null ? "Users"
                        : viewModel.selectionProperty().get().pool().displayName(),
                viewModel.selectionProperty()));
        count.textProperty().bind(viewModel.countTextProperty());
        loading.visibleProperty().bind(viewModel.loadingProperty());
        refresh.disableProperty().bind(viewModel.selectionProperty().isNull());
        refresh.setOnAction(e -> viewModel.refresh());
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            if (emptyState.get() != null) {
                return emptyState.get();
            }
            if (viewModel.selectionProperty().get() == null) {
                return "Pick a profile, a region and a user pool above to see its users.";
            }
            return viewModel.loadingProperty().get() ? "Loading users…" : "This pool has no users.";
        }, emptyState, viewModel.selectionProperty(), viewModel.loadingProperty()));
    }

    private static TableColumn<UserRow, String> textColumn(String name, String id, double width,
                                                           Function<PoolUser, String> value) {
        TableColumn<UserRow, String> column = new TableColumn<>(name);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> value.apply(cell.getValue().getUser()), cell.getValue().userProperty()));
        return column;
    }

    private TableColumn<UserRow, UserRow> actionColumn() {
        TableColumn<UserRow, UserRow> column = new TableColumn<>("Action");
        column.setId("actionColumn");
        column.setPrefWidth(130);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new ActionCell());
        return column;
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** The row's Disable or Enable button; it shows the change in flight and cannot be clicked twice. */
    private final class ActionCell extends TableCell<UserRow, UserRow> {
        private final Button button = new Button();
        private final InvalidationListener redraw = o -> redraw();
        private UserRow shown;

        ActionCell() {
            button.getStyleClass().add("row-action");
            button.setMinWidth(100);
            button.setOnAction(e -> {
                if (shown != null) {
                    viewModel.toggle(shown);
                }
            });
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(UserRow row, boolean empty) {
            super.updateItem(row, empty);
            if (shown != null) {
                shown.userProperty().removeListener(redraw);
                shown.runningProperty().removeListener(redraw);
            }
            shown = empty ? null : row;
            if (shown == null) {
                setGraphic(null);
                return;
            }
            shown.userProperty().addListener(redraw);
            shown.runningProperty().addListener(redraw);
            redraw();
            setGraphic(button);
        }

        private void redraw() {
            UserRow row = shown;
            if (row == null) {
                return;
            }
            UserAction running = row.runningProperty().get();
            UserAction next = row.nextAction();
            button.setText(running == null ? next.label()
                    : running == UserAction.DISABLE ? "Disabling…" : "Enabling…");
            button.setDisable(running != null);
            button.setId(next == UserAction.DISABLE ? "disableButton" : "enableButton");
            button.getStyleClass().removeAll("action-disable", "action-enable");
            button.getStyleClass().add(next == UserAction.DISABLE ? "action-disable" : "action-enable");
            button.setAccessibleText(next.label() + " user " + row.getUser().username());
            button.getProperties().put("username", row.getUser().username());
        }
    }
}
