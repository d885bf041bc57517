package dev.cognitoconsole.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditLog;
import dev.cognitoconsole.aws.ClientSettings;
import dev.cognitoconsole.aws.CognitoClients;
import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.aws.RateBudgets;
import dev.cognitoconsole.aws.SdkUserDirectory;
import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.bulk.BulkOutcome;
import dev.cognitoconsole.bulk.BulkResultRow;
import dev.cognitoconsole.bulk.BulkRunViewModel;
import dev.cognitoconsole.common.BackgroundTaskExecutor;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Sleeper;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoTransformer;
import dev.cognitoconsole.testing.ForwardingUserDirectory;
import dev.cognitoconsole.testing.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code mvn -Pbench-bulk}: a bulk disable of 2,000 users (-Dbench.bulkUsers) through the console's own wiring
 * (SDK client, rate budgets, audit log on disk, {@link BulkRunViewModel} on a background executor) against
 * WireMock, which throttles AdminDisableUser like Cognito: more than 20 calls accepted within one second
 * (-Dbench.serverLimit) get TooManyRequestsException. Runs once with the console's default update budget (10
 * requests per second) and once with the budget at 25 (-Dbench.budgets=10,25), and prints for each the achieved
 * rate, the users lost and changed twice (both must be 0), and the audit lines against the write calls. Exits 1
 * when a check fails.
 */
public final class BulkBenchmark {
    private static final String POOL_ID = "us-east-1_BulkBench";
    private static final String PROFILE = "bench-bulk";
    private static final String REGION = "us-east-1";

    private BulkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.getInteger("bench.bulkUsers", 2000);
        int serverLimit = Integer.getInteger("bench.serverLimit", 20);
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench-bulk"));
        List<Integer> budgets = new ArrayList<>();
        for (String b : System.getProperty("bench.budgets", "10,25").split(",")) {
            budgets.add(Integer.parseInt(b.strip()));
        }
        System.out.printf(Locale.ROOT, "Bulk disable of %,d users through WireMock; the server accepts at most %d "
                + "AdminDisableUser per second and throttles the rest.%n", users, serverLimit);
        System.out.printf(Locale.ROOT, "Read budget (AdminGetUser) at the console's default, %d/s: each user is read "
                + "twice (before and after), so reads alone allow %d users/s.%n%n",
                RateBudgets.Category.USER_READ.defaultBudget(), RateBudgets.Category.USER_READ.defaultBudget() / 2);
        List<Result> results = new ArrayList<>();
        for (int budget : budgets) {
            results.add(run(users, budget, serverLimit, dir.resolve("budget-" + budget)));
        }
        System.out.println();
        System.out.println("| update budget | elapsed | achieved rate | peak AdminDisableUser arrivals in 1 s | AdminDisableUser HTTP "
                + "(incl. SDK retries) | throttled answers | console write calls | audit attempts | audit outcomes "
                + "| users lost | users changed twice | outcomes | check |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        boolean pass = true;
        for (Result r : results) {
            System.out.println(r.row());
            pass &= r.pass();
        }
        System.out.println();
        System.out.println(pass ? "PASS: no user lost, none changed twice, one audit attempt and one outcome per write"
                : "FAIL: see the table above");
        System.exit(pass ? 0 : 1);
    }

    private record Result(int budget, int users, Duration elapsed, int accepted, int peak, long received,
                          long throttled, long writeCalls, long attempts, long outcomes, int lost, int twice,
                          Map<BulkOutcome, Integer> outcomesByKind) {
        double rate() {
            return accepted / (elapsed.toNanos() / 1e9);
        }

        boolean pass() {
            return lost == 0 && twice == 0 && attempts == writeCalls && outcomes == attempts && accepted == users;
        }

        String row() {
            return String.format(Locale.ROOT, "| %d/s | %.1f s | %.2f users/s (%.0f%% of budget) | %d | %d | %d | %d "
                            + "| %d | %d | %d | %d | %s | %s |",
                    budget, elapsed.toNanos() / 1e9, rate(), 100 * rate() / budget, peak, received, throttled,
                    writeCalls, attempts, outcomes, lost, twice, outcomesByKind, pass() ? "PASS" : "FAIL");
        }
    }

