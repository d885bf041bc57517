package dev.cognitoconsole.users;

import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.banner.FailureContext;
import dev.cognitoconsole.banner.FailureNotices;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The users of the chosen pool, and the Disable / Enable action on each. */
public final class UsersViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(UsersViewModel.class);
    /** Rows reach the table at most this often while pages stream in. */
    static final Duration PUBLISH_INTERVAL = Duration.ofMillis(100);

    private final UserDirectory directory;
    private final TaskExecutor executor;
    private final Notifier notifier;
    private final DialogService dialogs;
    private final LongSupplier nanoClock;

    // Properties
    private final ObservableList<UserRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PoolSelection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("No pool selected");
    private final ReadOnlyStringWrapper lastChange = new ReadOnlyStringWrapper();

    private TaskExecutor.Job loadJob;
    private long generation;

    public UsersViewModel(UserDirectory directory, TaskExecutor executor, Notifier notifier,
                          DialogService dialogs, LongSupplier nanoClock) {
        this.directory = directory;
        this.executor = executor;
        this.notifier = notifier;
        this.dialogs = dialogs;
        this.nanoClock = nanoClock;
    }

    public ObservableList<UserRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<PoolSelection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "120 users, loading…" or "300 users". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /** The last change Cognito confirmed, for the status line. */
    public ReadOnlyStringProperty lastChangeProperty() {
        return lastChange.getReadOnlyProperty();
    }

    // Commands

    /** Shows the users of another pool (or none); a load in flight is abandoned. */
    public void show(PoolSelection next) {
        notifier.dismiss();
        selection.set(next);
        load();
    }

    /** Reloads the current pool from the first page. */
    public void refresh() {
        load();
    }

    /** Asks to confirm, then disables or enables the row's user, and shows the state Cognito reports. */
    public void toggle(UserRow row) {
        PoolSelection target = selection.get();
        if (row == null || row.isBusy() || target == null) {
            return;
        }
        PoolUser user = row.getUser();
        UserAction action = row.nextAction();
        if (!dialogs.confirm(confirmationFor(action, user, target))) {
            return;
        }
        notifier.dismiss();
        row.started(action);
        executor.run(job -> apply(action, target, user.username()),
                outcome -> changed(row, action, target, outcome),
                error -> changeFailed(row, action, target, ConsoleFailure.from(error)));
    }

    static DialogService.Confirmation confirmationFor(UserAction action, PoolUser user, PoolSelection target) {
        List<DialogService.Fact> facts = List.of(
                new DialogService.Fact("User", user.username() + (user.email() == null ? "" : "  <" + user.email() + ">")),
                new DialogService.Fact("Pool", target.pool().displayName()),
                new DialogService.Fact("Profile", target.connection().profile().displayName()),
                new DialogService.Fact("Region", target.connection().region()));
        String note = action == UserAction.DISABLE
                ? "Disabling signs the user out of every session and blocks sign-in until the user is enabled again."
                : "Enabling lets the user sign in again.";
        return new DialogService.Confirmation(action.label() + " user",
                action.label() + " user " + user.username() + "?", facts, note, action.label() + " user");
    }

    private record Outcome(PoolUser confirmed, ConsoleFailure readBackFailure) {
    }

    private Outcome apply(UserAction action, PoolSelection target, String username) {
        if (action == UserAction.DISABLE) {
            directory.disableUser(target.connection(), target.poolId(), username);
        } else {
            directory.enableUser(target.connection(), target.poolId(), username);
        }
        // ListUsers is eventually consistent: AdminGetUser says what Cognito now holds.
        try {
            return new Outcome(directory.getUser(target.connection(), target.poolId(), username), null);
        } catch (ConsoleFailure readBack) {
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
        if (!target.equals(selection.get()) || rows.contains(row)) {
            return row;
        }
        String who = row.getUser().username();
        return rows.stream().filter(r -> r.getUser().username().equals(who)).findFirst().orElse(row);
    }

    private void changeFailed(UserRow row, UserAction action, PoolSelection target, ConsoleFailure failure) {
        row.finished(null);
        String who = row.getUser().username();
        LOG.warn("{} of {} in {} failed", action.apiName(), who, target.poolId(), failure);
        Runnable retry = () -> {
            if (!row.isBusy()) {
                row.started(action);
                executor.run(job -> apply(action, target, who),
                        outcome -> changed(row, action, target, outcome),
                        error -> changeFailed(row, action, target, ConsoleFailure.from(error)));
            }
        };
        notifier.show(FailureNotices.describe(failure, new FailureContext(
                (action == UserAction.DISABLE ? "Disabling " : "Enabling ") + who, target.connection(),
                target.poolId(), who, true, retry, this::refresh)));
    }

    private void load() {
        cancelLoad();
        rows.clear();
        PoolSelection target = selection.get();
        if (target == null) {
            countText.set("No pool selected");
            return;
        }
        long mine = ++generation;
        loading.set(true);
        updateCount();
        loadJob = executor.run(job -> {
            long intervalNanos = PUBLISH_INTERVAL.toNanos();
            long lastPublish = nanoClock.getAsLong();
            List<PoolUser> pending = new ArrayList<>();
            String token = null;
            boolean first = true;
            do {
                Page<PoolUser> page;
                try {
                    page = directory.listUsers(target.connection(), target.poolId(), token);
                } catch (RuntimeException failure) {
                    // Rows fetched before the failure stay in the table; the banner tells the rest.
                    List<PoolUser> fetched = List.copyOf(pending);
                    job.publish(() -> append(mine, fetched));
                    throw failure;
                }
                pending.addAll(page.items());
                token = page.hasMore() ? page.nextToken() : null;
                long now = nanoClock.getAsLong();
                // The first page goes out at once so rows appear after one round trip; later ones are batched.
                if (first || token == null || now - lastPublish >= intervalNanos) {
                    List<PoolUser> batch = List.copyOf(pending);
                    pending.clear();
                    lastPublish = now;
                    job.publish(() -> append(mine, batch));
                }
                first = false;
            } while (token != null && !job.isCancelled());
            return null;
        }, done -> {
            if (mine == generation) {
                loading.set(false);
                updateCount();
            }
        }, error -> {
            if (mine == generation) {
                loading.set(false);
                updateCount();
                ConsoleFailure failure = ConsoleFailure.from(error);
                LOG.warn("ListUsers failed for {} on {}", target.poolId(), target.connection().describe(), failure);
                notifier.show(FailureNotices.describe(failure,
                        FailureContext.read("Loading users", target.connection(), target.poolId(), this::refresh)));
            }
        });
    }

    private void append(long mine, List<PoolUser> batch) {
        if (mine != generation) {
            return;
        }
        List<UserRow> added = new ArrayList<>(batch.size());
        for (PoolUser user : batch) {
            added.add(new UserRow(user));
        }
        rows.addAll(added);
        updateCount();
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
        int n = rows.size();
        String users = n == 1 ? "1 user" : String.format("%,d users", n);
        countText.set(loading.get() ? users + ", loading…" : users);
    }
}
