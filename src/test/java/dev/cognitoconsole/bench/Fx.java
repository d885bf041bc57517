package dev.cognitoconsole.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;

/** The FX toolkit for the benchmark (headless under Monocle when run by {@code mvn -Pbench}). */
final class Fx {

    private Fx() {
    }

    static void start() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        Platform.setImplicitExit(false);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The FX toolkit did not start");
        }
    }

    /** Runs {@code work} on the FX thread and waits for its value. */
    static <T> T call(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("FX work failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("FX work did not finish", e);
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until everything posted to the FX thread before this call has run. */
    static void drain() {
        run(() -> { });
    }

    /**
     * Measures how long the FX thread is kept from running posted work: every {@value #PERIOD_MILLIS} ms
     * it posts a ping with Platform.runLater and records how late the ping ran. The longest delay since
     * {@link #reset()} is the longest stall an operator would feel (input and pulses wait the same way).
     */
    static final class StallWatchdog implements AutoCloseable {
        static final long PERIOD_MILLIS = 5;

        private final AtomicLong maxDelayNanos = new AtomicLong();
        private final AtomicLong pings = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        StallWatchdog() {
            thread = new Thread(this::loop, "fx-stall-watchdog");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (running) {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    long delay = System.nanoTime() - posted;
                    maxDelayNanos.accumulateAndGet(delay, Math::max);
                    pings.incrementAndGet();
                });
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
            }
        }

        /** Forgets the delays seen so far (pings still queued count towards the next window). */
        void reset() {
            maxDelayNanos.set(0);
            pings.set(0);
        }

        /** The longest delay since {@link #reset()}, after letting the pings already posted run. */
        double maxStallMillis() {
            drain();
            return maxDelayNanos.get() / 1e6;
        }

        long pings() {
            return pings.get();
        }

        @Override
        public void close() {
            running = false;
        }
    }
}
