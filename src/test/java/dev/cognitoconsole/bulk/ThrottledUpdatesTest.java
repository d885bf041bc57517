package dev.cognitoconsole.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.common.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottledUpdatesTest {
    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final AtomicLong nanos = new AtomicLong(5_000);
    private final List<String> drained = new ArrayList<>();
    private final ThrottledUpdates<String> updates = new ThrottledUpdates<>(INTERVAL, nanos::get, this::drain);
    private final Job job = new Job();

    private void drain() {
        for (String update = updates.poll(); update != null; update = updates.poll()) {
            drained.add(update);
        }
    }

    /** Holds what the job publishes until the test runs it, as the UI thread would later. */
    private static final class Job implements TaskExecutor.Job {
        final List<Runnable> published = new ArrayList<>();

        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void publish(Runnable update) {
            published.add(update);
        }

        void runPublished() {
            List<Runnable> now = List.copyOf(published);
            published.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void theFirstUpdateOfAJobIsPublishedAtOnceAndTheRestAtMostOncePerInterval() {
        updates.restart(nanos.get());

        updates.offer(job, "a");
        job.runPublished();
        updates.offer(job, "b");
        nanos.addAndGet(INTERVAL.toNanos() - 1);
        updates.offer(job, "c");

        assertThat(drained).containsExactly("a");
        assertThat(job.published).isEmpty();

        nanos.addAndGet(1);
        updates.offer(job, "d");
        job.runPublished();

        assertThat(drained).containsExactly("a", "b", "c", "d");
    }

    @Test
    void noSecondDrainIsPublishedWhileOneWaitsAndTheOwnerTakesWhatIsLeft() {
        updates.restart(nanos.get());
        updates.offer(job, "a");
        nanos.addAndGet(INTERVAL.toNanos());
        updates.offer(job, "b");

        assertThat(job.published).hasSize(1);

        job.runPublished();
        updates.offer(job, "c");
        drain(); // the clock tick

        assertThat(drained).containsExactly("a", "b", "c");
        assertThat(updates.poll()).isNull();
    }
}
