package dev.cognitoconsole.bench;

import dev.cognitoconsole.aws.RateBudgets;
import dev.cognitoconsole.aws.SdkUserDirectory;
import dev.cognitoconsole.common.BackgroundTaskExecutor;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.users.UsersViewModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * `mvn -Pbench` (its second part): a whole-pool listing bound by latency, not by the loopback. A
 * {@link PacedCognito} answers every call after a fixed delay and throttles above 30 requests per second; for
 * each pool size and delay it prints the sequential paginator (one page after another, as the AWS CLI and the
 * console before slicing did), the AWS CLI itself when installed, the console at the ListUsers budgets of 15 and
 * 30 per second, the same pool listed again (Refresh, which starts in slices at once), and the bound the budget
 * sets (pages / budget). Also users lost or listed twice, throttled
 * answers, the most requests in one second, the longest FX-thread stall and the heap the rows take. Measures,
 * asserts nothing. -Dbench.paceUsers (10,000), -Dbench.paceBigUsers (100,000; 0 skips),
 * -Dbench.paceDelays (the delays for paceUsers, "100,300").
 */
public final class ListingPaceBenchmark {
    private static final int[] BUDGETS = {15, 30};
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final List<String> LINES = new ArrayList<>();

    private ListingPaceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).resolve("pace");
        int users = Integer.getInteger("bench.paceUsers", 10_000);
        int bigUsers = Integer.getInteger("bench.paceBigUsers", 100_000);
        Fx.start();
        String cli = awsCli();
        print("Latency-bound listing: every answer after a fixed delay, throttled above %d requests/s (server side)",
                PacedCognito.QUOTA);
        print("AWS CLI: %s", cli == null ? "not installed, skipped" : cli);
        print("%-22s %6s %9s %9s %6s %8s %9s %6s %6s %6s %5s %4s %9s %11s %8s %8s", "case", "pages", "sequential",
                "AWS CLI", "budget", "bound s", "console s", "ratio", "sent", "ratio*", "lost", "dup", "throttled",
                "max/s clk|any", "FX stall", "1st row");
        print("  bound: the pool's pages / budget; sent: ListUsers requests the console made; ratio*: console / "
                + "(sent / budget), how closely it keeps to the budget");
        try (Fx.StallWatchdog watchdog = new Fx.StallWatchdog()) {
            if (users > 0) {
                for (String delay : System.getProperty("bench.paceDelays", "100,300").split(",")) {
                    run(dir, users, Long.parseLong(delay.strip()), true, cli, watchdog);
                }
            }
            if (bigUsers > 0) {
                run(dir, bigUsers, 300, false, null, watchdog);
            }
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve("pace.txt"), LINES, StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static void run(Path dir, int size, long delayMillis, boolean sequential, String cli,
                            Fx.StallWatchdog watchdog) throws Exception {
        int pages = (size + 59) / 60;
        String label = String.format("%,d users, %d ms", size, delayMillis);
        try (PacedCognito server = new PacedCognito(size);
             Wiring wiring = Wiring.to(server.endpoint(), dir.resolve("aws-" + size + "-" + delayMillis));
             BackgroundTaskExecutor pageRequests = new BackgroundTaskExecutor(Runnable::run,
                     UsersViewModel.LISTING_REQUESTS)) {
            PoolSelection selection = wiring.selection(PacedCognito.POOL, "Paced");
            String sequentialTime = String.format("~%.0f est", pages * delayMillis / 1000.0);
            // One call first, so that no figure below pays for the SDK client's start.
            server.reset(0);
            wiring.directory.listUsers(selection.connection(), selection.poolId(), null);
            if (sequential) {
                server.reset(delayMillis);
                sequentialTime = String.format("%.1f", sequentialSeconds(wiring, selection, size));
            }
            String cliTime = "-";
            if (cli != null) {
                server.reset(delayMillis);
                cliTime = awsCliSeconds(server, size);
            }
            for (int budget : BUDGETS) {
                RateBudgets budgets = RateBudgets.defaults();
                budgets.setBudget(RateBudgets.Category.USER_LIST, budget);
                SdkUserDirectory directory = new SdkUserDirectory(wiring.clients, budgets);
                server.reset(delayMillis);
                clearWindow();
                boolean measureHeap = !sequential && budget == BUDGETS[0];
                ConsoleLoad.Loaded loaded = ConsoleLoad.run(directory, wiring.executor, pageRequests, selection, size,
                        watchdog, TIMEOUT, null);
                report(label, pages, sequentialTime, cliTime, budget, loaded, server);
                // Refresh: the ViewModel knows the pool is large and skips the first page alone.
                server.reset(delayMillis);
                clearWindow();
                report("  listed again", pages, "", "", budget, ConsoleLoad.again(loaded, size, watchdog, TIMEOUT),
                        server);
                // The rows' heap: with them, then without them in the same state (pools and buffers grown by the load
                // stay in both figures).
                long heapWithRows = measureHeap ? ConsoleLoad.heapUsedAfterGc() : 0;
                Fx.run(() -> loaded.viewModel().show(null));
                if (measureHeap) {
                    long rowsBytes = heapWithRows - ConsoleLoad.heapUsedAfterGc();
                    print("  heap the rows take: %.1f MB for %,d users, %.1f MB per 100k users", rowsBytes / 1048576.0,
                            size, rowsBytes / 1048576.0 * 100_000 / size);
                }
            }
        }
    }

    /** Waits out the budget's window, so that each listing starts as an operator's does, not on the last one's heels. */
    private static void clearWindow() throws InterruptedException {
        Thread.sleep(1_100);
    }

    private static void report(String label, int pages, String sequentialTime, String cliTime, int budget,
                               ConsoleLoad.Loaded loaded, PacedCognito server) throws Exception {
        int size = server.size();
        ConsoleLoad.Result result = loaded.result();
        List<String> names = Fx.call(() -> loaded.viewModel().rows().stream().map(r -> r.getUser().username())
                .toList());
        Set<String> distinct = new HashSet<>(names);
        double seconds = result.doneNanos() / 1e9;
        double bound = (double) pages / budget;
        long sent = server.requests();
        print("%-22s %6d %9s %9s %6d %8.1f %9.1f %6.2f %6d %6.2f %5d %4d %9d %6d|%-6d %6.0f ms %5.0f ms%s", label, pages,
                sequentialTime, cliTime, budget, bound, seconds, seconds / bound, sent,
                seconds / ((double) sent / budget), size - distinct.size(), names.size() - distinct.size(),
                server.throttled(), server.busiestClockSecond(), server.busiestSecond(), result.maxStallMillis(),
                result.firstRowNanos() / 1e6, result.failure() == null ? "" : "  FAILED: " + result.failure());
    }

    /** One page after another through the console's own directory, as a plain paginator does. */
    private static double sequentialSeconds(Wiring wiring, PoolSelection selection, int size) {
        SdkUserDirectory directory = new SdkUserDirectory(wiring.clients, RateBudgets.defaults());
        long start = System.nanoTime();
        int listed = 0;
        String token = null;
        do {
            Page<PoolUser> page = directory.listUsers(selection.connection(), selection.poolId(), token);
            listed += page.items().size();
            token = page.hasMore() ? page.nextToken() : null;
        } while (token != null);
        if (listed != size) {
            print("  sequential listed %,d of %,d users", listed, size);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String awsCli() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(folder, "aws");
            if (Files.isExecutable(candidate)) {
                try {
                    Process p = new ProcessBuilder(candidate.toString(), "--version").redirectErrorStream(true).start();
                    String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    return p.waitFor() == 0 ? candidate + " (" + version + ")" : null;
                } catch (IOException | InterruptedException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The AWS CLI's own paginator listing the pool (process start included), or why it did not. */
    private static String awsCliSeconds(PacedCognito server, int size) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("aws", "cognito-idp", "list-users", "--user-pool-id",
                PacedCognito.POOL, "--endpoint-url", server.endpoint().toString(), "--region", "us-east-1",
                "--query", "Users[].Username", "--output", "text").redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDBENCHMARK00000000");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "benchmark/benchmark/benchmark/benchmark0");
        builder.environment().put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        builder.environment().remove("AWS_PROFILE");
        long start = System.nanoTime();
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            return "failed";
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // The CLI prints each page's usernames on a line of their own.
        long listed = out.isEmpty() ? 0 : out.split("\\s+").length;
        return listed == size ? String.format("%.1f", seconds) : "listed " + listed;
    }

    private static void print(String format, Object... args) {
        String line = String.format(format, args);
        LINES.add(line);
        System.out.println(line);
    }
}
