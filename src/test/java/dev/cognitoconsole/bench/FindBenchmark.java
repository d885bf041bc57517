package dev.cognitoconsole.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cognitoconsole.aws.ClientSettings;
import dev.cognitoconsole.aws.CognitoClients;
import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.aws.RateBudgets;
import dev.cognitoconsole.aws.SdkUserDirectory;
import dev.cognitoconsole.common.BackgroundTaskExecutor;
import dev.cognitoconsole.find.FindViewModel;
import dev.cognitoconsole.find.PoolLists;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoTransformer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;

/**
 * "Find user" across 50 pools of 10,000 users each, every call answered after 100 ms, the ListUsers budget at its
 * default: the time from Enter to the last pool answered against the bound the budget sets (pools ÷ budget + one
 * round trip), and the first result's delay after the pool listing, in round trips. The stub applies each ListUsers
 * filter to the pool's synthetic users, as Cognito does. Measures and asserts nothing.
 */
public final class FindBenchmark {
    private static final int POOLS = Integer.getInteger("bench.findPools", 50);
    private static final int USERS = Integer.getInteger("bench.findUsers", 10_000);
    private static final int LATENCY_MILLIS = Integer.getInteger("bench.findLatencyMillis", 100);
    private static final int RUNS = Integer.getInteger("bench.findRuns", 5);
    private static final int WARMUPS = Integer.getInteger("bench.findWarmups", 1);
    private static final String REGION = "us-east-1";

