package dev.cognitoconsole.find;

import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.settings.SettingsService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Find user": one search across every pool of the places in scope. Results stream in as pools answer; a place that
 * fails gets a line in the not-searched list and the search goes on elsewhere.
 */
public final class FindViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(FindViewModel.class);

    private final PoolLists poolLists;
    private final UserDirectory directory;
    private final Function<Connection, Optional<CallerIdentity>> callers;
    private final TaskExecutor executor;
    private final ExecutorService workers;
    private final ObservableValue<Connection> current;
    private final ObservableList<AwsProfile> profiles;
    private final List<String> regions;
    private final SettingsService settings;

    // Properties
    private final StringProperty text = new SimpleStringProperty("");
    /** The attribute chosen by the operator, or {@code null} to guess it from the text. */
    private final ObjectProperty<UserFilter.Attribute> attribute = new SimpleObjectProperty<>();
    private final ObjectProperty<UserFilter.Match> match = new SimpleObjectProperty<>(UserFilter.Match.STARTS_WITH);
    private final ObjectProperty<FindScope> scope = new SimpleObjectProperty<>(FindScope.DEFAULT);
    private final ReadOnlyObjectWrapper<UserFilter.Attribute> guessed = new ReadOnlyObjectWrapper<>(
            UserFilter.Attribute.USERNAME);
    private final ObservableList<FoundUser> results = FXCollections.observableArrayList();
    private final NotSearchedList notSearched = new NotSearchedList(this::find);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<UserFilter> searched = new ReadOnlyObjectWrapper<>();

    private final Map<String, String> accounts = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private Consumer<FoundUser> opener = found -> { };
    private Consumer<Notice.SignInRequest> signIn;
    private TaskExecutor.Job job;
    private long generation;
    private FindSummary.State state = FindSummary.State.IDLE;
    private int places;
    private int placesAnswered;
    private int placesNotListed;
    private int poolsListed;
    private int poolsSearched;
    private int poolsFailed;

    /**
     * @param callers  who AWS sees behind a connection, for the account column, or {@code null} to not ask
     * @param workers  where the calls of a search run side by side
     * @param current  the connection in use (the default scope)
     * @param profiles the profiles there are
     * @param regions  the regions where Cognito is offered
     */
    public FindViewModel(PoolLists poolLists, UserDirectory directory,
                         Function<Connection, Optional<CallerIdentity>> callers, TaskExecutor executor,
                         ExecutorService workers, ObservableValue<Connection> current,
                         ObservableList<AwsProfile> profiles, List<String> regions, SettingsService settings) {
        this.poolLists = poolLists;
        this.directory = directory;
        this.callers = callers;
        this.executor = executor;
        this.workers = workers;
        this.current = current;
        this.profiles = profiles;
        this.regions = List.copyOf(regions);
        this.settings = settings;
        scope.set(FindScope.fromSettings(settings.get().findScope()));
        scope.addListener((obs, old, now) -> settings.update(s -> s.withFindScope(now == null ? null
                : now.toSettings())));
        text.addListener((obs, old, now) -> guessed.set(AttributeGuess.of(now)));
    }

    // Properties

    /** What the operator typed: an email, a phone number, a username or a sub. */
    public StringProperty textProperty() {
        return text;
    }

    /** The attribute the operator chose, or {@code null} to go by the guess. */
    public ObjectProperty<UserFilter.Attribute> attributeProperty() {
        return attribute;
    }

    /** The attribute the text looks like. */
    public ReadOnlyObjectProperty<UserFilter.Attribute> guessedProperty() {
        return guessed.getReadOnlyProperty();
    }

    public ObjectProperty<UserFilter.Match> matchProperty() {
        return match;
    }

    /** Where the search looks; remembered in the settings. */
    public ObjectProperty<FindScope> scopeProperty() {
        return scope;
    }

    public ObservableList<AwsProfile> profiles() {
        return profiles;
    }

    /** The attributes one may search by (free text: not the confirmation or enabled state). */
    public static List<UserFilter.Attribute> attributes() {
        return java.util.Arrays.stream(UserFilter.Attribute.values()).filter(a -> a.choices().isEmpty()).toList();
    }

    /** The users found, in the order pools answered. */
    public ObservableList<FoundUser> results() {
        return results;
    }

    /** The places that could not be searched, with reason and fix. */
    public ObservableList<NotSearched> notSearched() {
        return notSearched.lines();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the pools of some places are still being listed. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "12 of 50 pools". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What the search found and how completely it looked. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the search cannot start, or {@code null}. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The search last started, or {@code null}. */
    public ReadOnlyObjectProperty<UserFilter> searchedProperty() {
        return searched.getReadOnlyProperty();
    }

    /** Who opens a result: shows its pool with the user selected. */
    public void setOpener(Consumer<FoundUser> open) {
        opener = open;
    }

    /** Who makes the sign-in a not-searched line offers; without one, no Sign in is offered. */
    public void setSignIn(Consumer<Notice.SignInRequest> handler) {
        signIn = handler;
    }

    // Commands

    /** Starts a search with what was typed, in the chosen scope; a search in flight is dropped. */
    public void find() {
        stopQuietly();
        String typed = text.get() == null ? "" : text.get().strip();
        UserFilter.Attribute by = attribute.get() != null ? attribute.get() : AttributeGuess.of(typed);
        UserFilter filter = new UserFilter(by, match.get(), typed);
        Optional<String> refused = filter.problem()
                .or(() -> scope.get().problem(current.getValue(), profiles));
        if (refused.isPresent()) {
            problem.set(refused.get());
            return;
        }
        problem.set(null);
        List<Connection> where = scope.get().places(current.getValue(), profiles, regions);
        start(where, filter);
    }

    /** Ends the search in flight; what was found stays. */
    public void stop() {
        if (!running.get()) {
            return;
        }
        stopQuietly();
        state = FindSummary.State.STOPPED;
        updateLines();
    }

    /** Forgets the pool lists: the next search lists the pools again. */
    public void refreshPools() {
        poolLists.forget();
    }

    /** Opens the result's pool with its user selected. */
    public void open(FoundUser found) {
        if (found != null) {
            opener.accept(found);
        }
    }

    /** Runs the sign-in a not-searched line offers. */
    public void signIn(NotSearched line) {
        if (line != null && line.signIn() != null && signIn != null) {
            signIn.accept(line.signIn());
        }
    }

    private void stopQuietly() {
        generation++;
        running.set(false);
        if (job != null) {
            job.cancel();
            job = null;
        }
    }

    private void start(List<Connection> where, UserFilter filter) {
        long mine = ++generation;
        results.clear();
        notSearched.clear();
        seen.clear();
        places = where.size();
        placesAnswered = 0;
        placesNotListed = 0;
        poolsListed = 0;
        poolsSearched = 0;
        poolsFailed = 0;
        state = FindSummary.State.RUNNING;
        searched.set(filter);
        running.set(true);
        updateLines();
        Map<String, Connection> accountsToAsk = new LinkedHashMap<>();
        where.stream().filter(p -> !accounts.containsKey(p.profile().name()))
                .forEach(p -> accountsToAsk.putIfAbsent(p.profile().name(), p));
        job = executor.run(work -> {
            new FindRun(poolLists, directory, callers, workers).run(where, accountsToAsk, filter,
                    new Delivery(work, mine));
            return null;
        }, done -> {
            if (mine == generation) {
                running.set(false);
                state = FindSummary.State.DONE;
                updateLines();
            }
        }, error -> {
            if (mine == generation) {
                LOG.error("Find user stopped by an unexpected error", error);
                running.set(false);
                state = FindSummary.State.STOPPED;
                updateLines();
            }
        });
    }

    /** Hands each answer to the UI thread, where it counts only if its search is still the current one. */
    private final class Delivery implements FindRun.Listener {
        private final TaskExecutor.Job work;
        private final long mine;

        Delivery(TaskExecutor.Job work, long mine) {
            this.work = work;
            this.mine = mine;
        }

        private void deliver(Runnable update) {
            work.publish(() -> {
                if (mine == generation) {
                    update.run();
                    updateLines();
                }
            });
        }

        @Override
        public void listed(Connection place, List<UserPool> pools) {
            deliver(() -> {
                placesAnswered++;
                poolsListed += pools.size();
            });
        }

        @Override
        public void notListed(Connection place, ConsoleFailure failure) {
            LOG.warn("Find user: the pools of {} could not be listed", place.describe(), failure);
            deliver(() -> {
                placesAnswered++;
                placesNotListed++;
                notSearched.add(place, null, failure);
            });
        }

        @Override
        public void found(Connection place, UserPool pool, List<PoolUser> users) {
            deliver(() -> {
                String account = accounts.get(place.profile().name());
                for (PoolUser user : users) {
                    if (seen.add(place.profile().name() + '\n' + place.region() + '\n' + pool.id() + '\n'
                            + user.username())) {
                        results.add(new FoundUser(place, account, pool, user));
                    }
                }
            });
        }

        @Override
        public void poolDone(Connection place, UserPool pool) {
            deliver(() -> poolsSearched++);
        }

        @Override
        public void poolFailed(Connection place, UserPool pool, ConsoleFailure failure) {
            LOG.warn("Find user: pool {} on {} could not be searched", pool.id(), place.describe(), failure);
            deliver(() -> {
                poolsFailed++;
                notSearched.add(place, pool, failure);
            });
        }

        @Override
        public void account(String profile, String account) {
            deliver(() -> {
                accounts.put(profile, account);
                for (int i = 0; i < results.size(); i++) {
                    FoundUser r = results.get(i);
                    if (r.account() == null && r.profile().equals(profile)) {
                        results.set(i, r.withAccount(account));
                    }
                }
            });
        }
    }

    private void updateLines() {
        int answered = poolsSearched + poolsFailed;
        boolean allListed = placesAnswered >= places;
        boolean listing = state == FindSummary.State.RUNNING && !allListed;
        progress.set(listing ? -1 : poolsListed == 0 ? 1 : answered / (double) poolsListed);
        progressText.set(answered + " of " + poolsListed + " pools" + (allListed ? "" : " listed so far"));
        summary.set(FindSummary.line(state, results.size(), poolsSearched, poolsListed, poolsFailed, placesNotListed));
    }
}
