package dev.cognitoconsole.app;

import dev.cognitoconsole.common.DialogService;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Dialogs drawn with JavaFX; Cancel is the default button, so Enter never confirms a change by accident. */
final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(Confirmation confirmation) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        alert.setTitle(confirmation.title());
        alert.setHeaderText(confirmation.header());
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        int row = 0;
        for (DialogService.Fact fact : confirmation.facts()) {
            Label label = new Label(fact.label());
            label.getStyleClass().add("confirm-label");
            Label value = new Label(fact.value());
            value.getStyleClass().add("confirm-value");
            facts.addRow(row++, label, value);
        }
        Label note = new Label(confirmation.note());
        note.setWrapText(true);
        note.setMaxWidth(520);
        VBox details = new VBox(12, facts, note);
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
        confirmButton.getStyleClass().add("confirm-danger");
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        cancelButton.setId("cancelButton");
        cancelButton.setDefaultButton(true);
        cancelButton.setCancelButton(true);
        cancelButton.requestFocus();
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }
}
