package dev.cognitoconsole.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cognito user pools endpoint on 127.0.0.1 that keeps state, for fault and random tests: pools and users held in
 * memory, ListUsers paged by a cursor token (Limit and a one-attribute Filter honoured), AdminDisableUser and
 * AdminEnableUser change what ListUsers and AdminGetUser answer afterwards. A {@link FaultPlan} chooses, per
 * request, a {@link Fault} to answer instead (or, for faults that lose the answer, after applying the change), so a
 * test can throttle half of the writes or reset the connection on the third page, reproducibly.
 *
 * <p>It counts what arrived (per operation), the faults it injected, and how often each user's state actually
 * changed, so a test can tell a retried write from a write applied twice.
 */
public final class StatefulCognito implements AutoCloseable {

    /** What the server answers instead of the normal answer. */
    public enum Fault {
        THROTTLE(false), INTERNAL_ERROR(false), HTTP_502(false), HTTP_503(false), UNKNOWN_TYPE(false),
        /** The answer comes after {@link #slowDelay}: the change is made, the client may have given up. */
        SLOW(true),
        /** The connection is reset by the server after it made the change: the answer is lost. */
        RESET(true),
        /** 200 headers, then a broken chunk: the change is made, the body cannot be read. */
        MALFORMED_CHUNK(true),
        /** Garbage instead of HTTP, then the connection closes. */
        RANDOM_DATA(false),
        /** The connection closes without a byte. */
        EMPTY_RESPONSE(false),
        /** 200 with the JSON cut off halfway: the change is made. */
        TRUNCATED_JSON(true),
        /** 200 with a body that is not JSON at all: the change is made. */
        MALFORMED_JSON(true),
        /** 200 with an empty body: the change is made. */
        EMPTY_200(true),
        EXPIRED_TOKEN(false), RESOURCE_NOT_FOUND(false), USER_NOT_FOUND(false);

        /** Whether a write is applied before this answer goes out. */
        public final boolean applies;

        Fault(boolean applies) {
            this.applies = applies;
        }
    }

    /** Chooses the answer to the {@code n}-th request (1-based) of {@code operation}; {@code null} answers normally. */
    @FunctionalInterface
    public interface FaultPlan {
        Fault faultFor(String operation, int n, JsonNode body);

        FaultPlan NONE = (operation, n, body) -> null;

        /**
         * Each request of one of {@code operations} gets, with probability {@code rate}, one of {@code faults}; the
         * choice depends only on the seed, the operation and {@code n}, so a run can be repeated exactly.
         */
        static FaultPlan seeded(long seed, double rate, List<String> operations, List<Fault> faults) {
            return (operation, n, body) -> {
                if (!operations.contains(operation)) {
                    return null;
                }
                SplittableRandom random = new SplittableRandom(seed * 31 + operation.hashCode() * 1_000_003L + n);
                return random.nextDouble() < rate ? faults.get(random.nextInt(faults.size())) : null;
            };
        }

        /** The {@code n}-th requests of {@code operation} listed in {@code which} get {@code fault}. */
        static FaultPlan at(String operation, Fault fault, Integer... which) {
            List<Integer> numbers = List.of(which);
            return (op, n, body) -> op.equals(operation) && numbers.contains(n) ? fault : null;
        }
    }

    /** Runs as each request arrives, before it is answered (to delete a pool mid-scan, or cut the network). */
    @FunctionalInterface
    public interface Arrival {
        void arrived(String operation, int n, JsonNode body);
    }

    public static final String TARGET_PREFIX = CognitoStub.TARGET_PREFIX;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FILTER = Pattern.compile("^\\s*([\\w:]+)\\s*(\\^?=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");
    private static final int MAX_LIMIT = 60;

    private final WireMockServer server;
    private final State state;

    private StatefulCognito(WireMockServer server, State state) {
        this.server = server;
        this.state = state;
    }

