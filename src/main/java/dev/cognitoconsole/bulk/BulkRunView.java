package dev.cognitoconsole.bulk;

import dev.cognitoconsole.bulk.BulkRunViewModel.RunState;
import java.net.URL;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The window of a bulk change, owned by the main window: progress, elapsed and remaining time, Pause / Resume,
 * Cancel, and the result of every user with Retry. Closing it hides it; the change goes on.
 */
public final class BulkRunView {
    private final BulkRunViewModel viewModel;
    private final Window owner;
    private final URL stylesheet;
    private Stage stage;
    private Timeline clock;

    private final Label title = new Label();
    private final Label context = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Label elapsed = new Label();
    private final Label remaining = new Label();
    private final Label summary = new Label();
    private final Label message = new Label();
    private final TableView<BulkResultRow> table = new TableView<>();
    private final Button signIn = new Button("Sign in");
    private final Button pause = new Button("Pause");
    private final Button cancel = new Button("Cancel");
    private final Button retryFailed = new Button("Retry failed");
    private final Button runForReal = new Button("Run for real…");
    private final Button close = new Button("Close");

    /** @param stylesheet the console's stylesheet, or {@code null} */
    public BulkRunView(BulkRunViewModel viewModel, Window owner, URL stylesheet) {
        this.viewModel = viewModel;
        this.owner = owner;
        this.stylesheet = stylesheet;
    }

