package dev.cognitoconsole.bulk;

import java.time.Duration;
import java.util.function.LongSupplier;

/** How long a bulk run has worked (paused stretches do not count) and how long it needs still, at its pace. */
final class RunClock {
    private final LongSupplier nanoClock;
    private long activeNanos;
    private long runningSince = -1;
    private int finished;

    RunClock(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Back to zero, for a new run. */
    void reset() {
        activeNanos = 0;
        runningSince = -1;
        finished = 0;
    }

    /**
     * A job starts: its time counts from now.
     *
     * @return now, as the clock tells it
     */
    long start() {
        runningSince = nanoClock.getAsLong();
        return runningSince;
    }

    /** The job ended: its time is added to the run's. */
    void stop() {
        if (runningSince >= 0) {
            activeNanos += nanoClock.getAsLong() - runningSince;
            runningSince = -1;
        }
    }

    /** One more user finished while the clock ran: this sets the pace of the estimate. */
    void userFinished() {
        finished++;
    }

    /** The run's time so far, with the job under way. */
    Duration elapsed() {
        return Duration.ofNanos(activeNanos + (runningSince >= 0 ? nanoClock.getAsLong() - runningSince : 0));
    }

    /** "About 3 s left" for {@code waiting} users at the pace so far, or an estimate to come. */
    String remaining(Duration elapsed, int waiting) {
        long nanos = elapsed.toNanos();
        if (finished == 0 || nanos <= 0) {
            return "Estimating the time left…";
        }
        long left = (long) ((double) nanos / finished * waiting);
        return "About " + duration(Duration.ofNanos(left)) + " left";
    }

    /** "45 s", "3 min 20 s", "2 h 5 min": rounded to the second. */
    static String duration(Duration d) {
        long seconds = Math.max(0, (d.toMillis() + 500) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
