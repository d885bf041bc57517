package dev.cognitoconsole.safety;

import dev.cognitoconsole.common.JoinsWhenShown;
import dev.cognitoconsole.common.Tooltips;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The production band across the window, the read-only band under it, and the toolbar's read-only toggle.
 * The bands take their own room, like the banner, so nothing is hidden behind them.
 */
public final class SafetyView {
    private final SafetyViewModel viewModel;

    public SafetyView(SafetyViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** The bands, shown only while they have something to say. */
    public Region createBands() {
        Label productionBand = band("productionBand", "production-band");
        productionBand.textProperty().bind(viewModel.productionLabelProperty());

        Label readOnlyBand = band("readOnlyBand", "read-only-band");
        readOnlyBand.textProperty().bind(viewModel.readOnlyReasonProperty());
        return new VBox(JoinsWhenShown.takingNoRoom(productionBand, viewModel.productionProperty()),
                JoinsWhenShown.takingNoRoom(readOnlyBand, viewModel.writesOffProperty()));
    }

    /** The toolbar's switch for read-only mode. */
    public ToggleButton createToggle() {
        ToggleButton toggle = new ToggleButton("Read-only");
        toggle.setId("readOnlyToggle");
        toggle.getStyleClass().add("read-only-toggle");
        toggle.setAccessibleText("Read-only mode: when on, no user can be disabled, enabled or signed out");
        Tooltips.onHover(toggle, "When on, Disable, Enable and Sign out are off (a bulk dry run still works)");
        toggle.selectedProperty().bindBidirectional(viewModel.readOnlyProperty());
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        // Never a default focus target: Enter or Space there would flip the mode with no confirmation.
        toggle.setFocusTraversable(false);
        return toggle;
    }

    private static Label band(String id, String styleClass) {
        Label band = new Label();
        band.setId(id);
        band.getStyleClass().add(styleClass);
        band.setMaxWidth(Double.MAX_VALUE);
        band.setWrapText(true);
        band.setPadding(new Insets(6, 12, 6, 12));
        band.setAccessibleRole(AccessibleRole.TEXT);
        return band;
    }
}