    private static Result run(int users, int budget, int serverLimit, Path dir) throws Exception {
        Trees.delete(dir);
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>(users);
        for (int i = 1; i <= users; i++) {
            names.add(String.format("bulk-%05d", i));
        }
        ThrottledPool pool = new ThrottledPool(names, serverLimit);
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(16)
                .jettyAcceptors(1)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
                .extensionScanningEnabled(false)
                .notifier(new Slf4jNotifier(false))
                .extensions(pool));
        server.start();
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers(ThrottledPool.NAME)));

        Path config = dir.resolve("aws-config");
        Path credentials = dir.resolve("aws-credentials");
        Files.writeString(config, "[profile " + PROFILE + "]\nregion = " + REGION + "\nendpoint_url = http://127.0.0.1:"
                + server.port() + "\naws_access_key_id = AKIDBULKBENCH0000000\n"
                + "aws_secret_access_key = bulk/bench/bulk/bench/bulk/bench/0000\n", StandardCharsets.UTF_8);
        Files.writeString(credentials, "", StandardCharsets.UTF_8);
        ProfileCatalog catalog = ProfileCatalog.fromFiles(config, credentials, PROFILE);
        AwsProfile profile = catalog.profiles().stream().filter(p -> p.name().equals(PROFILE)).findFirst().orElseThrow();
        Connection connection = new Connection(profile, REGION);
        PoolSelection target = new PoolSelection(connection, new UserPool(POOL_ID, "Bulk bench"));

        RateBudgets budgets = RateBudgets.defaults();
        budgets.setBudget(RateBudgets.Category.USER_UPDATE, budget);
        Path auditFile = dir.resolve("audit.jsonl");
        AuditLog audit = new AuditLog(auditFile, Clock.systemUTC(), "bench");
        ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-ui");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch finished = new CountDownLatch(1);
        try (CognitoClients clients = new CognitoClients(catalog, ClientSettings.defaults());
             BackgroundTaskExecutor executor = new BackgroundTaskExecutor(uiThread, 4)) {
            CountingDirectory directory = new CountingDirectory(new SdkUserDirectory(clients, budgets));
            DialogService dialogs = new DialogService() {
                @Override
                public boolean confirm(Confirmation confirmation) {
                    return false;
                }

                @Override
                public Optional<BulkAnswer> confirmBulk(BulkConfirmation confirmation) {
                    return Optional.of(new BulkAnswer("BENCH-" + budget, Integer.toString(confirmation.count()), false));
                }
            };
            BulkRunViewModel vm = new BulkRunViewModel(directory, audit, executor, dialogs, System::nanoTime,
                    Sleeper.SYSTEM, (p, read) -> { });
            long start = System.nanoTime();
            uiThread.submit(() -> {
                vm.stateProperty().addListener((obs, old, now) -> {
                    if (!now.active() && now != BulkRunViewModel.RunState.IDLE) {
                        finished.countDown();
                    }
                });
                if (!vm.request(UserAction.DISABLE, target, names, "bench", List.of())) {
                    throw new IllegalStateException("Not started: " + vm.problemProperty().get());
                }
            }).get();
            System.out.printf(Locale.ROOT, "Budget %d/s: running…%n", budget);
            while (!finished.await(15, TimeUnit.SECONDS)) {
                String progress = uiThread.submit(() -> String.format(Locale.ROOT, "%.0f%% · %s · %s",
                        100 * vm.progressProperty().get(), vm.summaryProperty().get(),
                        vm.remainingTextProperty().get())).get();
                System.out.printf(Locale.ROOT, "  %5.0f s  %s  (throttled so far: %d)%n",
                        (System.nanoTime() - start) / 1e9, progress, pool.throttled.get());
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Map<BulkOutcome, Integer> byKind = uiThread.submit(() -> {
                Map<BulkOutcome, Integer> counts = new EnumMap<>(BulkOutcome.class);
                for (BulkResultRow row : vm.results()) {
                    counts.merge(row.getOutcome(), 1, Integer::sum);
                }
                return counts;
            }).get();
            List<AuditEntry> entries = AuditLog.read(auditFile).entries();
            long attempts = entries.stream().filter(e -> e.phase() == AuditEntry.Phase.ATTEMPT).count();
            long outcomes = entries.stream().filter(e -> e.phase() == AuditEntry.Phase.OUTCOME
                    && e.outcome() != AuditEntry.Outcome.SKIPPED).count();
            int lost = (int) names.stream().filter(pool::enabled).count();
            Result result = new Result(budget, users, elapsed, pool.accepted.get(), pool.peak(), pool.received.get(),
                    pool.throttled.get(), directory.writes.get(), attempts, outcomes, lost, pool.writtenTwice(), byKind);
            System.out.printf(Locale.ROOT, "Budget %d/s: %,d users in %.1f s, %.2f users/s; %s%n", budget, users,
                    elapsed.toNanos() / 1e9, result.rate(), byKind);
            return result;
        } finally {
            server.stop();
            uiThread.shutdownNow();
        }
    }

    /** Counts the write calls the console makes (each is one AdminDisableUser call, before the SDK's retries). */
    private static final class CountingDirectory extends ForwardingUserDirectory {
        private final AtomicLong writes = new AtomicLong();

        CountingDirectory(UserDirectory inner) {
            super(inner);
        }

        @Override
        public void disableUser(Connection connection, String poolId, String username) {
            writes.incrementAndGet();
            inner.disableUser(connection, poolId, username);
        }

        @Override
        public void enableUser(Connection connection, String poolId, String username) {
            writes.incrementAndGet();
            inner.enableUser(connection, poolId, username);
        }
    }

    /**
     * One pool held in memory: AdminGetUser answers each user's state, AdminDisableUser changes it, and more than
     * {@code limit} AdminDisableUser calls accepted within the last second get Cognito's TooManyRequestsException.
     */
    static final class ThrottledPool extends CognitoTransformer {
        static final String NAME = "throttled-pool";
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

        private final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> writes = new ConcurrentHashMap<>();
        private final int limit;
        private final Deque<Long> window = new ArrayDeque<>();
        private final Deque<Long> arrivals = new ArrayDeque<>();
        private int peak;
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicLong received = new AtomicLong();
        final AtomicLong throttled = new AtomicLong();

        ThrottledPool(List<String> usernames, int limit) {
            super(NAME, "b0b0b0b0-0000-4000-8000-");
            this.limit = limit;
            usernames.forEach(u -> enabled.put(u, true));
        }

        boolean enabled(String username) {
            return enabled.get(username);
        }

        synchronized int peak() {
            return peak;
        }

        int writtenTwice() {
            return (int) writes.values().stream().filter(n -> n.get() > 1).count();
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String requestId = nextRequestId();
            String operation = CognitoStub.operationOf(event.getRequest().getHeader("X-Amz-Target"));
            JsonNode body;
            try {
                body = JSON.readTree(event.getRequest().getBody());
            } catch (IOException e) {
                return error(400, "SerializationException", "Malformed request body", requestId);
            }
            String username = body.path("Username").asText("");
            if (!POOL_ID.equals(body.path("UserPoolId").asText())) {
                return error(400, "ResourceNotFoundException", "User pool does not exist.", requestId);
            }
            Boolean state = enabled.get(username);
            switch (operation) {
                case "AdminGetUser" -> {
                    if (state == null) {
                        return error(400, "UserNotFoundException", "User does not exist.", requestId);
                    }
                    return ok(CognitoStub.user(username).withEnabled(state).adminGetUserJson().toString(), requestId);
                }
                case "AdminDisableUser" -> {
                    received.incrementAndGet();
                    if (!admit()) {
                        throttled.incrementAndGet();
                        return error(400, "TooManyRequestsException", "Rate exceeded", requestId);
                    }
                    if (state == null) {
                        return error(400, "UserNotFoundException", "User does not exist.", requestId);
                    }
                    enabled.put(username, false);
                    accepted.incrementAndGet();
                    writes.computeIfAbsent(username, u -> new AtomicInteger()).incrementAndGet();
                    return ok("{}", requestId);
                }
                default -> {
                    return error(400, "InvalidParameterException", "Not served here: " + operation, requestId);
                }
            }
        }

        // A sliding one-second window of accepted calls; the peak counts every call that arrived, SDK retries too.
        private synchronized boolean admit() {
            long now = System.nanoTime();
            while (!window.isEmpty() && now - window.peekFirst() >= SECOND) {
                window.removeFirst();
            }
            while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= SECOND) {
                arrivals.removeFirst();
            }
            arrivals.addLast(now);
            peak = Math.max(peak, arrivals.size());
            if (window.size() >= limit) {
                return false;
            }
            window.addLast(now);
            return true;
        }

    }
}