    private FindBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench")).resolve("find");
        Files.createDirectories(dir);
        FilteredUsers users = new FilteredUsers();
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(64).disableRequestJournal().gzipDisabled(true).stubRequestLoggingDisabled(true)
                .extensionScanningEnabled(false).notifier(new Slf4jNotifier(false)).extensions(users));
        server.start();
        try {
            server.setGlobalFixedDelay(LATENCY_MILLIS);
            StringBuilder pools = new StringBuilder("{\"UserPools\":[");
            for (int p = 0; p < POOLS; p++) {
                pools.append(p == 0 ? "" : ",").append("{\"Id\":\"").append(poolId(p)).append("\",\"Name\":\"app-")
                        .append(p).append("\"}");
            }
            server.stubFor(post(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo(CognitoStub.TARGET_PREFIX + "ListUserPools"))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", CognitoStub.CONTENT_TYPE)
                            .withBody(pools.append("]}").toString())));
            server.stubFor(post(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo(CognitoStub.TARGET_PREFIX + "ListUsers"))
                    .willReturn(aResponse().withTransformers(FilteredUsers.NAME)));
            ProfileCatalog catalog = catalog(dir, "http://127.0.0.1:" + server.port());
            AwsProfile profile = catalog.profiles().get(0);
            int budget = RateBudgets.Category.USER_LIST.defaultBudget();
            double roundTrip = LATENCY_MILLIS / 1000.0;
            double bound = POOLS / (double) budget + roundTrip;
            System.out.printf("Find user: %d pools x %,d users, %d ms per call, ListUsers budget %d/s; bound %.2f s%n",
                    POOLS, USERS, LATENCY_MILLIS, budget, bound);
            String target = SyntheticPool.username(USERS / 2);
            for (int run = 1 - WARMUPS; run <= RUNS; run++) {
                String name = run < 1 ? "warm-up (cold JVM)" : "run " + run;
                try (CognitoClients clients = new CognitoClients(catalog, ClientSettings.defaults())) {
                    SdkUserDirectory directory = new SdkUserDirectory(clients, RateBudgets.defaults());
                    PoolLists lists = new PoolLists(directory);
                    Timing first = search(directory, lists, new Connection(profile, REGION), target);
                    Timing second = search(directory, lists, new Connection(profile, REGION), target);
                    print(name + ", pools listed", first, bound, roundTrip);
                    print(name + ", pool list kept", second, bound, roundTrip);
                }
            }
            System.out.printf("ListUsers calls answered: %d%n", users.requestsAnswered());
        } finally {
            server.stop();
        }
    }

    private static void print(String label, Timing t, double bound, double roundTrip) {
        double lastSeconds = t.lastNanos / 1e9;
        double afterListing = (t.firstNanos - t.listedNanos) / 1e9;
        System.out.printf("  %-36s found %d; last pool answered after %.2f s = %.2f x bound %.2f s; first result "
                        + "%.2f s after the pool listing (%.1f round trips)%n", label, t.found, lastSeconds,
                lastSeconds / bound, bound, afterListing, afterListing / roundTrip);
    }

    private record Timing(int found, long listedNanos, long firstNanos, long lastNanos) {
    }

    private static Timing search(SdkUserDirectory directory, PoolLists lists, Connection connection, String username)
            throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        ExecutorService workers = BackgroundTaskExecutor.daemonPool("find-bench", 16);
        try (BackgroundTaskExecutor executor = new BackgroundTaskExecutor(ui::execute, 4)) {
            FindViewModel find = ui.submit(() -> new FindViewModel(lists, directory, null, executor, workers,
                    new SimpleObjectProperty<>(connection), FXCollections.observableArrayList(connection.profile()),
                    List.of(REGION), SettingsService.inMemory())).get();
            CountDownLatch done = new CountDownLatch(1);
            long[] at = new long[3];
            long start = System.nanoTime();
            ui.submit(() -> {
                find.progressTextProperty().addListener((obs, old, now) -> {
                    if (at[0] == 0 && !now.endsWith("listed so far")) {
                        at[0] = System.nanoTime() - start;
                    }
                });
                find.results().addListener((ListChangeListener<Object>) c -> {
                    if (at[1] == 0) {
                        at[1] = System.nanoTime() - start;
                    }
                });
                find.runningProperty().addListener((obs, was, now) -> {
                    if (!now) {
                        at[2] = System.nanoTime() - start;
                        done.countDown();
                    }
                });
                find.textProperty().set(username);
                find.matchProperty().set(UserFilter.Match.EXACT);
                find.find();
            }).get();
            if (!done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The search did not end in 120 s");
            }
            int found = ui.submit(() -> find.results().size()).get();
            return new Timing(found, at[0], at[1], at[2]);
        } finally {
            workers.shutdownNow();
            ui.shutdownNow();
        }
    }

    private static String poolId(int p) {
        return String.format("us-east-1_Find%03d", p);
    }

    private static ProfileCatalog catalog(Path dir, String endpoint) throws IOException {
        Path config = dir.resolve("aws-config");
        Path credentials = dir.resolve("aws-credentials");
        Files.writeString(config, "[profile bench]\nregion = " + REGION + "\nendpoint_url = " + endpoint + "\n"
                + "aws_access_key_id = AKIDBENCHMARK00000000\n"
                + "aws_secret_access_key = benchmark/benchmark/benchmark/benchmark0\n", StandardCharsets.UTF_8);
        Files.writeString(credentials, "", StandardCharsets.UTF_8);
        return ProfileCatalog.fromFiles(config, credentials, "bench");
    }

    /** ListUsers with a username filter over a pool's synthetic users, the matches on one page. */
    static final class FilteredUsers extends CognitoTransformer {
        static final String NAME = "find-filtered-users";
        private final String[] usernames = new String[USERS];

        FilteredUsers() {
            super(NAME, "f1bd0000-0000-4000-8000-");
            for (int i = 0; i < USERS; i++) {
                usernames[i] = SyntheticPool.username(i);
            }
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String requestId = nextRequestId();
            JsonNode body = jsonBody(serveEvent);
            if (body == null) {
                return malformed(requestId);
            }
            String poolId = body.path("UserPoolId").asText("");
            String filter = body.path("Filter").asText("");
            boolean exact = filter.startsWith("username = \"");
            if (!exact && !filter.startsWith("username ^= \"")) {
                return error(400, "InvalidParameterException", "This stub filters on username only", requestId);
            }
            String value = filter.substring(filter.indexOf('"') + 1, filter.length() - 1)
                    .replace("\\\"", "\"").replace("\\\\", "\\");
            List<Integer> matches = new ArrayList<>();
            for (int i = 0; i < USERS && matches.size() < SyntheticPool.MAX_LIMIT; i++) {
                if (exact ? usernames[i].equals(value) : usernames[i].startsWith(value)) {
                    matches.add(i);
                }
            }
            StringBuilder json = new StringBuilder("{\"Users\":[");
            for (int k = 0; k < matches.size(); k++) {
                int i = matches.get(k);
                String one = new String(SyntheticPool.listUsersPage(poolId, i + 1, i, 1), StandardCharsets.UTF_8);
                json.append(k == 0 ? "" : ",").append(one, one.indexOf('[') + 1, one.lastIndexOf(']'));
            }
            return ok(json.append("]}").toString(), requestId);
        }
    }
}
