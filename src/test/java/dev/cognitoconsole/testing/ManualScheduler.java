package dev.cognitoconsole.testing;

import dev.cognitoconsole.common.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler whose time passes only when the test says so. */
public final class ManualScheduler implements Scheduler {
    private final List<Runnable> pending = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    @Override
    public Runnable after(Duration delay, Runnable action) {
        pending.add(action);
        delays.add(delay);
        return () -> pending.remove(action);
    }

    /** Runs every action still waiting, as if their delays had passed. */
    public void elapse() {
        List<Runnable> due = List.copyOf(pending);
        pending.clear();
        due.forEach(Runnable::run);
    }

    /** The delays asked for so far, in order. */
    public List<Duration> delays() {
        return List.copyOf(delays);
    }

    /** How many actions wait now. */
    public int waiting() {
        return pending.size();
    }
}
