package dev.cognitoconsole.bulk;

import dev.cognitoconsole.common.TaskExecutor;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Updates from a background job, handed to the UI thread in batches: at most one drain waits on the UI thread,
 * and at most one is published every interval however fast updates come. What is left between is taken by the
 * next drain the owner runs itself (a clock tick, or the end of the job).
 */
final class ThrottledUpdates<T> {
    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicLong lastPublish = new AtomicLong();
    private final Duration interval;
    private final LongSupplier nanoClock;
    private final Runnable drain;

    /** @param drain run on the UI thread: takes every update with {@link #poll()} */
    ThrottledUpdates(Duration interval, LongSupplier nanoClock, Runnable drain) {
        this.interval = interval;
        this.nanoClock = nanoClock;
        this.drain = drain;
    }

    /** A job starts at {@code now}: its first update is published at once. */
    void restart(long now) {
        lastPublish.set(now - interval.toNanos());
    }

    /** On the job's thread: queues the update and publishes a drain unless one waits or the last was too recent. */
    void offer(TaskExecutor.Job job, T update) {
        pending.add(update);
        long now = nanoClock.getAsLong();
        long last = lastPublish.get();
        if (now - last >= interval.toNanos() && lastPublish.compareAndSet(last, now)
                && drainScheduled.compareAndSet(false, true)) {
            job.publish(() -> {
                drainScheduled.set(false);
                drain.run();
            });
        }
    }

    /** The oldest update not yet taken, or {@code null}. */
    T poll() {
        return pending.poll();
    }
}
