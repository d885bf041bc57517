package dev.cognitoconsole.connection;

import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.banner.FailureContext;
import dev.cognitoconsole.banner.FailureNotices;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolIds;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserPool;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection bar: which profile, which region, which pool. */
public final class ConnectionViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionViewModel.class);
    static final String FALLBACK_REGION = "us-east-1";
    static final String NO_PROFILES = "No AWS profiles found. Add one with `aws configure` or `aws configure sso`, "
            + "or set AWS_CONFIG_FILE: the console picks it up as soon as the file is saved.";

    private final ProfileCatalog catalog;
    private final UserDirectory directory;
    private final TaskExecutor executor;
    private final Notifier notifier;

    // Properties
    private final ObservableList<AwsProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<AwsProfile> profile = new SimpleObjectProperty<>();
    private final ObservableList<String> regions = FXCollections.observableArrayList();
    private final StringProperty region = new SimpleStringProperty();
    private final ObservableList<UserPool> pools = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper poolsLoading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper poolIdProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper emptyState = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Connection> connection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PoolSelection> selection = new ReadOnlyObjectWrapper<>();

    private final ConnectionMemory memory;
    private String filesSeen;
    private Consumer<ProfileChanges> filesChanged = changes -> { };
    private final CallerLine callerLine;
    private TaskExecutor.Job poolsJob;
    private long poolsGeneration;
    private boolean restorePool;

    public ConnectionViewModel(ProfileCatalog catalog, List<String> knownRegions, UserDirectory directory,
                               TaskExecutor executor, Notifier notifier) {
        this(catalog, knownRegions, directory, executor, notifier, ConnectionMemory.NONE);
    }

    public ConnectionViewModel(ProfileCatalog catalog, List<String> knownRegions, UserDirectory directory,
                               TaskExecutor executor, Notifier notifier, ConnectionMemory memory) {
        this(catalog, knownRegions, directory, executor, notifier, memory, null);
    }

    /**
     * @param callers who AWS sees behind a connection (STS GetCallerIdentity), or {@code null} to not ask
     */
    public ConnectionViewModel(ProfileCatalog catalog, List<String> knownRegions, UserDirectory directory,
                               TaskExecutor executor, Notifier notifier, ConnectionMemory memory,
                               Function<Connection, Optional<CallerIdentity>> callers) {
        this.callerLine = new CallerLine(executor, callers);
        this.memory = memory;
        this.catalog = catalog;
        this.directory = directory;
        this.executor = executor;
        this.notifier = notifier;
        regions.setAll(knownRegions);
        profile.addListener((obs, old, now) -> onProfileChosen(now));
        region.addListener((obs, old, now) -> reconnect());
    }

    public ObservableList<AwsProfile> profiles() {
        return profiles;
    }

    /** The chosen profile; the view writes it. */
    public ObjectProperty<AwsProfile> profileProperty() {
        return profile;
    }

    public ObservableList<String> regions() {
        return regions;
    }

    /** The chosen region; the view writes it. Any region id may be typed. */
    public StringProperty regionProperty() {
        return region;
    }

    public ObservableList<UserPool> pools() {
        return pools;
    }

    public ReadOnlyBooleanProperty poolsLoadingProperty() {
        return poolsLoading.getReadOnlyProperty();
    }

    /** Why the typed pool id cannot be used, or {@code null}. */
    public ReadOnlyStringProperty poolIdProblemProperty() {
        return poolIdProblem.getReadOnlyProperty();
    }

    /** Who the operator acts as on this connection ("Acting as <ARN>, account <id>"), or {@code null}. */
    public ReadOnlyStringProperty callerProperty() {
        return callerLine.textProperty();
    }

    /** Who AWS sees behind the current connection, or {@code null} while unknown. */
    public ReadOnlyObjectProperty<CallerIdentity> callerIdentityProperty() {
        return callerLine.identityProperty();
    }

    /** A friendly explanation when there is nothing to connect with, or {@code null}. */
    public ReadOnlyStringProperty emptyStateProperty() {
        return emptyState.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** The pool whose users are shown, on its connection; {@code null} when none is picked. */
    public ReadOnlyObjectProperty<PoolSelection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** Told, on the UI thread, what changed each time the AWS files were read again. */
    public void onProfileFilesChanged(Consumer<ProfileChanges> listener) {
        filesChanged = Objects.requireNonNull(listener);
    }

    // Commands

    /** Reads the profiles and preselects AWS_PROFILE's (or the default) profile. */
    public void loadProfiles() {
        filesSeen = catalog.fingerprint();
        // At start, the profiles of a file that reads are better than none: a broken file is reported.
        ProfileCatalog.Listing listing = listing();
        reportProblems(listing);
        List<AwsProfile> found = listing.profiles();
        profiles.setAll(found);
        emptyState.set(found.isEmpty() ? NO_PROFILES : null);
        Optional<AwsProfile> preselected = catalog.preselected(found, memory.lastProfile().orElse(null));
        profile.set(preselected.orElse(null));
    }

    /**
     * Reads the profiles again when the AWS config or credentials file changed on disk since they were last read
     * (a profile added with {@code aws configure}, keys renewed, a file fixed): the profile in use stays chosen
     * when it is still there, with its new settings. Cheap when nothing changed; the console calls it every few
     * seconds.
     *
     * @return whether the files had changed
     */
    public boolean reloadProfilesIfChanged() {
        String now = catalog.fingerprint();
        if (now.equals(filesSeen)) {
            return false;
        }
        filesSeen = now;
        ProfileCatalog.Listing listing = listing();
        if (!listing.problems().isEmpty()) {
            // A file saved half-way, or with a typo: keep working with the profiles read before.
            reportProblems(listing);
            return true;
        }
        List<AwsProfile> before = List.copyOf(profiles);
        List<AwsProfile> found = listing.profiles();
        AwsProfile current = profile.get();
        profiles.setAll(found);
        emptyState.set(found.isEmpty() ? NO_PROFILES : null);
        Optional<AwsProfile> same = current == null ? Optional.empty()
                : found.stream().filter(p -> p.name().equals(current.name())).findFirst();
        profile.set(same.or(() -> catalog.preselected(found, memory.lastProfile().orElse(null))).orElse(null));
        filesChanged.accept(new ProfileChanges(before, found, current));
        if (same.isPresent() && same.get().equals(current)) {
            // Same name and settings: the connection stays, but the credentials behind it may be new.
            reloadPools();
            lookUpCaller(connection.get());
        }
        return true;
    }

    /** The profiles in the files, or empty (with a banner saying why) when they cannot be read. */
    /** The profiles of the files that read, and the problems of those that do not (or of reading at all). */
    private ProfileCatalog.Listing listing() {
        try {
            return catalog.listing();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the AWS config files", e);
            return new ProfileCatalog.Listing(List.of(), List.of(String.valueOf(e.getMessage())));
        }
    }

    private void reportProblems(ProfileCatalog.Listing listing) {
        if (listing.problems().isEmpty()) {
            return;
        }
        LOG.warn("AWS config files: {}", listing.problems());
        notifier.show(Notice.error("ProfileFileUnreadable", "An AWS config file could not be read")
                .message(String.join(" ", listing.problems()))
                .advice("Fix the file named above (or move it aside): the console reads it again when it changes.")
                .build());
    }

    /** Reloads the pool list of the current connection. */
    public void reloadPools() {
        Connection current = connection.get();
        if (current != null) {
            loadPools(current);
        }
    }

    /** Picks a pool from the list, or one whose id the operator typed (checked first). */
    public void choosePool(UserPool pool) {
        Connection current = connection.get();
        if (pool == null || current == null) {
            poolIdProblem.set(null);
            selection.set(null);
            return;
        }
        String id = pool.id() == null ? "" : pool.id().strip();
        Optional<String> problem = PoolIds.problem(id);
        if (problem.isPresent()) {
            poolIdProblem.set(problem.get());
            selection.set(null);
            return;
        }
        poolIdProblem.set(null);
        UserPool known = pools.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElse(new UserPool(id, pool.name()));
        PoolSelection next = new PoolSelection(current, known);
        if (!next.equals(selection.get())) {
            selection.set(next);
            memory.remember(current.profile().name(), current.region(), known.id());
        }
    }

    /**
     * Switches to the target's profile and region and picks its pool, as if the operator had chosen them (a user
     * found elsewhere is opened so).
     */
    public void open(PoolSelection target) {
        Connection where = target.connection();
        profiles.stream().filter(p -> p.name().equals(where.profile().name())).findFirst().ifPresent(profile::set);
        region.set(where.region());
        choosePool(target.pool());
    }

    /** Picks a pool by a typed or pasted id. */
    public void choosePoolId(String typed) {
        choosePool(new UserPool(typed == null ? "" : typed, null));
    }

    private void onProfileChosen(AwsProfile chosen) {
        if (chosen == null) {
            reconnect();
            return;
        }
        String preferred = memory.lastRegion(chosen.name()).or(chosen::regionIfSet).orElseGet(() ->
                region.get() == null || region.get().isBlank() ? FALLBACK_REGION : region.get());
        if (!regions.contains(preferred)) {
            regions.add(0, preferred);
        }
        if (Objects.equals(region.get(), preferred)) {
            reconnect();
        } else {
            region.set(preferred); // its listener reconnects
        }
    }

    private void reconnect() {
        AwsProfile p = profile.get();
        String r = region.get() == null ? null : region.get().strip();
        Connection next = p == null || r == null || r.isEmpty() ? null : new Connection(p, r);
        if (Objects.equals(next, connection.get())) {
            return;
        }
        connection.set(next);
        restorePool = true;
        selection.set(null);
        poolIdProblem.set(null);
        pools.clear();
        cancelPoolsLoad();
        if (next != null) {
            loadPools(next);
        }
        lookUpCaller(next);
    }

    /** Asks again who the operator acts as, after a sign-in renewed the credentials of {@code renewed}. */
    public void credentialsRenewed(Connection renewed) {
        if (renewed != null && renewed.equals(connection.get())) {
            lookUpCaller(renewed);
        }
    }

    private void lookUpCaller(Connection target) {
        callerLine.lookUp(target);
    }

    private void loadPools(Connection target) {
        cancelPoolsLoad();
        long generation = ++poolsGeneration;
        poolsLoading.set(true);
        Supplier<Boolean> current = () -> generation == poolsGeneration;
        poolsJob = executor.run(job -> Page.all(token -> directory.listPools(target, token), job::isCancelled),
                found -> {
                    if (current.get()) {
                        poolsLoading.set(false);
                        pools.setAll(found.stream()
                                .sorted(Comparator.comparing((UserPool p) -> p.name() == null ? "" : p.name(),
                                        String.CASE_INSENSITIVE_ORDER).thenComparing(UserPool::id))
                                .toList());
                        restoreLastPool(target);
                    }
                }, error -> {
                    if (current.get()) {
                        poolsLoading.set(false);
                        ConsoleFailure failure = ConsoleFailure.from(error);
                        LOG.warn("ListUserPools failed on {}", target.describe(), failure);
                        notifier.show(FailureNotices.describe(failure,
                                FailureContext.read("Loading pools", target, null, this::reloadPools)));
                    }
                });
    }

    /** After a connection change, the pool last used there comes back if it is still listed. */
    private void restoreLastPool(Connection target) {
        if (!restorePool) {
            return;
        }
        // Spent by the first listing even when the operator already picked a pool, so a later reload never
        // overrides what the operator did since.
        restorePool = false;
        if (selection.get() != null) {
            return;
        }
        memory.lastPool(target.profile().name(), target.region())
                .flatMap(id -> pools.stream().filter(p -> p.id().equals(id)).findFirst())
                .ifPresent(this::choosePool);
    }

    private void cancelPoolsLoad() {
        poolsGeneration++;
        poolsLoading.set(false);
        if (poolsJob != null) {
            poolsJob.cancel();
            poolsJob = null;
        }
    }
}
