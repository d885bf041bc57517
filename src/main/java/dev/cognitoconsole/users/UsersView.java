package dev.cognitoconsole.users;

import dev.cognitoconsole.common.CopyText;
import dev.cognitoconsole.common.JoinsWhenShown;
import dev.cognitoconsole.common.Tooltips;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.settings.Settings;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The users table with its toolbar (count, loading indicator and Refresh) above the {@link SearchBarView}. */
public final class UsersView {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final UsersViewModel viewModel;
    private final ObservableStringValue emptyState;

    private final TableView<UserRow> table = new TableView<>();
    private final BooleanProperty writesOff = new SimpleBooleanProperty();
    private final Label title = new Label();
    private final Label count = new Label();
    private final Label activity = new Label();
    private final ProgressBar loading = new ProgressBar();
    private final Button refresh = new Button("Refresh");
    private final Button stop = new Button("Stop");
    private final Button resume = new Button("Continue");
    private final Label placeholder = new Label();

    private final SearchBarView searchBar;
    private final Map<TableColumn<UserRow, ?>, SortKey> sortKeys = new HashMap<>();
    private final VBox bulkSlot = new VBox();
    private final HBox toolbarSlot = new HBox();
    private UnaryOperator<Region> besideTable = UnaryOperator.identity();

    /** @param emptyState what to say when there is no AWS profile at all, or {@code null} */
    public UsersView(UsersViewModel viewModel, ObservableStringValue emptyState) {
        this.viewModel = viewModel;
        this.emptyState = emptyState;
        this.searchBar = new SearchBarView(viewModel);
    }

    public Region createView() {
        title.setId("poolTitle");
        title.getStyleClass().add("pool-title");
        count.setId("userCount");
        count.getStyleClass().add("user-count");
        activity.setId("activityLabel");
        activity.getStyleClass().add("activity");
        loading.setId("usersLoading");
        loading.setPrefWidth(120);
        loading.setAccessibleText("Loading users");
        refresh.setId("refreshButton");
        refresh.setAccessibleText("Reload the user list from the start");
        Tooltips.onHover(refresh, "Reload from the start (F5)");
        stop.setId("stopButton");
        stop.setAccessibleText("Stop loading and keep the users loaded so far");
        resume.setId("continueButton");
        resume.setAccessibleText("Continue loading where the list stopped");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(10, title, count,
                JoinsWhenShown.keepingRoom(loading, viewModel.loadingProperty().or(viewModel.sortingProperty())),
                activity, spacer,
                JoinsWhenShown.takingNoRoom(stop, viewModel.loadingProperty()),
                JoinsWhenShown.takingNoRoom(resume,
                        viewModel.canContinueProperty().and(viewModel.loadingProperty().not())),
                toolbarSlot, refresh);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        keepFullWidth(title, count, stop, resume, refresh);
        toolbar.getStyleClass().add("users-toolbar");
        toolbar.setPadding(new Insets(8, 12, 4, 12));

        table.setId("usersTable");
        table.setAccessibleText("Users of the selected pool");
        table.setItems(viewModel.visibleRows());
        // Several rows for a bulk change; "all shown" is a choice of the bulk bar, not a selection of every row.
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        placeholder.setId("usersPlaceholder");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("placeholder");
        table.setPlaceholder(placeholder);
        table.setRowFactory(t -> {
            TableRow<UserRow> row = new TableRow<>();
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(rowMenu(row)));
            return row;
        });
        // Beside the detail pane the table is narrow: short values (Enabled, dates) stay whole, long ones give way.
        table.getColumns().setAll(java.util.List.of(
                textColumn("Username", "usernameColumn", 220, 0, PoolUser::username, SortKey.USERNAME),
                textColumn("Email", "emailColumn", 240, 0, PoolUser::email, SortKey.EMAIL),
                textColumn("Enabled", "enabledColumn", 90, 78, PoolUser::enabledLabel, SortKey.ENABLED),
                textColumn("Confirmation status", "statusColumn", 180, 0, PoolUser::status, SortKey.STATUS),
                textColumn("Created", "createdColumn", 140, 134, u -> when(u.created()), SortKey.CREATED),
                textColumn("Last modified", "modifiedColumn", 140, 134, u -> when(u.lastModified()),
                        SortKey.LAST_MODIFIED),
                actionColumn()));
        // Sorting a large list on the UI thread freezes the window: the ViewModel sorts in the background.
        table.setSortPolicy(t -> {
            viewModel.sort(t.getSortOrder().stream()
                    .filter(sortKeys::containsKey)
                    .map(c -> new SortKey.Order(sortKeys.get(c), c.getSortType() == TableColumn.SortType.ASCENDING))
                    .toList());
            return true;
        });
        Region tableArea = besideTable.apply(table);
        VBox.setVgrow(tableArea, Priority.ALWAYS);

