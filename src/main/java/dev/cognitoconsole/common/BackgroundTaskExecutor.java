package dev.cognitoconsole.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Runs work on a small pool of daemon threads and delivers results through the UI thread's executor. */
public final class BackgroundTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService workers;
    private final Executor uiThread;

    /** @param uiThread runs a task on the UI thread, such as {@code Platform::runLater} */
    public BackgroundTaskExecutor(Executor uiThread, int threads) {
        this.uiThread = uiThread;
        this.workers = Executors.newFixedThreadPool(threads, daemonThreads("aws-worker-"));
    }

    /** A fixed pool of named daemon threads, for work that fans out from a job (its owner shuts it down). */
    public static ExecutorService daemonPool(String name, int threads) {
        return Executors.newFixedThreadPool(threads, daemonThreads(name + "-"));
    }

    @Override
    public <T> Job run(BackgroundWork<T> work, Consumer<? super T> onSuccess,
                       Consumer<? super Throwable> onFailure) {
        RunningJob job = new RunningJob(uiThread);
        job.future = workers.submit(() -> {
            try {
                T value = work.call(job);
                job.publish(() -> onSuccess.accept(value));
            } catch (Throwable error) {
                job.publish(() -> onFailure.accept(error));
            }
        });
        return job;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory base = Executors.defaultThreadFactory();
        return task -> {
            Thread thread = base.newThread(task);
            thread.setName(prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class RunningJob implements Job {
        private final Executor uiThread;
        private volatile boolean cancelled;
        private volatile Future<?> future;

        RunningJob(Executor uiThread) {
            this.uiThread = uiThread;
        }

        @Override
        public void cancel() {
            cancelled = true;
            Future<?> running = future;
            if (running != null) {
                running.cancel(true);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void publish(Runnable update) {
            if (!cancelled) {
                uiThread.execute(() -> {
                    if (!cancelled) {
                        update.run();
                    }
                });
            }
        }
    }
}
