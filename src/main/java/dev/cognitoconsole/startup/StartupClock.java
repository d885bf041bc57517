package dev.cognitoconsole.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;

/**
 * Milestones of one start, in milliseconds since the process began (the launchers run the JVM in their
 * own process, so that is the moment the operator launched it). The start-up benchmark reads the line
 * this writes to the log.
 */
public final class StartupClock {
    private final long processStart;
    private final List<String> marks = new ArrayList<>();

    public StartupClock() {
        processStart = System.currentTimeMillis() - sinceProcessStart();
    }

    /**
     * On Linux from /proc, to 10 ms: ProcessHandle's start instant adds the boot time, which /proc/stat
     * gives in whole seconds, so it may be up to a second early. Elsewhere from ProcessHandle.
     */
    private static long sinceProcessStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name, which may hold spaces: state is field 3, starttime field 22.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return Math.round(uptime * 1000) - startTicks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException notLinux) {
            return ProcessHandle.current().info().startInstant()
                    .map(start -> System.currentTimeMillis() - start.toEpochMilli()).orElse(0L);
        }
    }

    /**
     * Marks {@code "first frame"} once the window just shown has been drawn (at the second pulse: the first lays it
     * out and renders it), then runs {@code then}. Call on the application thread, right after {@code show()}.
     */
    public void markFirstFrame(Runnable then) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    mark("first frame");
                    then.run();
                }
            }
        }.start();
    }

    public synchronized void mark(String milestone) {
        marks.add(milestone + " " + (System.currentTimeMillis() - processStart));
    }

    /**
     * For example {@code "main 180, toolkit 610, settings 900, built 1520, shown 1590, first frame 1760 (cpu 2410)"}:
     * the CPU time of all the JVM's threads so far tells how much work a start is when other work slows it.
     */
    public synchronized String summary() {
        String cpu = ProcessHandle.current().info().totalCpuDuration()
                .map(d -> " (cpu " + d.toMillis() + ")").orElse("");
        return String.join(", ", marks) + cpu;
    }
}
