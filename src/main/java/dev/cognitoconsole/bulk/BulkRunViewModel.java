package dev.cognitoconsole.bulk;

import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Sleeper;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.writes.UserWrites;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * A bulk disable or enable as the window shows it: the confirmation (reason, typed count, dry run, by the rules of
 * {@link BulkConfirmations}), read-only mode asked before a run starts or goes on, and the run itself
 * ({@link BulkRun}) with pause, resume, cancel, the result of every user, and retries of the failed ones.
 */
public final class BulkRunViewModel {

    /** Where the run stands. */
    public enum RunState {
        IDLE, RUNNING, PAUSING, PAUSED, CANCELLING, CANCELLED, FINISHED;

        /** Whether a run is under way (possibly paused): no other may start. */
        public boolean active() {
            return this == RUNNING || this == PAUSING || this == PAUSED || this == CANCELLING;
        }

        /** Whether the background work is going on. */
        public boolean working() {
            return this == RUNNING || this == PAUSING || this == CANCELLING;
        }
    }

    private final WriteSafety safety;
    private final DialogService dialogs;
    private final BulkRun run;

    // Properties
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

    /**
     * @param readStates told, on the UI thread, of users as AdminGetUser reported them during the run (so the
     *                   users table can show them)
     */
    public BulkRunViewModel(UserDirectory directory, AuditTrail audit, TaskExecutor executor, DialogService dialogs,
                            LongSupplier nanoClock, Sleeper sleeper,
                            BiConsumer<PoolSelection, List<PoolUser>> readStates) {
        this(directory, audit, executor, dialogs, nanoClock, sleeper, readStates, WriteSafety.NONE);
    }

    public BulkRunViewModel(UserDirectory directory, AuditTrail audit, TaskExecutor executor, DialogService dialogs,
                            LongSupplier nanoClock, Sleeper sleeper,
                            BiConsumer<PoolSelection, List<PoolUser>> readStates, WriteSafety safety) {
        this(new UserWrites(directory, audit, safety, connection -> Optional.empty()), safety, executor, dialogs,
                nanoClock, sleeper, readStates);
    }

    /**
     * @param writes the one path of every change, which asks {@code safety} before each call
     * @param safety read-only mode (a dry run is still allowed) and production marks (the count is typed)
     */
    public BulkRunViewModel(UserWrites writes, WriteSafety safety, TaskExecutor executor, DialogService dialogs,
                            LongSupplier nanoClock, Sleeper sleeper,
                            BiConsumer<PoolSelection, List<PoolUser>> readStates) {
        this.safety = safety;
        this.dialogs = dialogs;
        this.run = new BulkRun(new BulkRunner(writes, sleeper), executor, nanoClock, readStates, this::resume);
    }

    // Properties

    /** One row per user of the run, in order, then one per line of an imported file that was left out. */
    public ObservableList<BulkResultRow> results() {
        return run.results();
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return run.stateProperty();
    }

    /** The run shown, or {@code null} before the first. */
    public ReadOnlyObjectProperty<BulkPlan> planProperty() {
        return run.planProperty();
    }

    /** 0..1: the users worked on, of all users of the run. */
    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    /** "Disabling 120 users", "Dry run: disable 120 users". */
    public ReadOnlyStringProperty titleProperty() {
        return run.titleProperty();
    }

    /** Pool, profile, region and reason. */
    public ReadOnlyStringProperty contextProperty() {
        return run.contextProperty();
    }

    public ReadOnlyStringProperty elapsedTextProperty() {
        return run.elapsedTextProperty();
    }

    public ReadOnlyStringProperty remainingTextProperty() {
        return run.remainingTextProperty();
    }

    /** Counts by outcome, such as "Done 118 · Skipped 2 · Failed 1 · Waiting 879". */
    public ReadOnlyStringProperty summaryProperty() {
        return run.summaryProperty();
    }

    /** The sign-in that would let a paused run go on (its label names the button), or null. */
    public ReadOnlyObjectProperty<Notice.SignInRequest> signInRequestProperty() {
        return run.signInRequestProperty();
    }

    /** Who runs a sign-in (the console's SignInViewModel); the run resumes once it succeeds. */
    public void setSignIn(Consumer<Notice.SignInRequest> handler) {
        run.setSignIn(handler);
    }

    /** Where real runs are kept while they last, so that one the console did not finish can be resumed. */
    public void keepRunsIn(BulkJournal kept) {
        run.keepRunsIn(kept);
    }

    /** Renews the credentials that paused the run, then resumes it. */
    public void signIn() {
        run.signIn();
    }

    /** Why the run paused or how it ended, or {@code null}. */
    public ReadOnlyStringProperty messageProperty() {
        return run.messageProperty();
    }

    /** Why the last request did not start a run, or {@code null}. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** How many users failed, are unknown or unverified: what Retry failed would run again. */
    public ReadOnlyIntegerProperty retryableCountProperty() {
        return run.retryableCountProperty();
    }

    /** How many rows have this outcome now. */
    public int count(BulkOutcome outcome) {
        return run.count(outcome);
    }

    // Commands

    /** Drops the line under the bulk bar: it spoke of a pool or a mode that is no longer current. */
    public void forgetProblem() {
        problem.set(null);
    }

