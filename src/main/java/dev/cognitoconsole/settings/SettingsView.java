package dev.cognitoconsole.settings;

import dev.cognitoconsole.common.Fields;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The settings dialog: request-rate budgets, within Cognito's quotas, and production marks. */
public final class SettingsView {
    private final SettingsViewModel viewModel;
    private final ProductionMarks marks;
    private final URL stylesheet;

    /** @param stylesheet the console's stylesheet (a dialog's window does not inherit its owner's) */
    public SettingsView(SettingsViewModel viewModel, ProductionMarks marks, URL stylesheet) {
        this.viewModel = viewModel;
        this.marks = marks;
        this.stylesheet = stylesheet;
    }

    /**
     * Shows the dialog; returns a problem to report when saving failed, or {@code null}.
     *
     * @param currentProfile the profile in use, which the production check box marks, or {@code null}
     */
    public String show(Window owner, String currentProfile) {
        viewModel.reset();
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Settings");
        dialog.getDialogPane().getStylesheets().add(stylesheet.toExternalForm());
        dialog.setHeaderText("Request-rate budgets and production marks\nCognito's quotas are per account and region, "
                + "shared with your production apps: the console spends only part of them.");
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

        Label productionHeader = new Label("Production");
        productionHeader.getStyleClass().add("settings-section");
        CheckBox markProfile = new CheckBox(currentProfile == null ? "Treat the current profile as production"
                : "Treat profile " + currentProfile + " as production");
        markProfile.setId("productionProfileCheck");
        markProfile.setDisable(currentProfile == null);
        markProfile.setSelected(marks.profileMarkedProperty().get());
        TextField accounts = Fields.field("productionAccountsField", marks.productionAccountsText(),
                "123456789012, 210987654321", "AWS account ids treated as production, separated by commas");
        accounts.setPrefColumnCount(26);
        Label accountsLabel = Fields.labelFor(accounts, "Production accounts");
        Label accountsProblem = Fields.problemOf(accounts, "productionAccountsProblem",
                marks::productionAccountsProblem);
        Label productionNote = new Label("On production, a strong band is shown and every change asks for the "
                + "username (or the count) to be typed.");
        productionNote.setWrapText(true);
        productionNote.setMaxWidth(460);
        grid.add(productionHeader, 0, 2, 3, 1);
        grid.add(markProfile, 0, 3, 3, 1);
        grid.addRow(4, accountsLabel, accounts);
        GridPane.setColumnSpan(accounts, 2);
        grid.add(accountsProblem, 1, 5, 2, 1);
        grid.add(productionNote, 0, 6, 3, 1);

        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setId("settingsDialog");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("settingsSaveButton");
        saveButton.disableProperty().bind(accountsProblem.textProperty().isNotEmpty());
        if (dialog.showAndWait().filter(save::equals).isEmpty()) {
            return null;
        }
        viewModel.listUsersPerSecondProperty().set(list.getValue());
        viewModel.updatesPerSecondProperty().set(updates.getValue());
        List<String> problems = new ArrayList<>();
        viewModel.apply().ifPresent(problems::add);
        if (currentProfile != null && markProfile.isSelected() != marks.profileMarkedProperty().get()) {
            marks.markProfile(markProfile.isSelected()).ifPresent(problems::add);
        }
        marks.setProductionAccounts(accounts.getText()).ifPresent(problems::add);
        return problems.isEmpty() ? null : problems.get(0);
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
