package dev.cognitoconsole.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A fake Amazon Cognito user pools endpoint on 127.0.0.1 (dynamic port), speaking the JSON 1.1 protocol the
 * AWS SDK uses: every request is {@code POST /} with header {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>}, every answer is {@code application/x-amz-json-1.1} and
 * carries an {@code x-amzn-RequestId} header, errors are Cognito's {@code {"__type":...,"message":...}}.
 *
 * <p>Point an SDK client at {@link #endpoint()} (for the console: a profile whose {@code endpoint_url} is
 * this URI, with any dummy keys; the stub does not check signatures).
 *
 * <p>Stubbing rules: every method answers one operation; when two stubs match a request, the one
 * added last wins, so a test may first stub the happy path and then override one operation with an
 * error. {@link #failFirst} answers only the first requests and then falls through to the other stubs.
 * A request nothing matches gets HTTP 400 {@code __type} {@value #UNSTUBBED} (not retried by the SDK),
 * so a forgotten stub fails fast with a readable message instead of WireMock's 404 text.
 *
 * <pre>{@code
 * try (CognitoStub cognito = CognitoStub.start()) {
 *     cognito.listUsersPages("us-east-1_Pool1", List.of(
 *             List.of(CognitoStub.user("alice"), CognitoStub.user("bob").withEnabled(false)),
 *             List.of(CognitoStub.user("carol"))));
 *     cognito.ok("AdminDisableUser");
 *     String requestId = cognito.error("AdminEnableUser", 400, "UserNotFoundException", "User does not exist.");
 *     ...
 *     assertThat(cognito.requestsFor("ListUsers")).isEqualTo(2);
 * }
 * }</pre>
 */
public final class CognitoStub implements AutoCloseable {

    /** Prefix of the {@code X-Amz-Target} header; the operation name follows it. */
    public static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    /** Content type of Cognito's requests and answers. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** Header the SDK reads the request id from. */
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    /** {@code __type} of the answer to a request no stub matches. */
    public static final String UNSTUBBED = "CognitoStub.Unstubbed";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CATCH_ALL_PRIORITY = 10;
    private static final int STUB_PRIORITY = 5;
    private static final int SCENARIO_PRIORITY = 1;
    private static final String POOLS = "pools";

    private final WireMockServer server;
    private final AtomicInteger scenarios = new AtomicInteger();

    private CognitoStub(WireMockServer server) {
        this.server = server;
    }

    /** Starts a stub on 127.0.0.1 on a free port. Close it after the test. */
    public static CognitoStub start() {
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .notifier(new ConsoleNotifier(false)));
        server.start();
        CognitoStub stub = new CognitoStub(server);
        stub.stubCatchAll();
        return stub;
    }

    /** Where the stub listens, such as {@code http://127.0.0.1:43121}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    /** The WireMock server, for anything this class does not cover. */
    public WireMockServer server() {
        return server;
    }

    /** Forgets every stub and every recorded request. */
    public void reset() {
        server.resetAll();
        stubCatchAll();
    }

    @Override
    public void close() {
        server.stop();
    }

    // Answers

    /** {@code operation} answers HTTP 200 {@code {}}, as AdminDisableUser and AdminEnableUser do. */
    public CognitoStub ok(String operation) {
        return answer(operation, "{}");
    }

    /** {@code operation} answers HTTP 200 with this JSON body, whatever the request says. */
    public CognitoStub answer(String operation, String jsonBody) {
        server.stubFor(request(operation).atPriority(STUB_PRIORITY).willReturn(json(200, jsonBody)));
        return this;
    }

    /**
     * ListUsers of {@code poolId} answers these pages in turn: the first page to a request without
     * PaginationToken, page {@code i + 1} to a request carrying {@link #pageToken pageToken(poolId, i)}.
     * Every page but the last carries a token. {@code List.of(List.of())} is an empty pool. Limit and Filter
     * are not looked at: the pages are answered as given.
     */
    public CognitoStub listUsersPages(String poolId, List<? extends List<User>> pages) {
        requirePages(pages);
        for (int i = 0; i < pages.size(); i++) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode users = body.putArray("Users");
            pages.get(i).forEach(u -> users.add(u.listUsersJson()));
            if (i < pages.size() - 1) {
                body.put("PaginationToken", pageToken(poolId, i));
            }
            MappingBuilder mapping = listUsersRequest(poolId, i == 0 ? null : pageToken(poolId, i - 1));
            server.stubFor(mapping.atPriority(STUB_PRIORITY).willReturn(json(200, body.toString())));
        }
        return this;
    }

    /** ListUserPools answers one page holding these pools. */
    public CognitoStub listPools(Pool... pools) {
        return listPoolsPages(List.of(List.of(pools)));
    }

    /**
     * ListUserPools answers these pages in turn, chained by NextToken ({@link #pageToken
     * pageToken("pools", i)} leads to page {@code i + 1}).
     */
    public CognitoStub listPoolsPages(List<? extends List<Pool>> pages) {
        return nextTokenPages("ListUserPools", "UserPools", POOLS,
                pages.stream().map(page -> page.stream().map(Pool::json).toList()).toList());
    }

    /**
     * {@code operation} answers these pages of {@code itemsField} in turn, chained by NextToken: the first page to a
     * request without NextToken, page {@code i + 1} to a request carrying {@link #pageToken pageToken(listing, i)}.
     * Every page but the last carries a token. Whose items they are (the user, the pool) is not looked at.
     */
    public CognitoStub nextTokenPages(String operation, String itemsField, String listing,
                                      List<? extends List<? extends JsonNode>> pages) {
        requirePages(pages);
        for (int i = 0; i < pages.size(); i++) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode items = body.putArray(itemsField);
            pages.get(i).forEach(items::add);
            if (i < pages.size() - 1) {
                body.put("NextToken", pageToken(listing, i));
            }
            MappingBuilder mapping = request(operation)
                    .withRequestBody(i == 0
                            ? not(matchingJsonPath("$.NextToken"))
                            : matchingJsonPath("$.NextToken", equalTo(pageToken(listing, i - 1))));
            server.stubFor(mapping.atPriority(STUB_PRIORITY).willReturn(json(200, body.toString())));
        }
        return this;
    }

    /** An item of a JSON answer, written as text. */
    public static JsonNode jsonItem(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** AdminGetUser of this user in {@code poolId} answers the user, as Cognito shapes that answer. */
    public CognitoStub adminGetUser(String poolId, User user) {
        server.stubFor(request("AdminGetUser")
                .withRequestBody(matchingJsonPath("$.UserPoolId", equalTo(poolId)))
                .withRequestBody(matchingJsonPath("$.Username", equalTo(user.username())))
                .atPriority(STUB_PRIORITY)
                .willReturn(json(200, user.adminGetUserJson().toString())));
        return this;
    }

    /**
     * Every request of {@code operation} fails as Cognito fails:
     * {@code {"__type":type,"message":message}} with this HTTP status and a fresh request id.
     *
     * @return the request id the answer carries in {@code x-amzn-RequestId}
     */
    public String error(String operation, int status, String type, String message) {
        String requestId = UUID.randomUUID().toString();
        error(operation, status, type, message, requestId);
        return requestId;
    }

    /** As {@link #error(String, int, String, String)}, with a request id of the caller's choice. */
    public CognitoStub error(String operation, int status, String type, String message, String requestId) {
        server.stubFor(request(operation).atPriority(STUB_PRIORITY)
                .willReturn(errorResponse(status, type, message, requestId)));
        return this;
    }

    /**
     * Every request of {@code operation} gets this status and this exact JSON body, for error shapes
     * {@link #error} does not write (a {@code "Message"} key, a namespaced {@code __type}).
     *
     * @return the request id the answer carries in {@code x-amzn-RequestId}
     */
    public String errorBody(String operation, int status, String jsonBody) {
        String requestId = UUID.randomUUID().toString();
        server.stubFor(request(operation).atPriority(STUB_PRIORITY).willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", CONTENT_TYPE)
                .withHeader(REQUEST_ID_HEADER, requestId)
                .withBody(jsonBody)));
        return requestId;
    }

    /**
     * The first {@code times} requests of {@code operation} fail as in {@link #error(String, int, String,
     * String)}; later ones get whatever the other stubs answer.
     *
     * @return the request id the failing answers carry
     */
    public String failFirst(String operation, int times, int status, String type, String message) {
        String requestId = UUID.randomUUID().toString();
        String scenario = "fail-first-" + scenarios.incrementAndGet();
        for (int i = 0; i < times; i++) {
            server.stubFor(request(operation).atPriority(SCENARIO_PRIORITY)
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
                    .willSetStateTo("failed-" + (i + 1))
                    .willReturn(errorResponse(status, type, message, requestId)));
        }
        return requestId;
    }

    /**
     * Every ListUsers request of {@code poolId} that carries {@code token} ({@code null}: carries none) fails
     * as Cognito fails, {@code {"__type":type,"message":message}} with this status, until a later stub for
     * the same request (such as {@link #listUsersPages} again) takes over: the one added last wins.
     *
     * @return the request id the failing answers carry
     */
    public String failForToken(String poolId, String token, int status, String type, String message) {
        String requestId = UUID.randomUUID().toString();
        server.stubFor(listUsersRequest(poolId, token).atPriority(STUB_PRIORITY)
                .willReturn(errorResponse(status, type, message, requestId)));
        return requestId;
    }

    /**
     * Requests of {@code operation} in {@code poolId} whose Username starts with {@code prefix} fail as in
     * {@link #error}, before any other stub answers them (as Cognito answers a name nobody has, or IAM a call
     * it denies).
     *
     * @return the request id the failing answers carry
     */
    public String failForUsernamesStartingWith(String operation, String poolId, String prefix, int status,
                                               String type, String message) {
        String requestId = UUID.randomUUID().toString();
        server.stubFor(request(operation)
                .withRequestBody(matchingJsonPath("$.UserPoolId", equalTo(poolId)))
                .withRequestBody(matchingJsonPath("$.Username", matching(Pattern.quote(prefix) + ".*")))
                .atPriority(SCENARIO_PRIORITY)
                .willReturn(errorResponse(status, type, message, requestId)));
        return requestId;
    }

    /**
     * The first {@code times} ListUsers requests of {@code poolId} that carry {@code token} ({@code null}: carry
     * none) fail as in {@link #failForToken}; later ones get whatever the other stubs answer (such as the page
     * from {@link #listUsersPages}). Each call counts its own requests, so several tokens can fail in turn.
     *
     * @return the request id the failing answers carry
     */
    public String failTimesForToken(String poolId, String token, int times, int status, String type,
                                    String message) {
        String requestId = UUID.randomUUID().toString();
        String scenario = "fail-token-" + scenarios.incrementAndGet();
        for (int i = 0; i < times; i++) {
            server.stubFor(listUsersRequest(poolId, token).atPriority(SCENARIO_PRIORITY)
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
                    .willSetStateTo("failed-" + (i + 1))
                    .willReturn(errorResponse(status, type, message, requestId)));
        }
        return requestId;
    }

    /**
     * Every request of {@code operation} gets this status with a plain-text (or HTML) body and no request id,
     * as a proxy or load balancer in front of Cognito might answer.
     */
    public CognitoStub plainStatus(String operation, int status, String text) {
        server.stubFor(request(operation).atPriority(STUB_PRIORITY).willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/plain")
                .withBody(text)));
        return this;
    }

    /** {@code operation} answers HTTP 200 {@code {}}, but only after {@code delay}. */
    public CognitoStub delayed(String operation, Duration delay) {
        server.stubFor(request(operation).atPriority(STUB_PRIORITY)
                .willReturn(json(200, "{}").withFixedDelay((int) delay.toMillis())));
        return this;
    }

    // What arrived

    /** How many requests of {@code operation} arrived, as the bodies the stub kept. */
    public int userRequestsFor(String operation) {
        return requestBodies(operation).size();
    }

    /** How many requests of {@code operation} arrived, retries included. */
    public int requestsFor(String operation) {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation)).build()).getCount();
    }

    /** The JSON bodies of the requests of {@code operation}, oldest first. */
    public List<JsonNode> requestBodies(String operation) {
        // WireMock's journal lists requests in arrival order.
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation)));
        List<JsonNode> bodies = new ArrayList<>(requests.size());
        for (LoggedRequest request : requests) {
            try {
                bodies.add(JSON.readTree(request.getBodyAsString()));
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + request.getBodyAsString(), e);
            }
        }
        return bodies;
    }

    // Values

    /** The operation a request names in its {@code X-Amz-Target} header ({@code ""} when it names none). */
    public static String operationOf(String targetHeader) {
        return targetHeader == null ? "" : targetHeader.substring(targetHeader.indexOf('.') + 1);
    }

    /**
     * The token the stub puts on page {@code pageIndex} of a listing (ListUsers: the pool id; ListUserPools:
     * {@code "pools"}), leading to page {@code pageIndex + 1}. Opaque, and like Cognito's holds {@code + / =}.
     */
    public static String pageToken(String listing, int pageIndex) {
        String raw = listing + "#page-" + (pageIndex + 1) + "?~>";
        return "CAIS" + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)) + "+/rJ=";
    }

    /** An enabled, CONFIRMED user with a deterministic {@code sub} and an {@code @example.com} e-mail. */
    public static User user(String username) {
        Instant created = Instant.parse("2024-03-05T09:15:30.123Z");
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sub", UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString());
        attributes.put("email_verified", "true");
        attributes.put("email", username + "@example.com");
        Instant modified = created.plus(Duration.ofDays(40)).plusMillis(377);
        return new User(username, attributes, true, "CONFIRMED", created, modified);
    }

    /** Usernames {@code prefix-001} … in order, each an enabled confirmed user as {@link #user} makes it. */
    public static List<User> users(String prefix, int count) {
        List<User> users = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            users.add(user(String.format("%s-%03d", prefix, i)));
        }
        return users;
    }

    public static List<String> usernames(List<User> users) {
        return users.stream().map(User::username).toList();
    }

    /** A user pool as ListUserPools describes it. */
    public record Pool(String id, String name) {
        public Pool {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }

        ObjectNode json() {
            ObjectNode node = JSON.createObjectNode();
            node.put("Id", id);
            node.put("Name", name);
            node.putObject("LambdaConfig");
            node.set("LastModifiedDate", epochSeconds(Instant.parse("2024-06-01T12:00:00.250Z")));
            node.set("CreationDate", epochSeconds(Instant.parse("2023-11-20T08:30:00.750Z")));
            return node;
        }
    }

    /**
     * A user as Cognito returns it. Immutable; {@code with*} give changed copies.
     *
     * @param attributes every attribute in Cognito's order, {@code sub} among them
     */
    public record User(String username, Map<String, String> attributes, boolean enabled, String status,
                       Instant created, Instant lastModified) {

        public User {
            Objects.requireNonNull(username, "username");
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        public String sub() {
            return attributes.get("sub");
        }

        public String email() {
            return attributes.get("email");
        }

        public User withEnabled(boolean value) {
            return new User(username, attributes, value, status, created, lastModified);
        }

        /** A UserStatus such as UNCONFIRMED, FORCE_CHANGE_PASSWORD or RESET_REQUIRED. */
        public User withStatus(String value) {
            return new User(username, attributes, enabled, value, created, lastModified);
        }

        /** Sets (or, with {@code null}, removes) an attribute. */
        public User withAttribute(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(attributes);
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
            return new User(username, changed, enabled, status, created, lastModified);
        }

        public User withEmail(String value) {
            return withAttribute("email", value);
        }

        public User withDates(Instant createdAt, Instant lastModifiedAt) {
            return new User(username, attributes, enabled, status, createdAt, lastModifiedAt);
        }

        /** The user as an element of ListUsers' {@code Users}. */
        public ObjectNode listUsersJson() {
            return json("Attributes");
        }

        /** The user as AdminGetUser answers it ({@code UserAttributes}, no {@code Attributes}). */
        public ObjectNode adminGetUserJson() {
            return json("UserAttributes");
        }

        private ObjectNode json(String attributesKey) {
            ObjectNode node = JSON.createObjectNode();
            node.put("Username", username);
            node.set(attributesKey, attributeArray());
            node.set("UserCreateDate", epochSeconds(created));
            node.set("UserLastModifiedDate", epochSeconds(lastModified));
            node.put("Enabled", enabled);
            node.put("UserStatus", status);
            return node;
        }

        private ArrayNode attributeArray() {
            ArrayNode array = JSON.createArrayNode();
            attributes.forEach((name, value) -> array.addObject().put("Name", name).put("Value", value));
            return array;
        }
    }

    // Internals

    /**
     * Epoch seconds with the milliseconds as a fraction, written as Cognito writes them: a double such as
     * {@code 1.682955829578E9}.
     */
    private static JsonNode epochSeconds(Instant instant) {
        return JSON.getNodeFactory().numberNode(instant.toEpochMilli() / 1000.0);
    }

    private static MappingBuilder request(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation));
    }

    /** ListUsers of {@code poolId} carrying {@code token}, or carrying no PaginationToken when it is null. */
    private static MappingBuilder listUsersRequest(String poolId, String token) {
        return request("ListUsers")
                .withRequestBody(matchingJsonPath("$.UserPoolId", equalTo(poolId)))
                .withRequestBody(token == null
                        ? not(matchingJsonPath("$.PaginationToken"))
                        : matchingJsonPath("$.PaginationToken", equalTo(token)));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", CONTENT_TYPE)
                .withHeader(REQUEST_ID_HEADER, UUID.randomUUID().toString())
                .withBody(body);
    }

    static ResponseDefinitionBuilder errorResponse(int status, String type, String message, String requestId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", type);
        body.put("message", message);
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", CONTENT_TYPE)
                .withHeader(REQUEST_ID_HEADER, requestId)
                .withBody(body.toString());
    }

    private void stubCatchAll() {
        server.stubFor(post(urlEqualTo("/")).atPriority(CATCH_ALL_PRIORITY).willReturn(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", CONTENT_TYPE)
                .withHeader(REQUEST_ID_HEADER, "unstubbed")
                .withBody("{\"__type\":\"" + UNSTUBBED + "\",\"message\":\"CognitoStub has no answer for this "
                        + "request: stub its operation, pool, user or page token\"}")));
    }

    private static void requirePages(List<? extends List<?>> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("At least one page; List.of(List.of()) is an empty listing");
        }
    }
}
