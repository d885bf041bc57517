package dev.cognitoconsole.audit;

import dev.cognitoconsole.banner.BannerView;
import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.export.ExportFileChooser;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The audit window: a table of recorded changes, its filters, and Export. Owned by the main window. */
public final class AuditView {
    private static final String INVALID = "field-invalid";
    /** A column is never made wider than this to fit its content: the rest is in the cell's tooltip. */
    private static final double WIDEST_COLUMN = 420;
    /** Columns are fitted to the first rows listed: enough to see what a column holds, cheap for 50,000. */
    private static final int ROWS_MEASURED = 200;
    private static final double CELL_PADDING = 24;
    private static final double HEADER_PADDING = 34;

    private final DateTimeFormatter when;

    private final AuditViewModel viewModel;
    private final BannerViewModel banner;
    private final URL stylesheet;

    private final TableView<AuditChange> table = new TableView<>();
    private final TextField poolFilter = new TextField();
    private final TextField userFilter = new TextField();
    private final TextField operatorFilter = new TextField();
    private final ComboBox<AuditViewModel.OutcomeFilter> outcomeFilter = new ComboBox<>();
    private final DatePicker fromDate = new DatePicker();
    private final DatePicker toDate = new DatePicker();
    private final Button clearFilters = new Button("Clear filters");
    private final Button reload = new Button("Reload");
    private final Button export = new Button("Export…");
    private final Button close = new Button("Close");
    private final TextField runFilter = new TextField();
    private final Button showRun = new Button("This run only");
    private final Label summary = new Label();
    private final Label damaged = new Label();
    private final Label leftOut = new Label();
    private final Label dateProblem = new Label();
    private final Label fileLabel = new Label();
    private final ProgressIndicator loading = new ProgressIndicator();
    private Stage stage;
    private final ExportFileChooser files;

    /**
     * @param banner the window's own banner, the notifier {@code viewModel} reports to
     * @param stylesheet the console's stylesheet
     */
    public AuditView(AuditViewModel viewModel, BannerViewModel banner, URL stylesheet) {
        this(viewModel, banner, stylesheet, new ExportFileChooser());
    }

    /** @param files the save dialog of the export, shared with the users' export so both open in one folder */
    public AuditView(AuditViewModel viewModel, BannerViewModel banner, URL stylesheet, ExportFileChooser files) {
        this.files = files;
        this.viewModel = viewModel;
        this.banner = banner;
        this.stylesheet = stylesheet;
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(viewModel.zone());
    }

