package dev.cognitoconsole.settings;

import dev.cognitoconsole.common.Fields;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The settings dialog: request-rate budgets, within Cognito's quotas, and production marks. */
public final class SettingsView {
    private static final double PROBLEM_WIDTH = 460;
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
                viewModel.listUsersPerSecondProperty(), "ListUsers requests per second");
        Spinner<Integer> updates = spinner("updateBudgetSpinner", viewModel.updatesQuota(),
                viewModel.updatesPerSecondProperty(), "Disable, enable and sign-out requests per second");
        Spinner<Integer> resourceReads = spinner("resourceReadBudgetSpinner", viewModel.resourceReadsQuota(),
                viewModel.resourceReadsPerSecondProperty(), "Group and sign-in history requests per second");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Listing users (ListUsers)"), list,
                new Label("of " + viewModel.listUsersQuota() + " per second"));
        grid.add(problem("listBudgetProblem", viewModel.listUsersProblemProperty()), 1, 1, 2, 1);
        grid.addRow(2, new Label("Disable / enable / sign out"), updates,
                new Label("of " + viewModel.updatesQuota() + " per second"));
        grid.add(problem("updateBudgetProblem", viewModel.updatesProblemProperty()), 1, 3, 2, 1);
        grid.addRow(4, new Label("User details (groups, sign-ins)"), resourceReads,
                new Label("of " + viewModel.resourceReadsQuota() + " per second"));
        grid.add(problem("resourceReadBudgetProblem", viewModel.resourceReadsProblemProperty()), 1, 5, 2, 1);

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
        wrapWhole(accountsProblem);
        Label productionNote = new Label("On production, a strong band is shown and every change asks for the "
                + "username (or the count) to be typed.");
        productionNote.setWrapText(true);
        productionNote.setMaxWidth(460);
        grid.add(productionHeader, 0, 6, 3, 1);
        grid.add(markProfile, 0, 7, 3, 1);
        grid.addRow(8, accountsLabel, accounts);
        GridPane.setColumnSpan(accounts, 2);
        grid.add(accountsProblem, 1, 9, 2, 1);
        grid.add(productionNote, 0, 10, 3, 1);

        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setId("settingsDialog");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("settingsSaveButton");
        saveButton.disableProperty().bind(accountsProblem.textProperty().isNotEmpty()
                .or(viewModel.acceptableProperty().not()));
        Runnable stopGrowing = growWith(dialog, accountsProblem.textProperty(),
                viewModel.listUsersProblemProperty(), viewModel.updatesProblemProperty(),
                viewModel.resourceReadsProblemProperty());
        boolean saved = dialog.showAndWait().filter(save::equals).isPresent();
        stopGrowing.run();
        if (!saved) {
            viewModel.reset();
            return null;
        }
        List<String> problems = new ArrayList<>();
        viewModel.apply().ifPresent(problems::add);
        if (currentProfile != null && markProfile.isSelected() != marks.profileMarkedProperty().get()) {
            marks.markProfile(markProfile.isSelected()).ifPresent(problems::add);
        }
        marks.setProductionAccounts(accounts.getText()).ifPresent(problems::add);
        return problems.isEmpty() ? null : problems.get(0);
    }

    /** A red line under a field saying why its value is refused; wrapped, so it is read whole. */
    private static Label problem(String id, ReadOnlyStringProperty text) {
        Label problem = new Label();
        problem.setId(id);
        problem.getStyleClass().add("field-problem");
        wrapWhole(problem);
        problem.textProperty().bind(text);
        problem.managedProperty().bind(text.isNotEmpty());
        return problem;
    }

    private static void wrapWhole(Label problem) {
        problem.setWrapText(true);
        problem.setMaxWidth(PROBLEM_WIDTH);
        problem.setMinHeight(Region.USE_PREF_SIZE);
    }

    /**
     * The dialog's window is sized once when shown: it grows with a problem line, which would be cut otherwise.
     * Returns what stops it, as the ViewModel outlives the dialog.
     */
    private static Runnable growWith(Dialog<?> dialog, ObservableValue<?>... problems) {
        InvalidationListener resize = obs -> {
            Scene scene = dialog.getDialogPane().getScene();
            if (scene != null && scene.getWindow() != null) {
                scene.getWindow().sizeToScene();
            }
        };
        for (ObservableValue<?> problem : problems) {
            problem.addListener(resize);
        }
        return () -> {
            for (ObservableValue<?> problem : problems) {
                problem.removeListener(resize);
            }
        };
    }

    /**
     * A spinner that writes every whole number typed into {@code budget}, in range or not, so that the ViewModel
     * can refuse one out of range rather than the spinner bringing it into range unseen.
     */
    private static Spinner<Integer> spinner(String id, int max, IntegerProperty budget, String accessibleText) {
        SpinnerValueFactory.IntegerSpinnerValueFactory values =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, max, Math.max(1, Math.min(max, budget.get())));
        // The stock converter throws on text that is no whole number (on the FX thread, at each focus loss)
        // and leaves that text shown; the value in force comes back instead. A number out of range is not committed
        // either, since the factory would clamp it.
        values.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer number) {
                return number == null ? "" : number.toString();
            }

            @Override
            public Integer fromString(String text) {
                Integer typed = wholeNumber(text);
                return typed != null && typed >= 1 && typed <= max ? typed : values.getValue();
            }
        });
        Spinner<Integer> spinner = new Spinner<>(values);
        spinner.getEditor().textProperty().addListener((obs, old, now) -> {
            Integer typed = wholeNumber(now);
            budget.set(typed != null ? typed : values.getValue());
        });
        spinner.focusedProperty().addListener((obs, was, now) -> {
            if (!now && wholeNumber(spinner.getEditor().getText()) == null) {
                spinner.getEditor().setText(values.getConverter().toString(values.getValue()));
            }
        });
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setAccessibleText(accessibleText);
        spinner.setPrefWidth(90);
        return spinner;
    }

    private static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text == null ? "" : text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
