package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class RequestWindowTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    /** Asks until a start is granted, waiting on the fake clock as told; returns the start. */
    private long start(RequestWindow window) {
        for (long wait = window.tryAcquire(); wait > 0; wait = window.tryAcquire()) {
            now.addAndGet(wait);
        }
        return now.get();
    }

    @Test
    void noWindowOfASecondHoldsMoreThanTheLimitWhereverItStarts() {
        RequestWindow window = new RequestWindow(15, now::get);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            starts.add(start(window));
            now.addAndGet(7_000_000L); // callers asking faster than the limit allows
        }
        for (int i = 0; i + 15 < starts.size(); i++) {
            assertThat(starts.get(i + 15) - starts.get(i)).as("start %d", i).isGreaterThanOrEqualTo(1_000_000_000L);
        }
    }

    @Test
    void theFirstRequestsUpToTheLimitGoAtOnce() {
        RequestWindow window = new RequestWindow(3, now::get);
        assertThat(List.of(window.tryAcquire(), window.tryAcquire(), window.tryAcquire())).containsOnly(0L);
        assertThat(window.tryAcquire()).isEqualTo(RequestWindow.WINDOW_NANOS);
    }

    @Test
    void aStartCountsFromWhenItWasGrantedNotAsked() {
        RequestWindow window = new RequestWindow(1, now::get);
        window.tryAcquire();
        now.addAndGet(RequestWindow.WINDOW_NANOS + 300_000_000L); // the waiting thread woke late

        assertThat(window.tryAcquire()).isZero();
        assertThat(window.tryAcquire()).isEqualTo(RequestWindow.WINDOW_NANOS);
    }

    @Test
    void aRequestThatWentOutLateCountsFromWhenItWentOut() throws InterruptedException {
        RequestWindow window = new RequestWindow(1, now::get);
        RequestWindow.Start start = window.acquire();
        now.addAndGet(300_000_000L); // the first request of a new client leaves late

        window.wentOut(start, now.get());
        now.addAndGet(RequestWindow.WINDOW_NANOS - 1);

        assertThat(window.tryAcquire()).as("a second after it went out, not after it was granted").isEqualTo(1L);
    }

    @Test
    void wordAboutAStartWhoseSlotWasTakenAgainIsNotApplied() throws InterruptedException {
        RequestWindow window = new RequestWindow(1, now::get);
        RequestWindow.Start stale = window.acquire();
        now.addAndGet(RequestWindow.WINDOW_NANOS);
        assertThat(window.tryAcquire()).isZero();

        window.wentOut(stale, now.get() + 500_000_000L);
        now.addAndGet(RequestWindow.WINDOW_NANOS);

        assertThat(window.tryAcquire()).isZero();
    }

    @Test
    void aLowerLimitCountsTheRecentStarts() {
        RequestWindow window = new RequestWindow(4, now::get);
        for (int i = 0; i < 4; i++) {
            window.tryAcquire();
        }
        window.setLimit(2);
        assertThat(window.tryAcquire()).isEqualTo(RequestWindow.WINDOW_NANOS);
        now.addAndGet(RequestWindow.WINDOW_NANOS);
        assertThat(List.of(window.tryAcquire(), window.tryAcquire())).containsOnly(0L);
        assertThat(window.tryAcquire()).isEqualTo(RequestWindow.WINDOW_NANOS);
    }

    @Test
    void aHigherLimitFreesSlotsAtOnce() {
        RequestWindow window = new RequestWindow(1, now::get);
        window.tryAcquire();
        window.setLimit(3);
        assertThat(List.of(window.tryAcquire(), window.tryAcquire())).containsOnly(0L);
        assertThat(window.tryAcquire()).isEqualTo(RequestWindow.WINDOW_NANOS);
    }

    @Test
    void waitingRequestsStartInTheOrderTheyAsked() throws Exception {
        RequestWindow window = new RequestWindow(1, now::get);
        window.acquire();
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (String chain : List.of("b", "c", "d", "e")) {
            threads.add(waiter(window, chain, started));
            int queued = threads.size();
            await(() -> window.waiting() == queued);
        }
        for (int i = 1; i <= threads.size(); i++) {
            now.addAndGet(RequestWindow.WINDOW_NANOS);
            int expected = i;
            await(() -> started.size() == expected);
        }
        assertThat(started).containsExactly("b", "c", "d", "e");
    }

    @Test
    void aStoppedRequestLeavesTheQueueAndTheNextOneStarts() throws Exception {
        RequestWindow window = new RequestWindow(1, now::get);
        window.acquire();
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        Thread stopped = waiter(window, "stopped", started);
        await(() -> window.waiting() == 1);
        Thread next = waiter(window, "next", started);
        await(() -> window.waiting() == 2);

        stopped.interrupt();
        stopped.join(TimeUnit.SECONDS.toMillis(5));
        assertThat(window.waiting()).isEqualTo(1);
        now.addAndGet(RequestWindow.WINDOW_NANOS);
        next.join(TimeUnit.SECONDS.toMillis(5));

        assertThat(started).containsExactly("stopped interrupted", "next");
    }

    /** A thread that waits for a start, then notes its name (or that it was interrupted). */
    private static Thread waiter(RequestWindow window, String name, List<String> started) {
        Thread thread = new Thread(() -> {
            try {
                window.acquire();
                started.add(name);
            } catch (InterruptedException e) {
                started.add(name + " interrupted");
            }
        });
        thread.start();
        return thread;
    }

    /** Polls for a state another thread reaches; the clock of the window under test is not involved. */
    private static void await(BooleanSupplier reached) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!reached.getAsBoolean()) {
            assertThat(System.nanoTime()).as("state not reached within 5 s").isLessThan(deadline);
            Thread.sleep(2);
        }
    }
}