    /** Starts on 127.0.0.1 on a free port, with no pools. */
    public static StatefulCognito start() {
        State state = new State();
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(20)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .extensionScanningEnabled(false)
                .notifier(new Slf4jNotifier(false))
                .extensions(state));
        server.start();
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers(State.NAME)));
        return new StatefulCognito(server, state);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    // Set-up

    /** Adds (or replaces) a pool holding these users. */
    public StatefulCognito pool(String poolId, String name, List<CognitoStub.User> users) {
        TreeMap<String, CognitoStub.User> byName = new TreeMap<>();
        users.forEach(u -> byName.put(u.username(), u));
        state.pools.put(poolId, new PoolState(name, byName));
        return this;
    }

    public void deletePool(String poolId) {
        state.pools.remove(poolId);
    }

    public void deleteUser(String poolId, String username) {
        PoolState pool = state.pools.get(poolId);
        synchronized (pool) {
            pool.users.remove(username);
        }
    }

    public StatefulCognito faults(FaultPlan plan) {
        state.plan = plan;
        return this;
    }

    public StatefulCognito onArrival(Arrival arrival) {
        state.arrival = arrival;
        return this;
    }

    /** Every answer waits a random 0 to {@code max} (seeded), as a distant or busy server would. */
    public StatefulCognito latency(long seed, Duration max) {
        state.latencySeed = seed;
        state.maxLatencyMillis = (int) max.toMillis();
        return this;
    }

    /** How long a {@link Fault#SLOW} answer waits. */
    public StatefulCognito slowDelay(Duration delay) {
        state.slowMillis = (int) delay.toMillis();
        return this;
    }

    /** Forgets the counts (requests, faults, changes), keeping pools and plan. */
    public void resetCounts() {
        state.requests.clear();
        state.faults.clear();
        state.changes.clear();
        state.applied.clear();
    }

    // What happened

    /** The users of the pool now, by username (sorted). */
    public Map<String, CognitoStub.User> users(String poolId) {
        PoolState pool = state.pools.get(poolId);
        if (pool == null) {
            return Map.of();
        }
        synchronized (pool) {
            return new LinkedHashMap<>(pool.users);
        }
    }

    public boolean enabled(String poolId, String username) {
        return users(poolId).get(username).enabled();
    }

    public int requests(String operation) {
        AtomicInteger n = state.requests.get(operation);
        return n == null ? 0 : n.get();
    }

    public long requestsInAll() {
        return state.requests.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    public Map<Fault, Long> faultsInjected() {
        Map<Fault, Long> copy = new EnumMap<>(Fault.class);
        state.faults.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public long faultsInAll() {
        return state.faults.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** How many times the user's enabled state actually changed (a disable of a disabled user changes nothing). */
    public int changes(String poolId, String username) {
        AtomicInteger n = state.changes.get(poolId + "/" + username);
        return n == null ? 0 : n.get();
    }

    /** How many write requests were applied to the user (repeats of the same change included). */
    public int writesApplied(String poolId, String username) {
        AtomicInteger n = state.applied.get(poolId + "/" + username);
        return n == null ? 0 : n.get();
    }

    /** The token the stub puts on a page whose last user is {@code lastUsername}. */
    public static String pageToken(String poolId, String lastUsername) {
        return Base64.getEncoder().encodeToString((poolId + "\n" + lastUsername).getBytes(StandardCharsets.UTF_8));
    }

    // Internals

    private record PoolState(String name, TreeMap<String, CognitoStub.User> users) {
    }

    private record Answer(int status, String body, Fault fault, int delayMillis) {
    }

    private static final class State extends CognitoTransformer {
        static final String NAME = "stateful-cognito";

        final Map<String, PoolState> pools = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
        final Map<Fault, AtomicLong> faults = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> changes = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
        volatile FaultPlan plan = FaultPlan.NONE;
        volatile Arrival arrival = (operation, n, body) -> { };
        volatile long latencySeed;
        volatile int maxLatencyMillis;
        volatile int slowMillis = 2_000;

        State() {
            super(NAME, "5fa7e000-0000-4000-8000-");
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String operation = CognitoStub.operationOf(event.getRequest().getHeader("X-Amz-Target"));
            int n = requests.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            String requestId = nextRequestId();
            JsonNode body;
            try {
                body = JSON.readTree(event.getRequest().getBody());
            } catch (IOException e) {
                return render(new Answer(400, error("SerializationException", "Malformed request body"), null, 0),
                        requestId);
            }
            arrival.arrived(operation, n, body);
            Fault fault = plan.faultFor(operation, n, body);
            if (fault != null) {
                faults.computeIfAbsent(fault, k -> new AtomicLong()).incrementAndGet();
            }
            Answer answer;
            if (fault != null && !fault.applies) {
                answer = faultAnswer(fault, operation, null);
            } else {
                Answer normal = answer(operation, body);
                answer = fault == null || normal.status() != 200 ? normal : faultAnswer(fault, operation, normal);
            }
            int latency = maxLatencyMillis <= 0 ? 0
                    : new SplittableRandom(latencySeed * 17 + requestsAnswered()).nextInt(maxLatencyMillis + 1);
            return render(new Answer(answer.status(), answer.body(), answer.fault(), answer.delayMillis() + latency),
                    requestId);
        }

        private Answer faultAnswer(Fault fault, String operation, Answer normal) {
            return switch (fault) {
                case THROTTLE -> new Answer(400, error("TooManyRequestsException", "Rate exceeded"), null, 0);
                case INTERNAL_ERROR -> new Answer(500, error("InternalErrorException", "Internal server error."), null, 0);
                case HTTP_502 -> new Answer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", null, 0);
                case HTTP_503 -> new Answer(503, "Service Unavailable", null, 0);
                case UNKNOWN_TYPE -> new Answer(400, error("FrobnicationException", "The frobnicator is out of order."),
                        null, 0);
                case SLOW -> new Answer(normal.status(), normal.body(), null, slowMillis);
                case RESET, MALFORMED_CHUNK, RANDOM_DATA, EMPTY_RESPONSE -> new Answer(200, "", fault, 0);
                case TRUNCATED_JSON -> new Answer(200, normal.body().substring(0, Math.max(1, normal.body().length() / 2)),
                        null, 0);
                case MALFORMED_JSON -> new Answer(200, "<Users>not json</Users>", null, 0);
                case EMPTY_200 -> new Answer(200, "", null, 0);
                case EXPIRED_TOKEN -> new Answer(400, error("ExpiredTokenException",
                        "The security token included in the request is expired"), null, 0);
                case RESOURCE_NOT_FOUND -> new Answer(400, error("ResourceNotFoundException",
                        "User pool does not exist."), null, 0);
                case USER_NOT_FOUND -> new Answer(400, error("UserNotFoundException", "User does not exist."), null, 0);
            };
        }

        private Answer answer(String operation, JsonNode body) {
            if (operation.equals("ListUserPools")) {
                return listPools();
            }
            String poolId = body.path("UserPoolId").asText("");
            PoolState pool = pools.get(poolId);
            if (pool == null) {
                return new Answer(400, error("ResourceNotFoundException", "User pool " + poolId + " does not exist."),
                        null, 0);
            }
            synchronized (pool) {
                return switch (operation) {
                    case "ListUsers" -> listUsers(poolId, pool, body);
                    case "AdminGetUser" -> {
                        CognitoStub.User user = pool.users().get(body.path("Username").asText(""));
                        yield user == null ? userNotFound() : ok(user.adminGetUserJson().toString());
                    }
                    case "AdminDisableUser", "AdminEnableUser" -> write(poolId, pool, body.path("Username").asText(""),
                            operation.equals("AdminEnableUser"));
                    // Revoking tokens changes nothing this stub keeps: the request count is what a test reads.
                    case "AdminUserGlobalSignOut" -> pool.users().containsKey(body.path("Username").asText(""))
                            ? ok("{}") : userNotFound();
                    default -> new Answer(400, error("InvalidParameterException", "Not served here: " + operation),
                            null, 0);
                };
            }
        }

        private Answer write(String poolId, PoolState pool, String username, boolean enable) {
            CognitoStub.User user = pool.users().get(username);
            if (user == null) {
                return userNotFound();
            }
            String key = poolId + "/" + username;
            applied.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            if (user.enabled() != enable) {
                pool.users().put(username, user.withEnabled(enable));
                changes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            return ok("{}");
        }

        private Answer listPools() {
            ObjectNode out = JSON.createObjectNode();
            ArrayNode list = out.putArray("UserPools");
            pools.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    list.addObject().put("Id", e.getKey()).put("Name", e.getValue().name()));
            return ok(out.toString());
        }

        private Answer listUsers(String poolId, PoolState pool, JsonNode body) {
            int limit = body.path("Limit").asInt(MAX_LIMIT);
            if (limit <= 0 || limit > MAX_LIMIT) {
                limit = MAX_LIMIT;
            }
            NavigableMap<String, CognitoStub.User> from = pool.users();
            JsonNode token = body.get("PaginationToken");
            if (token != null && !token.isNull()) {
                String[] parts = new String(Base64.getDecoder().decode(token.asText()), StandardCharsets.UTF_8)
                        .split("\n", 2);
                if (parts.length != 2 || !parts[0].equals(poolId)) {
                    return new Answer(400, error("InvalidParameterException", "Invalid pagination token."), null, 0);
                }
                from = from.tailMap(parts[1], false);
            }
            Matcher filter = null;
            if (body.hasNonNull("Filter") && !body.get("Filter").asText().isBlank()) {
                filter = FILTER.matcher(body.get("Filter").asText());
                if (!filter.matches()) {
                    return new Answer(400, error("InvalidParameterException", "Error while parsing filter."), null, 0);
                }
            }
            ObjectNode out = JSON.createObjectNode();
            ArrayNode users = out.putArray("Users");
            String last = null;
            int scanned = 0;
            for (CognitoStub.User user : from.values()) {
                if (users.size() == limit || scanned == 4 * MAX_LIMIT) {
                    break;
                }
                scanned++;
                last = user.username();
                if (filter == null || matches(user, filter.group(1), filter.group(2), unescape(filter.group(3)))) {
                    users.add(user.listUsersJson());
                }
            }
            if (last != null && from.higherKey(last) != null) {
                out.put("PaginationToken", pageToken(poolId, last));
            }
            return ok(out.toString());
        }

        private static boolean matches(CognitoStub.User user, String attribute, String op, String value) {
            String actual = switch (attribute) {
                case "username" -> user.username();
                case "status" -> user.enabled() ? "Enabled" : "Disabled";
                case "cognito:user_status" -> user.status();
                default -> user.attributes().get(attribute);
            };
            return actual != null && (op.equals("=") ? actual.equals(value) : actual.startsWith(value));
        }

        private static String unescape(String text) {
            return text.replaceAll("\\\\(.)", "$1");
        }

        private static Answer userNotFound() {
            return new Answer(400, error("UserNotFoundException", "User does not exist."), null, 0);
        }

        private static Answer ok(String body) {
            return new Answer(200, body, null, 0);
        }

        private static String error(String type, String message) {
            ObjectNode node = JSON.createObjectNode();
            node.put("__type", type);
            node.put("message", message);
            return node.toString();
        }

        private static ResponseDefinition render(Answer answer, String requestId) {
            ResponseDefinitionBuilder response = aResponse()
                    .withStatus(answer.status())
                    .withHeader("Content-Type", answer.status() >= 500 && !answer.body().startsWith("{")
                            ? "text/html" : CognitoStub.CONTENT_TYPE)
                    .withHeader(CognitoStub.REQUEST_ID_HEADER, requestId)
                    .withBody(answer.body());
            if (answer.fault() != null) {
                response.withFault(switch (answer.fault()) {
                    case RESET -> com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER;
                    case MALFORMED_CHUNK -> com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK;
                    case RANDOM_DATA -> com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE;
                    default -> com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE;
                });
            }
            if (answer.delayMillis() > 0) {
                response.withFixedDelay(answer.delayMillis());
            }
            return response.build();
        }
    }
}
