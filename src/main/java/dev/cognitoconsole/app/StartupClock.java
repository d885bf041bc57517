package dev.cognitoconsole.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Milestones of one start, in milliseconds since the process began (the jpackage launcher runs the JVM
 * in its own process, so that is the moment the operator launched it). The start-up benchmark reads the
 * line this writes to the log.
 */
final class StartupClock {
    private final long processStart;
    private final List<String> marks = new ArrayList<>();

    StartupClock() {
        processStart = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli)
                .orElse(System.currentTimeMillis());
    }

    void mark(String milestone) {
        marks.add(milestone + " " + (System.currentTimeMillis() - processStart));
    }

    /**
     * For example {@code "main 180, toolkit 610, logging 900, built 1520, shown 1590, first frame 1760 (cpu 2410)"}:
     * the CPU time of all the JVM's threads so far tells how much work a start is when other work slows it.
     */
    String summary() {
        String cpu = ProcessHandle.current().info().totalCpuDuration()
                .map(d -> " (cpu " + d.toMillis() + ")").orElse("");
        return String.join(", ", marks) + cpu;
    }
}