        VBox root = new VBox(toolbar, searchBar.createView(), bulkSlot, tableArea);
        root.getStyleClass().add("users");
        initListeners();
        return root;
    }

    /** Labels and buttons never shrink to "Sear…": the text field gives way instead. */
    static void keepFullWidth(Region... regions) {
        for (Region region : regions) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** The table's columns in their current order, with their widths. */
    public List<Settings.ColumnLayout> columnLayout() {
        return table.getColumns().stream()
                .map(c -> new Settings.ColumnLayout(c.getId(), c.getWidth()))
                .toList();
    }

    /** Puts remembered columns back in their order and width; unknown ids are ignored. */
    public void applyColumnLayout(List<Settings.ColumnLayout> layout) {
        if (layout.isEmpty()) {
            return;
        }
        List<TableColumn<UserRow, ?>> ordered = new ArrayList<>();
        for (Settings.ColumnLayout saved : layout) {
            table.getColumns().stream().filter(c -> Objects.equals(c.getId(), saved.id())).findFirst()
                    .ifPresent(c -> {
                        c.setPrefWidth(saved.width());
                        ordered.add(c);
                    });
        }
        table.getColumns().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        table.getColumns().setAll(ordered);
    }

    /** Moves the keyboard focus to the search field. */
    public void focusSearch() {
        searchBar.focusSearch();
    }

    /** The rows selected in the table (several with Shift or Ctrl), read-only. */
    public ObservableList<UserRow> selectedRows() {
        return table.getSelectionModel().getSelectedItems();
    }

    /** Greys out every row's Disable / Enable button and Sign out everywhere while {@code off} is true (read-only). */
    public void writesOff(ObservableBooleanValue off) {
        writesOff.bind(off);
        writesOff.addListener(o -> table.refresh());
    }

    /** Puts the bulk action bar between the search bar and the table. */
    public void showBulkBar(Node bar) {
        bulkSlot.getChildren().setAll(bar);
    }

    /** Selects {@code row} alone, scrolls to it and gives the table the focus. */
    public void select(UserRow row) {
        table.getSelectionModel().clearSelection();
        table.getSelectionModel().select(row);
        table.scrollTo(row);
        table.requestFocus();
    }

    /** The row the keyboard is on, or {@code null}, as it changes. */
    public ReadOnlyObjectProperty<UserRow> selectedRowProperty() {
        return table.getSelectionModel().selectedItemProperty();
    }

    /** Lets {@code around} place something beside the table (the detail pane); call before {@link #createView()}. */
    public void placeBesideTable(UnaryOperator<Region> around) {
        besideTable = around;
    }

    /** Puts {@code node} in the toolbar, before Refresh. */
    public void addToToolbar(Node node) {
        toolbarSlot.getChildren().setAll(node);
    }

    /** The row the keyboard is on, or {@code null}. */
    public UserRow selectedRow() {
        return table.getSelectionModel().getSelectedItem();
    }

    private void initListeners() {
        title.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.selectionProperty().get() == null ? "Users"
                        : viewModel.selectionProperty().get().pool().displayName(),
                viewModel.selectionProperty()));
        count.textProperty().bind(viewModel.countTextProperty());
        activity.textProperty().bind(viewModel.activityProperty());
        refresh.disableProperty().bind(viewModel.selectionProperty().isNull());
        refresh.setOnAction(e -> viewModel.refresh());
        stop.setOnAction(e -> viewModel.stop());
        resume.setOnAction(e -> viewModel.continueLoading());

        table.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
            if (COPY.match(key) && !selectedRows().isEmpty()) {
                CopyText.copy(selectedRows().stream().filter(Objects::nonNull)
                        .map(r -> r.getUser().username()).collect(Collectors.joining("\n")));
                key.consume();
            }
        });
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            if (emptyState.get() != null) {
                return emptyState.get();
            }
            if (viewModel.selectionProperty().get() == null) {
                return "Pick a profile, a region and a user pool above to see its users.";
            }
            if (viewModel.listFailedProperty().get()) {
                return "This pool's users could not be listed: the message above says why.";
            }
            if (viewModel.loadingProperty().get()) {
                return "Loading users…";
            }
            if (viewModel.searchProperty().get() != null) {
                return "No user matches " + viewModel.searchProperty().get().describe() + ".";
            }
            if (!viewModel.rows().isEmpty()) {
                return "No loaded user matches the quick filter.";
            }
            return "This pool has no users.";
        }, emptyState, viewModel.selectionProperty(), viewModel.loadingProperty(), viewModel.searchProperty(),
                viewModel.quickFilterProperty(), viewModel.listFailedProperty()));
    }

    /** The context menu of a row: every item acts on that row's user. */
    private ContextMenu rowMenu(TableRow<UserRow> row) {
        MenuItem signOut = new MenuItem("Sign out everywhere…");
        signOut.setId("signOutMenuItem");
        // Left on for a user it makes no sense for: the ViewModel then says why instead of a silent grey item.
        signOut.disableProperty().bind(writesOff);
        signOut.setOnAction(e -> viewModel.signOutEverywhere(row.getItem()));
        ContextMenu menu = new ContextMenu(
                copyItem("copyUsernameItem", "Copy username", row, PoolUser::username),
                copyItem("copySubItem", "Copy sub", row, PoolUser::sub),
                copyItem("copyEmailItem", "Copy email", row, PoolUser::email),
                new SeparatorMenuItem(), signOut);
        menu.setId("userRowMenu");
        return menu;
    }

    private static MenuItem copyItem(String id, String text, TableRow<UserRow> row, Function<PoolUser, String> value) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> {
            if (row.getItem() != null) {
                CopyText.copy(value.apply(row.getItem().getUser()));
            }
        });
        return item;
    }

    private TableColumn<UserRow, String> textColumn(String name, String id, double width, double minWidth,
                                                    Function<PoolUser, String> value, SortKey key) {
        TableColumn<UserRow, String> column = new TableColumn<>(name);
        sortKeys.put(column, key);
        column.setId(id);
        column.setPrefWidth(width);
        if (minWidth > 0) {
            column.setMinWidth(minWidth);
        }
        column.setCellValueFactory(cell -> key == SortKey.ENABLED
                ? Bindings.createStringBinding(() -> cell.getValue().isGone() ? "Not in the pool"
                        : value.apply(cell.getValue().getUser()), cell.getValue().userProperty(),
                        cell.getValue().goneProperty())
                : Bindings.createStringBinding(() -> value.apply(cell.getValue().getUser()),
                        cell.getValue().userProperty()));
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
            // The row is the Tab stop, not its button: after the confirmation the focus is back on the row, where
            // a stray Space cannot open the next row's change.
            button.setFocusTraversable(false);
            button.setOnAction(e -> {
                if (shown != null) {
                    getTableView().getSelectionModel().clearAndSelect(getIndex());
                    getTableView().requestFocus();
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
                shown.goneProperty().removeListener(redraw);
            }
            shown = empty ? null : row;
            if (shown == null) {
                setGraphic(null);
                return;
            }
            shown.userProperty().addListener(redraw);
            shown.runningProperty().addListener(redraw);
            shown.goneProperty().addListener(redraw);
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
            button.setText(row.isGone() ? "Gone" : running == null ? next.label()
                    : running.progressive() + "…");
            button.setDisable(running != null || writesOff.get() || row.isGone());
            button.setId(next == UserAction.DISABLE ? "disableButton" : "enableButton");
            button.getStyleClass().removeAll("action-disable", "action-enable");
            button.getStyleClass().add(next == UserAction.DISABLE ? "action-disable" : "action-enable");
            button.setAccessibleText(row.isGone() ? row.getUser().username() + " is no longer in the pool"
                    : next.label() + " user " + row.getUser().username());
            button.getProperties().put("username", row.getUser().username());
        }
    }
}
