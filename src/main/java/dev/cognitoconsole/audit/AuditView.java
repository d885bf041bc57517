package dev.cognitoconsole.audit;

import dev.cognitoconsole.banner.BannerView;
import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.export.ExportFileChooser;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The audit window: a table of recorded changes, its filters, and Export. Owned by the main window. */
public final class AuditView {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

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
    private final Label summary = new Label();
    private final Label damaged = new Label();
    private final Label leftOut = new Label();
    private final Label dateProblem = new Label();
    private final Label fileLabel = new Label();
    private final ProgressIndicator loading = new ProgressIndicator();
    private Stage stage;
    private final ExportFileChooser files = new ExportFileChooser();

    /**
     * @param banner the window's own banner, the notifier {@code viewModel} reports to
     * @param stylesheet the console's stylesheet
     */
    public AuditView(AuditViewModel viewModel, BannerViewModel banner, URL stylesheet) {
        this.viewModel = viewModel;
        this.banner = banner;
        this.stylesheet = stylesheet;
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
                column("Time", "auditTimeColumn", 150, c -> when(c.time())),
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
                column("Detail", "auditDetailColumn", 360, AuditChange::detail)));
        VBox.setVgrow(table, Priority.ALWAYS);

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
        fromDate.setPromptText("From");
        fromDate.setPrefWidth(130);
        toDate.setId("auditToDate");
        toDate.setAccessibleText("Last day listed");
        toDate.setPromptText("To");
        toDate.setPrefWidth(130);
        clearFilters.setId("auditClearFilters");
        clearFilters.setAccessibleText("Clear every filter");
        reload.setId("auditReloadButton");
        reload.setAccessibleText("Read the audit log again");
        export.setId("exportAuditButton");
        export.setAccessibleText("Export the changes listed to a CSV or JSON file");
        for (Region region : List.of(clearFilters, reload, export, outcomeFilter)) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, poolFilter, userFilter, operatorFilter, outcomeFilter, fromDate, toDate,
                clearFilters, spacer, reload, export);
        bar.setAlignment(Pos.CENTER_LEFT);
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
        HBox bar = new HBox(12, summary, loading, leftOut, damaged, dateProblem, spacer, fileLabel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 12, 6, 12));
        return bar;
    }

    private void initListeners() {
        poolFilter.textProperty().bindBidirectional(viewModel.poolFilterProperty());
        userFilter.textProperty().bindBidirectional(viewModel.userFilterProperty());
        operatorFilter.textProperty().bindBidirectional(viewModel.operatorFilterProperty());
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
        return column;
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
