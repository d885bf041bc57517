package dev.cognitoconsole.startup;

import dev.cognitoconsole.common.DeferredListComboBoxSkin;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The floor under the console's start-up: a window with no console logic at all, started and timed the way the
 * console is (the same milestones since the process began, the first frame marked by the same
 * {@link StartupClock#markFirstFrame}), so the start-up benchmark can tell how much of the console's time to
 * first frame is JavaFX's own on this machine. {@code -Dfloor.kind=controls} (the default) lays out the control types the console's main
 * window shows (pickers, buttons, text fields, a spinning progress indicator, a seven-column table) in the same
 * 1280x760 scene; {@code -Dfloor.kind=label} shows a single label. It prints its milestones and exits after the
 * first frame.
 *
 * <p>Not run by the tests: {@code src/test/packaging/startup-bench.sh} compiles it (with {@link StartupClock} and
 * {@link DeferredListComboBoxSkin}) against the app image's own runtime and launches it with that runtime and the
 * app's JVM options.
 */
public final class FloorWindow {
    static final StartupClock STARTUP = new StartupClock();

    private FloorWindow() {
    }

    /** A plain main class, as the console's: Java's launcher starts the toolkit before an Application's main. */
    public static void main(String[] args) {
        STARTUP.mark("main");
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        static {
            // When the console marks it too: JavaFX makes the application once its toolkit runs.
            STARTUP.mark("toolkit");
        }

        @Override
        public void start(Stage stage) {
            Parent root = "label".equals(System.getProperty("floor.kind")) ? new BorderPane(new Label("Floor"))
                    : controls();
            stage.setScene(new Scene(root, 1280, 760));
            stage.setTitle("Start-up floor");
            STARTUP.mark("built");
            stage.show();
            STARTUP.mark("shown");
            STARTUP.markFirstFrame(() -> {
                System.out.println("Start-up milestones (ms since launch): " + STARTUP.summary());
                Platform.exit();
            });
        }
    }

    private static Parent controls() {
        ComboBox<String> profile = new ComboBox<>();
        profile.getItems().setAll("default", "support");
        profile.setValue("default");
        ComboBox<String> region = new ComboBox<>();
        region.setEditable(true);
        region.getItems().setAll("eu-west-1", "us-east-1");
        ComboBox<String> pool = new ComboBox<>();
        pool.setEditable(true);
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(18, 18);
        HBox connection = row(new Label("Profile"), profile, new Label("Region"), region, new Label("Pool"), pool,
                new Button("Reload"), loading, new Button("Export"), new ToggleButton("Read-only"),
                new Button("Audit log"), new Button("Settings"));

        ComboBox<String> attribute = new ComboBox<>();
        attribute.getItems().setAll("Username", "Email", "Phone number");
        attribute.setValue("Username");
        ComboBox<String> match = new ComboBox<>();
        match.getItems().setAll("starts with", "is exactly");
        match.setValue("starts with");
        HBox search = row(new Label("Search"), attribute, match, new TextField(), new Button("Search"),
                new Button("Clear"), new Label("Filter"), new TextField());
        HBox bulk = row(new Label("0 selected"), new CheckBox("All shown"), new Button("Import usernames…"),
                new Button("Disable"), new Button("Enable"));

        // With the console's pickers' skin, which builds the drop-down list when it first opens.
        for (ComboBox<String> picker : List.of(profile, region, pool, attribute, match)) {
            picker.setPrefWidth(150);
            DeferredListComboBoxSkin.install(picker);
        }

        TableView<String> table = new TableView<>();
        for (String title : List.of("Username", "Email", "Enabled", "Status", "Created", "Modified", "Action")) {
            table.getColumns().add(new TableColumn<String, String>(title));
        }
        table.setPlaceholder(new Label("No users loaded"));
        VBox.setVgrow(table, Priority.ALWAYS);
        BorderPane pane = new BorderPane(new VBox(8, search, bulk, table));
        pane.setTop(connection);
        pane.setBottom(new Label("Ready"));
        return pane;
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setPadding(new Insets(6, 12, 6, 12));
        return row;
    }
}
