package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
}
