package dev.cognitoconsole.users;

import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One row of the users table: the user as last reported by Cognito, and the change running on it. */
public final class UserRow {

    // The properties are made on first use (by a visible cell or a change): a million rows must fit
    // in memory, and most rows are never on screen. Written on the UI thread only; the current user is
    // also read by a background sort, hence volatile (PoolUser is immutable, so the reference suffices).
    private volatile PoolUser current;
    private ReadOnlyObjectWrapper<PoolUser> user;
    private ReadOnlyObjectWrapper<UserAction> running;
    private ReadOnlyBooleanWrapper gone;

    public UserRow(PoolUser user) {
        this.current = user;
    }

    public ReadOnlyObjectProperty<PoolUser> userProperty() {
        if (user == null) {
            user = new ReadOnlyObjectWrapper<>(current);
        }
        return user.getReadOnlyProperty();
    }

    public PoolUser getUser() {
        return current;
    }

    /** The change in flight on this user, or {@code null} when the row is idle. */
    public ReadOnlyObjectProperty<UserAction> runningProperty() {
        if (running == null) {
            running = new ReadOnlyObjectWrapper<>();
        }
        return running.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return running != null && running.get() != null;
    }

    /** Whether Cognito said the user no longer exists (deleted since the list was loaded). */
    public ReadOnlyBooleanProperty goneProperty() {
        if (gone == null) {
            gone = new ReadOnlyBooleanWrapper();
        }
        return gone.getReadOnlyProperty();
    }

    public boolean isGone() {
        return gone != null && gone.get();
    }

    void markGone() {
        goneProperty();
        gone.set(true);
    }

    /** The action the row's button offers now. */
    public UserAction nextAction() {
        return UserAction.toggling(getUser().enabled());
    }

    void started(UserAction action) {
        runningProperty();
        running.set(action);
    }

    void finished(PoolUser confirmed) {
        if (confirmed != null) {
            current = confirmed;
            if (user != null) {
                user.set(confirmed);
            }
        }
        if (running != null) {
            running.set(null);
        }
    }
}
