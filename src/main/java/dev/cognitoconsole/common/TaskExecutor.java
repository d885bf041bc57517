package dev.cognitoconsole.common;

import java.util.function.Consumer;

/**
 * Runs blocking work off the UI thread and hands results back on it. ViewModels get one injected; tests
 * use a synchronous one so that they need no UI toolkit.
 */
public interface TaskExecutor {

    /**
     * Starts {@code work} in the background. Exactly one of {@code onSuccess} and {@code onFailure} runs on
     * the UI thread afterwards, unless the job was cancelled first: then neither runs.
     */
    <T> Job run(BackgroundWork<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Blocking work that may report progress to the UI thread through its {@link Job}. */
    @FunctionalInterface
    interface BackgroundWork<T> {
        T call(Job job) throws Exception;
    }

    /** A running piece of work. */
    interface Job {
        /** Stops delivery of results and interrupts the work. Safe to call from any thread, twice. */
        void cancel();

        boolean isCancelled();

        /** Runs {@code update} on the UI thread, unless the job is cancelled by then. */
        void publish(Runnable update);
    }
}
