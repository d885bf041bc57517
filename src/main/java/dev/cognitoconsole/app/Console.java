package dev.cognitoconsole.app;

import dev.cognitoconsole.aws.AwsRegions;
import dev.cognitoconsole.aws.ClientSettings;
import dev.cognitoconsole.aws.CognitoClients;
import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.aws.RateBudgets;
import dev.cognitoconsole.aws.SdkUserDirectory;
import dev.cognitoconsole.banner.BannerView;
import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.common.BackgroundTaskExecutor;
import dev.cognitoconsole.connection.ConnectionView;
import dev.cognitoconsole.connection.ConnectionViewModel;
import dev.cognitoconsole.users.UsersView;
import dev.cognitoconsole.users.UsersViewModel;
import java.io.InputStream;
import java.util.Objects;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** The composition root: builds every service, ViewModel and view by hand, and closes them at the end. */
public final class Console implements AutoCloseable {
    static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SEARCH = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    /** Disable or enable the selected user (after the usual confirmation). */
    static final KeyCombination TOGGLE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);

    private final CognitoClients clients;
    private final BackgroundTaskExecutor executor;
    private final ConnectionViewModel connection;
    private final UsersViewModel users;
    private final BannerViewModel banner;
    private final Parent root;

    private Console(CognitoClients clients, BackgroundTaskExecutor executor, ConnectionViewModel connection,
                    UsersViewModel users, BannerViewModel banner, Parent root) {
        this.clients = clients;
        this.executor = executor;
        this.connection = connection;
        this.users = users;
        this.banner = banner;
        this.root = root;
    }

    /** Builds the console for these AWS files; {@code stage} owns its dialogs. Call on the FX thread. */
    public static Console create(ProfileCatalog catalog, ClientSettings settings, Stage stage) {
        CognitoClients clients = new CognitoClients(catalog, settings);
        SdkUserDirectory directory = new SdkUserDirectory(clients, RateBudgets.defaults());
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(Platform::runLater, 4);
        BannerViewModel banner = new BannerViewModel();
        FxDialogService dialogs = new FxDialogService(() -> stage);

        ConnectionViewModel connection = new ConnectionViewModel(catalog, AwsRegions.cognitoRegions(), directory,
                executor, banner);
        UsersViewModel users = new UsersViewModel(directory, executor, banner, dialogs, System::nanoTime);
        connection.selectionProperty().addListener((obs, old, now) -> users.show(now));

        UsersView usersView = new UsersView(users, connection.emptyStateProperty());
        Parent root = layout(new ConnectionView(connection), new BannerView(banner), usersView, users);
        root.addEventFilter(KeyEvent.KEY_PRESSED, key -> {
            if (key.getCode() == KeyCode.F5 || REFRESH.match(key)) {
                users.refresh();
                key.consume();
            } else if (SEARCH.match(key)) {
                usersView.focusSearch();
                key.consume();
            } else if (TOGGLE.match(key)) {
                users.toggle(usersView.selectedRow());
                key.consume();
            }
        });
        return new Console(clients, executor, connection, users, banner, root);
    }

    private static Parent layout(ConnectionView connectionView, BannerView bannerView, UsersView usersView,
                                 UsersViewModel users) {
        Label status = new Label();
        status.setId("statusLine");
        status.textProperty().bind(users.lastChangeProperty());
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(4, 12, 4, 12));

        VBox center = new VBox(bannerView.createView(), usersView.createView());
        VBox.setVgrow(center.getChildren().get(1), Priority.ALWAYS);
        BorderPane pane = new BorderPane(center);
        pane.setTop(connectionView.createView());
        pane.setBottom(statusBar);
        pane.setId("consoleRoot");
        pane.getStylesheets().add(Objects.requireNonNull(
                Console.class.getResource("/dev/cognitoconsole/app/console.css")).toExternalForm());
        return pane;
    }

    static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            InputStream in = Console.class.getResourceAsStream("/dev/cognitoconsole/app/icons/icon-" + size + ".png");
            if (in != null) {
                stage.getIcons().add(new Image(in));
            }
        }
    }

    public Parent root() {
        return root;
    }

    /** Reads the profiles; the default one's pools start loading. */
    public void start() {
        connection.loadProfiles();
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public UsersViewModel users() {
        return users;
    }

    public BannerViewModel banner() {
        return banner;
    }

    @Override
    public void close() {
        executor.close();
        clients.close();
    }
}
