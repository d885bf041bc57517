package dev.cognitoconsole.common;

import java.time.Duration;

/** Runs an action on the UI thread after a delay; tests give one whose time they move by hand. */
@FunctionalInterface
public interface Scheduler {
    /** Never runs anything: what it is given waits for good. */
    Scheduler NEVER = (delay, action) -> () -> { };

    /** Runs {@code action} once {@code delay} has passed; the returned handle cancels it if it has not run yet. */
    Runnable after(Duration delay, Runnable action);
}
