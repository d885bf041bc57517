package dev.cognitoconsole.users;

import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One row of the users table: the user as last reported by Cognito, and the change running on it. */
public final class UserRow {

    // Properties
    private final ReadOnlyObjectWrapper<PoolUser> user;
    // Made on first use: most rows never run a change, and a million rows must fit in memory.
    private ReadOnlyObjectWrapper<UserAction> running;

    public UserRow(PoolUser user) {
        this.user = new ReadOnlyObjectWrapper<>(user);
    }

    public ReadOnlyObjectProperty<PoolUser> userProperty() {
        return user.getReadOnlyProperty();
    }

    public PoolUser getUser() {
        return user.get();
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
            user.set(confirmed);
        }
        if (running != null) {
            running.set(null);
        }
    }
}
