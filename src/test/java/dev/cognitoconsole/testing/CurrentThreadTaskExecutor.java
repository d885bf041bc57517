package dev.cognitoconsole.testing;

import dev.cognitoconsole.common.TaskExecutor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Runs work on the calling thread, so ViewModel tests need no UI toolkit. With {@link #holdWork()} the
 * work waits in a queue until {@link #runNext()}, so a test can act while a call is "in flight".
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> held = new ArrayDeque<>();
    private boolean holding;
    private boolean ignoringCancel;
    private int published;

    /** From now on, work waits until {@link #runNext()} or {@link #runAll()}. */
    public CurrentThreadTaskExecutor holdWork() {
        holding = true;
        return this;
    }

    /**
     * From now on, cancel does not stop a job: its result is delivered as from a call already answered when the
     * cancel came, so a test can check what the ViewModel itself does with a late answer.
     */
    public CurrentThreadTaskExecutor ignoringCancel() {
        ignoringCancel = true;
        return this;
    }

    public int pending() {
        return held.size();
    }

    /** How many UI updates jobs have published (results included). */
    public int publishedUpdates() {
        return published;
    }

    public void runNext() {
        held.removeFirst().run();
    }

    public void runAll() {
        while (!held.isEmpty()) {
            runNext();
        }
    }

    @Override
    public <T> Job run(BackgroundWork<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        SyncJob job = new SyncJob();
        Runnable task = () -> {
            if (job.cancelled) {
                return;
            }
            try {
                T value = work.call(job);
                job.publish(() -> onSuccess.accept(value));
            } catch (Exception error) {
                job.publish(() -> onFailure.accept(error));
            }
        };
        if (holding) {
            held.addLast(task);
        } else {
            task.run();
        }
        return job;
    }

    private final class SyncJob implements Job {
        private boolean cancelled;

        @Override
        public void cancel() {
            cancelled = !ignoringCancel;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void publish(Runnable update) {
            if (!cancelled) {
                published++;
                update.run();
            }
        }
    }
}
