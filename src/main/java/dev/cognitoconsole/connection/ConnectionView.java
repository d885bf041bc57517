package dev.cognitoconsole.connection;

import dev.cognitoconsole.common.DeferredListComboBoxSkin;
import dev.cognitoconsole.common.JoinsWhenShown;
import dev.cognitoconsole.common.Tooltips;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.UserPool;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The connection bar: profile, region and pool pickers, and where calls go. */
public final class ConnectionView {
    private final ConnectionViewModel viewModel;

    private final ComboBox<AwsProfile> profilePicker = new ComboBox<>();
    private final ComboBox<String> regionPicker = new ComboBox<>();
    private final ComboBox<UserPool> poolPicker = new ComboBox<>();
    private final Button reloadPools = new Button("⟳");
    private final ProgressIndicator poolsProgress = new ProgressIndicator();
    private final Label poolIdProblem = new Label();
    private final Label endpoint = new Label();
    private final Label caller = new Label();

    public ConnectionView(ConnectionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public Region createView() {
        profilePicker.setId("profilePicker");
        profilePicker.setAccessibleText("AWS profile");
        profilePicker.setPromptText("AWS profile");
        profilePicker.setItems(viewModel.profiles());
        profilePicker.setCellFactory(list -> new ProfileCell(true));
        // The closed picker names the profile only: the endpoint line under it says where calls go.
        profilePicker.setButtonCell(new ProfileCell(false));
        profilePicker.setPrefWidth(280);
        profilePicker.setMinWidth(200);

        regionPicker.setId("regionPicker");
        regionPicker.setAccessibleText("AWS region");
        regionPicker.setEditable(true);
        regionPicker.setItems(viewModel.regions());
        // Wide enough for the longest region id (fips-us-gov-west-1), and never narrower.
        regionPicker.setPrefWidth(175);
        regionPicker.setMinWidth(Region.USE_PREF_SIZE);
        regionPicker.setVisibleRowCount(14);

        poolPicker.setId("poolPicker");
        poolPicker.setAccessibleText("User pool: pick one or type its id");
        poolPicker.setEditable(true);
        poolPicker.setPromptText("Pick a pool or paste its id");
        poolPicker.setItems(viewModel.pools());
        poolPicker.setConverter(new PoolConverter());
        poolPicker.setPrefWidth(360);
        poolPicker.setMinWidth(330);
        poolPicker.setVisibleRowCount(14);
        // Their drop-down lists are built when first opened, not with the window (each picker has its width).
        DeferredListComboBoxSkin.install(profilePicker);
        DeferredListComboBoxSkin.install(regionPicker);
        DeferredListComboBoxSkin.install(poolPicker);

        reloadPools.setId("reloadPoolsButton");
        reloadPools.setAccessibleText("Reload pools");
        Tooltips.onHover(reloadPools, "Reload the pool list");
        poolsProgress.setId("poolsProgress");
        poolsProgress.setPrefSize(18, 18);
        poolsProgress.setAccessibleText("Loading pools");

        poolIdProblem.setId("poolIdProblem");
        poolIdProblem.getStyleClass().add("field-problem");
        poolIdProblem.setWrapText(true);
        poolIdProblem.setMaxWidth(Double.MAX_VALUE);
        endpoint.setId("endpointLabel");
        endpoint.getStyleClass().add("endpoint-label");

        HBox pickers = new HBox(8,
                caption("Profile", profilePicker), profilePicker,
                caption("Region", regionPicker), regionPicker,
                caption("Pool", poolPicker), poolPicker, reloadPools,
                JoinsWhenShown.keepingRoom(poolsProgress, viewModel.poolsLoadingProperty()));
        pickers.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(poolPicker, Priority.ALWAYS);

        caller.setId("callerLabel");
        caller.getStyleClass().add("endpoint-label");
        // Where calls go and as whom: each line whole, the second one below when they do not fit side by side.
        FlowPane info = new FlowPane(16, 2, endpoint, caller);
        info.setAlignment(Pos.CENTER_LEFT);
        // Wrapped on a line of its own, the whole problem is readable at any width; blank, it takes no room.
        poolIdProblem.managedProperty().bind(viewModel.poolIdProblemProperty().isNotEmpty());
        VBox root = new VBox(6, pickers, info, poolIdProblem);
        root.setId("connectionBar");
        root.getStyleClass().add("connection-bar");
        root.setPadding(new Insets(10, 12, 8, 12));
        initListeners();
        return root;
    }

    private void initListeners() {
        profilePicker.valueProperty().bindBidirectional(viewModel.profileProperty());
        regionPicker.valueProperty().bindBidirectional(viewModel.regionProperty());
        poolPicker.valueProperty().addListener((obs, old, now) -> {
            if (!Objects.equals(old, now)) {
                viewModel.choosePool(now);
            }
        });
        viewModel.selectionProperty().addListener((obs, old, now) -> {
            if (now == null && viewModel.poolIdProblemProperty().get() == null) {
                poolPicker.setValue(null);
            } else if (now != null && !now.pool().equals(poolPicker.getValue())) {
                // Picked for the operator (a user found elsewhere opened here): the picker shows it too.
                poolPicker.setValue(now.pool());
            }
        });
        reloadPools.disableProperty().bind(viewModel.connectionProperty().isNull()
                .or(viewModel.poolsLoadingProperty()));
        poolIdProblem.textProperty().bind(viewModel.poolIdProblemProperty());
        caller.textProperty().bind(viewModel.callerProperty());
        endpoint.textProperty().bind(Bindings.createStringBinding(
                () -> describe(viewModel.connectionProperty().get()), viewModel.connectionProperty()));
        reloadPools.setOnAction(e -> viewModel.reloadPools());
    }

    private static String describe(Connection connection) {
        if (connection == null) {
            return "Not connected";
        }
        return "Calls go to " + connection.endpoint() + " as profile " + connection.profile().name();
    }

    private static Label caption(String text, javafx.scene.Node target) {
        Label label = new Label(text);
        label.setLabelFor(target);
        label.getStyleClass().add("caption");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static final class ProfileCell extends ListCell<AwsProfile> {
        private final boolean withEndpoint;

        ProfileCell(boolean withEndpoint) {
            this.withEndpoint = withEndpoint;
        }

        @Override
        protected void updateItem(AwsProfile item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : withEndpoint ? item.displayName() : item.name());
        }
    }

    /** Shows pools by name and id; typed text becomes a pool id the ViewModel checks. */
    private final class PoolConverter extends StringConverter<UserPool> {
        @Override
        public String toString(UserPool pool) {
            return pool == null ? "" : pool.displayName();
        }

        @Override
        public UserPool fromString(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String typed = text.strip();
            return viewModel.pools().stream()
                    .filter(p -> p.displayName().equals(typed) || p.id().equals(typed))
                    .findFirst()
                    .orElse(new UserPool(typed, null));
        }
    }
}