    /**
     * Asks the operator to confirm a bulk change and starts it.
     *
     * @param source  where the names came from, such as "2 selected rows" or "users.csv"
     * @param leftOut lines of an imported file left out, shown in the confirmation and the results
     * @return whether a run started
     */
    public boolean request(UserAction action, PoolSelection target, List<String> usernames, String source,
                           List<UsernameImport.Problem> leftOut) {
        problem.set(null);
        if (run.stateProperty().get().active()) {
            problem.set("A bulk change is under way: let it finish, or cancel it, first.");
            return false;
        }
        if (target == null) {
            problem.set("Pick a user pool first.");
            return false;
        }
        if (usernames.isEmpty()) {
            problem.set("No users to " + action.label().toLowerCase() + ".");
            return false;
        }
        return confirmAndStart(action, target, usernames, source, leftOut, null, null);
    }

    /** After a dry run: asks again, then runs the same users for real. */
    public boolean runForReal() {
        BulkPlan dry = run.planProperty().get();
        if (dry == null || !dry.dryRun() || run.stateProperty().get().active()) {
            return false;
        }
        problem.set(null);
        String found = BulkConfirmations.dryRunFound(dry.action(), count(BulkOutcome.WOULD_CHANGE),
                count(BulkOutcome.SKIPPED), count(BulkOutcome.NOT_FOUND));
        return confirmAndStart(dry.action(), dry.target(), dry.usernames(), dry.source(), run.leftOut(), found,
                dry.reason());
    }

    /** Stops after the user in hand; nothing more is sent until {@link #resume()}. */
    public void pause() {
        run.pause();
    }

    /** Goes on with the users not reached, unless changes are off now (a dry run may always go on). */
    public void resume() {
        if (run.stateProperty().get() == RunState.PAUSED && !refusedByReadOnly()) {
            run.resume();
        }
    }

    /** Stops after the user in hand; the users not reached are marked not sent. */
    public void cancel() {
        run.cancel();
    }

    /**
     * What to ask before the window closes, or empty when no real run is under way (a dry run only reads).
     */
    public Optional<DialogService.Confirmation> closeConfirmation() {
        BulkPlan current = run.planProperty().get();
        if (current == null || current.dryRun() || !run.stateProperty().get().active()) {
            return Optional.empty();
        }
        int waiting = count(BulkOutcome.PENDING) + count(BulkOutcome.WORKING);
        return Optional.of(BulkConfirmations.closeConfirmation(waiting, run.titleProperty().get(),
                run.contextProperty().get()));
    }

    /** Pauses the run and calls {@code whenStopped} on the UI thread once no user is being worked on. */
    public void pauseThen(Runnable whenStopped) {
        run.pauseThen(whenStopped);
    }

    /** Runs every failed, unknown or unverified user again (each is read first, as always). */
    public void retryFailed() {
        if (run.stateProperty().get().working() || run.planProperty().get() == null) {
            return;
        }
        if (refusedByReadOnly()) {
            return;
        }
        run.retryFailed();
    }

    /** Runs one failed, unknown or unverified user again. */
    public void retry(BulkResultRow row) {
        if (run.stateProperty().get().working() || row == null || !row.getOutcome().retryable()
                || refusedByReadOnly()) {
            return;
        }
        run.retry(row);
    }

    /** Shows the latest results and brings the elapsed and remaining times up to date; called every second. */
    public void tick() {
        run.drain();
    }

    // Validation

    /**
     * The one way a run starts: asks the operator, refuses an answer the rules or read-only mode do not allow, and
     * starts the run.
     *
     * @param dryRunFound what the dry run of these users found, when they are to run for real (so a dry run answer
     *                    is refused); {@code null} for a new request
     * @param reason      the reason the dialog starts with (the dry run's), or {@code null}
     */
    private boolean confirmAndStart(UserAction action, PoolSelection target, List<String> usernames, String source,
                                    List<UsernameImport.Problem> leftOut, String dryRunFound, String reason) {
        boolean production = safety.isProduction(target.connection());
        // Read-only mode is said before anything is typed, so the operator is not asked for a run that is refused.
        String readOnly = safety.writesBlocked(target).orElse(null);
        Optional<DialogService.BulkAnswer> asked = dialogs.confirmBulk(BulkConfirmations.confirmationFor(action,
                target, usernames, source, leftOut, dryRunFound, production, readOnly, reason));
        if (asked.isEmpty()) {
            return false;
        }
        DialogService.BulkAnswer answer = asked.get();
        boolean mustBeReal = dryRunFound != null;
        Optional<String> refused = BulkConfirmations.problem(answer, usernames.size(), production)
                .or(() -> blocked(answer, target))
                .or(() -> mustBeReal && answer.dryRun() ? Optional.of("Untick Dry run to run for real.")
                        : Optional.empty());
        if (refused.isPresent()) {
            problem.set(refused.get());
            return false;
        }
        run.start(new BulkPlan(action, target, usernames, source, answer.reason().strip(), answer.dryRun(),
                production), leftOut);
        return true;
    }

    // Read-only mode stops real runs; a dry run only reads, so it may go ahead.
    private Optional<String> blocked(DialogService.BulkAnswer answer, PoolSelection target) {
        return answer.dryRun() ? Optional.empty()
                : safety.writesBlocked(target).map(why -> why + " Tick Dry run to only read, or turn read-only mode off.");
    }

    private boolean refusedByReadOnly() {
        BulkPlan shown = run.planProperty().get();
        Optional<String> why = shown == null || shown.dryRun() ? Optional.empty()
                : safety.writesBlocked(shown.target());
        why.ifPresent(w -> problem.set(w + " Turn read-only mode off to go on."));
        return why.isPresent();
    }
}
