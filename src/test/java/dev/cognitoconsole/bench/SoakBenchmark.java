package dev.cognitoconsole.bench;

import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditLog;
import dev.cognitoconsole.aws.ClientSettings;
import dev.cognitoconsole.aws.CognitoClients;
import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.aws.RateBudgets;
import dev.cognitoconsole.aws.SdkUserDirectory;
import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.common.BackgroundTaskExecutor;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Sleeper;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.Canaries;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.StatefulCognito;
import dev.cognitoconsole.testing.StatefulCognito.Fault;
import dev.cognitoconsole.testing.StatefulCognito.FaultPlan;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersViewModel;
import dev.cognitoconsole.writes.UserWrites;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * {@code mvn -Pbench-soak}: a long mixed run of listings and writes through the console's own wiring (SDK client,
 * {@link UsersViewModel} on the FX thread with the background executor, audit log on disk) against a stub that keeps
 * state and answers 30% of requests with a fault (throttling, 5xx, resets, broken and empty bodies, answers slower
 * than the attempt timeout). The operator follows every banner's Retry, as a patient support agent would.
 *
 * <p>Prints the requests made, the faults met, the operations completed, rows lost and users shown twice after each
 * complete listing, writes applied more often than they were tried, writes shown done that the server does not
 * hold, the longest FX-thread stall and the heap after GC at the start and the end. It measures; it asserts nothing.
 * -Dsoak.minutes (default 10), -Dsoak.faultRate (0.3), -Dsoak.users (600), -Dsoak.seed.
 */
