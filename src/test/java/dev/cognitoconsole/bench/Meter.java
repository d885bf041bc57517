package dev.cognitoconsole.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * CPU time of chosen threads, GC time and the longest GC pause between two moments, and how busy the rest of
 * the machine was: figures that tell the console's own costs from contention on a shared 2-core machine.
 */
final class Meter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final AtomicLong MAX_PAUSE_MILLIS = new AtomicLong();

    /** The executor's workers (where pages are fetched and mapped). */
    static final Predicate<String> WORKERS = name -> name.startsWith("aws-worker-");
    /** The FX thread (where batches become rows). */
    static final Predicate<String> FX_THREAD = name -> name.equals("JavaFX Application Thread");

    static {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                (CompositeData) notification.getUserData());
                        // System.gc() between runs is ours, not the load's.
                        if (!"System.gc()".equals(info.getGcCause())) {
                            MAX_PAUSE_MILLIS.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
                        }
                    }
                }, null, null);
            }
        }
    }

    private final Map<Long, Long> cpuByThread;
    private final long gcMillis;
    private final long[] machine;
    private final long familyCpuNanos;

    private Meter(Map<Long, Long> cpuByThread, long gcMillis, long[] machine, long familyCpuNanos) {
        this.cpuByThread = cpuByThread;
        this.gcMillis = gcMillis;
        this.machine = machine;
        this.familyCpuNanos = familyCpuNanos;
    }

    /** A snapshot of every live thread's CPU time, the collectors' total time and the machine's CPU counters. */
    static Meter start() {
        MAX_PAUSE_MILLIS.set(0);
        return new Meter(cpu(name -> true), gcMillis(), machineJiffies(), familyCpuNanos());
    }

    /** CPU time the threads named so used since {@link #start()} (threads started since count from 0). */
    long cpuNanosSince(Predicate<String> names) {
        long total = 0;
        for (Map.Entry<Long, Long> now : cpu(names).entrySet()) {
            total += now.getValue() - cpuByThread.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }

    long gcMillisSince() {
        return gcMillis() - gcMillis;
    }

    /** The longest GC pause since the latest {@link #start()} of any meter (System.gc() excluded). */
    static long maxPauseMillis() {
        return MAX_PAUSE_MILLIS.get();
    }

    /**
     * Share of the machine's CPU capacity that processes other than this JVM and its children (cognito-local,
     * the 1M sub-run) used since {@link #start()}, or -1 where /proc/stat cannot be read.
     */
    double foreignCpuShare() {
        long[] now = machineJiffies();
        if (now == null || machine == null) {
            return -1;
        }
        double ticksPerSecond = 100.0; // USER_HZ on Linux
        double busy = (now[0] - machine[0]) / ticksPerSecond;
        double total = (now[1] - machine[1]) / ticksPerSecond;
        double ours = (familyCpuNanos() - familyCpuNanos) / 1e9;
        return total <= 0 ? -1 : Math.max(0, busy - ours) / total;
    }

    private static long familyCpuNanos() {
        long total = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            total += child.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L);
        }
        return total;
    }

    /** {busy, total} jiffies over all CPUs, from the first line of /proc/stat. */
    private static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i != 4 && i != 5) { // idle, iowait
                    busy += v;
                }
            }
            return new long[] {busy, total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<Long, Long> cpu(Predicate<String> names) {
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (names.test(thread.getName())) {
                long nanos = THREADS.getThreadCpuTime(thread.getId());
                if (nanos >= 0) {
                    cpu.put(thread.getId(), nanos);
                }
            }
        }
        return cpu;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
