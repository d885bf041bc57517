package dev.cognitoconsole.app;

import dev.cognitoconsole.settings.SettingsViewModel;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The settings dialog: request-rate budgets, within Cognito's quotas. */
final class SettingsDialog {
    private final SettingsViewModel viewModel;

    SettingsDialog(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Shows the dialog; returns a problem to report when saving failed, or {@code null}. */
    String show(Window owner) {
        viewModel.reset();
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Settings");
        dialog.setHeaderText("Request-rate budgets\nCognito's quotas are per account and region, shared with your "
                + "production apps: the console spends only part of them.");
        Spinner<Integer> list = spinner("listBudgetSpinner", viewModel.listUsersQuota(),
                viewModel.listUsersPerSecondProperty().get(), "ListUsers requests per second");
        Spinner<Integer> updates = spinner("updateBudgetSpinner", viewModel.updatesQuota(),
                viewModel.updatesPerSecondProperty().get(), "Disable and enable requests per second");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Listing users (ListUsers)"), list,
                new Label("of " + viewModel.listUsersQuota() + " per second"));
        grid.addRow(1, new Label("Disable / enable"), updates,
                new Label("of " + viewModel.updatesQuota() + " per second"));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setId("settingsDialog");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        if (dialog.showAndWait().filter(save::equals).isEmpty()) {
            return null;
        }
        viewModel.listUsersPerSecondProperty().set(list.getValue());
        viewModel.updatesPerSecondProperty().set(updates.getValue());
        return viewModel.apply().orElse(null);
    }

    private static Spinner<Integer> spinner(String id, int max, int value, String accessibleText) {
        SpinnerValueFactory.IntegerSpinnerValueFactory values =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, max, Math.max(1, Math.min(max, value)));
        // The stock converter throws on text that is no whole number (on the FX thread, at each focus loss)
        // and leaves that text shown; the value in force comes back instead.
        values.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer number) {
                return number == null ? "" : number.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.valueOf(text == null ? "" : text.strip());
                } catch (NumberFormatException notANumber) {
                    return values.getValue();
                }
            }
        });
        Spinner<Integer> spinner = new Spinner<>(values);
        spinner.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                spinner.getEditor().setText(values.getConverter().toString(values.getValue()));
            }
        });
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setAccessibleText(accessibleText);
        spinner.setPrefWidth(90);
        return spinner;
    }
}