public final class SoakBenchmark {
    private static final String POOL_ID = "us-east-1_SoakPool";
    private static final String PROFILE = "bench-soak";
    private static final String REGION = "us-east-1";
    private static final List<String> FAULTED = List.of("ListUsers", "AdminGetUser", "AdminDisableUser",
            "AdminEnableUser");
    private static final List<Fault> FAULTS = List.of(Fault.THROTTLE, Fault.INTERNAL_ERROR, Fault.HTTP_502,
            Fault.HTTP_503, Fault.SLOW, Fault.RESET, Fault.MALFORMED_CHUNK, Fault.EMPTY_RESPONSE, Fault.TRUNCATED_JSON,
            Fault.EMPTY_200);
    private static final int RETRIES_PER_OPERATION = 20;

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "10"));
        double faultRate = Double.parseDouble(System.getProperty("soak.faultRate", "0.3"));
        int userCount = Integer.getInteger("soak.users", 600);
        long seed = Long.getLong("soak.seed", 20261125L);
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench-soak"));
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("audit.jsonl"));
        System.out.printf(Locale.ROOT, "Soak: %.1f min of listings and writes, %,d users, %.0f%% of requests faulted "
                + "(seed %d)%n", minutes, userCount, 100 * faultRate, seed);

        Fx.start();
        try (StatefulCognito cognito = StatefulCognito.start()) {
            cognito.pool(POOL_ID, "Soak", CognitoStub.users("soak", userCount))
                    .latency(seed, Duration.ofMillis(20))
                    .slowDelay(Duration.ofMillis(1_500))
                    .faults(FaultPlan.seeded(seed, faultRate, FAULTED, FAULTS));
            Soak soak = new Soak(cognito, dir, seed);
            soak.run(Duration.ofMillis((long) (minutes * 60_000)));
            soak.print();
        } finally {
            Platform.exit();
        }
    }

    private static final class Soak {
        private final StatefulCognito cognito;
        private final Path auditFile;
        private final Random random;
        private final PoolSelection target;
        private final CognitoClients clients;
        private final BackgroundTaskExecutor executor = new BackgroundTaskExecutor(Platform::runLater, 4);
        // The console's own page threads, so that whole-pool listings go in slices of sub as in the app.
        private final BackgroundTaskExecutor pageRequests =
                new BackgroundTaskExecutor(Runnable::run, UsersViewModel.LISTING_REQUESTS);
        private final AtomicLong slicedPages = new AtomicLong();
        private final BannerViewModel banner = new BannerViewModel();
        private final UsersViewModel users;
        private final Map<String, Integer> banners = new TreeMap<>();
        private final Map<String, Integer> triesByUser = new HashMap<>();

        private int listings;
        private int listingsComplete;
        private int listingsGivenUp;
        private long rowsLost;
        private long rowsTwice;
        private int writes;
        private int writesConfirmed;
        private int writesGivenUp;
        private int shownWrongly;
        private double maxStallMillis;
        private long heapStart;
        private long heapEnd;
        private Duration elapsed;

        Soak(StatefulCognito cognito, Path dir, long seed) throws Exception {
            this.cognito = cognito;
            this.auditFile = dir.resolve("audit.jsonl");
            this.random = new Random(seed);
            Path config = dir.resolve("aws-config");
            Path credentials = dir.resolve("aws-credentials");
            Files.writeString(config, "[profile " + PROFILE + "]\nregion = " + REGION + "\nendpoint_url = "
                    + cognito.endpoint() + "\n" + Canaries.profileKeys(), StandardCharsets.UTF_8);
            Files.writeString(credentials, "", StandardCharsets.UTF_8);
            ProfileCatalog catalog = ProfileCatalog.fromFiles(config, credentials, PROFILE);
            AwsProfile profile = catalog.profiles().get(0);
            target = new PoolSelection(new Connection(profile, REGION), new UserPool(POOL_ID, "Soak"));
            clients = new CognitoClients(catalog, new ClientSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(10),
                    Duration.ofSeconds(1)));
            DialogService confirming = confirmation -> true;
            AuditLog audit = new AuditLog(auditFile, Clock.systemUTC(), "soak");
            SdkUserDirectory directory = new SdkUserDirectory(clients, RateBudgets.unlimited());
            cognito.onArrival((operation, n, body) -> {
                if (operation.equals("ListUsers") && body.path("Filter").asText("").startsWith("sub ^=")) {
                    slicedPages.incrementAndGet();
                }
            });
            users = Fx.call(() -> new UsersViewModel(directory, executor, banner, confirming, System::nanoTime,
                    Sleeper.SYSTEM, Clock.systemUTC(),
                    new UserWrites(directory, audit, WriteSafety.NONE, connection -> Optional.empty()),
                    WriteSafety.NONE, pageRequests));
        }

        void run(Duration length) {
            heapStart = heapAfterGc();
            long start = System.nanoTime();
            long end = start + length.toNanos();
            long nextReport = start + Duration.ofSeconds(30).toNanos();
            try (Fx.StallWatchdog watchdog = new Fx.StallWatchdog()) {
                list();
                while (System.nanoTime() < end) {
                    if (random.nextInt(10) < 3) {
                        list();
                    } else {
                        write();
                    }
                    if (System.nanoTime() > nextReport) {
                        nextReport += Duration.ofSeconds(30).toNanos();
                        System.out.printf(Locale.ROOT, "  %4.0f s  %,d requests, %,d faults, %d listings, %d writes, "
                                        + "stall so far %.0f ms%n", (System.nanoTime() - start) / 1e9,
                                cognito.requestsInAll(), cognito.faultsInAll(), listings, writes,
                                watchdog.maxStallMillis());
                    }
                }
                maxStallMillis = watchdog.maxStallMillis();
            }
            elapsed = Duration.ofNanos(System.nanoTime() - start);
            executor.close();
            pageRequests.close();
            clients.close();
            heapEnd = heapAfterGc();
        }

        /** Lists the pool from the start, following Retry until it ends; then compares the rows with the server. */
        private void list() {
            listings++;
            Fx.run(() -> {
                if (users.selectionProperty().get() == null) {
                    users.show(target);
                } else {
                    users.refresh();
                }
            });
            if (!followBanners(() -> !Fx.call(() -> users.loadingProperty().get()))) {
                listingsGivenUp++;
                return;
            }
            listingsComplete++;
            Map<String, Boolean> server = new HashMap<>();
            cognito.users(POOL_ID).forEach((name, user) -> server.put(name, user.enabled()));
            List<String> shown = Fx.call(() -> users.rows().stream().map(r -> r.getUser().username()).toList());
            Set<String> seen = new HashSet<>();
            for (String name : shown) {
                if (!seen.add(name)) {
                    rowsTwice++;
                }
            }
            rowsLost += server.keySet().stream().filter(name -> !seen.contains(name)).count();
        }

        /** Disables or enables a random loaded user, following Retry until the change is confirmed. */
        private void write() {
            List<UserRow> rows = Fx.call(() -> List.copyOf(users.rows()));
            if (rows.isEmpty()) {
                list();
                return;
            }
            UserRow row = rows.get(random.nextInt(rows.size()));
            String who = row.getUser().username();
            boolean wanted = !Fx.call(() -> row.getUser().enabled());
            writes++;
            Fx.run(() -> users.toggle(row));
            triesByUser.merge(who, 1, Integer::sum);
            boolean ended = followBanners(() -> !Fx.call(row::isBusy), () -> triesByUser.merge(who, 1, Integer::sum));
            if (!ended) {
                writesGivenUp++;
                return;
            }
            writesConfirmed++;
            boolean shownDone = Fx.call(() -> row.getUser().enabled()) == wanted;
            if (shownDone && cognito.enabled(POOL_ID, who) != wanted) {
                shownWrongly++;
            }
        }

        private boolean followBanners(BooleanSupplier finished) {
            return followBanners(finished, () -> { });
        }

        /**
         * Waits until the operation finishes; each banner met is counted and its Retry (else Refresh, else Continue)
         * pressed. True when it ended without a banner; false after too many banners, or a banner with nothing to do.
         */
        private boolean followBanners(BooleanSupplier finished, Runnable retried) {
            for (int round = 0; round <= RETRIES_PER_OPERATION; round++) {
                while (!finished.getAsBoolean()) {
                    LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                }
                Fx.drain();
                Notice notice = Fx.call(banner::getNotice);
                if (notice == null) {
                    return true;
                }
                banners.merge(notice.code(), 1, Integer::sum);
                Optional<Notice.Action> next = notice.actions().stream()
                        .filter(a -> a.label().equals("Retry")).findFirst();
                if (next.isPresent()) {
                    retried.run();
                } else {
                    next = notice.actions().stream().findFirst();
                }
                if (next.isEmpty()) {
                    Fx.run(banner::dismiss);
                    return false;
                }
                Notice.Action action = next.get();
                Fx.run(() -> banner.perform(action));
            }
            Fx.run(banner::dismiss);
            return false;
        }

        void print() throws Exception {
            List<AuditEntry> audit = AuditLog.read(auditFile).entries();
            Map<String, List<AuditEntry.Phase>> byOperation = new HashMap<>();
            Map<String, Integer> notRefused = new HashMap<>();
            for (AuditEntry e : audit) {
                if (e.outcome() == AuditEntry.Outcome.SKIPPED) {
                    continue; // a user left alone: one line, no write
                }
                byOperation.computeIfAbsent(e.operationId(), k -> new ArrayList<>()).add(e.phase());
                if (e.phase() == AuditEntry.Phase.OUTCOME && e.outcome() != AuditEntry.Outcome.FAILED) {
                    notRefused.merge(e.username(), 1, Integer::sum);
                }
            }
            long unpaired = byOperation.values().stream().filter(p -> !p.equals(List.of(AuditEntry.Phase.ATTEMPT,
                    AuditEntry.Phase.OUTCOME))).count();
            long appliedTwice = 0;
            for (String user : cognito.users(POOL_ID).keySet()) {
                appliedTwice += Math.max(0, cognito.changes(POOL_ID, user) - notRefused.getOrDefault(user, 0));
            }
            long attempts = audit.stream().filter(e -> e.phase() == AuditEntry.Phase.ATTEMPT).count();
            System.out.println();
            System.out.println("| Soak figure | Value |");
            System.out.println("| --- | --- |");
            row("Duration", String.format(Locale.ROOT, "%.1f min", elapsed.toMillis() / 60_000.0));
            row("Requests made (HTTP, SDK retries included)", String.format(Locale.ROOT, "%,d", cognito.requestsInAll()));
            row("Faults injected", String.format(Locale.ROOT, "%,d (%.0f%%): %s", cognito.faultsInAll(),
                    100.0 * cognito.faultsInAll() / Math.max(1, cognito.requestsInAll()), cognito.faultsInjected()));
            row("Banners met (after the SDK's and the listing's own retries)", banners.toString());
            row("Listings completed / started (gave up after " + RETRIES_PER_OPERATION + " banners)",
                    listingsComplete + " / " + listings + (listingsGivenUp > 0 ? " (" + listingsGivenUp + " given up)" : ""));
            row("Writes completed (banners followed) / started", writesConfirmed + " / " + writes
                    + (writesGivenUp > 0 ? " (" + writesGivenUp + " given up)" : ""));
            row("Audit attempts; attempts without exactly one outcome", attempts + "; " + unpaired);
            row("ListUsers pages asked for by a slice of sub (the listing in slices at work)",
                    String.format(Locale.ROOT, "%,d", slicedPages.get()));
            row("Rows lost after a complete listing (must be 0)", Long.toString(rowsLost));
            row("Users shown twice after a complete listing (must be 0)", Long.toString(rowsTwice));
            row("Writes applied more often than tried (must be 0)", Long.toString(appliedTwice));
            row("Writes shown done that the server does not hold (must be 0)", Integer.toString(shownWrongly));
            row("Longest FX-thread stall", String.format(Locale.ROOT, "%.0f ms", maxStallMillis));
            row("Heap after GC, start → end", String.format(Locale.ROOT, "%.1f MB → %.1f MB", heapStart / 1e6,
                    heapEnd / 1e6));
        }

        private static void row(String what, String value) {
            System.out.println("| " + what + " | " + value + " |");
        }

        private static long heapAfterGc() {
            for (int i = 0; i < 3; i++) {
                System.gc();
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
