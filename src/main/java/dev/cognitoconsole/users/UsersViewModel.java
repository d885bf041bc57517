package dev.cognitoconsole.users;

import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.audit.AuditUnavailable;
import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.banner.FailureContext;
import dev.cognitoconsole.banner.FailureNotices;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.model.UserFilter;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The users of the chosen pool, and the Disable / Enable action on each. */
public final class UsersViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(UsersViewModel.class);

    private final UserDirectory directory;
    private final TaskExecutor executor;
    private final Notifier notifier;
    private final DialogService dialogs;
    private final UserListing listing;
    private final AuditTrail audit;
    private final WriteSafety safety;

    // Properties
    private final ReadOnlyStringWrapper lastChange = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper searchProblem = new ReadOnlyStringWrapper();

    public UsersViewModel(UserDirectory directory, TaskExecutor executor, Notifier notifier,
                          DialogService dialogs, LongSupplier nanoClock) {
        this(directory, executor, notifier, dialogs, nanoClock, Sleeper.SYSTEM, Clock.systemUTC());
    }

    public UsersViewModel(UserDirectory directory, TaskExecutor executor, Notifier notifier,
                          DialogService dialogs, LongSupplier nanoClock, Sleeper sleeper, Clock clock) {
        this(directory, executor, notifier, dialogs, nanoClock, sleeper, clock, AuditTrail.NONE);
    }

    public UsersViewModel(UserDirectory directory, TaskExecutor executor, Notifier notifier,
                          DialogService dialogs, LongSupplier nanoClock, Sleeper sleeper, Clock clock,
                          AuditTrail audit) {
        this(directory, executor, notifier, dialogs, nanoClock, sleeper, clock, audit, WriteSafety.NONE);
    }

    /** @param safety read-only mode and production marks, consulted before every change */
    public UsersViewModel(UserDirectory directory, TaskExecutor executor, Notifier notifier,
                          DialogService dialogs, LongSupplier nanoClock, Sleeper sleeper, Clock clock,
                          AuditTrail audit, WriteSafety safety) {
        this.safety = safety;
        this.audit = audit;
        this.directory = directory;
        this.executor = executor;
        this.notifier = notifier;
        this.dialogs = dialogs;
        this.listing = new UserListing(directory, executor, notifier, nanoClock, sleeper, clock);
    }

    /** Every loaded row, in table order. */
    public ObservableList<UserRow> rows() {
        return listing.rows();
    }

    /** The loaded rows that pass the quick filter: what the table shows. */
    public ObservableList<UserRow> visibleRows() {
        return listing.visibleRows();
    }

    /** Text that narrows the loaded rows on this computer (username, email, name or sub contains it). */
    public StringProperty quickFilterProperty() {
        return listing.quickFilterProperty();
    }

    public ReadOnlyObjectProperty<PoolSelection> selectionProperty() {
        return listing.selectionProperty();
    }

    /** The server-side search in force, or {@code null} when the whole pool is listed. */
    public ReadOnlyObjectProperty<UserFilter> searchProperty() {
        return listing.searchProperty();
    }

    /** Why the search typed cannot be sent, or {@code null}. */
    public ReadOnlyStringProperty searchProblemProperty() {
        return searchProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return listing.loadingProperty();
    }

    /** Whether a stopped or failed load can resume from where it ended. */
    public ReadOnlyBooleanProperty canContinueProperty() {
        return listing.canContinueProperty();
    }

    public ReadOnlyBooleanProperty sortingProperty() {
        return listing.sortingProperty();
    }

    /** "120 users, loading…", "300 users", "12 shown of 300 users". */
    public ReadOnlyStringProperty countTextProperty() {
        return listing.countTextProperty();
    }

    /** A quiet note on the load, such as throttling being absorbed; {@code null} when there is none. */
    public ReadOnlyStringProperty activityProperty() {
        return listing.activityProperty();
    }

    /** The last change Cognito confirmed, for the status line. */
    public ReadOnlyStringProperty lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }

    // Commands

    /** Shows the users of another pool (or none); a load in flight is abandoned. */
    public void show(PoolSelection next) {
        notifier.dismiss();
        searchProblem.set(null);
        listing.show(next);
    }

    /** Reloads the current pool (or search) from the first page. */
    public void refresh() {
        notifier.dismiss();
        listing.startFromFirstPage();
    }

    /** Stops the load in flight, keeping what was loaded. */
    public void stop() {
        listing.stop();
    }

    /** Resumes a stopped load after its last page. */
    public void continueLoading() {
        if (listing.canContinueProperty().get()) {
            notifier.dismiss();
        }
        listing.continueLoading();
    }

    /** Searches the pool on the server: only matching users are listed. */
    public void search(UserFilter filter) {
        if (listing.selectionProperty().get() == null) {
            searchProblem.set("Pick a pool first.");
            return;
        }
        var problem = filter.problem();
        if (problem.isPresent()) {
            searchProblem.set(problem.get());
            return;
        }
        searchProblem.set(null);
        notifier.dismiss();
        listing.search(filter);
    }

    /** Lists the whole pool again. */
    public void clearSearch() {
        searchProblem.set(null);
        if (listing.searchProperty().get() != null) {
            listing.search(null);
        }
    }

    /** Sorts the loaded rows off the UI thread, by these keys in order. */
    public void sort(List<SortKey.Order> order) {
        listing.sort(order);
    }

    /** Asks to confirm, then disables or enables the row's user, and shows the state Cognito reports. */
    public void toggle(UserRow row) {
        PoolSelection target = listing.selectionProperty().get();
        if (row == null || row.isBusy() || target == null) {
            return;
        }
        PoolUser user = row.getUser();
        UserAction action = row.nextAction();
        Optional<String> blocked = safety.writesBlocked();
        if (blocked.isPresent()) {
            notifier.show(new Notice(Notice.Severity.INFO, "ReadOnly", "Read-only mode: " + user.username()
                    + " was not changed", blocked.get(), "Turn read-only mode off in the toolbar to make changes.",
                    null, List.of()));
            return;
        }
        if (!dialogs.confirm(confirmationFor(action, user, target, safety.isProduction(target.connection())))) {
            return;
        }
        notifier.dismiss();
        row.started(action);
        executor.run(job -> apply(action, target, user),
                outcome -> changed(row, action, target, outcome),
                error -> changeFailed(row, action, target, error));
    }

    /**
     * Shows users as AdminGetUser just reported them elsewhere (a bulk change), when their pool is the one shown.
     * Rows with a change of their own in flight are left to it.
     */
    public void showRead(PoolSelection target, Collection<PoolUser> read) {
        if (read.isEmpty() || !target.equals(listing.selectionProperty().get())) {
            return;
        }
        Map<String, PoolUser> byName = new HashMap<>();
        read.forEach(u -> byName.put(u.username(), u));
        for (UserRow row : rows()) {
            PoolUser fresh = byName.get(row.getUser().username());
            if (fresh != null && !row.isBusy()) {
                row.finished(fresh);
            }
        }
    }

    static DialogService.Confirmation confirmationFor(UserAction action, PoolUser user, PoolSelection target,
                                                      boolean production) {
        List<DialogService.Fact> facts = List.of(
                new DialogService.Fact("User", user.username() + (user.email() == null ? "" : "  <" + user.email() + ">")),
                new DialogService.Fact("Pool", target.pool().displayName()),
                new DialogService.Fact("Profile", target.connection().profile().displayName()),
                new DialogService.Fact("Region", target.connection().region()));
        String note = action == UserAction.DISABLE
                ? "Disabling signs the user out of every session and blocks sign-in until the user is enabled again."
                : "Enabling lets the user sign in again.";
        if (production) {
            note = "PRODUCTION: this changes a real user. " + note + " Type the username to confirm.";
        }
        return new DialogService.Confirmation(action.label() + " user",
                action.label() + " user " + user.username() + "?", facts, note, action.label() + " user",
                production ? user.username() : null);
    }

    private record Outcome(PoolUser confirmed, ConsoleFailure readBackFailure) {
    }

    private Outcome apply(UserAction action, PoolSelection target, PoolUser user) {
        AuditTrail.Attempt attempt = new AuditTrail.Attempt(target.connection(), target.poolId(),
                user.username(), user.sub(), action.apiName(), null);
        // Recorded before the call; if it cannot be recorded, the call is not made.
        String operation = audit.attempt(attempt);
        try {
            if (action == UserAction.DISABLE) {
                directory.disableUser(target.connection(), target.poolId(), user.username());
            } else {
                directory.enableUser(target.connection(), target.poolId(), user.username());
            }
        } catch (ConsoleFailure failure) {
            audit.outcome(operation, attempt, failure.outcomeUnknown() ? AuditEntry.Outcome.UNKNOWN
                    : AuditEntry.Outcome.FAILED, failure, null);
            throw failure;
        }
        // ListUsers is eventually consistent: AdminGetUser says what Cognito now holds.
        try {
            PoolUser confirmed = directory.getUser(target.connection(), target.poolId(), user.username());
            audit.outcome(operation, attempt, AuditEntry.Outcome.DONE, null,
                    "Cognito accepted; AdminGetUser reads " + confirmed.enabledLabel());
            return new Outcome(confirmed, null);
        } catch (ConsoleFailure readBack) {
            audit.outcome(operation, attempt, AuditEntry.Outcome.DONE, null,
                    "Cognito accepted; reading the user back failed: " + readBack.getMessage());
            return new Outcome(null, readBack);
        }
    }

    private void changed(UserRow row, UserAction action, PoolSelection target, Outcome outcome) {
        String who = row.getUser().username();
        if (outcome.confirmed() == null) {
            row.finished(null);
            LOG.warn("{} of {} in {} accepted, but reading it back failed", action.apiName(), who,
                    target.poolId(), outcome.readBackFailure());
            notifier.show(new Notice(Notice.Severity.WARNING, "ReadBackFailed",
                    "Cognito accepted: " + who + " " + action.pastTense() + ", but reading the user back failed",
                    String.valueOf(outcome.readBackFailure().getMessage()),
                    "Refresh to see the user's state.", outcome.readBackFailure().requestId(),
                    List.of(new Notice.Action("Refresh", this::refresh))));
            return;
        }
        row.finished(outcome.confirmed());
        UserRow shown = shownRow(row, target);
        if (shown != row && !shown.isBusy()) {
            shown.finished(outcome.confirmed());
        }
        if (action.reached(outcome.confirmed().enabled())) {
            LOG.info("{} {} in {} ({}), confirmed by AdminGetUser", who, action.pastTense(), target.poolId(),
                    target.connection().describe());
            lastChange.set(who + " " + action.pastTense() + " in " + target.pool().displayName()
                    + " — confirmed by Cognito");
        } else {
            notifier.show(new Notice(Notice.Severity.WARNING, "NotApplied",
                    who + " is still " + outcome.confirmed().enabledLabel().toLowerCase(),
                    "Cognito accepted " + action.apiName() + " but reports the user "
                            + outcome.confirmed().enabledLabel().toLowerCase() + ".",
                    "Refresh and try again; another operator may have changed the user meanwhile.", null,
                    List.of(new Notice.Action("Refresh", this::refresh))));
        }
    }

    /** The row showing the user now: a refresh while the write ran replaces {@code row} with a new one. */
    private UserRow shownRow(UserRow row, PoolSelection target) {
        if (!target.equals(listing.selectionProperty().get()) || rows().contains(row)) {
            return row;
        }
        String who = row.getUser().username();
        return rows().stream().filter(r -> r.getUser().username().equals(who)).findFirst().orElse(row);
    }

    private void changeFailed(UserRow row, UserAction action, PoolSelection target, Throwable error) {
        row.finished(null);
        String who = row.getUser().username();
        if (error instanceof AuditUnavailable unavailable) {
            LOG.error("{} of {} not made: the audit log cannot be written", action.apiName(), who, unavailable);
            notifier.show(new Notice(Notice.Severity.ERROR, "AuditUnavailable",
                    (action == UserAction.DISABLE ? "Disabling " : "Enabling ") + who + " was not started",
                    unavailable.getMessage(),
                    who + " was not changed: every change is recorded before it is made. Free disk space or fix "
                            + "the folder's permissions, then try again.", null, List.of()));
            return;
        }
        ConsoleFailure failure = ConsoleFailure.from(error);
        LOG.warn("{} of {} in {} failed", action.apiName(), who, target.poolId(), failure);
        Runnable retry = () -> {
            if (!row.isBusy()) {
                row.started(action);
                executor.run(job -> apply(action, target, row.getUser()),
                        outcome -> changed(row, action, target, outcome),
                        next -> changeFailed(row, action, target, next));
            }
        };
        notifier.show(FailureNotices.describe(failure, new FailureContext(
                (action == UserAction.DISABLE ? "Disabling " : "Enabling ") + who, target.connection(),
                target.poolId(), who, true, retry, this::refresh)));
    }
}
