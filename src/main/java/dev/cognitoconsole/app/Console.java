package dev.cognitoconsole.app;

import dev.cognitoconsole.audit.AuditLog;
import dev.cognitoconsole.audit.AuditView;
import dev.cognitoconsole.audit.AuditViewModel;
import dev.cognitoconsole.aws.AwsRegions;
import dev.cognitoconsole.aws.AwsSignIn;
import dev.cognitoconsole.aws.CallerIdentities;
import dev.cognitoconsole.aws.ClientSettings;
import dev.cognitoconsole.aws.CognitoClients;
import dev.cognitoconsole.aws.ConnectionPool;
import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.aws.ProfileCredentials;
import dev.cognitoconsole.aws.RateBudgets;
import dev.cognitoconsole.aws.SdkUserDirectory;
import dev.cognitoconsole.banner.BannerView;
import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.bulk.BulkJournal;
import dev.cognitoconsole.bulk.BulkRunView;
import dev.cognitoconsole.bulk.BulkRunViewModel;
import dev.cognitoconsole.bulk.BulkSelectionView;
import dev.cognitoconsole.bulk.BulkSelectionViewModel;
import dev.cognitoconsole.common.AppPaths;
import dev.cognitoconsole.common.BackgroundTaskExecutor;
import dev.cognitoconsole.common.MappedList;
import dev.cognitoconsole.common.Sleeper;
import dev.cognitoconsole.connection.ConnectionView;
import dev.cognitoconsole.connection.ConnectionViewModel;
import dev.cognitoconsole.details.UserDetailsView;
import dev.cognitoconsole.details.UserDetailsViewModel;
import dev.cognitoconsole.details.UserFacts;
import dev.cognitoconsole.export.ExportFileChooser;
import dev.cognitoconsole.export.ExportView;
import dev.cognitoconsole.export.ExportViewModel;
import dev.cognitoconsole.export.UserExporter;
import dev.cognitoconsole.find.FindView;
import dev.cognitoconsole.find.FindViewModel;
import dev.cognitoconsole.find.OpenFound;
import dev.cognitoconsole.find.PoolLists;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.safety.SafetyView;
import dev.cognitoconsole.safety.SafetyViewModel;
import dev.cognitoconsole.settings.Settings;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.settings.SettingsView;
import dev.cognitoconsole.settings.SettingsViewModel;
import dev.cognitoconsole.signin.SignInView;
import dev.cognitoconsole.signin.SignInViewModel;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersView;
import dev.cognitoconsole.users.UsersViewModel;
import dev.cognitoconsole.writes.UserWrites;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: builds every service, ViewModel and view by hand, and closes them at the end. */
public final class Console implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    static final Duration FILES_WATCH_PERIOD = Duration.seconds(2);
    /** The smallest window in which the connection, the production band and the table stay readable. */
    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 600;
    /** Calls one "Find user" search keeps in flight: enough to spend the largest ListUsers budget at 100 ms a call. */
    static final int FIND_THREADS = 16;

    private final CognitoClients clients;
    private final ProfileCredentials credentials;
    private final CallerIdentities callers;
    /** The HTTP connections of every SDK client above, closed after them. */
    private final ConnectionPool pool;
    private final AtomicReference<Consumer<String>> browser;
    private final BackgroundTaskExecutor executor;
    private final BackgroundTaskExecutor pageRequests;
    private final ConnectionViewModel connection;
    private final UsersViewModel users;
    private final BannerViewModel banner;
    private final Parent root;

    private final SettingsService preferences;
    private final SettingsViewModel settingsModel;
    private final UsersView usersView;
    private final UserDetailsView details;
    private final BulkJournal journal;
    /** Looks at the AWS files' sizes and times every two seconds, and reads them again when they changed. */
    private final Timeline filesWatch;
    /** Where "Find user" runs its calls side by side. */
    private final ExecutorService findWorkers;

    private Console(CognitoClients clients, ProfileCredentials credentials, CallerIdentities callers,
                    ConnectionPool pool,
                    AtomicReference<Consumer<String>> browser, BackgroundTaskExecutor executor,
                    ConnectionViewModel connection,
                    UsersViewModel users, BannerViewModel banner, Parent root, SettingsService preferences,
                    SettingsViewModel settingsModel, UsersView usersView, UserDetailsView details, BulkJournal journal,
                    BackgroundTaskExecutor pageRequests, ExecutorService findWorkers) {
        this.pageRequests = pageRequests;
        this.findWorkers = findWorkers;
        this.usersView = usersView;
        this.details = details;
        this.journal = journal;
        this.filesWatch = new Timeline(new KeyFrame(FILES_WATCH_PERIOD, e -> connection.reloadProfilesIfChanged()));
        this.preferences = preferences;
        this.settingsModel = settingsModel;
        this.clients = clients;
        this.credentials = credentials;
        this.callers = callers;
        this.pool = pool;
        this.browser = browser;
        this.executor = executor;
        this.connection = connection;
        this.users = users;
        this.banner = banner;
        this.root = root;
    }

    /** Builds the console for these AWS files, with settings kept in memory only. Call on the FX thread. */
    public static Console create(ProfileCatalog catalog, ClientSettings settings, Stage stage) {
        return create(catalog, settings, SettingsService.inMemory(), stage);
    }

    /** Builds the console for these AWS files; {@code stage} owns its dialogs. Call on the FX thread. */
    public static Console create(ProfileCatalog catalog, ClientSettings settings, SettingsService preferences,
                                 Stage stage) {
        ConnectionPool pool = new ConnectionPool(settings);
        ProfileCredentials credentials = new ProfileCredentials(catalog, pool);
        // Until the application hands over its browser (see openPagesWith), a page is only logged: the sign-in
        // window shows its address to copy.
        AtomicReference<Consumer<String>> browser = new AtomicReference<>(
                page -> LOG.info("No browser to open {}: the sign-in window shows the address", page));
        CognitoClients clients = new CognitoClients(catalog, settings, credentials);
        RateBudgets budgets = RateBudgets.defaults();
        budgets.setBudget(RateBudgets.Category.USER_LIST, preferences.get().listUsersPerSecond());
        budgets.setBudget(RateBudgets.Category.USER_UPDATE, preferences.get().updatesPerSecond());
        budgets.setBudget(RateBudgets.Category.USER_RESOURCE_READ, preferences.get().userResourceReadsPerSecond());
        SdkUserDirectory directory = new SdkUserDirectory(clients, budgets);
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(Platform::runLater, 4);
        // A listing's pages answer on these threads, one per slice, so that the rate budget sets its pace.
        BackgroundTaskExecutor pageRequests = new BackgroundTaskExecutor(Runnable::run, UsersViewModel.LISTING_REQUESTS);
        FxScheduler time = new FxScheduler();
        BannerViewModel banner = new BannerViewModel(time);
        FxDialogService dialogs = new FxDialogService(() -> stage);

        CallerIdentities callers = new CallerIdentities(catalog, credentials);
        SignInViewModel signIn = new SignInViewModel(new AwsSignIn(credentials, Sleeper.SYSTEM::sleep), executor,
                banner, dialogs, page -> browser.get().accept(page));
        banner.setSignIn(signIn::signIn);
        new SignInView(signIn, stage, FxDialogService.STYLESHEET).follow();
        ConnectionViewModel connection = new ConnectionViewModel(catalog, AwsRegions.cognitoRegions(), directory,
                executor, banner, new RememberedConnections(preferences), callers::of);
        signIn.onSignedIn(connection::credentialsRenewed);
        AuditLog audit = new AuditLog(AppPaths.auditFile(), Clock.systemUTC(), System.getProperty("user.name"));
        SafetyViewModel safety = new SafetyViewModel(preferences, Platform::runLater);
        connection.connectionProperty().addListener((obs, old, now) -> safety.connectionChanged(now));
        connection.callerIdentityProperty().addListener((obs, old, now) -> safety.callerKnown(now));
        UserWrites writes = new UserWrites(directory, audit, safety, callers::of);
        UsersViewModel users = new UsersViewModel(directory, executor, banner, dialogs, System::nanoTime,
                Sleeper.SYSTEM, Clock.systemUTC(), writes, safety, pageRequests);
        connection.selectionProperty().addListener((obs, old, now) -> {
            users.show(now);
            safety.poolChosen(now);
        });

        UsersView usersView = new UsersView(users, connection.emptyStateProperty());
        usersView.writesOff(safety.writesOffProperty());
        // The pane signs out the table's selected row, so both ask, audit and write the same way.
        UserDetailsView details = new UserDetailsView(new UserDetailsViewModel(directory, executor, time, safety,
                safety.writesOffProperty(), user -> signOutShown(users, usersView.selectedRowProperty().get(), user),
                new UserFacts(ZoneId.systemDefault())));
        details.follow(usersView.selectedRowProperty(), users.selectionProperty());
        usersView.addToToolbar(details.toggle());
        usersView.placeBesideTable(details::beside);
        BulkRunViewModel bulkRun = new BulkRunViewModel(writes, safety, executor, dialogs, System::nanoTime,
                Sleeper.SYSTEM, users::showRead);
        bulkRun.setSignIn(signIn::signIn);
        BulkJournal journal = new BulkJournal(AppPaths.bulkRunFile());
        bulkRun.keepRunsIn(journal);
        // A real bulk run is paused, not cut off, when the window closes: the operator is asked first.
        stage.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, close -> bulkRun.closeConfirmation().ifPresent(ask -> {
            close.consume();
            if (dialogs.confirm(ask)) {
                bulkRun.pauseThen(stage::close);
            }
        }));
        BulkSelectionViewModel bulkSelection = new BulkSelectionViewModel(users, bulkRun, executor, banner);
        BulkRunView bulkRunView = new BulkRunView(bulkRun, stage,
                FxDialogService.STYLESHEET);
        BulkSelectionView bulkBar = new BulkSelectionView(bulkSelection, bulkRun, bulkRunView::show);
        usersView.showBulkBar(bulkBar.createView());
        bulkBar.follow(usersView.selectedRows());
        safety.writesOffProperty().addListener((obs, was, off) -> {
            if (!off) {
                users.writesBackOn();
                bulkSelection.writesBackOn();
            }
        });
        SettingsViewModel settingsModel = new SettingsViewModel(preferences, budgets);
        BannerViewModel auditBanner = new BannerViewModel(time);
        // One save dialog for both exports, opening where the last export went (remembered in the settings).
        ExportFileChooser exportFiles = new ExportFileChooser(() -> preferences.get().exportFolder(),
                folder -> preferences.update(p -> p.withExportFolder(folder)));
        AuditView auditView = new AuditView(new AuditViewModel(audit.file(), executor, auditBanner,
                Clock.systemDefaultZone()), auditBanner, FxDialogService.STYLESHEET, exportFiles);
        ExportView exportView = new ExportView(new ExportViewModel(
                new MappedList<>(users.visibleRows(), UserRow::getUser), users.selectionProperty(),
                users.loadingProperty().or(users.canContinueProperty()), new UserExporter(), executor, banner),
                exportFiles);
        SafetyView safetyView = new SafetyView(safety);
        ExecutorService findWorkers = BackgroundTaskExecutor.daemonPool("find-worker", FIND_THREADS);
        FindViewModel find = new FindViewModel(new PoolLists(directory), directory, callers::of, executor,
                findWorkers, connection.connectionProperty(), connection.profiles(), AwsRegions.cognitoRegions(),
                preferences);
        find.setSignIn(signIn::signIn);
        find.setOpener(new OpenFound(connection::open, users::search, users.visibleRows(), usersView::select)::open);
        FindView findView = new FindView(find, FxDialogService.STYLESHEET, stage);
        Region toolbar = new ToolbarView(exportView, safetyView, auditView,
                new SettingsView(settingsModel, safety, FxDialogService.STYLESHEET), connection.connectionProperty(),
                banner, stage).createView();
        HBox tools = new HBox(12, findView.createField(), toolbar);
        tools.setAlignment(Pos.CENTER_RIGHT);
        Parent root = new ConsoleView(new ConnectionView(connection), tools, safetyView.createBands(),
                new BannerView(banner), usersView, users.lastChangeProperty()).createView();
        details.applyLayout(preferences.get().details());
        Shortcuts.install(root, users, usersView);
        Shortcuts.installFind(root, findView::focusField);
        ConsoleNotices.follow(connection, preferences, banner);
        return new Console(clients, credentials, callers, pool, browser, executor, connection, users, banner, root,
                preferences, settingsModel, usersView, details, journal, pageRequests, findWorkers);
    }

    /** Sign-in pages open with {@code opener} (the application's HostServices) from now on. */
    public void openPagesWith(Consumer<String> opener) {
        browser.set(page -> {
            try {
                opener.accept(page);
            } catch (RuntimeException e) {
                LOG.info("Could not open a browser for {}: the sign-in window shows the address", page, e);
            }
        });
    }

    /** Keeps {@code stage} at least {@link #MIN_WIDTH} by {@link #MIN_HEIGHT}. */
    public static void setMinimumSize(Stage stage) {
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
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

    /** Reads the profiles; the default one's pools start loading. The AWS files are watched from now on. */
    public void start() {
        connection.loadProfiles();
        filesWatch.setCycleCount(Animation.INDEFINITE);
        filesWatch.play();
        executor.run(job -> journal.unfinished(),
                found -> found.ifPresent(run -> banner.show(ConsoleNotices.unfinishedBulkRun(run))),
                error -> LOG.warn("Could not look for an unfinished bulk change", error));
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

    public SettingsService preferences() {
        return preferences;
    }

    public SettingsViewModel settingsModel() {
        return settingsModel;
    }

    /** Puts the window and the table back as the operator left them. */
    public void restoreLayout(Stage stage) {
        Settings.WindowBounds bounds = preferences.get().window();
        if (bounds != null && Screen.getScreensForRectangle(bounds.x(), bounds.y(), bounds.width(),
                bounds.height()).size() > 0) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setWidth(bounds.width());
            stage.setHeight(bounds.height());
            stage.setMaximized(bounds.maximized());
        }
        usersView.applyColumnLayout(preferences.get().columns());
        details.applyLayout(preferences.get().details());
    }

    /** Remembers the window and the table as they are now. */
    public void rememberLayout(Stage stage) {
        Settings.WindowBounds bounds = new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized());
        List<Settings.ColumnLayout> columns = usersView.columnLayout();
        Settings.DetailsPane pane = details.layout();
        preferences.update(s -> s.withWindow(bounds).withColumns(columns).withDetails(pane));
    }

    // The pane shows the selected row's user; a row changed under it is not signed out in its place.
    private static void signOutShown(UsersViewModel users, UserRow selected, PoolUser shown) {
        if (selected != null && selected.getUser().username().equals(shown.username())) {
            users.signOutEverywhere(selected);
        }
    }

    @Override
    public void close() {
        filesWatch.stop();
        details.close();
        executor.close();
        findWorkers.shutdownNow();
        pageRequests.close();
        clients.close();
        callers.close();
        credentials.close();
        pool.close();
        preferences.save();
    }
}
