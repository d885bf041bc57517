package dev.cognitoconsole.users;

import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.banner.FailureContext;
import dev.cognitoconsole.banner.FailureNotices;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.common.Sleeper;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.writes.ChangeEffects;
import dev.cognitoconsole.writes.Stops;
import dev.cognitoconsole.writes.UserWrites;
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

/** The users of the chosen pool, and the Disable / Enable and Sign out everywhere actions on each. */
public final class UsersViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(UsersViewModel.class);
    private static final String READ_ONLY_NOTICE = "ReadOnly";

    private final TaskExecutor executor;
    private final Notifier notifier;
    private final DialogService dialogs;
    private final UserListing listing;
    private final UserWrites writes;
    private final WriteSafety safety;
    private final Sleeper sleeper;

    // Properties
    private final ReadOnlyStringWrapper lastChange = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper searchProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper searchNote = new ReadOnlyStringWrapper();

    /** The slices a whole-pool listing lists side by side: at most this many page requests are in flight. */
    public static final int LISTING_SLICES = ListingPosition.SLICE_PREFIXES.length();
    /** The page requests a listing has out at most: the slices and, on a pool's first listing, its first page. */
    public static final int LISTING_REQUESTS = LISTING_SLICES + 1;

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

    public UsersViewModel(UserDirectory directory, TaskExecutor executor, Notifier notifier,
                          DialogService dialogs, LongSupplier nanoClock, Sleeper sleeper, Clock clock,
                          AuditTrail audit, WriteSafety safety) {
        this(directory, executor, notifier, dialogs, nanoClock, sleeper, clock,
                new UserWrites(directory, audit, safety, connection -> Optional.empty()), safety);
    }

    /**
     * @param writes the one path of every change, which asks {@code safety} before each call
     * @param safety read-only mode and production marks, consulted before every confirmation
     */
    public UsersViewModel(UserDirectory directory, TaskExecutor executor, Notifier notifier,
                          DialogService dialogs, LongSupplier nanoClock, Sleeper sleeper, Clock clock,
                          UserWrites writes, WriteSafety safety) {
        this(directory, executor, notifier, dialogs, nanoClock, sleeper, clock, writes, safety, null);
    }

    /**
     * @param pageRequests runs the ListUsers pages of a listing side by side, delivering on its own threads;
     *                     {@code null}: the pool is listed as one chain, one page after another
     */
    public UsersViewModel(UserDirectory directory, TaskExecutor executor, Notifier notifier,
                          DialogService dialogs, LongSupplier nanoClock, Sleeper sleeper, Clock clock,
                          UserWrites writes, WriteSafety safety, TaskExecutor pageRequests) {
        this.safety = safety;
        this.writes = writes;
        this.sleeper = sleeper;
        this.executor = executor;
        this.notifier = notifier;
        this.dialogs = dialogs;
        this.listing = new UserListing(directory, executor, pageRequests, notifier, nanoClock, sleeper, clock);
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

    /** What was changed in the search typed before it was sent, or {@code null}. */
    public ReadOnlyStringProperty searchNoteProperty() {
        return searchNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return listing.loadingProperty();
    }

    /** Whether the last load failed before any user was listed: the table must not say the pool is empty. */
    public ReadOnlyBooleanProperty listFailedProperty() {
        return listing.listFailedProperty();
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
        searchNote.set(null);
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
        searchNote.set(null);
        if (listing.selectionProperty().get() == null) {
            searchProblem.set("Pick a pool first.");
            return;
        }
        // Spaces pasted around a name are never meant: Cognito would look for them literally.
        String typed = filter.value();
        if (typed != null && !typed.isBlank() && !typed.equals(typed.strip())) {
            filter = new UserFilter(filter.attribute(), filter.match(), typed.strip());
            searchNote.set("Searched for \"" + filter.value() + "\": the spaces around it were removed.");
        }
        var problem = filter.problem();
        if (problem.isPresent()) {
            searchNote.set(null);
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
        searchNote.set(null);
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
        if (row != null) {
            confirmAndWrite(row, row.nextAction());
        }
    }

    /**
     * Asks to confirm, then signs the row's user out everywhere (AdminUserGlobalSignOut) and says Cognito's answer.
     * Refused, with the reason shown, for a user {@link #signOutUnavailable} names a reason for.
     */
    public void signOutEverywhere(UserRow row) {
        Optional<String> unavailable = signOutUnavailable(row);
        if (unavailable.isPresent()) {
            if (row != null && !row.isBusy()) {
                notifier.show(Notice.info("SignOutUnavailable", "Sign out everywhere: " + row.getUser().username()
                        + " was not changed").message(unavailable.get()).build());
            }
            return;
        }
        confirmAndWrite(row, UserAction.SIGN_OUT);
    }

    /**
     * Why signing out the row's user everywhere makes no sense now, or empty when it does. A disabled user holds no
     * valid Cognito token: disabling revoked them all and no new one can be issued.
     */
    public Optional<String> signOutUnavailable(UserRow row) {
        if (row == null || listing.selectionProperty().get() == null) {
            return Optional.of("No user is chosen.");
        }
        String who = row.getUser().username();
        if (row.isGone()) {
            return Optional.of(who + " is no longer in the pool.");
        }
        if (row.isBusy()) {
            return Optional.of("A change to " + who + " is under way.");
        }
        if (UserAction.SIGN_OUT.reached(row.getUser().enabled())) {
            return Optional.of(who + " is " + ChangeEffects.needless(UserAction.SIGN_OUT));
        }
        return Optional.empty();
    }

    private void confirmAndWrite(UserRow row, UserAction action) {
        PoolSelection target = listing.selectionProperty().get();
        if (row.isBusy() || row.isGone() || target == null) {
            return;
        }
        PoolUser user = row.getUser();
        Optional<String> blocked = safety.writesBlocked(target);
        if (blocked.isPresent()) {
            showBlocked(user.username(), blocked.get());
            return;
        }
        boolean production = safety.isProduction(target.connection());
        if (!dialogs.confirm(confirmationFor(action, user, target, production))) {
            return;
        }
        notifier.dismiss();
        write(row, new UserWrites.Request(action, target, user.username(), user.sub(), null, production));
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
                new DialogService.Fact("User", user.username() + (user.email() == null ? "" : "  <" + user.email()
                        + ">")),
                new DialogService.Fact("Pool", target.pool().displayName()),
                new DialogService.Fact("Profile", target.connection().profile().displayName()),
                new DialogService.Fact("Region", target.connection().region()));
        String note = ChangeEffects.of(action);
        if (production) {
            note = "PRODUCTION: this changes a real user. " + note + " Type the username to confirm.";
        }
        String label = command(action);
        String question = action == UserAction.SIGN_OUT ? "Sign out user " + user.username() + " everywhere?"
                : action.label() + " user " + user.username() + "?";
        return new DialogService.Confirmation(label, question, facts, note, label,
                production ? user.username() : null, action != UserAction.ENABLE);
    }

    /** "Disable user", "Sign out everywhere": the command as the menu and the confirm button name it. */
    private static String command(UserAction action) {
        return action == UserAction.SIGN_OUT ? "Sign out everywhere" : action.label() + " user";
    }

    private void write(UserRow row, UserWrites.Request request) {
        row.started(request.action());
        executor.run(job -> writes.write(request, Stops.never(sleeper)),
                result -> written(row, request, result),
                error -> crashed(row, request, error));
    }

    private void written(UserRow row, UserWrites.Request request, UserWrites.Result result) {
        UserAction action = request.action();
        PoolSelection target = request.target();
        String who = request.username();
        row.finished(result.user());
        // A change Cognito made is never reported as not made: a missing outcome line is said beside it.
        String auditNote = result.auditProblem() == null ? "" : " The audit log's outcome line could not be written ("
                + result.auditProblem() + "); the change itself is as said here.";
        switch (result.status()) {
            case DONE -> {
                UserRow shown = shownRow(row, target);
                if (shown != row && !shown.isBusy()) {
                    shown.finished(result.user());
                }
                LOG.info("{} {} in {} ({}), confirmed by {}", who, action.pastTense(), target.poolId(),
                        target.connection().describe(), action.setsEnabled() ? "AdminGetUser" : "Cognito's answer");
                lastChange.set(who + " " + action.pastTense() + " in " + target.pool().displayName()
                        + " — confirmed by Cognito");
                if (result.auditProblem() != null) {
                    notifier.show(Notice.warning("AuditOutcomeMissing", who + " " + action.pastTense()
                            + ", confirmed by Cognito — its audit outcome line is missing")
                            .message(result.auditProblem())
                            .advice("The change is made. Free disk space or fix the audit folder's permissions: "
                                    + "the next change is refused until its attempt can be recorded.")
                            .build());
                }
            }
            case NOT_APPLIED -> notifier.show(Notice.warning("NotApplied", who + " is still "
                    + result.user().enabledLabel().toLowerCase())
                    .message("Cognito accepted " + action.apiName() + " but reports the user "
                            + result.user().enabledLabel().toLowerCase() + "." + auditNote)
                    .advice("Refresh and try again; another operator may have changed the user meanwhile.")
                    .action("Refresh", this::refresh)
                    .build());
            case UNVERIFIED -> {
                LOG.warn("{} of {} in {} accepted, but reading it back failed", action.apiName(), who,
                        target.poolId(), result.failure());
                notifier.show(Notice.warning("ReadBackFailed", "Cognito accepted: " + who + " "
                        + action.pastTense() + ", but reading the user back failed")
                        .message(result.detail() + auditNote)
                        .advice("Refresh to see the user's state.")
                        .requestId(result.failure() == null ? null : result.failure().requestId())
                        .action("Refresh", this::refresh)
                        .build());
            }
            case BLOCKED -> showBlocked(who, result.detail());
            case NEEDS_PRODUCTION_CONFIRMATION -> notifier.show(Notice.warning("ProductionNotConfirmed",
                    "Production: " + who + " was not changed")
                    .message(result.detail())
                    .advice((action == UserAction.SIGN_OUT ? "Choose Sign out everywhere" : "Press " + action.label())
                            + " again: the confirmation now asks for the username typed.")
                    .build());
            case AUDIT_UNAVAILABLE -> {
                notifier.show(Notice.error("AuditUnavailable", action.progressive() + " " + who + " was not started")
                        .message(result.detail())
                        .advice(who + " was not changed: every change is recorded before it is made. Free disk space "
                                + "or fix the folder's permissions, then try again.")
                        .build());
            }
            case STOPPED -> LOG.info("{} of {} stopped: {}", action.apiName(), who, result.detail());
            case NOT_CHANGED, UNKNOWN, NOT_FOUND -> {
                if (result.status() == UserWrites.Status.NOT_FOUND) {
                    shownRow(row, target).markGone();
                    row.markGone();
                }
                // After an unclear answer the user was read back: the banner says what AdminGetUser found.
                String readBack = result.unclear() && result.user() != null ? result.user().enabledLabel() : null;
                Notice notice = FailureNotices.describe(result.failure(), new FailureContext(
                        action.progressive() + " " + who, target.connection(), target.poolId(), who, true,
                        retry(row, request), this::refresh, readBack, action));
                notifier.show(auditNote.isEmpty() ? notice : notice.withMessage(notice.message() + auditNote));
            }
        }
    }

    /** Retry goes through the same path, so the guards are asked again: read-only mode turned on meanwhile holds. */
    private Runnable retry(UserRow row, UserWrites.Request request) {
        return () -> {
            if (!row.isBusy()) {
                write(row, request);
            }
        };
    }

    private void crashed(UserRow row, UserWrites.Request request, Throwable error) {
        row.finished(null);
        LOG.error("{} of {} stopped by an unexpected error", request.action().apiName(), request.username(), error);
        notifier.show(FailureNotices.describe(ConsoleFailure.from(error), new FailureContext(
                request.action().progressive() + " " + request.username(), request.target().connection(),
                request.target().poolId(), request.username(), true, null, this::refresh)));
    }

    /** Changes may be made again: a banner saying they may not is stale. */
    public void writesBackOn() {
        notifier.dismiss(READ_ONLY_NOTICE);
    }

    private void showBlocked(String who, String why) {
        notifier.show(Notice.info(READ_ONLY_NOTICE, "Read-only mode: " + who + " was not changed")
                .message(why)
                .advice("Turn read-only mode off in the toolbar to make changes.")
                .build());
    }

    /** The row showing the user now: a refresh while the write ran replaces {@code row} with a new one. */
    private UserRow shownRow(UserRow row, PoolSelection target) {
        if (!target.equals(listing.selectionProperty().get()) || rows().contains(row)) {
            return row;
        }
        String who = row.getUser().username();
        return rows().stream().filter(r -> r.getUser().username().equals(who)).findFirst().orElse(row);
    }
}
