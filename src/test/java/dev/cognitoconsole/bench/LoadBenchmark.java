package dev.cognitoconsole.bench;

import dev.cognitoconsole.emulator.CognitoLocal;
import dev.cognitoconsole.emulator.DemoData;
import dev.cognitoconsole.emulator.PoolSeed;
import dev.cognitoconsole.testing.Trees;
import dev.cognitoconsole.users.SortKey;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersViewModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;

/**
 * Load benchmark of the users table: how much the console's loading path (UsersViewModel, the background
 * executor, batching to the FX thread) costs on top of the bare AWS SDK, how soon the first row shows, how
 * long the FX thread is ever blocked, and how much heap the rows take. Not a test: it prints a table of
 * figures, targets and PASS/FAIL, and exits 0 whatever they say (1 only when it cannot run).
 *
 * <p>Run it from the project folder:
 * <pre>{@code
 * mvn -Pbench                  # about 4 min on 2 cores; add -Dskip.npm=true when node_modules is in place
 * mvn -Pbench -Dbench.users=20000 -Dbench.localUsers=0 -Dbench.bigUsers=0 -Dbench.warmups=1   # smoke run
 * }</pre>
 * The profile compiles the tests and forks {@code java -Xmx2g} and the collector ({@code bench.gc}) with the test class path and the
 * Monocle headless properties of the UI tests (no display needed). Knobs: {@code bench.users} (100000),
 * {@code bench.localUsers} (10000), {@code bench.bigUsers} (1000000), 0 skips a part; {@code bench.runs} (7
 * timed rounds, medians reported), {@code bench.warmups} (8 rounds: on 2 cores the JIT is still compiling the
 * SDK's unmarshallers for six or seven 100k passes, so fewer warm-ups leave the timed rounds unsettled; see
 * docs/performance.md), {@code bench.shrunkRuns} (3),
 * {@code bench.gc} (the collector option of this JVM and of the 1M run's, {@code -XX:+UseG1GC} like the app's).
 *
 * <p>What it measures, in one run:
 * <ol>
 *   <li><b>WireMock, 100,000 users</b> in 60-user pages on 127.0.0.1, computed per request by
 *       {@link SyntheticCognito} (one stub plus a response transformer; no request journal). Each round runs,
 *       each after a System.gc() that keeps the heap the size the JVM grew it to ({@link Heap#KEPT}), in
 *       alternating order: the SDK's {@code listUsersPaginator} over every page with the console's own
 *       client; the console's {@code SdkUserDirectory} in a loop (SDK plus mapping, no UI); and the console (a
 *       fresh UsersViewModel, {@code show()} on the FX thread, until the last row is in {@code rows()}).
 *       Then {@code bench.shrunkRuns} (3) more rounds with a plain System.gc() that shrinks the heap before
 *       each path ({@link Heap#SHRUNK}), shown beside the target ratio, not as it. For
 *       each: wall time, CPU time of the client threads (the FX thread's share apart), GC time and longest
 *       GC pause. One ListUsers round trip of the first page (9 single calls after each timed round, median).
 *       Time to first row (show() to the first rows() change, on the FX thread). The longest FX-thread stall
 *       (a watchdog posts Platform.runLater pings every 5 ms and records how late they run). Heap held by
 *       the rows after System.gc(). Sorting all rows by username through {@code UsersViewModel.sort}, and,
 *       as a baseline, FXCollections.sort on the FX thread.</li>
 *   <li><b>cognito-local, 10,000 users</b> seeded by writing its database ({@link DemoData#supportDesk}).
 *       cognito-local ignores Limit, so the whole pool is one page.</li>
 *   <li><b>1,000,000 users in a 1 GiB heap</b>: {@link BigLoadRun} in a forked JVM with
 *       {@code -Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError}, loading from this process's WireMock.</li>
 * </ol>
 * Rate budgets are off ({@code RateBudgets.unlimited()}). Against real Cognito the console spends at most
 * 15 ListUsers per second, so 100,000 users take 111 s whatever the client does; here the loop is CPU-bound
 * (a page round trip is about a millisecond), so every client-side cost shows in the ratios. The table's
 * footer says how much CPU other processes took meanwhile: on a shared machine, read the CPU columns. Its
 * first row sets this JVM's heap and GC options beside the installed app's (read from jpackage/*.args).
 */
public final class LoadBenchmark {

