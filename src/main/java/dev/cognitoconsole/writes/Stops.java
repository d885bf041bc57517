package dev.cognitoconsole.writes;

import dev.cognitoconsole.common.Sleeper;
import java.time.Duration;
import java.util.function.Supplier;

/** How a caller of {@link UserWrites} may stop a change before its call goes out: a bulk run can, a row cannot. */
public interface Stops {

    /**
     * How many times a throttled write is sent in all: a bulk run absorbs throttling itself, while a row's change
     * shows it at once with Retry, so that nothing is sent again behind the operator's back.
     */
    int throttledWriteTries();

    /** Whether the operator asked to stop (pause or cancel). */
    boolean stopRequested();

    /** Makes a call that a stop may cut short only while it waits for the rate budget. */
    <T> T call(Supplier<T> request) throws Stopped;

    /** Waits before trying again; a stop ends the wait. */
    void sleep(Duration wait) throws Stopped;

    /** A stop reached a wait: nothing more is sent for this user. */
    final class Stopped extends Exception {
        public Stopped() {
            super(null, null, false, false);
        }
    }

    /** Never stops: a single change runs to its end, waiting with {@code sleeper}. */
    static Stops never(Sleeper sleeper) {
        return new Stops() {
            @Override
            public int throttledWriteTries() {
                return 1;
            }

            @Override
            public boolean stopRequested() {
                return false;
            }

            @Override
            public <T> T call(Supplier<T> request) {
                return request.get();
            }

            @Override
            public void sleep(Duration wait) throws Stopped {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Stopped();
                }
            }
        };
    }
}
