package dev.cognitoconsole.users;

import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.banner.FailureContext;
import dev.cognitoconsole.banner.FailureNotices;
import dev.cognitoconsole.common.Backoff;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.common.Sleeper;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded users of one pool: streams ListUsers pages into the table in batches, stops and continues,
 * searches on the server, filters the loaded rows locally, and sorts off the UI thread.
 */
final class UserListing {
    private static final Logger LOG = LoggerFactory.getLogger(UserListing.class);
    /** Rows reach the table at most this often while pages stream in. */
    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(100);
    /** Tries per page when Cognito throttles, on top of the SDK's own retries. */
    static final int THROTTLE_TRIES = 6;
    /** Cognito's pagination tokens expire after an hour; a little margin avoids a doomed request. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(55);

    private final UserDirectory directory;
    private final TaskExecutor executor;
    /** Runs the page requests of a sliced listing side by side; {@code null}: no slicing, one chain. */
    private final TaskExecutor pageRequests;
    private final Notifier notifier;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final Clock clock;

    /** The rows' storage, changed only through {@link #rows}; read directly for a bulk copy (one arraycopy). */
    private final List<UserRow> rowStore = new ArrayList<>();
    private final ObservableList<UserRow> rows = FXCollections.observableList(rowStore);
    private final FilteredList<UserRow> visibleRows = new FilteredList<>(rows);
    private final StringProperty quickFilter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<PoolSelection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserFilter> search = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canContinue = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper sorting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper listFailed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("No pool selected");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper();

    private TaskExecutor.Job loadJob;
    private long generation;
    /** Where the rows in the table end: Continue resumes there; {@code null} before the first page. */
    private ListingPosition position;
    /** How a fresh listing of a pool (by endpoint and id) starts, from what this session learnt of it. */
    private final Map<String, PoolScan.Start> starts = new HashMap<>();
    private List<SortKey.Order> sortOrder = List.of();
    private long sortGeneration;

    UserListing(UserDirectory directory, TaskExecutor executor, TaskExecutor pageRequests, Notifier notifier,
                LongSupplier nanoClock, Sleeper sleeper, Clock clock) {
        this.directory = directory;
        this.executor = executor;
        this.pageRequests = pageRequests;
        this.notifier = notifier;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.clock = clock;
        quickFilter.addListener((obs, old, now) -> {
            visibleRows.setPredicate(quickPredicate(now));
            updateCount();
        });
    }

    // Properties

    ObservableList<UserRow> rows() {
        return rows;
    }

    FilteredList<UserRow> visibleRows() {
        return visibleRows;
    }

    StringProperty quickFilterProperty() {
        return quickFilter;
    }

