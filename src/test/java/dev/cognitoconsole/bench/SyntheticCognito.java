package dev.cognitoconsole.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoTransformer;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * WireMock on 127.0.0.1 answering ListUsers for {@link SyntheticPool synthetic pools} of any size with one
 * stub: a {@link CognitoTransformer} reads UserPoolId, Limit and PaginationToken from the request body and
 * computes the page. No request journal, no gzip, no request logging, so WireMock stays
 * out of the way of what is measured. Anything but ListUsers gets Cognito's 400 shape.
 */
final class SyntheticCognito implements AutoCloseable {

    private final WireMockServer server;
    private final ListUsersPages pages;

    private SyntheticCognito(WireMockServer server, ListUsersPages pages) {
        this.server = server;
        this.pages = pages;
    }

    /** Serves these pools (pool id to number of users). */
    static SyntheticCognito start(Map<String, Integer> pools) {
        ListUsersPages pages = new ListUsersPages(Map.copyOf(pools));
        WireMockServer server = new WireMockServer(quietOptions(16).jettyAcceptors(1).extensions(pages));
        server.start();
        server.stubFor(post(urlEqualTo("/")).atPriority(10).willReturn(aResponse()
                .withStatus(400)
                .withHeader("Content-Type", CognitoStub.CONTENT_TYPE)
                .withBody("{\"__type\":\"InvalidParameterException\",\"message\":\"Only ListUsers is served here\"}")));
        server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(CognitoStub.TARGET_PREFIX + "ListUsers"))
                .atPriority(1)
                .willReturn(aResponse().withTransformers(ListUsersPages.NAME)));
        return new SyntheticCognito(server, pages);
    }

    /** WireMock on 127.0.0.1 with nothing on that is not measured: no journal, gzip, chunking or logging. */
    static WireMockConfiguration quietOptions(int threads) {
        return options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(threads)
                .disableRequestJournal()
                .gzipDisabled(true)
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
                .stubRequestLoggingDisabled(true)
                .extensionScanningEnabled(false)
                .notifier(new Slf4jNotifier(false));
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** ListUsers requests answered so far. */
    long pagesServed() {
        return pages.requestsAnswered();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Computes each ListUsers page from the request. */
    static final class ListUsersPages extends CognitoTransformer {
        static final String NAME = "synthetic-list-users";
        static final int PRECOMPUTE_LIMIT = 200_000;

        private final Map<String, Integer> pools;
        /** Full pages of the smaller pools, made once, so serving them is a copy (the 1M pool is computed). */
        private final Map<String, byte[][]> pages = new HashMap<>();

        ListUsersPages(Map<String, Integer> pools) {
            super(NAME, "be9c4000-0000-4000-8000-");
            this.pools = pools;
            pools.forEach((poolId, size) -> {
                if (size <= PRECOMPUTE_LIMIT) {
                    byte[][] all = new byte[(size + SyntheticPool.MAX_LIMIT - 1) / SyntheticPool.MAX_LIMIT][];
                    for (int i = 0; i < all.length; i++) {
                        all[i] = SyntheticPool.listUsersPage(poolId, size, i * SyntheticPool.MAX_LIMIT,
                                SyntheticPool.MAX_LIMIT);
                    }
                    pages.put(poolId, all);
                }
            });
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String requestId = nextRequestId();
            JsonNode body = jsonBody(serveEvent);
            if (body == null) {
                return malformed(requestId);
            }
            String poolId = body.path("UserPoolId").asText(null);
            Integer size = poolId == null ? null : pools.get(poolId);
            if (size == null) {
                return error(400, "ResourceNotFoundException", "User pool " + poolId + " does not exist.", requestId);
            }
            int limit = body.has("Limit") ? body.get("Limit").asInt() : SyntheticPool.MAX_LIMIT;
            if (limit < 0 || limit > SyntheticPool.MAX_LIMIT) {
                return error(400, "InvalidParameterException",
                        "1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: "
                                + "Member must have value less than or equal to 60", requestId);
            }
            if (limit == 0) {
                limit = SyntheticPool.MAX_LIMIT;
            }
            int offset = 0;
            JsonNode token = body.get("PaginationToken");
            if (token != null && !token.isNull()) {
                offset = SyntheticPool.offsetOf(poolId, token.asText());
                if (offset < 0 || offset > size) {
                    return error(400, "InvalidParameterException", "Invalid pagination token", requestId);
                }
            }
            return ok(page(poolId, size, offset, limit), requestId);
        }

        private byte[] page(String poolId, int size, int offset, int limit) {
            byte[][] made = pages.get(poolId);
            if (made != null && limit == SyntheticPool.MAX_LIMIT && offset % limit == 0 && offset < size) {
                return made[offset / limit];
            }
            return SyntheticPool.listUsersPage(poolId, size, offset, limit);
        }

    }
}
