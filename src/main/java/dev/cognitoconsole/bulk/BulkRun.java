package dev.cognitoconsole.bulk;

import dev.cognitoconsole.bulk.BulkRunViewModel.RunState;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 * One confirmed bulk run and where it stands: its jobs on the background executor, the result of every user,
 * pause, resume, cancel and retry, how it ended, and the figures the window shows (progress, counts, times).
 * Whether the operator may start or go on is asked by {@link BulkRunViewModel} first.
 */
final class BulkRun {
    private static final Logger LOG = LoggerFactory.getLogger(BulkRun.class);

    /** Results reach the window at most this often; the view's clock tick shows any left between. */
    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(100);

    private final BulkRunner runner;
    private final TaskExecutor executor;
    private final BiConsumer<PoolSelection, List<PoolUser>> readStates;
    private final Runnable resumeAfterSignIn;
    private final RunClock clock;
    private final ThrottledUpdates<Update> updates;

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
    private final ReadOnlyIntegerWrapper retryable = new ReadOnlyIntegerWrapper();
    private Consumer<Notice.SignInRequest> signInHandler;
    private BulkJournal journal = BulkJournal.NONE;

    private final Map<BulkOutcome, Integer> counts = new EnumMap<>(BulkOutcome.class);
    private BulkRunner.Control control;
    private List<UsernameImport.Problem> shownLeftOut = List.of();

    /**
     * @param readStates        told, on the UI thread, of users as AdminGetUser reported them during the run
     * @param resumeAfterSignIn how a run paused by credentials goes on once a sign-in renewed them
     */
    BulkRun(BulkRunner runner, TaskExecutor executor, LongSupplier nanoClock,
            BiConsumer<PoolSelection, List<PoolUser>> readStates, Runnable resumeAfterSignIn) {
        this.runner = runner;
        this.executor = executor;
        this.readStates = readStates;
        this.resumeAfterSignIn = resumeAfterSignIn;
        this.clock = new RunClock(nanoClock);
        this.updates = new ThrottledUpdates<>(PUBLISH_INTERVAL, nanoClock, this::drain);
    }

    // Properties

    ObservableList<BulkResultRow> results() {
        return resultsView;
    }

    ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<BulkPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    ReadOnlyStringProperty contextProperty() {
        return context.getReadOnlyProperty();
    }

    ReadOnlyStringProperty elapsedTextProperty() {
        return elapsedText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty remainingTextProperty() {
        return remainingText.getReadOnlyProperty();
    }

    ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Notice.SignInRequest> signInRequestProperty() {
        return signInRequest.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty retryableCountProperty() {
        return retryable.getReadOnlyProperty();
    }

    int count(BulkOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    /** The lines of an imported file the run left out. */
    List<UsernameImport.Problem> leftOut() {
        return shownLeftOut;
    }

    void setSignIn(Consumer<Notice.SignInRequest> handler) {
        signInHandler = handler;
    }

    void keepRunsIn(BulkJournal kept) {
        journal = kept;
    }

    // Commands

    /** Starts a new run: every user waiting, then a row for each line left out. */
    void start(BulkPlan next, List<UsernameImport.Problem> linesLeftOut) {
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
        context.set(next.target().pool().displayName() + " · " + next.target().connection().profile().name() + " · "
                + next.target().connection().region() + " · reason: " + next.reason());
        LOG.info("{} of {} users in {} ({}) started{}; reason: {}", next.action().apiName(), next.usernames().size(),
                next.target().poolId(), next.target().connection().describe(), next.dryRun() ? " as a dry run" : "",
                next.reason());
        journal.started(next);
        startJob(rowsWith(BulkOutcome.PENDING));
    }

    void pause() {
        if (state.get() == RunState.RUNNING) {
            state.set(RunState.PAUSING);
            message.set("Pausing after the user in hand…");
            control.pause();
        }
    }

    /** Goes on with the users not reached. */
    void resume() {
        startJob(rowsWith(BulkOutcome.PENDING));
    }

    void cancel() {
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

    /** Pauses the run and calls {@code whenStopped} on the UI thread once no user is being worked on. */
    void pauseThen(Runnable whenStopped) {
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

    /** Runs every failed, unknown or unverified user again. */
    void retryFailed() {
        startJob(results.stream().filter(r -> r.getOutcome().retryable()).toList());
    }

    void retry(BulkResultRow row) {
        startJob(List.of(row));
    }

    void signIn() {
        Notice.SignInRequest request = signInRequest.get();
        if (request != null && signInHandler != null && state.get() == RunState.PAUSED) {
            signInHandler.accept(request);
        }
    }

    /** Shows the results not yet shown and brings the figures up to date. */
    void drain() {
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

    // The jobs

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
                            resumeAfterSignIn));
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
        title.set(current == null ? "No bulk change" : heading(current));
        updateTimes();
    }

    /** "Disabling 5 users" while it runs; once over, what was done: "Disabled 5 users", or "Finished: …". */
    private String heading(BulkPlan current) {
        int total = current.usernames().size();
        String users = BulkConfirmations.users(total);
        String what = current.action().label().toLowerCase() + " " + users;
        RunState now = state.get();
        if (current.dryRun()) {
            return switch (now) {
                case FINISHED -> "Dry run finished: " + what;
                case CANCELLED -> "Dry run cancelled: " + what;
                default -> "Dry run: " + what;
            };
        }
        return switch (now) {
            case FINISHED -> count(BulkOutcome.DONE) + count(BulkOutcome.SKIPPED) == total
                    ? capitalised(current.action().pastTense()) + " " + users : "Finished: " + what;
            case CANCELLED -> "Cancelled: " + what;
            case PAUSED -> "Paused: " + current.action().progressive().toLowerCase() + " " + users;
            default -> current.action().progressive() + " " + users;
        };
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
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
