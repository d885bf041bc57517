package dev.cognitoconsole.export;

import dev.cognitoconsole.common.JoinsWhenShown;
import dev.cognitoconsole.common.Tooltips;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The Export button of the top bar, with the progress of an export in flight. */
public final class ExportView {
    private final ExportViewModel viewModel;

    private final Button export = new Button("Export…");
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = new Label();
    private final ExportFileChooser files;

    public ExportView(ExportViewModel viewModel) {
        this(viewModel, new ExportFileChooser());
    }

    /** @param files the save dialog, which remembers the folder used last */
    public ExportView(ExportViewModel viewModel, ExportFileChooser files) {
        this.viewModel = viewModel;
        this.files = files;
    }

    public Region createView() {
        export.setId("exportButton");
        export.setAccessibleText("Export the users shown to a CSV or JSON file");
        Tooltips.onHover(export, "Export the users the table shows (CSV or JSON)");
        export.setMinWidth(Region.USE_PREF_SIZE);
        progress.setId("exportProgress");
        progress.setPrefWidth(100);
        progress.setAccessibleText("Export progress");
        progressText.setId("exportProgressText");
        progressText.getStyleClass().add("activity");
        HBox box = new HBox(8, JoinsWhenShown.takingNoRoom(progressText, viewModel.busyProperty()),
                JoinsWhenShown.takingNoRoom(progress, viewModel.busyProperty()), export);
        box.setAlignment(Pos.CENTER_RIGHT);
        initListeners();
        return box;
    }

    private void initListeners() {
        export.disableProperty().bind(viewModel.canExportProperty().not());
        progress.progressProperty().bind(viewModel.progressProperty());
        progressText.textProperty().bind(viewModel.progressTextProperty());
        export.setOnAction(e -> chooseFileAndExport());
    }

    private void chooseFileAndExport() {
        files.choose(export.getScene().getWindow(), viewModel.chooserTitle(), viewModel::suggestedFileName)
                .ifPresent(choice -> viewModel.export(choice.file(), choice.format()));
    }

    /** The file chooser filter of a format, such as "CSV (spreadsheets) (*.csv)". */
}
