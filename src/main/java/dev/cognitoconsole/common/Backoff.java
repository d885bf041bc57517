package dev.cognitoconsole.common;

import java.time.Duration;

/**
 * Exponential waits between tries after throttling, so that a throttled console backs off from a quota it shares
 * with the production apps.
 *
 * @param first the wait after the first try
 * @param most  the longest wait
 */
public record Backoff(Duration first, Duration most) {

    /** The wait after try {@code tries} (1-based): first, twice that, four times, ... up to {@code most}. */
    public Duration after(int tries) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(tries, 1) - 1, 20));
        return wait.compareTo(most) > 0 ? most : wait;
    }
}