    /** Shows the window (built on first use) and brings it to the front. */
    public void show() {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setTitle("Bulk change");
            Scene scene = new Scene(createView(), 900, 560);
            if (stylesheet != null) {
                scene.getStylesheets().add(stylesheet.toExternalForm());
            }
            stage.setScene(scene);
            clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick()));
            clock.setCycleCount(Timeline.INDEFINITE);
            stage.setOnShown(e -> clock.play());
            stage.setOnHidden(e -> clock.stop());
        }
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    public void hide() {
        if (stage != null) {
            stage.hide();
        }
    }

    public Parent createView() {
        title.setId("bulkTitle");
        title.getStyleClass().add("pool-title");
        context.setId("bulkContext");
        context.setWrapText(true);
        progress.setId("bulkProgress");
        progress.setAccessibleText("Progress of the bulk change");
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        elapsed.setId("bulkElapsed");
        remaining.setId("bulkRemaining");
        summary.setId("bulkSummary");
        message.setId("bulkMessage");
        message.setWrapText(true);
        message.getStyleClass().add("activity");
        pause.setId("pauseButton");
        cancel.setId("cancelButton");
        cancel.setAccessibleText("Cancel: stop after the user in hand; the rest are not sent");
        retryFailed.setId("retryFailedButton");
        retryFailed.setAccessibleText("Run every failed user again");
        runForReal.setId("runForRealButton");
        runForReal.setAccessibleText("Run the dry run's users for real, after a confirmation");
        close.setId("closeBulkButton");
        close.setAccessibleText("Close this window; the bulk change goes on");
        for (Region r : new Region[] {pause, cancel, retryFailed, runForReal, close, elapsed, remaining}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }

        table.setId("bulkResults");
        table.setAccessibleText("Result of every user of the bulk change");
        table.setItems(viewModel.results());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No bulk change yet."));
        TableColumn<BulkResultRow, String> detail = column("Detail", "bulkDetailColumn", 320,
                BulkResultRow::detailProperty);
        // Detail is the long text: last, so it takes the width left, and wrapped, so none of it is cut off.
        detail.setCellFactory(c -> new WrappingCell());
        table.getColumns().setAll(java.util.List.of(
                column("#", "bulkIndexColumn", 50, r -> new ReadOnlyObjectWrapper<>(Integer.toString(r.index()))),
                column("Username", "bulkUserColumn", 200, r -> new ReadOnlyObjectWrapper<>(r.username())),
                column("Result", "bulkOutcomeColumn", 130,
                        r -> Bindings.createStringBinding(() -> r.getOutcome().label(), r.outcomeProperty())),
                retryColumn(),
                column("Error", "bulkErrorColumn", 150, BulkResultRow::errorTypeProperty),
                detail));
        VBox.setVgrow(table, Priority.ALWAYS);

        HBox progressLine = new HBox(10, progress, elapsed, remaining);
        progressLine.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, pause, cancel, retryFailed, runForReal, spacer, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        HBox messageLine = new HBox(8, message, signIn);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        messageLine.setAlignment(Pos.CENTER_LEFT);
        messageLine.visibleProperty().bind(message.visibleProperty());
        messageLine.managedProperty().bind(message.visibleProperty());
        VBox root = new VBox(8, title, context, progressLine, summary, messageLine, table, buttons);
        root.setId("bulkWindow");
        root.setPadding(new Insets(12));
        initListeners();
        return root;
    }

    private void initListeners() {
        title.textProperty().bind(viewModel.titleProperty());
        context.textProperty().bind(viewModel.contextProperty());
        progress.progressProperty().bind(viewModel.progressProperty());
        elapsed.textProperty().bind(viewModel.elapsedTextProperty());
        remaining.textProperty().bind(viewModel.remainingTextProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        signIn.setId("bulkSignInButton");
        signIn.setMinWidth(Region.USE_PREF_SIZE);
        signIn.textProperty().bind(Bindings.createStringBinding(() -> viewModel.signInRequestProperty().get() == null
                ? "Sign in" : viewModel.signInRequestProperty().get().label(), viewModel.signInRequestProperty()));
        signIn.setAccessibleText("Renew the credentials that paused the run; it resumes once they work");
        signIn.visibleProperty().bind(viewModel.signInRequestProperty().isNotNull());
        signIn.managedProperty().bind(signIn.visibleProperty());
        signIn.setOnAction(e -> viewModel.signIn());

        var state = viewModel.stateProperty();
        pause.textProperty().bind(Bindings.createStringBinding(
                () -> state.get() == RunState.PAUSED ? "Resume" : "Pause", state));
        pause.setAccessibleText("Pause after the user in hand, or resume");
        pause.disableProperty().bind(Bindings.createBooleanBinding(
                () -> state.get() != RunState.RUNNING && state.get() != RunState.PAUSED, state));
        pause.setOnAction(e -> {
            if (state.get() == RunState.PAUSED) {
                viewModel.resume();
            } else {
                viewModel.pause();
            }
        });
        cancel.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            var now = state.get();
            return now != RunState.RUNNING && now != RunState.PAUSING
                    && now != RunState.PAUSED;
        }, state));
        cancel.setOnAction(e -> viewModel.cancel());
        retryFailed.disableProperty().bind(Bindings.createBooleanBinding(
                () -> state.get().working() || viewModel.retryableCountProperty().get() == 0,
                state, viewModel.retryableCountProperty()));
        retryFailed.textProperty().bind(Bindings.createStringBinding(() -> viewModel.retryableCountProperty().get() == 0
                ? "Retry failed" : "Retry failed (" + viewModel.retryableCountProperty().get() + ")",
                viewModel.retryableCountProperty()));
        retryFailed.setOnAction(e -> viewModel.retryFailed());
        runForReal.visibleProperty().bind(Bindings.createBooleanBinding(() -> viewModel.planProperty().get() != null
                && viewModel.planProperty().get().dryRun() && !state.get().active(), viewModel.planProperty(), state));
        runForReal.managedProperty().bind(runForReal.visibleProperty());
        runForReal.setOnAction(e -> {
            viewModel.runForReal();
            // The confirmation has closed: this window, not the main one, is where the run goes on.
            show();
        });
        close.setOnAction(e -> hide());
    }

    private static TableColumn<BulkResultRow, String> column(String name, String id, double width,
                                                             Function<BulkResultRow, ObservableValue<String>> value) {
        TableColumn<BulkResultRow, String> column = new TableColumn<>(name);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }

    private TableColumn<BulkResultRow, BulkResultRow> retryColumn() {
        TableColumn<BulkResultRow, BulkResultRow> column = new TableColumn<>("");
        column.setId("bulkRetryColumn");
        column.setPrefWidth(80);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new RetryCell());
        return column;
    }

    /** Text that wraps onto more lines rather than end in "…". */
    private static final class WrappingCell extends TableCell<BulkResultRow, String> {
        WrappingCell() {
            setWrapText(true);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
        }
    }

    /** Retry on a failed, unknown or unverified user, while no job runs. */
    private final class RetryCell extends TableCell<BulkResultRow, BulkResultRow> {
        private final Button button = new Button("Retry");
        private final InvalidationListener redraw = o -> redraw();
        private BulkResultRow shown;

        RetryCell() {
            button.setId("retryRowButton");
            button.setOnAction(e -> viewModel.retry(shown));
            viewModel.stateProperty().addListener(new javafx.beans.WeakInvalidationListener(redraw));
        }

        @Override
        protected void updateItem(BulkResultRow row, boolean empty) {
            super.updateItem(row, empty);
            if (shown != null) {
                shown.outcomeProperty().removeListener(redraw);
            }
            shown = empty ? null : row;
            if (shown != null) {
                shown.outcomeProperty().addListener(redraw);
            }
            redraw();
        }

        private void redraw() {
            boolean offer = shown != null && shown.getOutcome().retryable()
                    && !viewModel.stateProperty().get().working();
            if (offer) {
                button.setAccessibleText("Retry " + shown.username());
                button.getProperties().put("username", shown.username());
            }
            setGraphic(offer ? button : null);
        }
    }
}
