package dev.cognitoconsole.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunClockTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final RunClock clock = new RunClock(nanos::get);

    private void pass(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void durationsAreRoundedToTheSecondThenShownInMinutesThenHours() {
        assertThat(RunClock.duration(Duration.ofMillis(499))).isEqualTo("0 s");
        assertThat(RunClock.duration(Duration.ofMillis(500))).isEqualTo("1 s");
        assertThat(RunClock.duration(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(RunClock.duration(Duration.ofSeconds(200))).isEqualTo("3 min 20 s");
        assertThat(RunClock.duration(Duration.ofSeconds(7322))).isEqualTo("2 h 2 min");
        assertThat(RunClock.duration(Duration.ofSeconds(-3))).isEqualTo("0 s");
    }

    @Test
    void onlyTheTimeOfJobsCountsNotThePausesBetween() {
        assertThat(clock.start()).isEqualTo(nanos.get());
        pass(Duration.ofSeconds(2));
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(2));
        clock.stop();
        pass(Duration.ofMinutes(10));
        assertThat(clock.elapsed()).as("paused").isEqualTo(Duration.ofSeconds(2));

        clock.start();
        pass(Duration.ofSeconds(1));
        clock.stop();
        clock.stop();

        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(3));
        clock.reset();
        assertThat(clock.elapsed()).isZero();
    }

    @Test
    void theTimeLeftFollowsThePaceOfTheUsersFinished() {
        clock.start();
        assertThat(clock.remaining(clock.elapsed(), 4)).isEqualTo("Estimating the time left…");
        pass(Duration.ofSeconds(1));
        assertThat(clock.remaining(clock.elapsed(), 4)).as("none finished yet").isEqualTo("Estimating the time left…");

        clock.userFinished();
        clock.userFinished();

        assertThat(clock.remaining(clock.elapsed(), 6)).isEqualTo("About 3 s left");
        clock.reset();
        assertThat(clock.remaining(Duration.ofSeconds(1), 6)).as("a new run").isEqualTo("Estimating the time left…");
    }
}
