package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestWindowTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Test
    void noWindowOfASecondHoldsMoreThanTheLimitWhereverItStarts() {
        RequestWindow window = new RequestWindow(15, now::get);
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            starts.add(window.reserve());
            now.addAndGet(7_000_000L); // callers asking faster than the limit allows
        }
        for (int i = 0; i + 15 < starts.size(); i++) {
            assertThat(starts.get(i + 15) - starts.get(i)).as("start %d", i).isGreaterThanOrEqualTo(1_000_000_000L);
        }
    }

    @Test
    void theFirstRequestsUpToTheLimitGoAtOnce() {
        RequestWindow window = new RequestWindow(3, now::get);
        assertThat(List.of(window.reserve(), window.reserve(), window.reserve())).containsOnly(now.get());
        assertThat(window.reserve()).isEqualTo(now.get() + RequestWindow.WINDOW_NANOS);
    }

    @Test
    void aLowerLimitCountsTheRecentStarts() {
        RequestWindow window = new RequestWindow(4, now::get);
        for (int i = 0; i < 4; i++) {
            window.reserve();
        }
        window.setLimit(2);
        long next = now.get() + RequestWindow.WINDOW_NANOS;
        assertThat(List.of(window.reserve(), window.reserve())).containsOnly(next);
        assertThat(window.reserve()).isEqualTo(next + RequestWindow.WINDOW_NANOS);
    }

    @Test
    void aHigherLimitFreesSlotsAtOnce() {
        RequestWindow window = new RequestWindow(1, now::get);
        window.reserve();
        window.setLimit(3);
        assertThat(List.of(window.reserve(), window.reserve())).containsOnly(now.get());
        assertThat(window.reserve()).isEqualTo(now.get() + RequestWindow.WINDOW_NANOS);
    }
}