    static final String POOL = "us-east-1_Bench100k";
    static final String BIG_POOL = "us-east-1_Bench1M";
    static final String LOCAL_POOL = "local_Bench10k";
    static final double STALL_TARGET_MILLIS = 100;

    private final int users = Integer.getInteger("bench.users", 100_000);
    private final int localUsers = Integer.getInteger("bench.localUsers", 10_000);
    private final int bigUsers = Integer.getInteger("bench.bigUsers", 1_000_000);
    private final int runs = Integer.getInteger("bench.runs", 7);
    /** Warm-up rounds (raw, directory, console each); one is not enough for C2 on 2 cores, see the class doc. */
    private final int warmups = Integer.getInteger("bench.warmups", 8);
    /** Rounds (after the others, no warm-up) with the heap shrunk before each path: shown, not a target. */
    private final int shrunkRuns = Integer.getInteger("bench.shrunkRuns", 3);
    private final Path workDir = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
    private final Report report = new Report();
    /** From the heap run of the WireMock suite, for the 1M projection. */
    private double heapBytesPerUser = -1;

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            new LoadBenchmark().run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // The FX toolkit's thread is not a daemon.
        System.exit(status);
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(workDir);
        Runtime rt = Runtime.getRuntime();
        log("JVM %s, %d cores, max heap %d MB, glass.platform=%s; work dir %s", System.getProperty("java.vm.version"),
                rt.availableProcessors(), rt.maxMemory() >> 20, System.getProperty("glass.platform", "(default)"),
                workDir);
        Meter whole = Meter.start();
        report.section("This run's JVM against the installed app's");
        report.row("JVM options of this benchmark (same JVM for raw and console)", jvmOptions(), "app: "
                + appJavaOptions(), null);
        Fx.start();
        try (Fx.StallWatchdog watchdog = new Fx.StallWatchdog();
             SyntheticCognito wiremock = SyntheticCognito.start(Map.of(POOL, users, BIG_POOL, Math.max(bigUsers, 1)))) {
            log("WireMock on %s: %s has %,d users, %s has %,d", wiremock.endpoint(), POOL, users, BIG_POOL, bigUsers);
            if (users > 0) {
                wiremockSuite(wiremock, watchdog);
            }
            if (localUsers > 0) {
                cognitoLocalSuite(watchdog);
            }
            if (bigUsers > 0) {
                bigSuite(wiremock);
            }
        }
        report.print(String.format(Locale.ROOT, "bench finished in %.0f s; JVM %s, GC %s, %d cores; other processes "
                        + "used %.0f%% of the machine's CPU meanwhile (figures above are from a shared machine when "
                        + "this is high)", (System.nanoTime() - started) / 1e9, System.getProperty("java.vm.version"),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList(),
                rt.availableProcessors(), 100 * whole.foreignCpuShare()));
    }

    /** The heap and GC options this JVM was started with. */
    private static String jvmOptions() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X") && !a.startsWith("-Xlog")).toList();
        return options.isEmpty() ? "(none)" : String.join(" ", options);
    }

    /** The java-options the packaged app is built with (jpackage/app-image.args and the Linux one). */
    private static String appJavaOptions() {
        List<String> options = new ArrayList<>();
        for (Path args : List.of(Path.of("jpackage", "app-image.args"), Path.of("jpackage", "linux", "app-image.args"))) {
            try {
                for (String line : Files.readAllLines(args, StandardCharsets.UTF_8)) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("--java-options")) {
                        options.add(trimmed.substring("--java-options".length()).strip().replace("\"", ""));
                    }
                }
            } catch (IOException e) {
                return "unknown (" + args + " not readable)";
            }
        }
        return (options.isEmpty() ? "none" : String.join(" ", options)) + "; JVM defaults otherwise (G1, max heap 1/4 of RAM)";
    }

    // WireMock, 100k

    private void wiremockSuite(SyntheticCognito wiremock, Fx.StallWatchdog watchdog) throws Exception {
        String label = String.format("WireMock %,dk", users / 1000);
        try (Wiring wiring = Wiring.to(wiremock.endpoint(), workDir.resolve("wiremock"))) {
            CognitoIdentityProviderClient client = wiring.sdkClient();
            var selection = wiring.selection(POOL, "Bench " + users);

            Timings t = compare(label, wiring, client, selection, POOL, users, watchdog, Duration.ofMinutes(3), 9,
                    Heap.KEPT, warmups, runs);
            double roundTrip = median(t.roundTrips()) / 1e6;
            report.section(label + " users, 60 per page (" + ((users + 59) / 60) + " pages)");
            addComparison(label, t, roundTrip);
            if (shrunkRuns > 0) {
                Timings shrunk = compare(label, wiring, client, selection, POOL, users, watchdog,
                        Duration.ofMinutes(3), 1, Heap.SHRUNK, 0, shrunkRuns);
                addShrunkComparison(label, shrunk);
            }
            log("%s: WireMock served %,d pages so far", label, wiremock.pagesServed());

            // Heap, then sorting, on one more load.
            System.gc();
            long before = ConsoleLoad.heapUsedAfterGc();
            ConsoleLoad.Loaded loaded = ConsoleLoad.run(wiring.directory, wiring.executor, selection, users,
                    watchdog, Duration.ofMinutes(3));
            requireComplete(label + " heap run", loaded.result(), users);
            long after = ConsoleLoad.heapUsedAfterGc();
            double perUserBytes = (after - before) / (double) users;
            heapBytesPerUser = perUserBytes;
            double mbPer100k = perUserBytes * 100_000 / (1 << 20);
            log("%s: heap %.1f MB before, %.1f MB after loading (%,.0f bytes per user)", label, before / 1048576.0,
                    after / 1048576.0, perUserBytes);
            report.row("Heap held by the loaded rows, per 100k users", String.format(Locale.ROOT,
                    "%.1f MB (%,.0f B/user)", mbPer100k, perUserBytes), "<= 120 MB", mbPer100k <= 120);

            sortSuite(label, loaded.viewModel(), watchdog);
            Reference.reachabilityFence(loaded);
        }
    }

    private void sortSuite(String label, UsersViewModel viewModel, Fx.StallWatchdog watchdog) throws Exception {
        int n = Fx.call(() -> viewModel.rows().size());
        Comparator<UserRow> byUsername = Comparator.comparing(UserRow::getUser, SortKey.USERNAME.comparator(true));

        // Baseline: what sorting on the FX thread would cost (a copy, so the ViewModel's rows stay unsorted).
        ObservableList<UserRow> copy = Fx.call(() -> FXCollections.observableArrayList(viewModel.rows()));
        watchdog.reset();
        long fxSortNanos = Fx.call(() -> {
            long t0 = System.nanoTime();
            FXCollections.sort(copy, byUsername);
            return System.nanoTime() - t0;
        });
        double fxSortStall = watchdog.maxStallMillis();
        copy.clear();

        // The ViewModel's own sort: row references copied on the FX thread, keys read and sorted in the background,
        // setAll on the FX thread.
        long[] t = new long[3]; // start, sort() returned, rows replaced
        CountDownLatch sorted = new CountDownLatch(1);
        ListChangeListener<UserRow> listener = change -> {
            if (t[2] == 0) {
                t[2] = System.nanoTime();
                sorted.countDown();
            }
        };
        watchdog.reset();
        Fx.run(() -> {
            viewModel.rows().addListener(listener);
            t[0] = System.nanoTime();
            viewModel.sort(List.of(new SortKey.Order(SortKey.USERNAME, true)));
            t[1] = System.nanoTime();
        });
        boolean done = sorted.await(60, TimeUnit.SECONDS);
        Fx.drain();
        double vmSortStall = watchdog.maxStallMillis();
        boolean inOrder = Fx.call(() -> {
            viewModel.rows().removeListener(listener);
            List<UserRow> rows = viewModel.rows();
            for (int i = 1; i < rows.size(); i++) {
                if (byUsername.compare(rows.get(i - 1), rows.get(i)) > 0) {
                    return false;
                }
            }
            return rows.size() == n;
        });
        double vmSortMillis = done ? (t[2] - t[0]) / 1e6 : Double.NaN;
        log("%s: UsersViewModel.sort(USERNAME) of %,d rows: %.0f ms until rows() was replaced (%.1f ms inside "
                + "sort() on the FX thread), longest FX stall %.1f ms, sorted=%s; FXCollections.sort on the FX "
                + "thread: %.0f ms, stall %.1f ms", label, n, vmSortMillis, (t[1] - t[0]) / 1e6, vmSortStall, inOrder,
                fxSortNanos / 1e6, fxSortStall);
        report.row(String.format("Sort %,d rows by username (UsersViewModel.sort): until sorted", n),
                done && inOrder ? ms(vmSortMillis) : "not sorted within 60 s", "-", null);
        report.row("  longest FX-thread stall during that sort", ms(vmSortStall),
                "<= " + ms(STALL_TARGET_MILLIS) + " *", done && inOrder && vmSortStall <= STALL_TARGET_MILLIS);
        report.row("  baseline: FXCollections.sort on the FX thread (stall)", ms(fxSortStall), "-", null);
    }

    // cognito-local, 10k

    private void cognitoLocalSuite(Fx.StallWatchdog watchdog) throws Exception {
        String label = String.format("cognito-local %,dk", localUsers / 1000);
        Path dir = workDir.resolve("cognito-local");
        Trees.delete(dir);
        Files.createDirectories(dir);
        long seedStart = System.nanoTime();
        PoolSeed seed = new PoolSeed(LOCAL_POOL, "Bench " + localUsers, DemoData.supportDesk(localUsers));
        try (CognitoLocal emulator = CognitoLocal.start(dir, List.of(seed));
             Wiring wiring = Wiring.to(emulator.endpoint(), dir.resolve("aws"))) {
            log("%s: seeded and started in %.1f s on %s", label, (System.nanoTime() - seedStart) / 1e9,
                    emulator.endpoint());
            CognitoIdentityProviderClient client = wiring.sdkClient();
            var selection = wiring.selection(LOCAL_POOL, seed.name());
            Timings t = compare(label, wiring, client, selection, LOCAL_POOL, localUsers, watchdog,
                    Duration.ofMinutes(2), 3, Heap.KEPT, warmups, runs);
            double roundTrip = median(t.roundTrips()) / 1e6;
            report.section(label + " users (cognito-local ignores Limit: one page)");
            addComparison(label, t, roundTrip);
        }
    }

    // 1M in 1 GiB, in a forked JVM

    private void bigSuite(SyntheticCognito wiremock) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", System.getProperty("bench.gc", "-XX:+UseG1GC"),
                "-XX:+ExitOnOutOfMemoryError"));
        for (String key : List.of("glass.platform", "monocle.platform", "prism.order", "prism.text",
                "java.awt.headless", "testfx.robot", "testfx.headless", "console.dataDir")) {
            String value = System.getProperty(key);
            if (value != null) {
                command.add("-D" + key + "=" + value);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BigLoadRun.class.getName(),
                wiremock.endpoint().toString(), BIG_POOL, Integer.toString(bigUsers),
                workDir.resolve("big").toString()));
        log("1M: forking %s -Xmx1g ... %s", java, BigLoadRun.class.getSimpleName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        String lastProgress = null;
        String oom = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println("  [1M] " + line);
                if (line.startsWith("RESULT ")) {
                    result = line;
                } else if (line.startsWith("PROGRESS ")) {
                    lastProgress = line;
                } else if (line.contains("OutOfMemoryError")) {
                    oom = line;
                }
            }
        }
        boolean exited = process.waitFor(Integer.getInteger("bench.bigTimeoutSeconds", 360), TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        int code = exited ? process.exitValue() : -1;
        String target = "loads, in -Xmx1g";
        String title = String.format("%,d users through UsersViewModel in a 1 GiB heap", bigUsers);
        report.section(String.format("%,d users, forked JVM with -Xmx1g", bigUsers));
        if (result != null && code == 0 && field(result, "status").equals("ok")) {
            report.row(title, String.format(Locale.ROOT, "loaded %s rows in %s s", field(result, "rows"),
                    field(result, "seconds")), target, true);
            report.row("  heap after GC with every row loaded", field(result, "heapMB") + " MB ("
                    + field(result, "heapPer100kMB") + " MB per 100k)", "< 1024 MB", true);
            report.row("  longest FX-thread stall during the load", field(result, "maxStallMs") + " ms",
                    "<= " + ms(STALL_TARGET_MILLIS) + " *",
                    Double.parseDouble(field(result, "maxStallMs")) <= STALL_TARGET_MILLIS);
            report.row("  longest GC pause during the load", field(result, "maxGcPauseMs") + " ms",
                    "<= " + ms(STALL_TARGET_MILLIS) + " *",
                    Double.parseDouble(field(result, "maxGcPauseMs")) <= STALL_TARGET_MILLIS);
        } else {
            String why = oom != null ? "OutOfMemoryError" : result != null ? result.substring(7) : "exit code " + code;
            report.row(title, why + (lastProgress == null ? "" : " (last " + lastProgress.substring(9) + ")"),
                    target, false);
            if (heapBytesPerUser > 0) {
                report.row("  projected from the 100k heap figure", String.format(Locale.ROOT,
                        "%,.0f MB of rows for %,d users", heapBytesPerUser * bigUsers / 1048576.0, bigUsers),
                        "< 1024 MB", heapBytesPerUser * bigUsers < 1024.0 * 1048576 * 0.85);
            }
        }
    }

    private static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return "?";
    }

    // Raw SDK versus console

    /**
     * One measured pass: wall time; CPU time of the client-side threads (the calling thread, or the console's
     * workers plus the FX thread) and of the FX thread alone; GC time and longest GC pause; share of the
     * machine's CPU that other processes used meanwhile.
     */
    private record Sample(long wallNanos, long cpuNanos, long fxCpuNanos, long gcMillis, long maxPauseMillis,
                          double foreignShare) {

        static Sample of(long wallNanos, Meter meter, java.util.function.Predicate<String> clientThreads) {
            return new Sample(wallNanos, meter.cpuNanosSince(clientThreads), meter.cpuNanosSince(Meter.FX_THREAD),
                    meter.gcMillisSince(), Meter.maxPauseMillis(), meter.foreignCpuShare());
        }
    }

    /** Per-run figures of the timed runs. */
    private record Timings(Sample[] raw, Sample[] directory, Sample[] console, long[] firstRow, double[] stalls,
                           int[] batches, long[] roundTrips, long[] roundTripPerRound) {
    }

    /**
     * What the harness's own System.gc() before each timed path leaves behind. The installed app never calls
     * System.gc(); after a full collection G1 gives back memory above MaxHeapFreeRatio (70%), so a plain
     * System.gc() leaves a heap shrunk to about the live data, and the path that keeps rows (the console) then
     * pays to grow it again (committing and first touching it; figures in docs/performance.md) and collects in
     * a small young generation, while the raw loop, which keeps nothing, never does.
     */
    enum Heap {
        /** Garbage cleared, the heap left the size the JVM had grown it to, as in a running app. */
        KEPT("heap as the JVM grew it"),
        /** Garbage cleared and the heap shrunk to the live data before each path: a fresh heap every time. */
        SHRUNK("heap shrunk to the live data before each path");

        final String description;

        Heap(String description) {
            this.description = description;
        }

        /** Clears the garbage of the path before (MaxHeapFreeRatio is a manageable flag, restored at once). */
        void settle() {
            if (this == SHRUNK) {
                System.gc();
                return;
            }
            var hotSpot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            String was = hotSpot.getVMOption("MaxHeapFreeRatio").getValue();
            hotSpot.setVMOption("MaxHeapFreeRatio", "100");
            try {
                System.gc();
            } finally {
                hotSpot.setVMOption("MaxHeapFreeRatio", was);
            }
        }
    }

    /**
     * {@code warmupRounds} untimed rounds, then {@code rounds} timed rounds. A round is the raw paginator, the
     * directory loop and the console, each after {@link Heap#settle()}, in that order in odd rounds and in the
     * reverse order in even ones (whatever a path leaves behind, the next one pays for it equally often),
     * then {@code roundTrips} single ListUsers calls (of the first page), so that the round trip is measured
     * under the same conditions as the loads.
     */
    private Timings compare(String label, Wiring wiring, CognitoIdentityProviderClient client,
                            dev.cognitoconsole.model.PoolSelection selection, String poolId, int expected,
                            Fx.StallWatchdog watchdog, Duration timeout, int roundTrips, Heap heap, int warmupRounds,
                            int rounds) throws Exception {
        long[] trips = new long[rounds * roundTrips];
        long[] tripPerRound = new long[rounds];
        for (int w = 1; w <= warmupRounds; w++) {
            heap.settle();
            Sample raw = rawPaginator(client, poolId, expected);
            heap.settle();
            Sample dir = directoryLoop(wiring, poolId, expected);
            heap.settle();
            Sample con = consoleOnce(label + " warm-up", wiring, selection, expected, watchdog, timeout).sample();
            times(roundTrips, () -> singleCall(client, poolId));
            log("%s warm-up %d/%d: raw %.3f s, directory loop %.3f s, console %.3f s", label, w, warmupRounds,
                    raw.wallNanos() / 1e9, dir.wallNanos() / 1e9, con.wallNanos() / 1e9);
        }
        Sample[] raw = new Sample[rounds];
        Sample[] directory = new Sample[rounds];
        Sample[] console = new Sample[rounds];
        long[] firstRow = new long[rounds];
        double[] stalls = new double[rounds];
        int[] batches = new int[rounds];
        for (int i = 0; i < rounds; i++) {
            int round = i;
            ConsoleLoad.Result[] result = new ConsoleLoad.Result[1];
            List<Step> paths = new ArrayList<>(List.of(
                    () -> raw[round] = rawPaginator(client, poolId, expected),
                    () -> directory[round] = directoryLoop(wiring, poolId, expected),
                    () -> {
                        ConsoleRun run = consoleOnce(label + " run " + (round + 1), wiring, selection, expected,
                                watchdog, timeout);
                        result[0] = run.result();
                        console[round] = run.sample();
                    }));
            if (i % 2 == 1) {
                java.util.Collections.reverse(paths);
            }
            for (Step path : paths) {
                heap.settle();
                path.run();
            }
            ConsoleLoad.Result r = result[0];
            firstRow[i] = r.firstRowNanos();
            stalls[i] = r.maxStallMillis();
            batches[i] = r.changes();
            long[] these = times(roundTrips, () -> singleCall(client, poolId));
            System.arraycopy(these, 0, trips, i * roundTrips, roundTrips);
            tripPerRound[i] = (long) median(these);
            log("%s run %d (%s, %s first): raw %s | directory loop %s | console %s | ratio %.3f, first row %.1f ms, "
                            + "%d batches, loading off after %.3f s, longest FX stall %.1f ms; round trip %.2f ms "
                            + "(median of %d)", label, i + 1, heap.description, i % 2 == 1 ? "console" : "raw",
                    describe(raw[i]), describe(directory[i]), describe(console[i]),
                    console[i].wallNanos() / (double) raw[i].wallNanos(), firstRow[i] / 1e6, batches[i],
                    r.doneNanos() / 1e9, stalls[i], median(these) / 1e6, roundTrips);
        }
        return new Timings(raw, directory, console, firstRow, stalls, batches, trips, tripPerRound);
    }

    /** One timed path of a round. */
    private interface Step {
        void run() throws Exception;
    }

    private static String describe(Sample s) {
        return String.format(Locale.ROOT, "%.3f s (client CPU %.3f s of which FX %.3f s, GC %d ms, max pause %d ms, "
                        + "other processes %.0f%% of the CPUs)", s.wallNanos() / 1e9, s.cpuNanos() / 1e9,
                s.fxCpuNanos() / 1e9, s.gcMillis(), s.maxPauseMillis(), 100 * s.foreignShare());
    }

    private static long[] wall(Sample[] samples) {
        return Arrays.stream(samples).mapToLong(Sample::wallNanos).toArray();
    }

    private static long[] cpu(Sample[] samples) {
        return Arrays.stream(samples).mapToLong(Sample::cpuNanos).toArray();
    }

    private static long[] gc(Sample[] samples) {
        return Arrays.stream(samples).mapToLong(Sample::gcMillis).toArray();
    }

    /**
     * Ratios and differences are taken per round (raw and console ran back to back, the round trips right
     * after), then the median over the rounds: contention from other processes drifts over seconds, and
     * pairing cancels most of it.
     */
    private void addComparison(String label, Timings t, double roundTripMillis) {
        double raw = median(wall(t.raw())) / 1e9;
        double dir = median(wall(t.directory())) / 1e9;
        double console = median(wall(t.console())) / 1e9;
        double ratio = median(perRound(t, i -> t.console()[i].wallNanos() / (double) t.raw()[i].wallNanos()));
        double cpuRatio = median(perRound(t, i -> t.console()[i].cpuNanos() / (double) t.raw()[i].cpuNanos()));
        double firstRow = median(t.firstRow()) / 1e6;
        double overRoundTrip = median(perRound(t, i -> (t.firstRow()[i] - t.roundTripPerRound()[i]) / 1e6));
        double maxStall = Arrays.stream(t.stalls()).max().orElse(Double.NaN);
        long maxPause = Arrays.stream(t.console()).mapToLong(Sample::maxPauseMillis).max().orElse(-1);
        String of = "median of " + runs;
        report.row("Raw SDK listUsersPaginator, every page (" + of + ")", s(raw) + cpuGc(t.raw()), "-", null);
        report.row("  SdkUserDirectory.listUsers loop, no UI (" + of + ")", s(dir) + cpuGc(t.directory()), "-", null);
        report.row("Console: every row in rows() (" + of + ")", s(console) + cpuGc(t.console()), "-", null);
        report.row("Ratio console / raw, wall time (median of per-round ratios; " + Heap.KEPT.description + ")",
                String.format(Locale.ROOT, "%.3f", ratio), "<= 1.10", ratio <= 1.10);
        report.row("  same, client CPU time (not a target)", String.format(Locale.ROOT, "%.3f", cpuRatio), "-", null);
        report.row("One ListUsers round trip (median of " + t.roundTrips().length + ", between the loads)",
                ms(roundTripMillis), "-", null);
        report.row("Time to first row (" + of + ")", ms(firstRow) + String.format(Locale.ROOT,
                " (= that round's RT %+.1f ms)", overRoundTrip), "<= RT + 100 ms", overRoundTrip <= 100);
        report.row("Longest FX-thread stall while loading (max of " + runs + ")", ms(maxStall),
                "<= " + ms(STALL_TARGET_MILLIS) + " *", maxStall <= STALL_TARGET_MILLIS);
        report.row("Longest GC pause while loading (freezes the UI too; max of " + runs + ")", maxPause + " ms",
                "<= " + ms(STALL_TARGET_MILLIS) + " *", maxPause <= STALL_TARGET_MILLIS);
        report.ratio(String.format(Locale.ROOT, "%s: console/raw wall = %.3f (per round: %s; ratio of medians %.3f), "
                        + "client CPU = %.2f, directory/raw wall = %.3f; first row / round trip = %.2f; batches per "
                        + "load %s; other processes used up to %.0f%% of the CPUs during these runs",
                label, ratio, ratios(t), console / raw, cpuRatio, dir / raw, firstRow / roundTripMillis,
                Arrays.toString(t.batches()), 100 * maxForeign(t)));
    }

    /** The same comparison when every path starts from a heap shrunk to the live data: shown, no target. */
    private void addShrunkComparison(String label, Timings t) {
        int n = t.raw().length;
        double ratio = median(perRound(t, i -> t.console()[i].wallNanos() / (double) t.raw()[i].wallNanos()));
        double cpuRatio = median(perRound(t, i -> t.console()[i].cpuNanos() / (double) t.raw()[i].cpuNanos()));
        report.row("  same, " + Heap.SHRUNK.description + " (median of " + n + "; not the target)",
                String.format(Locale.ROOT, "%.3f (raw %s, console %s; CPU %.3f)", ratio,
                        s(median(wall(t.raw())) / 1e9), s(median(wall(t.console())) / 1e9) + cpuGc(t.console()),
                        cpuRatio), "-", null);
        report.ratio(String.format(Locale.ROOT, "%s, %s: console/raw wall = %.3f (per round: %s), client CPU = %.2f",
                label, Heap.SHRUNK.description, ratio, ratios(t), cpuRatio));
    }

    private double[] perRound(Timings t, java.util.function.IntToDoubleFunction f) {
        double[] values = new double[t.raw().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = f.applyAsDouble(i);
        }
        return values;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    private static String cpuGc(Sample[] samples) {
        return String.format(Locale.ROOT, " (CPU %.2f s, GC %.0f ms)", median(cpu(samples)) / 1e9,
                median(gc(samples)));
    }

    private static double maxForeign(Timings t) {
        return java.util.stream.Stream.of(t.raw(), t.directory(), t.console()).flatMap(Arrays::stream)
                .mapToDouble(Sample::foreignShare).max().orElse(-1);
    }

    private static String ratios(Timings t) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < t.raw().length; i++) {
            parts.add(String.format(Locale.ROOT, "%.3f",
                    t.console()[i].wallNanos() / (double) t.raw()[i].wallNanos()));
        }
        return String.join(", ", parts);
    }

    private record ConsoleRun(ConsoleLoad.Result result, Sample sample) {
    }

    private ConsoleRun consoleOnce(String what, Wiring wiring, dev.cognitoconsole.model.PoolSelection selection,
                                   int expected, Fx.StallWatchdog watchdog, Duration timeout)
            throws InterruptedException {
        Meter meter = Meter.start();
        ConsoleLoad.Loaded loaded = ConsoleLoad.run(wiring.directory, wiring.executor, selection, expected, watchdog,
                timeout);
        Sample sample = Sample.of(loaded.result().allRowsNanos(), meter, Meter.WORKERS.or(Meter.FX_THREAD));
        requireComplete(what, loaded.result(), expected);
        // Let the ViewModel and its rows go before the next run.
        Fx.run(() -> loaded.viewModel().show(null));
        return new ConsoleRun(loaded.result(), sample);
    }

    private static void requireComplete(String what, ConsoleLoad.Result result, int expected) {
        if (!result.complete(expected)) {
            throw new IllegalStateException(what + ": the console loaded " + result.rows() + " of " + expected
                    + " rows" + (result.failure() == null ? "" : " (" + result.failure() + ")"));
        }
    }

    /** Every page through the SDK's paginator on the console's client, on this thread. */
    private static Sample rawPaginator(CognitoIdentityProviderClient client, String poolId, int expected) {
        String me = Thread.currentThread().getName();
        Meter meter = Meter.start();
        long t0 = System.nanoTime();
        int count = 0;
        for (ListUsersResponse page : client.listUsersPaginator(r -> r.userPoolId(poolId).limit(60))) {
            count += page.users().size();
        }
        long elapsed = System.nanoTime() - t0;
        if (count != expected) {
            throw new IllegalStateException("The paginator listed " + count + " of " + expected + " users");
        }
        return Sample.of(elapsed, meter, me::equals);
    }

    /** Every page through the console's SdkUserDirectory (SDK plus mapping to PoolUser), no ViewModel. */
    private static Sample directoryLoop(Wiring wiring, String poolId, int expected) {
        String me = Thread.currentThread().getName();
        Meter meter = Meter.start();
        long t0 = System.nanoTime();
        int count = 0;
        String token = null;
        do {
            var page = wiring.directory.listUsers(wiring.connection, poolId, token);
            count += page.items().size();
            token = page.hasMore() ? page.nextToken() : null;
        } while (token != null);
        long elapsed = System.nanoTime() - t0;
        if (count != expected) {
            throw new IllegalStateException("The directory listed " + count + " of " + expected + " users");
        }
        return Sample.of(elapsed, meter, me::equals);
    }

    private static long singleCall(CognitoIdentityProviderClient client, String poolId) {
        long t0 = System.nanoTime();
        ListUsersResponse page = client.listUsers(r -> r.userPoolId(poolId).limit(60));
        long elapsed = System.nanoTime() - t0;
        if (page.users().isEmpty()) {
            throw new IllegalStateException("ListUsers answered no users");
        }
        return elapsed;
    }

    private static long[] times(int n, LongSupplier measure) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = measure.getAsLong();
        }
        return values;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    private static String s(double seconds) {
        return String.format(Locale.ROOT, "%.3f s", seconds);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /** The printed table. */
    private static final class Report {
        private final List<String[]> rows = new ArrayList<>();
        private final List<String> ratios = new ArrayList<>();

        void section(String title) {
            rows.add(new String[] {title});
        }

        /** {@code pass} null: a figure without a target. */
        void row(String metric, String measured, String target, Boolean pass) {
            rows.add(new String[] {metric, measured, target, pass == null ? "" : pass ? "PASS" : "FAIL"});
        }

        void ratio(String line) {
            ratios.add(line);
        }

        void print(String footer) {
            int[] width = {6, 8, 6, 4};
            for (String[] row : rows) {
                if (row.length > 1) {
                    for (int i = 0; i < 4; i++) {
                        width[i] = Math.max(width[i], row[i].length());
                    }
                }
            }
            String format = "| %-" + width[0] + "s | %-" + width[1] + "s | %-" + width[2] + "s | %-" + width[3] + "s |%n";
            String rule = "|" + "-".repeat(width[0] + 2) + "|" + "-".repeat(width[1] + 2) + "|"
                    + "-".repeat(width[2] + 2) + "|" + "-".repeat(width[3] + 2) + "|";
            StringBuilder out = new StringBuilder("\n");
            out.append(String.format(format, "Metric", "Measured", "Target", "Pass"));
            out.append(rule).append('\n');
            for (String[] row : rows) {
                if (row.length == 1) {
                    out.append(String.format(format, "**" + row[0] + "**", "", "", ""));
                } else {
                    out.append(String.format(format, (Object[]) row));
                }
            }
            out.append("\n* no target was given for FX-thread stalls; the bench uses 100 ms (a delay an operator"
                    + " notices).\n\nRatios:\n");
            ratios.forEach(r -> out.append("  ").append(r).append('\n'));
            out.append('\n').append(footer).append('\n');
            System.out.print(out);
            System.out.flush();
        }
    }
}
