package dev.cognitoconsole.details;

import dev.cognitoconsole.common.CopyText;
import dev.cognitoconsole.common.JoinsWhenShown;
import dev.cognitoconsole.model.AuthEvent;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserGroup;
import dev.cognitoconsole.settings.Settings;
import dev.cognitoconsole.users.UserRow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.MasterDetailPane;

/**
 * The pane beside the users table: the selected user's facts (each with a Copy button), groups, MFA on request and
 * sign-in history, each with its own note; and "Sign out everywhere…". The facts are a plain grid rather than
 * ControlsFX's PropertySheet, whose sections open one at a time and would hide the username behind a click.
 */
public final class UserDetailsView {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final double TABLE_ROWS_HEIGHT = 150;

    private final UserDetailsViewModel viewModel;
    private final Label title = new Label();
    private final Label empty = new Label("Select a user to see the details.");
    private final GridPane facts = new GridPane();
    private final TableView<UserGroup> groups = new TableView<>();
    private final Label groupsNote = new Label();
    private final Label mfaNote = new Label();
    private final Button showMfa = new Button("Show MFA");
    private final TableView<AuthEvent> signIns = new TableView<>();
    private final Label signInsNote = new Label();
    private final Button more = new Button("More");
    private final Button retry = new Button("Retry");
    private final Button signOut = new Button("Sign out everywhere…");
    private final Label signOutReason = new Label();
    private final MasterDetailPane placement = new MasterDetailPane();
    private final ToggleButton toggle = new ToggleButton("Details");
    private UserRow followed;
    private final InvalidationListener rowChanged = o -> showFollowed();
    private ObservableValue<PoolSelection> pool;

