package dev.cognitoconsole.bench;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The 1,000,000-row sub-run of {@link LoadBenchmark}, in a JVM of its own that the benchmark starts with
 * {@code -Xmx1g -XX:+ExitOnOutOfMemoryError}: loads every user of a pool served by the benchmark's WireMock
 * through the console's real path and prints one {@code RESULT} line (or dies of OutOfMemoryError, exit 3).
 *
 * <p>Arguments: endpoint, pool id, expected users, work folder.
 */
public final class BigLoadRun {

    private BigLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String poolId = args[1];
        int expected = Integer.parseInt(args[2]);
        Path dir = Path.of(args[3]);
        int status = 0;
        try {
            Fx.start();
            try (Wiring wiring = Wiring.to(endpoint, dir);
                 Fx.StallWatchdog watchdog = new Fx.StallWatchdog()) {
                wiring.sdkClient().listUsers(r -> r.userPoolId(poolId).limit(60)); // builds and warms the client
                long before = ConsoleLoad.heapUsedAfterGc();
                Meter meter = Meter.start();
                long t0 = System.nanoTime();
                ConsoleLoad.Loaded loaded = ConsoleLoad.run(wiring.directory, wiring.executor,
                        wiring.selection(poolId, "Bench 1M"), expected, watchdog, Duration.ofMinutes(5),
                        rows -> System.out.printf(Locale.ROOT, "PROGRESS rows=%d heapUsedMB=%d elapsed=%.0fs%n", rows,
                                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20,
                                (System.nanoTime() - t0) / 1e9));
                ConsoleLoad.Result r = loaded.result();
                long maxGcPause = Meter.maxPauseMillis();
                double foreign = meter.foreignCpuShare();
                long after = ConsoleLoad.heapUsedAfterGc();
                double heapMb = after / 1048576.0;
                System.out.printf(Locale.ROOT, "RESULT status=%s rows=%d seconds=%.1f firstRowMs=%.1f heapMB=%.0f "
                                + "heapPer100kMB=%.1f maxStallMs=%.1f maxGcPauseMs=%d otherProcessesCpu=%.0f%% batches=%d "
                                + "failure=%s%n",
                        r.complete(expected) ? "ok" : "incomplete", r.rows(), r.allRowsNanos() / 1e9,
                        r.firstRowNanos() / 1e6, heapMb, (after - before) / 1048576.0 * 100_000 / Math.max(1, r.rows()),
                        r.maxStallMillis(), maxGcPause, 100 * foreign, r.changes(), r.failure() == null ? "none" : r.failure().replace(' ', '_'));
                Reference.reachabilityFence(loaded);
            }
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }
}
