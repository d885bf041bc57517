package dev.cognitoconsole.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoTransformer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback ListUsers server (WireMock) bound by latency, as Cognito is from afar: every answer leaves after a fixed delay,
 * and more than {@link #QUOTA} requests arriving within any second are refused with TooManyRequestsException, as
 * Cognito's quota would. One pool of {@link SyntheticPool} users in {@code sub} order; honours {@code sub ^= "x"} and
 * paginates with Limit. Counts requests, throttled answers, and the most requests that arrived in one second.
 */
final class PacedCognito extends CognitoTransformer implements AutoCloseable {
    static final int QUOTA = 30;
    static final String POOL = "us-east-1_Paced";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUB_PREFIX = Pattern.compile("^\\s*sub\\s*\\^=\\s*\"([0-9a-f]*)\"\\s*$");
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private static final String NAME = "paced-list-users";

    private final WireMockServer server;
    private final String[] subs;
    private final byte[][] users;
    private volatile long delayMillis;
    private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong busiestSecond = new AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<Long, Integer> byClockSecond =
            new java.util.concurrent.ConcurrentHashMap<>();

    PacedCognito(int size) throws IOException {
        super(NAME, "9ace0000-0000-4000-8000-");
        // The users of the load benchmark's synthetic pools (names in several scripts, phones, dates), in sub order.
        String[][] bySub = new String[size][];
        for (int offset = 0; offset < size; offset += SyntheticPool.MAX_LIMIT) {
            JsonNode page = JSON.readTree(SyntheticPool.listUsersPage(POOL, size, offset, SyntheticPool.MAX_LIMIT));
            int i = offset;
            for (JsonNode user : page.get("Users")) {
                String sub = null;
                for (JsonNode attribute : user.get("Attributes")) {
                    if (attribute.get("Name").asText().equals("sub")) {
                        sub = attribute.get("Value").asText();
                    }
                }
                bySub[i++] = new String[] {sub, JSON.writeValueAsString(user)};
            }
        }
        Arrays.sort(bySub, (a, b) -> a[0].compareTo(b[0]));
        subs = new String[size];
        users = new byte[size][];
        for (int i = 0; i < size; i++) {
            subs[i] = bySub[i][0];
            users[i] = bySub[i][1].getBytes(StandardCharsets.UTF_8);
        }
        server = new WireMockServer(SyntheticCognito.quietOptions(64).extensions(this));
        server.start();
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers(NAME)));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    int size() {
        return subs.length;
    }

    /** Sets the delay of every answer from now on, and forgets the counts. */
    void reset(long delay) {
        delayMillis = delay;
        requests.set(0);
        throttled.set(0);
        busiestSecond.set(0);
        byClockSecond.clear();
        synchronized (lastSecond) {
            lastSecond.clear();
        }
    }

    long requests() {
        return requests.get();
    }

    long throttled() {
        return throttled.get();
    }

    /** The most requests that arrived in one second of the wall clock (x.000 to x.999). */
    long busiestClockSecond() {
        return byClockSecond.values().stream().mapToLong(Integer::longValue).max().orElse(0);
    }

    /** The most requests that arrived within one second (any second, not only whole ones). */
    long busiestSecond() {
        return busiestSecond.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        requests.incrementAndGet();
        String requestId = nextRequestId();
        if (!admitted()) {
            throttled.incrementAndGet();
            return error(400, "TooManyRequestsException", "Rate exceeded", requestId);
        }
        String target = event.getRequest().getHeader("X-Amz-Target");
        try {
            byte[] page = CognitoStub.TARGET_PREFIX.concat("ListUsers").equals(target)
                    ? page(JSON.readTree(event.getRequest().getBody())) : null;
            if (page == null) {
                return answer(400, requestId).withBody(error("InvalidParameterException",
                        "Only ListUsers with sub ^= filters is served here")).withFixedDelay((int) delayMillis).build();
            }
            return answer(200, requestId).withBody(page).withFixedDelay((int) delayMillis).build();
        } catch (IOException e) {
            return error(400, "SerializationException", "Malformed request body", requestId);
        }
    }

    private boolean admitted() {
        byClockSecond.merge(System.currentTimeMillis() / 1000, 1, Integer::sum);
        long now = System.nanoTime();
        synchronized (lastSecond) {
            while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= SECOND) {
                lastSecond.removeFirst();
            }
            if (lastSecond.size() >= QUOTA) {
                return false;
            }
            lastSecond.addLast(now);
            busiestSecond.accumulateAndGet(lastSecond.size(), Math::max);
            return true;
        }
    }

    /** The page the request asks for, or {@code null} for a filter this server does not serve. */
    private byte[] page(JsonNode body) throws IOException {
        int from = 0;
        int to = subs.length;
        String filter = body.path("Filter").asText("");
        if (!filter.isBlank()) {
            Matcher m = SUB_PREFIX.matcher(filter);
            if (!m.matches()) {
                return null;
            }
            String prefix = m.group(1);
            from = lowerBound(prefix);
            to = prefix.isEmpty() ? subs.length : lowerBound(prefix + Character.MAX_VALUE);
        }
        int limit = body.path("Limit").asInt(60);
        if (limit <= 0 || limit > 60) {
            limit = 60;
        }
        if (body.hasNonNull("PaginationToken")) {
            from = Integer.parseInt(body.get("PaginationToken").asText());
        }
        int end = Math.min(to, from + limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream(end > from ? (end - from) * users[from].length + 64 : 64);
        out.write("{\"Users\":[".getBytes(StandardCharsets.UTF_8));
        for (int i = from; i < end; i++) {
            if (i > from) {
                out.write(',');
            }
            out.write(users[i]);
        }
        out.write(']');
        if (end < to) {
            out.write((",\"PaginationToken\":\"" + end + "\"").getBytes(StandardCharsets.UTF_8));
        }
        out.write('}');
        return out.toByteArray();
    }

    private int lowerBound(String key) {
        int lo = 0;
        int hi = subs.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (subs[mid].compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static byte[] error(String type, String message) {
        return ("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop();
    }
}