    /** Opens the window (or brings it forward) and reads the log again. Call on the FX thread. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setTitle("Audit log");
            Scene scene = new Scene(createView(), 1180, 620);
            scene.getStylesheets().add(stylesheet.toExternalForm());
            stage.setScene(scene);
            if (owner instanceof Stage main) {
                stage.getIcons().setAll(main.getIcons());
            }
        }
        banner.dismiss();
        viewModel.load();
        stage.show();
        stage.toFront();
        table.requestFocus();
    }

    public Region createView() {
        table.setId("auditTable");
        table.setAccessibleText("Recorded changes, newest first");
        SortedList<AuditChange> sorted = new SortedList<>(viewModel.changes());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // Thirteen columns do not fit: what matters most comes first, the rest scrolls; the menu hides columns.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setTableMenuButtonVisible(true);
        Label placeholder = new Label("No recorded change matches the filters.");
        placeholder.getStyleClass().add("placeholder");
        table.setPlaceholder(placeholder);
        table.getColumns().setAll(List.of(
                column("Time (" + viewModel.zone().getId() + ")", "auditTimeColumn", 150, c -> when(c.time())),
                column("Pool", "auditPoolColumn", 170, AuditChange::poolId),
                column("User", "auditUserColumn", 150, AuditChange::username),
                column("Action", "auditActionColumn", 140, AuditChange::action),
                column("Outcome", "auditOutcomeColumn", 150, AuditChange::outcomeLabel),
                column("Error", "auditErrorColumn", 180, AuditChange::errorCode),
                column("Operator", "auditOperatorColumn", 100, AuditChange::operator),
                column("AWS identity", "auditCallerColumn", 280, AuditChange::callerArn),
                column("Profile", "auditProfileColumn", 120, AuditChange::profile),
                column("Region", "auditRegionColumn", 100, AuditChange::region),
                column("Reason", "auditReasonColumn", 140, AuditChange::reason),
                column("Request id", "auditRequestIdColumn", 290, AuditChange::requestId),
                column("Detail", "auditDetailColumn", 360, AuditChange::detail),
                column("Run", "auditRunColumn", 80, c -> shortRunId(c.runId()))));
        VBox.setVgrow(table, Priority.ALWAYS);

        table.getItems().addListener((ListChangeListener<AuditChange>) change -> fitColumns());
        VBox root = new VBox(new BannerView(banner).createView(), filterBar(), statusBar(), table);
        root.setId("auditWindow");
        root.getStyleClass().add("audit");
        initListeners();
        return root;
    }

    private Region filterBar() {
        field(poolFilter, "auditPoolFilter", "Pool id", "Filter by pool id");
        field(userFilter, "auditUserFilter", "User name or sub", "Filter by user name or sub");
        field(operatorFilter, "auditOperatorFilter", "Operator or AWS identity",
                "Filter by operator or AWS identity");
        operatorFilter.setPrefColumnCount(16);
        field(runFilter, "auditRunFilter", "Run id", "Filter by bulk run id");
        runFilter.setPrefColumnCount(8);
        showRun.setId("auditShowRunButton");
        showRun.setAccessibleText("List only the bulk run of the selected change");
        outcomeFilter.setId("auditOutcomeFilter");
        outcomeFilter.setAccessibleText("Filter by outcome");
        outcomeFilter.getItems().setAll(AuditViewModel.OutcomeFilter.values());
        outcomeFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuditViewModel.OutcomeFilter value) {
                return value == null ? "" : value.label();
            }

            @Override
            public AuditViewModel.OutcomeFilter fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        fromDate.setId("auditFromDate");
        fromDate.setAccessibleText("First day listed");
        datePicker(fromDate, "From", viewModel::typedFromDate, viewModel.fromDateTypoProperty());
        toDate.setId("auditToDate");
        toDate.setAccessibleText("Last day listed");
        datePicker(toDate, "To", viewModel::typedToDate, viewModel.toDateTypoProperty());
        clearFilters.setId("auditClearFilters");
        clearFilters.setAccessibleText("Clear every filter");
        reload.setId("auditReloadButton");
        reload.setAccessibleText("Read the audit log again");
        export.setId("exportAuditButton");
        export.setAccessibleText("Export the changes listed to a CSV or JSON file");
        for (Region region : List.of(showRun, clearFilters, reload, export, outcomeFilter, poolFilter, userFilter,
                operatorFilter, runFilter)) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Two rows, so that no filter is squeezed to a sliver in a window of ordinary width.
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox who = new HBox(8, poolFilter, userFilter, operatorFilter, runFilter, showRun);
        HBox what = new HBox(8, outcomeFilter, fromDate, toDate, clearFilters, spacer, reload, export);
        who.setAlignment(Pos.CENTER_LEFT);
        what.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, who, what);
        bar.getStyleClass().add("search-bar");
        bar.setPadding(new Insets(8, 12, 4, 12));
        return bar;
    }

    private Region statusBar() {
        summary.setId("auditSummary");
        summary.getStyleClass().add("user-count");
        damaged.setId("auditDamaged");
        damaged.getStyleClass().add("field-problem");
        leftOut.setId("auditLeftOut");
        leftOut.getStyleClass().add("field-problem");
        dateProblem.setId("auditDateProblem");
        dateProblem.getStyleClass().add("field-problem");
        fileLabel.setId("auditFile");
        fileLabel.getStyleClass().add("endpoint-label");
        fileLabel.setText(viewModel.file().toString());
        loading.setId("auditLoading");
        loading.setPrefSize(16, 16);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        close.setId("auditCloseButton");
        close.setAccessibleText("Close the audit window");
        // Escape closes the window, as in the console's dialogs.
        close.setCancelButton(true);
        close.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, summary, loading, leftOut, damaged, dateProblem, spacer, fileLabel, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 12, 6, 12));
        return bar;
    }

    private void initListeners() {
        poolFilter.textProperty().bindBidirectional(viewModel.poolFilterProperty());
        userFilter.textProperty().bindBidirectional(viewModel.userFilterProperty());
        operatorFilter.textProperty().bindBidirectional(viewModel.operatorFilterProperty());
        runFilter.textProperty().bindBidirectional(viewModel.runFilterProperty());
        showRun.setOnAction(e -> {
            AuditChange selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && selected.runId() != null) {
                viewModel.runFilterProperty().set(selected.runId());
            }
        });
        showRun.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            AuditChange selected = table.getSelectionModel().getSelectedItem();
            return selected == null || selected.runId() == null;
        }, table.getSelectionModel().selectedItemProperty()));
        close.setOnAction(e -> close.getScene().getWindow().hide());
        outcomeFilter.valueProperty().bindBidirectional(viewModel.outcomeFilterProperty());
        fromDate.valueProperty().bindBidirectional(viewModel.fromDateProperty());
        toDate.valueProperty().bindBidirectional(viewModel.toDateProperty());
        clearFilters.setOnAction(e -> viewModel.clearFilters());
        reload.setOnAction(e -> viewModel.load());
        reload.disableProperty().bind(viewModel.loadingProperty());
        export.disableProperty().bind(viewModel.canExportProperty().not());
        export.setOnAction(e -> chooseFileAndExport());
        summary.textProperty().bind(viewModel.summaryProperty());
        loading.visibleProperty().bind(viewModel.loadingProperty().or(viewModel.exportingProperty()));
        showWhenSet(leftOut, viewModel.leftOutTextProperty());
        showWhenSet(damaged, viewModel.damagedTextProperty());
        showWhenSet(dateProblem, viewModel.dateProblemProperty());
    }

    private void chooseFileAndExport() {
        files.choose(export.getScene().getWindow(), "Export audit log", viewModel::suggestedFileName)
                .ifPresent(choice -> viewModel.export(choice.file(), choice.format()));
    }

    /** A date field that takes and shows ISO dates, and is marked while what was typed is not one. */
    private static void datePicker(DatePicker picker, String prompt, Function<String, LocalDate> typed,
                                   ObservableStringValue typo) {
        picker.setPromptText(prompt + " (" + AuditViewModel.DATE_PATTERN + ")");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : date.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                return typed.apply(text);
            }
        });
        // Wide enough for a whole date and the prompt; the text filters give way first.
        picker.setPrefWidth(170);
        picker.setMinWidth(Region.USE_PREF_SIZE);
        typo.addListener((obs, old, now) -> {
            picker.getStyleClass().remove(INVALID);
            if (now != null) {
                picker.getStyleClass().add(INVALID);
            }
        });
    }

    /** Sizes each column to its header and the widest text of the first rows, up to {@link #WIDEST_COLUMN}. */
    private void fitColumns() {
        Text measure = new Text();
        measure.setFont(summary.getFont());
        List<AuditChange> rows = table.getItems().subList(0, Math.min(ROWS_MEASURED, table.getItems().size()));
        for (TableColumn<AuditChange, ?> column : table.getColumns()) {
            measure.setText(column.getText());
            double width = measure.getLayoutBounds().getWidth() + HEADER_PADDING;
            for (AuditChange row : rows) {
                Object value = column.getCellData(row);
                if (value != null && !value.toString().isEmpty()) {
                    measure.setText(value.toString());
                    width = Math.max(width, measure.getLayoutBounds().getWidth() + CELL_PADDING);
                }
            }
            column.setPrefWidth(Math.min(width, WIDEST_COLUMN));
        }
    }

    private static void field(TextField field, String id, String prompt, String accessibleText) {
        field.setId(id);
        field.setPromptText(prompt);
        field.setAccessibleText(accessibleText);
        field.setPrefColumnCount(12);
    }

    private static void showWhenSet(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotNull(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    private static TableColumn<AuditChange, String> column(String name, String id, double width,
                                                           Function<AuditChange, String> value) {
        TableColumn<AuditChange, String> column = new TableColumn<>(name);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TextCell());
        return column;
    }

    private static String shortRunId(String runId) {
        return runId == null ? null : runId.substring(0, Math.min(8, runId.length()));
    }

    /** A cell whose whole text is in its tooltip, made on the first hover as common.Tooltips makes its own. */
    private static final class TextCell extends TableCell<AuditChange, String> {
        TextCell() {
            addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (getTooltip() == null && getText() != null && !getText().isEmpty()) {
                    setTooltip(new Tooltip(getText()));
                }
            });
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            String text = empty || item == null ? null : item;
            setText(text);
            if (getTooltip() != null) {
                if (text == null || text.isEmpty()) {
                    setTooltip(null);
                } else {
                    getTooltip().setText(text);
                }
            }
        }
    }

    private String when(Instant instant) {
        return instant == null ? "" : when.format(instant);
    }
}
