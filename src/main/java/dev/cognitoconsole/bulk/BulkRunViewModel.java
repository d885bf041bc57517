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
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
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

    /** Above this many users the operator types the count to confirm. */
    public static final int TYPED_COUNT_ABOVE = 50;
    /** How many names the confirmation shows. */
    public static final int SAMPLE_SIZE = 10;
    public static final int MAX_REASON_LENGTH = 500;
    private static final int LEFT_OUT_SHOWN = 5;
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
    private final LongSupplier nanoClock;
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
    private final Queue<Update> updates = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicLong lastPublish = new AtomicLong();
    private BulkRunner.Control control;
    private List<UsernameImport.Problem> shownLeftOut = List.of();
    private long activeNanos;
    private long runningSince = -1;
    private int finishedWhileRunning;

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
        this.nanoClock = nanoClock;
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
        boolean production = safety.isProduction(target.connection());
        Optional<DialogService.BulkAnswer> answer = dialogs.confirmBulk(
                confirmationFor(action, target, usernames, source, leftOut, null, production));
        if (answer.isEmpty()) {
            return false;
        }
        Optional<String> refused = problem(answer.get(), usernames.size(), production)
                .or(() -> blocked(answer.get(), target));
        if (refused.isPresent()) {
            problem.set(refused.get());
            return false;
        }
        start(new BulkPlan(action, target, usernames, source, answer.get().reason().strip(), answer.get().dryRun(),
                production), leftOut);
        return true;
    }

    /** After a dry run: asks again, then runs the same users for real. */
    public boolean runForReal() {
        BulkPlan dry = plan.get();
        if (dry == null || !dry.dryRun() || state.get().active()) {
            return false;
        }
        problem.set(null);
        String found = count(BulkOutcome.WOULD_CHANGE) + " would change, " + count(BulkOutcome.SKIPPED)
                + " already " + dry.action().pastTense() + ", " + count(BulkOutcome.NOT_FOUND) + " not found";
        boolean production = safety.isProduction(dry.target().connection());
        Optional<DialogService.BulkAnswer> answer = dialogs.confirmBulk(confirmationFor(dry.action(), dry.target(),
                dry.usernames(), dry.source(), shownLeftOut, found, production));
        if (answer.isEmpty()) {
            return false;
        }
        Optional<String> refused = problem(answer.get(), dry.usernames().size(), production)
                .or(() -> blocked(answer.get(), dry.target()));
        if (refused.isPresent() || answer.get().dryRun()) {
            problem.set(refused.orElse("Untick Dry run to run for real."));
            return false;
        }
        start(new BulkPlan(dry.action(), dry.target(), dry.usernames(), dry.source(), answer.get().reason().strip(),
                false, production), shownLeftOut);
        return true;
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
        return Optional.of(new DialogService.Confirmation("Close during a bulk change",
                "A bulk change has " + count(waiting) + " not reached yet. Close anyway?",
                List.of(new DialogService.Fact("Run", title.get()), new DialogService.Fact("Where", context.get())),
                "The run pauses after the user in hand, whose audit lines are written first. The users not reached "
                        + "are kept on disk, and the console offers them at its next start.",
                "Pause and close"));
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

    /** Why this answer cannot start a run, or empty when it can. */
    public static Optional<String> problem(DialogService.BulkAnswer answer, int count) {
        return problem(answer, count, false);
    }

    /** Why this answer cannot start a run, or empty when it can; on production the count is always typed. */
    public static Optional<String> problem(DialogService.BulkAnswer answer, int count, boolean production) {
        String reason = answer.reason() == null ? "" : answer.reason().strip();
        if (reason.isEmpty()) {
            return Optional.of("Write why, such as a ticket id: it goes into the audit log with every change.");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            return Optional.of("The reason has " + reason.length() + " characters; at most " + MAX_REASON_LENGTH
                    + " fit.");
        }
        // An audit record nobody can read is no reason: it needs a letter or a digit, and no control codes.
        if (reason.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return Optional.of("Write the reason in words or a ticket id: it needs at least one letter or digit.");
        }
        if (reason.codePoints().anyMatch(cp -> Character.isISOControl(cp))) {
            return Optional.of("The reason holds a control character (such as a tab or line break); "
                    + "write it on one line.");
        }
        if (!answer.dryRun() && (production || countMustBeTyped(count))
                && !typedCountMatches(answer.typedCount(), count)) {
            return Optional.of("Type the number of users, " + count + ", to confirm.");
        }
        return Optional.empty();
    }

    public static boolean countMustBeTyped(int count) {
        return count > TYPED_COUNT_ABOVE;
    }

    // "1,204", "1 204" and "1204" all count: the separators are the locale's business.
    static boolean typedCountMatches(String typed, int count) {
        if (typed == null) {
            return false;
        }
        return typed.strip().replaceAll("[\\s,._'\u00A0\u202F]", "").equals(Integer.toString(count));
    }

    static DialogService.BulkConfirmation confirmationFor(UserAction action, PoolSelection target,
                                                          List<String> usernames, String source,
                                                          List<UsernameImport.Problem> leftOut, String dryRunFound,
                                                          boolean production) {
        int count = usernames.size();
        String users = count(count);
        List<DialogService.Fact> facts = new ArrayList<>();
        facts.add(new DialogService.Fact("Users", users + (source == null ? "" : " (" + source + ")")));
        facts.add(new DialogService.Fact("Pool", target.pool().displayName()));
        facts.add(new DialogService.Fact("Profile", target.connection().profile().displayName()));
        facts.add(new DialogService.Fact("Region", target.connection().region()));
        if (dryRunFound != null) {
            facts.add(new DialogService.Fact("Dry run found", dryRunFound));
        }
        if (!leftOut.isEmpty()) {
            String lines = leftOut.stream().limit(LEFT_OUT_SHOWN).map(UsernameImport.Problem::message)
                    .collect(Collectors.joining("\n"));
            if (leftOut.size() > LEFT_OUT_SHOWN) {
                lines += "\n… and " + (leftOut.size() - LEFT_OUT_SHOWN) + " more";
            }
            facts.add(new DialogService.Fact("Left out, not sent", lines));
        }
        String note = (action == UserAction.DISABLE
                ? "Disabling signs each user out of every session and blocks sign-in until the user is enabled again."
                : "Enabling lets each user sign in again.")
                + " Each user is read first and skipped when already " + action.pastTense()
                + "; each change is read back. Tick Dry run to only read the users and list what would change.";
        if (production) {
            note = "PRODUCTION: these are real users. " + note;
        }
        return new DialogService.BulkConfirmation(action.label() + " " + users,
                action.label() + " " + users + " in " + target.pool().displayName() + "?", facts,
                usernames.subList(0, Math.min(SAMPLE_SIZE, count)), count, production || countMustBeTyped(count), note,
                action.label() + " " + users, "Dry run: read " + users,
                answer -> problem(answer, count, production));
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
        activeNanos = 0;
        runningSince = -1;
        finishedWhileRunning = 0;
        message.set(null);
        String users = count(next.usernames().size());
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
        runningSince = nanoClock.getAsLong();
        lastPublish.set(runningSince - PUBLISH_INTERVAL.toNanos());
        refresh();
        executor.run(work -> runner.run(current, items, job, new BulkRunner.Listener() {
                    @Override
                    public void started(BulkRunner.Item item) {
                        offer(work, new Update(item.index(), null));
                    }

                    @Override
                    public void finished(BulkRunner.Item item, BulkRunner.Result result) {
                        journal.finished(item.username(), result.outcome(), result.detail());
                        offer(work, new Update(item.index(), result));
                    }
                }),
                report -> ended(job, report),
                error -> crashed(job, error));
    }

    private record Update(int index, BulkRunner.Result result) {
    }

    // At most one drain waits on the UI thread, and at most one goes every PUBLISH_INTERVAL, however fast users
    // finish; what is left between is drained by the clock tick or at the end of the job.
    private void offer(TaskExecutor.Job job, Update update) {
        updates.add(update);
        long now = nanoClock.getAsLong();
        long last = lastPublish.get();
        if (now - last >= PUBLISH_INTERVAL.toNanos() && lastPublish.compareAndSet(last, now)
                && drainScheduled.compareAndSet(false, true)) {
            job.publish(() -> {
                drainScheduled.set(false);
                drain();
            });
        }
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
                finishedWhileRunning++;
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
        stopClock();
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
        stopClock();
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
                    + duration(Duration.ofNanos(activeNanos)) + ".");
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

    private void stopClock() {
        if (runningSince >= 0) {
            activeNanos += nanoClock.getAsLong() - runningSince;
            runningSince = -1;
        }
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
        long elapsed = activeNanos + (runningSince >= 0 ? nanoClock.getAsLong() - runningSince : 0);
        elapsedText.set(plan.get() == null ? "" : "Elapsed " + duration(Duration.ofNanos(elapsed)));
        int waiting = count(BulkOutcome.PENDING) + count(BulkOutcome.WORKING);
        RunState now = state.get();
        if (now == RunState.PAUSED) {
            remainingText.set(waiting + " waiting");
        } else if (!now.working() || waiting == 0) {
            remainingText.set("");
        } else if (finishedWhileRunning == 0 || elapsed <= 0) {
            remainingText.set("Estimating the time left…");
        } else {
            long left = (long) ((double) elapsed / finishedWhileRunning * waiting);
            remainingText.set("About " + duration(Duration.ofNanos(left)) + " left");
        }
    }

    static String duration(Duration d) {
        long seconds = Math.max(0, (d.toMillis() + 500) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    private static String count(int n) {
        return n == 1 ? "1 user" : String.format("%,d users", n);
    }
}
