package dev.cognitoconsole.bulk;

import dev.cognitoconsole.common.Tooltips;
import dev.cognitoconsole.users.UserRow;
import java.io.File;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The bulk action bar above the users table: what a bulk change applies to, Import list, Disable, Enable and
 * Sign out.
 */
public final class BulkSelectionView {
    private final BulkSelectionViewModel viewModel;
    private final BulkRunViewModel run;
    private final Runnable showRun;

    private final Label caption = new Label("Bulk");
    private final Label target = new Label();
    private final CheckBox allShown = new CheckBox();
    private final Button importUsers = new Button("Import list…");
    private final Button clearImport = new Button("Use table");
    private final Button disable = new Button("Disable…");
    private final Button enable = new Button("Enable…");
    private final Button signOut = new Button("Sign out…");
    private final Button showProgress = new Button("Show bulk run");
    private final Label problem = new Label();

    /** @param showRun opens the bulk run window */
    public BulkSelectionView(BulkSelectionViewModel viewModel, BulkRunViewModel run, Runnable showRun) {
        this.viewModel = viewModel;
        this.run = run;
        this.showRun = showRun;
    }

    public Region createView() {
        caption.getStyleClass().add("caption");
        target.setId("bulkTargetLabel");
        target.getStyleClass().add("bulk-target");
        allShown.setId("allShownCheck");
        allShown.setAccessibleText("Apply the bulk change to every user the table shows");
        importUsers.setId("importUsersButton");
        importUsers.setAccessibleText("Import usernames from a CSV or text file");
        Tooltips.onHover(importUsers, "One username per line, or a CSV file with a username column");
        clearImport.setId("clearImportButton");
        clearImport.setAccessibleText("Forget the imported list and use the table's selection");
        disable.setId("bulkDisableButton");
        disable.setAccessibleText("Disable every user listed on the left, after a confirmation");
        disable.getStyleClass().add("action-disable");
        enable.setId("bulkEnableButton");
        enable.setAccessibleText("Enable every user listed on the left, after a confirmation");
        enable.getStyleClass().add("action-enable");
        signOut.setId("bulkSignOutButton");
        signOut.setAccessibleText("Sign out everywhere every user listed on the left, after a confirmation");
        Tooltips.onHover(signOut, "Cognito revokes each user's tokens; the accounts stay enabled");
        showProgress.setId("showBulkRunButton");
        showProgress.setAccessibleText("Show the window of the last bulk change");
        problem.setId("bulkProblem");
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, caption, target, allShown, spacer, importUsers, clearImport, disable, enable,
                signOut, showProgress);
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Region r : List.of(caption, allShown, importUsers, clearImport, disable, enable, signOut,
                showProgress)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox box = new VBox(4, bar, problem);
        box.setId("bulkBar");
        box.getStyleClass().add("bulk-bar");
        box.setPadding(new Insets(0, 12, 6, 12));
        initListeners();
        return box;
    }

    /** Keeps the model's selection in step with the table's; the table keeps its own selection model. */
    public void follow(ObservableList<UserRow> selectedRows) {
        selectedRows.addListener((ListChangeListener<UserRow>) change ->
                viewModel.selectRows(selectedRows.stream().filter(Objects::nonNull).toList()));
    }

    private void initListeners() {
        target.textProperty().bind(viewModel.targetTextProperty());
        allShown.textProperty().bind(viewModel.allShownTextProperty());
        allShown.selectedProperty().bindBidirectional(viewModel.allShownProperty());
        allShown.disableProperty().bind(viewModel.importedProperty().isNotNull());
        clearImport.visibleProperty().bind(viewModel.importedProperty().isNotNull());
        clearImport.managedProperty().bind(clearImport.visibleProperty());
        clearImport.setOnAction(e -> viewModel.clearImport());
        importUsers.disableProperty().bind(Bindings.createBooleanBinding(() -> run.stateProperty().get().active(),
                run.stateProperty()));
        importUsers.setOnAction(e -> chooseFile());
        disable.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.canActProperty().get(),
                viewModel.canActProperty()));
        enable.disableProperty().bind(disable.disableProperty());
        signOut.disableProperty().bind(disable.disableProperty());
        onPress(disable, viewModel::disable);
        onPress(enable, viewModel::enable);
        onPress(signOut, viewModel::signOut);
        showProgress.visibleProperty().bind(run.planProperty().isNotNull());
        showProgress.managedProperty().bind(showProgress.visibleProperty());
        showProgress.setOnAction(e -> showRun.run());
        problem.textProperty().bind(run.problemProperty());
        problem.visibleProperty().bind(run.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
    }

    /** The bulk run window opens once the operator confirmed the change. */
    private void onPress(Button button, BooleanSupplier confirmed) {
        button.setOnAction(e -> {
            if (confirmed.getAsBoolean()) {
                showRun.run();
            }
        });
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import usernames");
        chooser.getExtensionFilters().setAll(
                new FileChooser.ExtensionFilter("Username lists (*.csv, *.txt)", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(importUsers.getScene() == null ? null : importUsers.getScene().getWindow());
        if (file != null) {
            viewModel.importFile(file.toPath());
        }
    }
}
