package dev.cognitoconsole.common;

import java.time.Duration;

/** Waits between retries; tests pass one that returns at once. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
}