    ReadOnlyObjectProperty<PoolSelection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<UserFilter> searchProperty() {
        return search.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canContinueProperty() {
        return canContinue.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty sortingProperty() {
        return sorting.getReadOnlyProperty();
    }

    /** Whether the last load failed before a single user was listed (the pool may not exist). */
    ReadOnlyBooleanProperty listFailedProperty() {
        return listFailed.getReadOnlyProperty();
    }

    ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    // Commands

    void show(PoolSelection next) {
        selection.set(next);
        search.set(null);
        startFromFirstPage();
    }

    void search(UserFilter filter) {
        search.set(filter);
        startFromFirstPage();
    }

    void startFromFirstPage() {
        cancelLoad();
        rows.clear();
        position = null;
        canContinue.set(false);
        listFailed.set(false);
        activity.set(null);
        if (selection.get() == null) {
            countText.set("No pool selected");
            return;
        }
        fetch(ListingPosition.start());
    }

    /** Ends the load in flight; the rows loaded so far stay, and Continue resumes after them. */
    void stop() {
        if (!loading.get()) {
            return;
        }
        cancelLoad();
        canContinue.set(resumable());
        activity.set(canContinue.get() ? "Stopped. Continue resumes where the list stopped." : null);
        updateCount();
        // Stopping discards a sort in flight (it belonged to the load); the rows kept get the order now.
        if (!sortOrder.isEmpty()) {
            sort(sortOrder);
        }
    }

    /** Resumes a stopped or failed load from the last page that reached the table. */
    void continueLoading() {
        if (loading.get() || !resumable() || selection.get() == null) {
            return;
        }
        Instant oldest = position.oldestToken();
        if (oldest != null && Duration.between(oldest, clock.instant()).compareTo(TOKEN_LIFETIME) > 0) {
            showTokenExpired();
            return;
        }
        canContinue.set(false);
        activity.set(null);
        fetch(position);
    }

    private boolean resumable() {
        return position != null && !position.finished();
    }

    /** Sorts the loaded rows in the background; rows that arrive later are sorted when the load ends. */
    void sort(List<SortKey.Order> order) {
        sortOrder = List.copyOf(order);
        if (sortOrder.isEmpty() || rows.isEmpty()) {
            return;
        }
        long mySort = ++sortGeneration;
        long myLoad = generation;
        Comparator<PoolUser> comparator = comparatorOf(sortOrder);
        // Only the row references are copied on the UI thread, in one arraycopy, because the observable list's
        // own toArray walks an iterator and stalls the UI on large pools (docs/performance.md); reading each
        // row's user and sorting happen in the background.
        UserRow[] snapshot = rowStore.toArray(new UserRow[0]);
        sorting.set(true);
        executor.run(job -> sortedRows(snapshot, comparator), sorted -> {
            if (mySort != sortGeneration) {
                return;
            }
            sorting.set(false);
            if (myLoad != generation) {
                return;
            }
            // Rows that arrived while sorting were appended after the snapshot; they keep their place at the end.
            if (rows.size() > sorted.size()) {
                sorted.addAll(rows.subList(sorted.size(), rows.size()));
            }
            rows.setAll(sorted);
        }, error -> {
            sorting.set(false);
            LOG.error("Sorting {} rows failed", snapshot.length, error);
        });
    }

    /**
     * The rows in the comparator's order. Each row's user is read once, before sorting: a change confirmed
     * meanwhile must not alter a key in the middle of the sort (TimSort refuses an inconsistent order).
     */
    private static List<UserRow> sortedRows(UserRow[] rows, Comparator<PoolUser> comparator) {
        Keyed[] keyed = new Keyed[rows.length];
        for (int i = 0; i < rows.length; i++) {
            keyed[i] = new Keyed(rows[i], rows[i].getUser());
        }
        Arrays.sort(keyed, (a, b) -> comparator.compare(a.user(), b.user()));
        List<UserRow> sorted = new ArrayList<>(keyed.length);
        for (Keyed k : keyed) {
            sorted.add(k.row());
        }
        return sorted;
    }

    private record Keyed(UserRow row, PoolUser user) {
    }

    private void fetch(ListingPosition start) {
        PoolSelection target = selection.get();
        UserFilter filter = search.get();
        long mine = ++generation;
        loading.set(true);
        updateCount();
        String poolKey = target.connection().endpoint() + " " + target.poolId();
        PoolScan scan = new PoolScan(directory, pageRequests, sleeper, nanoClock, clock, target, filter,
                starts.getOrDefault(poolKey, PoolScan.Start.FIRST_PAGE_AND_SLICES));
        PoolScan.Sink sink = new PoolScan.Sink() {
            @Override
            public void append(List<PoolUser> users, ListingPosition after) {
                UserListing.this.append(mine, users, after);
            }

            @Override
            public void activity(String note) {
                UserListing.this.activity(mine, note);
            }

            @Override
            public void slicesRefused(boolean placesLost) {
                starts.put(poolKey, PoolScan.Start.ONE_CHAIN);
                if (placesLost && mine == generation) {
                    // The slices' places cannot be trusted: Retry lists the pool again as one chain, not Continue.
                    position = null;
                }
            }

            @Override
            public void sliceable(boolean isLarge) {
                if (starts.get(poolKey) != PoolScan.Start.ONE_CHAIN) {
                    starts.put(poolKey, isLarge ? PoolScan.Start.SLICES : PoolScan.Start.FIRST_PAGE_ALONE);
                }
            }
        };
        loadJob = executor.run(job -> scan.run(job, start, sink), done -> {
            if (mine == generation) {
                loading.set(false);
                activity.set(null);
                updateCount();
                if (!sortOrder.isEmpty()) {
                    sort(sortOrder);
                }
            }
        }, error -> {
            if (mine == generation) {
                loading.set(false);
                activity.set(null);
                canContinue.set(resumable());
                listFailed.set(rows.isEmpty());
                updateCount();
                failed(target, ConsoleFailure.from(error), !start.fresh());
            }
        });
    }

    /** 0.5 s, 1 s, 2 s, 4 s, 8 s: a throttled scan backs off from the shared quota. */
    static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8));

