package dev.cognitoconsole.details;

import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.common.Scheduler;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.AuthEvent;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.MfaSettings;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.SignInHistory;
import dev.cognitoconsole.model.UserGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detail pane of the selected user: at once what the loaded row says, then, once the selection has rested,
 * the user's groups and sign-in history, each read on its own and failing on its own; the MFA settings only when
 * the operator asks. An answer for a user no longer shown is dropped.
 */
public final class UserDetailsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(UserDetailsViewModel.class);
    /** How long the selection must rest before the pane asks Cognito: moving through rows makes no call per row. */
    public static final Duration REST = Duration.ofMillis(300);
    static final String MFA_WHY = "MFA settings come from AdminGetUser, which counts toward the pool's "
            + "monthly-active-user bill, so they are read only when you ask.";
    static final String NO_HISTORY = "This pool has no threat protection, so Cognito keeps no sign-in history.";
    private static final Map<String, String> MFA_NAMES = Map.of("SOFTWARE_TOKEN_MFA", "authenticator app (TOTP)",
            "SMS_MFA", "SMS", "EMAIL_OTP", "email");
    private static final Runnable NOTHING = () -> { };
    private static final String LIST_GROUPS = "AdminListGroupsForUser";
    private static final String LIST_AUTH_EVENTS = "AdminListUserAuthEvents";

    private final UserDirectory directory;
    private final TaskExecutor executor;
    private final Scheduler time;
    private final WriteSafety safety;
    private final ObservableBooleanValue writesOff;
    private final Consumer<PoolUser> signOut;
    private final UserFacts userFacts;

    // Properties
    private final ReadOnlyObjectWrapper<PoolUser> user = new ReadOnlyObjectWrapper<>();
    private final ObservableList<UserFacts.Fact> facts = FXCollections.observableArrayList();
    private final ObservableList<UserFacts.Fact> factsView = FXCollections.unmodifiableObservableList(facts);
    private final ObservableList<UserGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<UserGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ReadOnlyStringWrapper groupsNote = new ReadOnlyStringWrapper();
    private final ObservableList<AuthEvent> signIns = FXCollections.observableArrayList();
    private final ObservableList<AuthEvent> signInsView = FXCollections.unmodifiableObservableList(signIns);
    private final ReadOnlyStringWrapper signInsNote = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper moreSignIns = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper mfaNote = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper mfaAskable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper retryable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper signOutBlocked = new ReadOnlyStringWrapper();

    private PoolSelection target;
    /** Counts the users shown: an answer asked for under an older count is for a user no longer shown. */
    private long generation;
    private Runnable pendingRest = NOTHING;
    private final List<TaskExecutor.Job> jobs = new ArrayList<>();
    private String signInsToken;
    private boolean loadingSignIns;
    private boolean groupsFailed;
    private boolean signInsFailed;
    /**
     * What a pool answered once for every user: IAM refused a read, or the pool keeps no sign-in history. The next
     * user's pane says so without asking again (Retry asks again).
     */
    private final Map<String, String> settled = new HashMap<>();

    /**
     * @param time      times the rest before the reads (the FX pulse in the app)
     * @param safety    read-only mode, asked for the reason sign-out is off
     * @param writesOff whether changes are off now: the same switch that greys out Disable
     * @param signOut   signs the user out everywhere (asks, audits, writes), or {@code null} when the console has
     *                  no such action: the pane then offers none
     */
    public UserDetailsViewModel(UserDirectory directory, TaskExecutor executor, Scheduler time, WriteSafety safety,
                                ObservableBooleanValue writesOff, Consumer<PoolUser> signOut, UserFacts userFacts) {
        this.directory = directory;
        this.executor = executor;
        this.time = time;
        this.safety = safety;
        this.writesOff = writesOff;
        this.signOut = signOut;
        this.userFacts = userFacts;
        writesOff.addListener(o -> updateSignOut());
        updateSignOut();
    }

    /** The user shown, or {@code null}. */
    public ReadOnlyObjectProperty<PoolUser> userProperty() {
        return user.getReadOnlyProperty();
    }

    /** What the loaded row says, read-only. */
    public ObservableList<UserFacts.Fact> facts() {
        return factsView;
    }

    /** The user's groups, by precedence, read-only. */
    public ObservableList<UserGroup> groups() {
        return groupsView;
    }

    /** Loading, empty, or why the groups are not shown; {@code null} when the groups say it all. */
    public ReadOnlyStringProperty groupsNoteProperty() {
        return groupsNote.getReadOnlyProperty();
    }

    /** The sign-ins read so far, newest first, read-only. */
    public ObservableList<AuthEvent> signIns() {
        return signInsView;
    }

    /** Loading, empty, no history kept, or why it is not shown; {@code null} when the list says it all. */
    public ReadOnlyStringProperty signInsNoteProperty() {
        return signInsNote.getReadOnlyProperty();
    }

    /** Whether older sign-ins can be read ("More"). */
    public ReadOnlyBooleanProperty moreSignInsProperty() {
        return moreSignIns.getReadOnlyProperty();
    }

    /** Why MFA is read only on demand, what it is, or why it could not be read. */
    public ReadOnlyStringProperty mfaNoteProperty() {
        return mfaNote.getReadOnlyProperty();
    }

    /** Whether "Show MFA" may be pressed now. */
    public ReadOnlyBooleanProperty mfaAskableProperty() {
        return mfaAskable.getReadOnlyProperty();
    }

    /** Whether a read of the pane failed and can be asked again. */
    public ReadOnlyBooleanProperty retryableProperty() {
        return retryable.getReadOnlyProperty();
    }

    /** Whether the pane offers "Sign out everywhere" at all. */
    public boolean signOutOffered() {
        return signOut != null;
    }

    /** Why "Sign out everywhere" is off for the user shown, or {@code null} when it may be pressed. */
    public ReadOnlyStringProperty signOutBlockedProperty() {
        return signOutBlocked.getReadOnlyProperty();
    }

    // Commands

    /**
     * Shows {@code next} of {@code pool} ({@code null}: nobody). The row's facts show at once; groups and sign-ins are
     * read once no other user has been shown for {@link #REST}. The same user again (its row updated) only refreshes
     * the facts.
     */
    public void show(PoolSelection pool, PoolUser next) {
        PoolUser shown = user.get();
        boolean same = next != null && shown != null && Objects.equals(pool, target)
                && next.username().equals(shown.username());
        target = pool;
        user.set(next);
        facts.setAll(next == null ? List.of() : userFacts.of(next));
        updateSignOut();
        if (same) {
            return;
        }
        generation++;
        pendingRest.run();
        pendingRest = NOTHING;
        jobs.forEach(TaskExecutor.Job::cancel);
        jobs.clear();
        groups.clear();
        signIns.clear();
        signInsToken = null;
        loadingSignIns = false;
        moreSignIns.set(false);
        groupsFailed = false;
        signInsFailed = false;
        retryable.set(false);
        boolean someone = next != null && pool != null;
        mfaNote.set(someone ? MFA_WHY : null);
        mfaAskable.set(someone);
        groupsNote.set(someone ? "Loading groups…" : null);
        signInsNote.set(someone ? "Loading sign-in history…" : null);
        if (someone) {
            long asked = generation;
            pendingRest = time.after(REST, () -> rested(asked));
        }
    }

    /** Reads the next, older page of sign-ins. */
    public void loadMoreSignIns() {
        if (moreSignIns.get() && !loadingSignIns && user.get() != null) {
            loadSignIns(signInsToken);
        }
    }

    /** Reads the user's MFA settings: one AdminGetUser, which counts toward the monthly-active-user bill. */
    public void showMfa() {
        PoolUser who = user.get();
        if (who == null || target == null || !mfaAskable.get()) {
            return;
        }
        long asked = generation;
        PoolSelection where = target;
        mfaAskable.set(false);
        mfaNote.set("Reading MFA settings…");
        jobs.add(executor.run(job -> directory.getMfaSettings(where.connection(), where.poolId(), who.username()),
                settings -> {
                    if (asked == generation) {
                        mfaNote.set(describe(settings));
                    }
                },
                error -> {
                    if (asked == generation && !(error instanceof CancellationException)) {
                        mfaNote.set(failed("MFA settings", who, error, null, null));
                        mfaAskable.set(true);
                    }
                }));
    }

    /** Reads again what failed (groups, the first page of sign-ins). */
    public void retry() {
        if (user.get() == null || target == null) {
            return;
        }
        retryable.set(false);
        if (groupsFailed) {
            settled.remove(key(LIST_GROUPS));
            loadGroups();
        }
        if (signInsFailed) {
            settled.remove(key(LIST_AUTH_EVENTS));
            loadSignIns(signInsToken);
        }
    }

    /** Hands the user shown to the console's sign-out, which asks, audits and writes; nothing while blocked. */
    public void signOutEverywhere() {
        PoolUser who = user.get();
        if (who != null && signOut != null && signOutBlocked.get() == null) {
            signOut.accept(who);
        }
    }

    /** Stops what waits or runs for the user shown: the console is closing. */
    public void close() {
        generation++;
        pendingRest.run();
        pendingRest = NOTHING;
        jobs.forEach(TaskExecutor.Job::cancel);
        jobs.clear();
    }

    private void rested(long asked) {
        if (asked != generation) {
            return;
        }
        pendingRest = NOTHING;
        loadGroups();
        loadSignIns(null);
    }

    private void loadGroups() {
        long asked = generation;
        PoolSelection where = target;
        PoolUser who = user.get();
        String known = settled.get(key(LIST_GROUPS));
        if (known != null) {
            groupsFailed = true;
            retryable.set(true);
            groupsNote.set(known);
            return;
        }
        groupsFailed = false;
        groupsNote.set("Loading groups…");
        jobs.add(executor.run(job -> everyGroup(where, who.username(), job),
                found -> {
                    if (asked == generation) {
                        groups.setAll(found);
                        groupsNote.set(found.isEmpty() ? "In no group." : null);
                    }
                },
                error -> {
                    if (asked == generation && !(error instanceof CancellationException)) {
                        groupsFailed = true;
                        retryable.set(true);
                        groupsNote.set(failed("Groups", who, error, where, LIST_GROUPS));
                    }
                }));
    }

    private List<UserGroup> everyGroup(PoolSelection where, String username, TaskExecutor.Job job) {
        List<UserGroup> all = Page.all(token -> {
            if (job.isCancelled()) {
                throw new CancellationException("Another user was selected");
            }
            return directory.listGroupsForUser(where.connection(), where.poolId(), username, token);
        }, () -> false);
        all.sort(Comparator.comparing(UserGroup::precedence, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UserGroup::name, Comparator.nullsLast(Comparator.naturalOrder())));
        return all;
    }

    private void loadSignIns(String token) {
        long asked = generation;
        PoolSelection where = target;
        PoolUser who = user.get();
        String known = settled.get(key(LIST_AUTH_EVENTS));
        if (known != null) {
            signInsFailed = !NO_HISTORY.equals(known);
            retryable.set(retryable.get() || signInsFailed);
            signInsNote.set(known);
            return;
        }
        loadingSignIns = true;
        signInsFailed = false;
        moreSignIns.set(false);
        signInsNote.set(token == null ? "Loading sign-in history…" : "Loading older sign-ins…");
        jobs.add(executor.run(job -> directory.listUserAuthEvents(where.connection(), where.poolId(), who.username(),
                        token),
                history -> {
                    if (asked == generation) {
                        read(history);
                    }
                },
                error -> {
                    if (asked == generation && !(error instanceof CancellationException)) {
                        loadingSignIns = false;
                        signInsFailed = true;
                        retryable.set(true);
                        signInsNote.set(failed("Sign-in history", who, error, where, LIST_AUTH_EVENTS));
                    }
                }));
    }

    private void read(SignInHistory history) {
        loadingSignIns = false;
        if (!history.kept()) {
            settled.put(key(LIST_AUTH_EVENTS), NO_HISTORY);
            signInsNote.set(NO_HISTORY);
            return;
        }
        List<AuthEvent> all = new ArrayList<>(signIns);
        all.addAll(history.events());
        all.sort(Comparator.comparing(AuthEvent::time, Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
        signIns.setAll(all);
        signInsToken = history.nextToken();
        moreSignIns.set(history.hasMore());
        signInsNote.set(signIns.isEmpty() ? "No sign-ins recorded." : null);
    }

    private void updateSignOut() {
        signOutBlocked.set(SignOutRule.blocked(user.get(), target, safety, writesOff.get()));
    }

    private static String describe(MfaSettings settings) {
        if (settings.enabled().isEmpty()) {
            return "MFA: none turned on for this user.";
        }
        String on = settings.enabled().stream().map(m -> MFA_NAMES.getOrDefault(m, m))
                .collect(Collectors.joining(", "));
        return "MFA turned on: " + on + (settings.preferred() == null ? "; no preferred method."
                : "; preferred: " + MFA_NAMES.getOrDefault(settings.preferred(), settings.preferred()) + ".");
    }

    /**
     * Says why {@code what} is not shown; an IAM refusal in {@code where}, or an endpoint without the operation, holds
     * for its next users too.
     */
    private String failed(String what, PoolUser who, Throwable error, PoolSelection where, String operation) {
        ConsoleFailure failure = ConsoleFailure.from(error);
        LOG.warn("{} of {} could not be read", what, who.username(), error);
        String line = PartFailures.describe(what, failure);
        if (operation != null && (failure.kind() == ConsoleFailure.Kind.ACCESS_DENIED
                || PartFailures.notOffered(failure))) {
            settled.put(key(where, operation), line);
        }
        return line;
    }

    private String key(String operation) {
        return key(target, operation);
    }

    private static String key(PoolSelection pool, String operation) {
        return pool.connection().describe() + "|" + pool.poolId() + "|" + operation;
    }
}