    public UserDetailsView(UserDetailsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Region createView() {
        title.setId("detailsTitle");
        title.getStyleClass().add("details-title");
        empty.setId("detailsEmpty");
        empty.setWrapText(true);
        signOut.setId("detailsSignOutButton");
        signOutReason.setId("detailsSignOutReason");
        signOutReason.setWrapText(true);
        signOutReason.getStyleClass().add("details-note");

        VBox root = new VBox(empty);
        root.setPadding(new Insets(0, 0, 0, 0));
        // The facts, groups and sign-in tables are built when the first user is shown, not before the first frame.
        viewModel.userProperty().addListener(new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (viewModel.userProperty().get() != null) {
                    viewModel.userProperty().removeListener(this);
                    root.getChildren().add(buildContent());
                    showFacts();
                }
            }
        });
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        scroll.setId("userDetails");
        scroll.getStyleClass().add("user-details");
        initListeners();
        return scroll;
    }

    private VBox buildContent() {
        facts.setId("userFacts");
        facts.setHgap(6);
        facts.setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().setAll(names, values);

        listing(groups, "userGroups", viewModel.groups(), new MenuItemSpec<>("Copy group name", UserGroup::name), false,
                column("Group", 120, UserGroup::name),
                column("Precedence", 80, g -> g.precedence() == null ? "" : g.precedence().toString()),
                column("Description", 200, UserGroup::description));
        groupsNote.setId("userGroupsNote");

        mfaNote.setId("mfaNote");
        showMfa.setId("showMfaButton");
        showMfa.setMinWidth(Region.USE_PREF_SIZE);

        listing(signIns, "userSignIns", viewModel.signIns(),
                new MenuItemSpec<>("Copy IP address", AuthEvent::ipAddress), true,
                column("Time", 140, e -> when(e.time())),
                column("Event", 90, AuthEvent::type),
                column("Result", 60, AuthEvent::response),
                column("Risk", 60, AuthEvent::riskLevel),
                column("IP address", 110, AuthEvent::ipAddress),
                column("Device", 120, AuthEvent::device),
                column("Place", 120, AuthEvent::place));
        signInsNote.setId("userSignInsNote");
        more.setId("moreSignInsButton");
        retry.setId("detailsRetryButton");
        for (Label note : new Label[] {groupsNote, mfaNote, signInsNote}) {
            note.setWrapText(true);
            note.getStyleClass().add("details-note");
        }

        HBox head = new HBox(8, title);
        head.setAlignment(Pos.CENTER_LEFT);
        if (viewModel.signOutOffered()) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            head.getChildren().addAll(spacer, signOut);
        }
        HBox mfaRow = new HBox(8, showMfa, mfaNote);
        mfaRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(mfaNote, Priority.ALWAYS);
        VBox content = new VBox(8, head, JoinsWhenShown.takingNoRoom(signOutReason,
                        signOutReason.textProperty().isNotEmpty().and(viewModel.userProperty().isNotNull())),
                facts, heading("Groups"), groups, groupsNote, heading("MFA"), mfaRow,
                heading("Sign-in history"), signIns, signInsNote, new HBox(8, more, retry));
        content.setPadding(new Insets(8, 12, 8, 12));
        content.visibleProperty().bind(viewModel.userProperty().isNotNull());
        content.managedProperty().bind(content.visibleProperty());
        return content;
    }

    /** {@code master} with this pane beside it, on the right; {@link #toggle()} hides and shows the pane. */
    public Region beside(Region master) {
        placement.setMasterNode(master);
        placement.setDetailNode(createView());
        placement.setDetailSide(Side.RIGHT);
        placement.setAnimated(false);
        placement.setId("detailsPlacement");
        toggle.setId("detailsToggle");
        toggle.setAccessibleText("Show or hide the user details beside the table");
        toggle.selectedProperty().bindBidirectional(placement.showDetailNodeProperty());
        return placement;
    }

    /** Stops the pane's pending reads: the console is closing. */
    public void close() {
        viewModel.close();
    }

    /** The switch that shows and hides the pane. */
    public ToggleButton toggle() {
        return toggle;
    }

    /** Whether the pane is shown and where its divider is now. */
    public Settings.DetailsPane layout() {
        return new Settings.DetailsPane(placement.isShowDetailNode(), placement.getDividerPosition());
    }

    /** Puts the pane back as remembered. */
    public void applyLayout(Settings.DetailsPane layout) {
        Settings.DetailsPane pane = layout == null ? Settings.DetailsPane.FIRST : layout;
        placement.setDividerPosition(pane.divider());
        placement.setShowDetailNode(pane.shown());
    }

    /**
     * Shows the user of the row {@code selected} names in {@code pool}, following that row as it changes (a confirmed
     * Disable, say).
     */
    public void follow(ObservableValue<UserRow> selected, ObservableValue<PoolSelection> pool) {
        this.pool = pool;
        selected.addListener((obs, old, row) -> {
            if (followed != null) {
                followed.userProperty().removeListener(rowChanged);
            }
            followed = row;
            if (row != null) {
                row.userProperty().addListener(rowChanged);
            }
            showFollowed();
        });
        pool.addListener(o -> showFollowed());
    }

    private void showFollowed() {
        PoolUser user = followed == null ? null : followed.getUser();
        viewModel.show(user == null ? null : pool.getValue(), user);
    }

    private void initListeners() {
        title.textProperty().bind(Bindings.createStringBinding(() -> viewModel.userProperty().get() == null ? ""
                : viewModel.userProperty().get().username(), viewModel.userProperty()));
        empty.visibleProperty().bind(viewModel.userProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());
        viewModel.facts().addListener((ListChangeListener<UserFacts.Fact>) c -> showFacts());
        groupsNote.textProperty().bind(viewModel.groupsNoteProperty());
        showNoteOnly(groupsNote);
        signInsNote.textProperty().bind(viewModel.signInsNoteProperty());
        showNoteOnly(signInsNote);
        mfaNote.textProperty().bind(viewModel.mfaNoteProperty());
        showMfa.disableProperty().bind(viewModel.mfaAskableProperty().not());
        showMfa.setOnAction(e -> viewModel.showMfa());
        more.visibleProperty().bind(viewModel.moreSignInsProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> viewModel.loadMoreSignIns());
        retry.visibleProperty().bind(viewModel.retryableProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> viewModel.retry());
        signOut.disableProperty().bind(viewModel.signOutBlockedProperty().isNotNull());
        signOut.setOnAction(e -> viewModel.signOutEverywhere());
        signOutReason.textProperty().bind(Bindings.createStringBinding(() -> Optional.ofNullable(
                viewModel.signOutBlockedProperty().get()).filter(r -> viewModel.signOutOffered()).orElse(""),
                viewModel.signOutBlockedProperty()));
    }

    private static void showNoteOnly(Label note) {
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("details-heading");
        return heading;
    }

    /** What a row's context menu copies: the menu item's text and the value. */
    private record MenuItemSpec<T>(String text, Function<T, String> value) {
    }

    @SafeVarargs
    private static <T> void listing(TableView<T> table, String id, ObservableList<T> items, MenuItemSpec<T> copy,
                                    boolean wide, TableColumn<T, String>... columns) {
        table.setId(id);
        table.setItems(items);
        table.getColumns().setAll(List.of(columns));
        copyMenu(table, copy.text(), copy.value());
        table.setPrefHeight(TABLE_ROWS_HEIGHT);
        table.setMinHeight(Region.USE_PREF_SIZE);
        // Seven columns do not fit a narrow pane: they keep their widths and the list scrolls sideways.
        table.setColumnResizePolicy(wide ? TableView.UNCONSTRAINED_RESIZE_POLICY
                : TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // An empty list takes no room: the note under it says why it is empty.
        table.visibleProperty().bind(Bindings.isNotEmpty(items));
        table.managedProperty().bind(table.visibleProperty());
    }

    private static <T> TableColumn<T, String> column(String name, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static <T> void copyMenu(TableView<T> table, String text, Function<T, String> value) {
        table.setRowFactory(t -> {
            TableRow<T> row = new TableRow<>();
            MenuItem copy = new MenuItem(text);
            copy.setOnAction(e -> {
                if (row.getItem() != null) {
                    CopyText.copy(value.apply(row.getItem()));
                }
            });
            row.contextMenuProperty().bind(Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(new ContextMenu(copy)));
            return row;
        });
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** Every fact under its section's heading: the value in a field that selects but does not edit, and Copy. */
    private void showFacts() {
        facts.getChildren().clear();
        String section = null;
        int row = 0;
        for (UserFacts.Fact fact : viewModel.facts()) {
            if (!fact.section().equals(section)) {
                section = fact.section();
                Label heading = heading(section);
                facts.add(heading, 0, row++, 3, 1);
            }
            Label name = new Label(fact.name());
            TextField value = new TextField(fact.value());
            value.setEditable(false);
            value.getStyleClass().add("fact-value");
            value.setAccessibleText(fact.name() + ": " + fact.value());
            name.setLabelFor(value);
            Button copy = new Button("Copy");
            copy.getStyleClass().add("fact-copy");
            copy.setId("copy-" + fact.name().replaceAll("[^A-Za-z0-9]+", "-"));
            copy.setAccessibleText("Copy " + fact.name());
            copy.setFocusTraversable(false);
            copy.setDisable(fact.value().isEmpty());
            copy.setOnAction(e -> CopyText.copy(fact.value()));
            facts.addRow(row++, name, value, copy);
        }
    }
}