    private void append(long mine, List<PoolUser> batch, ListingPosition after) {
        if (mine != generation) {
            return;
        }
        position = after;
        if (!batch.isEmpty()) {
            List<UserRow> added = new ArrayList<>(batch.size());
            for (PoolUser user : batch) {
                added.add(new UserRow(user));
            }
            rows.addAll(added);
        }
        updateCount();
    }

    private void activity(long mine, String text) {
        if (mine == generation) {
            activity.set(text);
        }
    }

    private void failed(PoolSelection target, ConsoleFailure failure, boolean resumed) {
        LOG.warn("ListUsers failed for {} on {}", target.poolId(), target.connection().describe(), failure);
        if (resumed && failure.kind() == ConsoleFailure.Kind.INVALID_PARAMETER
                && String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("token")) {
            showTokenExpired();
            return;
        }
        Runnable retry = canContinue.get() ? this::continueLoading : this::startFromFirstPage;
        notifier.show(FailureNotices.describe(failure, FailureContext.read(
                rows.isEmpty() ? "Loading users" : "Loading users (" + rows.size() + " loaded)",
                target.connection(), target.poolId(), retry)));
    }

    private void showTokenExpired() {
        canContinue.set(false);
        position = null;
        activity.set(null);
        notifier.show(Notice.warning("PaginationTokenExpired", "The list cannot continue where it stopped")
                .message("Cognito's page tokens expire after an hour, and this one has.")
                .advice("Reload to list the pool from the start.")
                .action("Reload", this::startFromFirstPage)
                .build());
    }

    private void cancelLoad() {
        generation++;
        loading.set(false);
        if (loadJob != null) {
            loadJob.cancel();
            loadJob = null;
        }
    }

    private void updateCount() {
        int loaded = rows.size();
        if (listFailed.get() && loaded == 0) {
            countText.set("Users could not be listed");
            return;
        }
        String users = loaded == 1 ? "1 user" : String.format("%,d users", loaded);
        if (search.get() != null) {
            users += " matching " + search.get().describe();
        }
        if (visibleRows.getPredicate() != null) {
            users = String.format("%,d shown of ", visibleRows.size()) + users;
        }
        if (loading.get()) {
            users += ", loading…";
            if (position != null && position.sliced()) {
                users += String.format(" (%d of %d slices listed)", position.chainsDone(), position.chains().size());
            }
        } else if (canContinue.get()) {
            users += ", more in the pool";
        }
        countText.set(users);
    }

    private static Comparator<PoolUser> comparatorOf(List<SortKey.Order> order) {
        Comparator<PoolUser> result = null;
        for (SortKey.Order level : order) {
            Comparator<PoolUser> next = level.key().comparator(level.ascending());
            result = result == null ? next : result.thenComparing(next);
        }
        return result;
    }

    private static Predicate<UserRow> quickPredicate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return row -> {
            PoolUser user = row.getUser();
            return contains(user.username(), needle) || contains(user.email(), needle)
                    || contains(user.attributes().get("name"), needle) || contains(user.sub(), needle);
        };
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }
}
