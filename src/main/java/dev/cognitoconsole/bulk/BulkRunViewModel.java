package dev.cognitoconsole.bulk;

import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.users.Sleeper;
import dev.cognitoconsole.writes.UserWrites;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bulk disable or enable: the confirmation (reason, typed count, dry run), the run in the background with pause,
 * resume and cancel, the result of every user, and retries of the failed ones.
 */
public final class BulkRunViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BulkRunViewModel.class);

    /** Results reach the window at most this often; the view's clock tick shows any left between. */
    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(100);

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

    private final TaskExecutor executor;
    private final WriteSafety safety;
    private final DialogService dialogs;
    private final RunClock clock;
    private final ThrottledUpdates<Update> updates;
    private final BiConsumer<PoolSelection, List<PoolUser>> readStates;
    private final BulkRunner runner;

    // Properties
    private final ObservableList<BulkResultRow> results = FXCollections.observableArrayList();
    private final ObservableList<BulkResultRow> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.IDLE);
    private final ReadOnlyObjectWrapper<BulkPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No bulk change");
    private final ReadOnlyStringWrapper context = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elapsedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper remainingText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    /** Set while the run is paused by credentials the console can renew: a sign-in, or an MFA code. */
    private final ReadOnlyObjectWrapper<Notice.SignInRequest> signInRequest = new ReadOnlyObjectWrapper<>();
    private Consumer<Notice.SignInRequest> signInHandler;
    private BulkJournal journal = BulkJournal.NONE;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyIntegerWrapper retryable = new ReadOnlyIntegerWrapper();

    private final Map<BulkOutcome, Integer> counts = new EnumMap<>(BulkOutcome.class);
    private BulkRunner.Control control;
    private List<UsernameImport.Problem> shownLeftOut = List.of();

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
        this.executor = executor;
        this.dialogs = dialogs;
        this.clock = new RunClock(nanoClock);
        this.updates = new ThrottledUpdates<>(PUBLISH_INTERVAL, nanoClock, this::drain);
        this.readStates = readStates;
        this.runner = new BulkRunner(writes, sleeper);
    }

    // Properties

    /** One row per user of the run, in order, then one per line of an imported file that was left out. */
    public ObservableList<BulkResultRow> results() {
        return resultsView;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The run shown, or {@code null} before the first. */
    public ReadOnlyObjectProperty<BulkPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** 0..1: the users worked on, of all users of the run. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Disabling 120 users", "Dry run: disable 120 users". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Pool, profile, region and reason. */
    public ReadOnlyStringProperty contextProperty() {
        return context.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedTextProperty() {
        return elapsedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty remainingTextProperty() {
        return remainingText.getReadOnlyProperty();
    }

    /** Counts by outcome, such as "Done 118 · Skipped 2 · Failed 1 · Waiting 879". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The sign-in that would let a paused run go on (its label names the button), or null. */
    public ReadOnlyObjectProperty<Notice.SignInRequest> signInRequestProperty() {
        return signInRequest.getReadOnlyProperty();
    }

    /** Who runs a sign-in (the console's SignInViewModel); the run resumes once it succeeds. */
    public void setSignIn(Consumer<Notice.SignInRequest> handler) {
        signInHandler = handler;
    }

    /** Where real runs are kept while they last, so that one the console did not finish can be resumed. */
    public void keepRunsIn(BulkJournal kept) {
        journal = kept;
    }

    /** Renews the credentials that paused the run, then resumes it. */
    public void signIn() {
        Notice.SignInRequest request = signInRequest.get();
        if (request != null && signInHandler != null && state.get() == RunState.PAUSED) {
            signInHandler.accept(request);
        }
    }

    /** Why the run paused or how it ended, or {@code null}. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the last request did not start a run, or {@code null}. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** How many users failed, are unknown or unverified: what Retry failed would run again. */
    public ReadOnlyIntegerProperty retryableCountProperty() {
        return retryable.getReadOnlyProperty();
    }

    /** How many rows have this outcome now. */
    public int count(BulkOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    // Commands

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
        if (state.get().active()) {
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
        return confirmAndStart(action, target, usernames, source, leftOut, null);
    }

    /** After a dry run: asks again, then runs the same users for real. */
    public boolean runForReal() {
        BulkPlan dry = plan.get();
        if (dry == null || !dry.dryRun() || state.get().active()) {
            return false;
        }
        problem.set(null);
        String found = BulkConfirmations.dryRunFound(dry.action(), count(BulkOutcome.WOULD_CHANGE),
                count(BulkOutcome.SKIPPED), count(BulkOutcome.NOT_FOUND));
        return confirmAndStart(dry.action(), dry.target(), dry.usernames(), dry.source(), shownLeftOut, found);
    }

    /** Stops after the user in hand; nothing more is sent until {@link #resume()}. */
    public void pause() {
        if (state.get() == RunState.RUNNING) {
            state.set(RunState.PAUSING);
            message.set("Pausing after the user in hand…");
            control.pause();
        }
    }

    /** Goes on with the users not reached, unless changes are off now (a dry run may always go on). */
    public void resume() {
        if (state.get() == RunState.PAUSED && !refusedByReadOnly()) {
            startJob(rowsWith(BulkOutcome.PENDING));
        }
    }

    /** Stops after the user in hand; the users not reached are marked not sent. */
    public void cancel() {
        signInRequest.set(null);
        RunState now = state.get();
        if (now == RunState.RUNNING || now == RunState.PAUSING) {
            state.set(RunState.CANCELLING);
            message.set("Cancelling after the user in hand…");
            control.cancel();
        } else if (now == RunState.PAUSED) {
            cancelled();
        }
    }

    /**
     * What to ask before the window closes, or empty when no real run is under way (a dry run only reads).
     */
    public Optional<DialogService.Confirmation> closeConfirmation() {
        BulkPlan current = plan.get();
        if (current == null || current.dryRun() || !state.get().active()) {
            return Optional.empty();
        }
        int waiting = count(BulkOutcome.PENDING) + count(BulkOutcome.WORKING);
        return Optional.of(BulkConfirmations.closeConfirmation(waiting, title.get(), context.get()));
    }

    /** Pauses the run and calls {@code whenStopped} on the UI thread once no user is being worked on. */
    public void pauseThen(Runnable whenStopped) {
        if (!state.get().working()) {
            whenStopped.run();
            return;
        }
        pause();
        state.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends RunState> obs, RunState was,
                                RunState now) {
                if (!now.working()) {
                    state.removeListener(this);
                    whenStopped.run();
                }
            }
        });
    }

    /** Runs every failed, unknown or unverified user again (each is read first, as always). */
    public void retryFailed() {
        if (state.get().working() || plan.get() == null) {
            return;
        }
        if (refusedByReadOnly()) {
            return;
        }
        List<BulkResultRow> again = results.stream().filter(r -> r.getOutcome().retryable()).toList();
        startJob(again);
    }

    /** Runs one failed, unknown or unverified user again. */
    public void retry(BulkResultRow row) {
        if (state.get().working() || row == null || !row.getOutcome().retryable() || refusedByReadOnly()) {
            return;
        }
        startJob(List.of(row));
    }

    /** Shows the latest results and brings the elapsed and remaining times up to date; called every second. */
    public void tick() {
        drain();
    }

    // Validation

    /**
     * The one way a run starts: asks the operator, refuses an answer the rules or read-only mode do not allow, and
     * starts the run.
     *
     * @param dryRunFound what the dry run of these users found, when they are to run for real (so a dry run answer
     *                    is refused); {@code null} for a new request
     */
    private boolean confirmAndStart(UserAction action, PoolSelection target, List<String> usernames, String source,
                                    List<UsernameImport.Problem> leftOut, String dryRunFound) {
        boolean production = safety.isProduction(target.connection());
        Optional<DialogService.BulkAnswer> asked = dialogs.confirmBulk(BulkConfirmations.confirmationFor(action,
                target, usernames, source, leftOut, dryRunFound, production));
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
        start(new BulkPlan(action, target, usernames, source, answer.reason().strip(), answer.dryRun(), production),
                leftOut);
        return true;
    }

    // Read-only mode stops real runs; a dry run only reads, so it may go ahead.
    private Optional<String> blocked(DialogService.BulkAnswer answer, PoolSelection target) {
        return answer.dryRun() ? Optional.empty()
                : safety.writesBlocked(target).map(why -> why + " Tick Dry run to only read, or turn read-only mode off.");
    }

    private boolean refusedByReadOnly() {
        BulkPlan shown = plan.get();
        Optional<String> why = shown == null || shown.dryRun() ? Optional.empty()
                : safety.writesBlocked(shown.target());
        why.ifPresent(w -> problem.set(w + " Turn read-only mode off to go on."));
        return why.isPresent();
    }

    // The run

    private void start(BulkPlan next, List<UsernameImport.Problem> linesLeftOut) {
        plan.set(next);
        shownLeftOut = List.copyOf(linesLeftOut);
        List<BulkResultRow> rows = new ArrayList<>(next.usernames().size() + shownLeftOut.size());
        for (String username : next.usernames()) {
            rows.add(new BulkResultRow(rows.size(), username, BulkOutcome.PENDING, ""));
        }
        for (UsernameImport.Problem line : shownLeftOut) {
            String shown = line.kind() == UsernameImport.Problem.Kind.BLANK ? "(blank line " + line.line() + ")"
                    : UsernameImport.printable(line.text());
            rows.add(new BulkResultRow(rows.size(), shown, BulkOutcome.LEFT_OUT, line.message()));
        }
        counts.clear();
        rows.forEach(r -> counts.merge(r.getOutcome(), 1, Integer::sum));
        results.setAll(rows);
        clock.reset();
        message.set(null);
        String users = BulkConfirmations.users(next.usernames().size());
        title.set(next.dryRun() ? "Dry run: " + next.action().label().toLowerCase() + " " + users : next.action().progressive() + " " + users);
        context.set(next.target().pool().displayName() + " · " + next.target().connection().profile().name() + " · "
                + next.target().connection().region() + " · reason: " + next.reason());
        LOG.info("{} of {} users in {} ({}) started{}; reason: {}", next.action().apiName(), next.usernames().size(),
                next.target().poolId(), next.target().connection().describe(), next.dryRun() ? " as a dry run" : "",
                next.reason());
        journal.started(next);
        startJob(rowsWith(BulkOutcome.PENDING));
    }

    private void startJob(List<BulkResultRow> rows) {
        BulkPlan current = plan.get();
        if (rows.isEmpty() || current == null) {
            settle();
            return;
        }
        List<BulkRunner.Item> items = new ArrayList<>(rows.size());
        for (BulkResultRow row : rows) {
            if (row.getOutcome() != BulkOutcome.PENDING) {
                set(row, BulkOutcome.PENDING, "Waiting to try again", null);
            }
            items.add(new BulkRunner.Item(row.position(), row.username()));
        }
        BulkRunner.Control job = new BulkRunner.Control();
        control = job;
        state.set(RunState.RUNNING);
        message.set(null);
        signInRequest.set(null);
        updates.restart(clock.start());
        refresh();
        executor.run(work -> runner.run(current, items, job, new BulkRunner.Listener() {
                    @Override
                    public void started(BulkRunner.Item item) {
                        updates.offer(work, new Update(item.index(), null));
                    }

                    @Override
                    public void finished(BulkRunner.Item item, BulkRunner.Result result) {
                        journal.finished(item.username(), result.outcome(), result.detail());
                        updates.offer(work, new Update(item.index(), result));
                    }
                }),
                report -> ended(job, report),
                error -> crashed(job, error));
    }

    private record Update(int index, BulkRunner.Result result) {
    }

    private void drain() {
        BulkPlan current = plan.get();
        List<PoolUser> read = new ArrayList<>();
        for (Update update = updates.poll(); update != null; update = updates.poll()) {
            BulkResultRow row = results.get(update.index());
            BulkRunner.Result result = update.result();
            if (result == null) {
                set(row, BulkOutcome.WORKING, "", null);
                continue;
            }
            set(row, result.outcome(), result.detail(), result.errorType());
            if (result.outcome().finished()) {
                clock.userFinished();
            }
            if (result.user() != null) {
                read.add(result.user());
            }
        }
        if (!read.isEmpty() && current != null) {
            readStates.accept(current.target(), read);
        }
        refresh();
    }

    private void ended(BulkRunner.Control job, BulkRunner.Report report) {
        drain();
        if (job != control) {
            return;
        }
        clock.stop();
        switch (report.ending()) {
            case CANCELLED -> cancelled();
            case HALTED -> {
                state.set(RunState.PAUSED);
                message.set(report.message());
                if (report.signIn() != null && signInHandler != null && plan.get() != null) {
                    signInRequest.set(new Notice.SignInRequest(plan.get().target().connection(), report.signIn(),
                            this::resume));
                }
                LOG.warn("Bulk change paused itself: {}", report.message());
            }
            default -> settle();
        }
        refresh();
    }

    private void crashed(BulkRunner.Control job, Throwable error) {
        drain();
        if (job != control) {
            return;
        }
        LOG.error("Bulk change stopped by an unexpected error", error);
        clock.stop();
        for (BulkResultRow row : results) {
            if (row.getOutcome() == BulkOutcome.WORKING) {
                set(row, BulkOutcome.PENDING, "Stopped by an unexpected error", null);
            }
        }
        state.set(RunState.PAUSED);
        message.set("Paused by an unexpected error: " + error.getMessage() + ". Resume to go on; the log has details.");
        refresh();
    }

    /** After a job: paused while users wait, else finished (or cancelled, when some were never sent). */
    private void settle() {
        if (count(BulkOutcome.PENDING) > 0) {
            state.set(RunState.PAUSED);
            message.set("Paused: " + count(BulkOutcome.PENDING) + " users waiting. Resume to go on.");
        } else if (count(BulkOutcome.NOT_SENT) > 0) {
            journal.ended();
            state.set(RunState.CANCELLED);
            message.set("Cancelled: " + count(BulkOutcome.NOT_SENT) + " users not sent.");
        } else {
            journal.ended();
            state.set(RunState.FINISHED);
            message.set((plan.get() != null && plan.get().dryRun() ? "Dry run finished in " : "Finished in ")
                    + RunClock.duration(clock.elapsed()) + ".");
            LOG.info("Bulk change finished: {}", summary.get());
        }
        refresh();
    }

    private void cancelled() {
        for (BulkResultRow row : results) {
            if (row.getOutcome() == BulkOutcome.PENDING || row.getOutcome() == BulkOutcome.WORKING) {
                set(row, BulkOutcome.NOT_SENT, "Cancelled before it was sent", null);
            }
        }
        journal.ended();
        state.set(RunState.CANCELLED);
        message.set("Cancelled: " + count(BulkOutcome.NOT_SENT) + " users not sent.");
        LOG.info("Bulk change cancelled: {}", summary.get());
        refresh();
    }

    private void set(BulkResultRow row, BulkOutcome outcome, String detail, String errorType) {
        counts.merge(row.getOutcome(), -1, Integer::sum);
        counts.merge(outcome, 1, Integer::sum);
        row.set(outcome, detail, errorType);
    }

    private List<BulkResultRow> rowsWith(BulkOutcome outcome) {
        return results.stream().filter(r -> r.getOutcome() == outcome).toList();
    }

    private void refresh() {
        BulkPlan current = plan.get();
        int total = current == null ? 0 : current.usernames().size();
        int open = count(BulkOutcome.PENDING) + count(BulkOutcome.WORKING) + count(BulkOutcome.NOT_SENT);
        progress.set(total == 0 ? 0 : (double) (total - open) / total);
        retryable.set(count(BulkOutcome.FAILED) + count(BulkOutcome.UNKNOWN) + count(BulkOutcome.UNVERIFIED));
        StringBuilder text = new StringBuilder();
        for (BulkOutcome outcome : BulkOutcome.values()) {
            int n = count(outcome);
            if (n > 0) {
                text.append(text.length() == 0 ? "" : " · ").append(outcome.label()).append(' ').append(n);
            }
        }
        summary.set(text.toString());
        updateTimes();
    }

    private void updateTimes() {
        Duration elapsed = clock.elapsed();
        elapsedText.set(plan.get() == null ? "" : "Elapsed " + RunClock.duration(elapsed));
        int waiting = count(BulkOutcome.PENDING) + count(BulkOutcome.WORKING);
        RunState now = state.get();
        if (now == RunState.PAUSED) {
            remainingText.set(waiting + " waiting");
        } else if (!now.working() || waiting == 0) {
            remainingText.set("");
        } else {
            remainingText.set(clock.remaining(elapsed, waiting));
        }
    }
}
