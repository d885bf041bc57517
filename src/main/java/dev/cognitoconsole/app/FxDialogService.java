package dev.cognitoconsole.app;

import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Fields;
import java.net.URL;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Dialogs drawn with JavaFX; Cancel is the default button, so Enter never confirms a change by accident. */
final class FxDialogService implements DialogService {
    static final URL STYLESHEET = Objects.requireNonNull(FxDialogService.class.getResource(
            "/dev/cognitoconsole/app/console.css"));

    private final Supplier<Window> owner;

    FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        ownedAndTitled(alert, confirmation.title(), confirmation.header());
        GridPane facts = factsGrid(confirmation.facts());
        Label note = new Label(confirmation.note());
        note.setWrapText(true);
        note.setMaxWidth(520);
        VBox details = new VBox(12, facts, note);
        TextField typed = new TextField();
        if (confirmation.typeToConfirm() != null) {
            typed.setId("typeToConfirmField");
            typed.setPromptText(confirmation.typeToConfirm());
            typed.setAccessibleText("Type " + confirmation.typeToConfirm() + " to confirm");
            Label typedLabel = new Label("Type " + confirmation.typeToConfirm() + " to confirm");
            typedLabel.setLabelFor(typed);
            details.getChildren().addAll(typedLabel, typed);
        }
        details.setId("confirmDetails");
        details.setAccessibleText(confirmation.details());
        alert.getDialogPane().setContent(details);
        alert.getDialogPane().setId("confirmDialog");

        ButtonType confirm = new ButtonType(confirmation.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(confirm, cancel);
        Button confirmButton = (Button) alert.getDialogPane().lookupButton(confirm);
        confirmButton.setId("confirmButton");
        confirmButton.setDefaultButton(false);
        if (confirmation.danger()) {
            confirmButton.getStyleClass().add("confirm-danger");
        }
        confirmButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !confirmation.typedMatches(typed.getText()), typed.textProperty()));
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        cancelButton.setId("cancelButton");
        cancelButton.setDefaultButton(true);
        cancelButton.setCancelButton(true);
        cancelButton.requestFocus();
        if (confirmation.typeToConfirm() != null) {
            Platform.runLater(typed::requestFocus);
        }
        return alert.showAndWait().filter(confirm::equals).isPresent() && confirmation.typedMatches(typed.getText());
    }

    @Override
    public Optional<String> askMfaCode(MfaPrompt prompt) {
        Dialog<String> dialog = new Dialog<>();
        ownedAndTitled(dialog, "MFA code", "Profile " + prompt.profile() + " assumes a role that needs an MFA code.");
        TextField code = Fields.field("mfaCodeField", "", "123456", "MFA code: the 6 digits your device shows now");
        code.setPrefColumnCount(8);
        VBox content = new VBox(8, Fields.labelFor(code, "Code from your MFA device"), code,
                Fields.problemOf(code, "mfaCodeProblem", prompt.check()));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setId("mfaDialog");
        ButtonType ok = new ButtonType("Sign in", ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId("mfaSignInButton");
        okButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> prompt.check().apply(code.getText()).isPresent(), code.textProperty()));
        dialog.setResultConverter(button -> button == ok ? code.getText().strip() : null);
        Platform.runLater(code::requestFocus);
        return dialog.showAndWait();
    }

    @Override
    public Optional<BulkAnswer> confirmBulk(BulkConfirmation confirmation) {
        Dialog<BulkAnswer> dialog = new Dialog<>();
        // Owned by the window that asks (the bulk window's "Run for real…"), so closing it does not raise the main
        // window over that one.
        ownedAndTitled(dialog, askingWindow(), confirmation.title(), confirmation.header());
        GridPane facts = factsGrid(confirmation.facts());
        int row = confirmation.facts().size();
        Label sampleLabel = new Label(confirmation.count() > confirmation.sample().size()
                ? "First " + confirmation.sample().size() : "Names");
        sampleLabel.getStyleClass().add("confirm-label");
        Label sample = new Label(String.join(", ", confirmation.sample())
                + (confirmation.count() > confirmation.sample().size() ? ", …" : ""));
        sample.setId("bulkSample");
        sample.setWrapText(true);
        sample.setMaxWidth(460);
        facts.addRow(row, sampleLabel, sample);

        Label note = new Label(confirmation.note());
        note.setWrapText(true);
        note.setMaxWidth(560);
        note.setId("bulkConfirmNote");
        TextField reason = new TextField();
        reason.setId("bulkReasonField");
        reason.setPromptText("Why: a ticket id or a few words (required)");
        reason.setAccessibleText("Reason, recorded in the audit log with every change");
        Label reasonLabel = new Label("Reason");
        reasonLabel.setLabelFor(reason);
        TextField typedCount = new TextField();
        typedCount.setId("bulkCountField");
        typedCount.setPromptText(Integer.toString(confirmation.count()));
        Label typedCountLabel = new Label("Type " + confirmation.count() + " to confirm");
        typedCountLabel.setLabelFor(typedCount);
        CheckBox dryRun = new CheckBox("Dry run: only read the users and list what would change");
        dryRun.setId("dryRunCheck");
        typedCount.visibleProperty().bind(dryRun.selectedProperty().not()
                .and(Bindings.createBooleanBinding(confirmation::countToType)));
        typedCount.managedProperty().bind(typedCount.visibleProperty());
        typedCountLabel.visibleProperty().bind(typedCount.visibleProperty());
        typedCountLabel.managedProperty().bind(typedCount.visibleProperty());
        Label problem = new Label();
        problem.setId("bulkConfirmProblem");
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(560);

        VBox details = new VBox(10, facts, note, reasonLabel, reason, typedCountLabel, typedCount, dryRun, problem);
        if (confirmation.reason() != null) {
            reason.setText(confirmation.reason());
        }
        boolean readOnly = confirmation.readOnly() != null;
        if (readOnly) {
            // In read-only mode only a dry run can go ahead: said first, and the dry run is the only choice.
            Label readOnlyNote = new Label(confirmation.readOnly() + " Only a dry run, which reads the users and "
                    + "changes nothing, can go ahead.");
            readOnlyNote.setId("bulkReadOnlyNote");
            readOnlyNote.getStyleClass().add("field-problem");
            readOnlyNote.setWrapText(true);
            readOnlyNote.setMaxWidth(560);
            details.getChildren().add(0, readOnlyNote);
            dryRun.setSelected(true);
            dryRun.setDisable(true);
        }
        details.setId("bulkConfirmDetails");
        dialog.getDialogPane().setContent(details);
        dialog.getDialogPane().setId("bulkConfirmDialog");

        ButtonType confirm = new ButtonType(confirmation.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, cancel);
        Button confirmButton = (Button) dialog.getDialogPane().lookupButton(confirm);
        confirmButton.setId("bulkConfirmButton");
        confirmButton.setDefaultButton(false);
        if (!readOnly) {
            confirmButton.getStyleClass().add("confirm-danger");
        }
        // The button bar fixes a uniform width once, which cut the dry run label ("Dry run: rea…"): this button is
        // as wide as its text, whichever it shows.
        ButtonBar.setButtonUniformSize(confirmButton, false);
        confirmButton.setMinWidth(Region.USE_PREF_SIZE);
        Button cancelButton = (Button) dialog.getDialogPane().lookupButton(cancel);
        cancelButton.setId("bulkConfirmCancel");
        cancelButton.setDefaultButton(true);
        cancelButton.setCancelButton(true);

        ObjectBinding<BulkAnswer> answer = Bindings.createObjectBinding(() -> new BulkAnswer(reason.getText(),
                confirmation.countToType() ? typedCount.getText() : null, dryRun.isSelected()),
                reason.textProperty(), typedCount.textProperty(), dryRun.selectedProperty());
        // The ViewModel's rule decides; the dialog only shows it and holds the confirm button back.
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> confirmation.check().apply(answer.get()).orElse(""), answer));
        confirmButton.disableProperty().bind(problem.textProperty().isNotEmpty());
        confirmButton.textProperty().bind(Bindings.createStringBinding(() -> dryRun.isSelected()
                ? confirmation.dryRunLabel() : confirmation.confirmLabel(), dryRun.selectedProperty()));
        dialog.setResultConverter(button -> confirm.equals(button) ? answer.get() : null);
        dialog.setOnShown(e -> reason.requestFocus());
        return dialog.showAndWait();
    }

    private Window askingWindow() {
        List<Window> windows = List.copyOf(Window.getWindows());
        for (int i = windows.size() - 1; i >= 0; i--) {
            if (windows.get(i).isFocused() && windows.get(i).isShowing()) {
                return windows.get(i);
            }
        }
        return owner.get();
    }

    private void ownedAndTitled(Dialog<?> dialog, String title, String header) {
        ownedAndTitled(dialog, owner.get(), title, header);
    }

    private static void ownedAndTitled(Dialog<?> dialog, Window window, String title, String header) {
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        styled(dialog);
    }

    /** Gives a dialog the console's stylesheet: a dialog's window does not inherit its owner's. */
    static void styled(Dialog<?> dialog) {
        dialog.getDialogPane().getStylesheets().add(STYLESHEET.toExternalForm());
    }

    /** What a change applies to, as labelled lines. */
    private static GridPane factsGrid(List<DialogService.Fact> facts) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        int row = 0;
        for (DialogService.Fact fact : facts) {
            Label label = new Label(fact.label());
            label.getStyleClass().add("confirm-label");
            Label value = new Label(fact.value());
            value.getStyleClass().add("confirm-value");
            value.setWrapText(true);
            value.setMaxWidth(460);
            grid.addRow(row++, label, value);
        }
        return grid;
    }
}
