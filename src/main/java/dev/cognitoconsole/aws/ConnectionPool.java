package dev.cognitoconsole.aws;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/**
 * The one HTTP client, and so the one connection pool, behind every SDK client the console builds: Cognito, STS,
 * SSO and SSO-OIDC. SDK clients given it never close it; its owner does, once, with {@link #close()}.
 */
public final class ConnectionPool implements AutoCloseable {
    /** SDK calls run on the console's few worker threads, so 16 connections are never all in use. */
    private static final int MAX_CONNECTIONS = 16;

    private final SdkHttpClient http;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A pool that opens connections within {@code settings}' connect timeout. */
    public ConnectionPool(ClientSettings settings) {
        this(Apache5HttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                // Each client's own per-call limit (Cognito's attempt timeout, the credential services' call
                // timeout, the caller lookup's) ends a stalled read first, as when each client had its own pool.
                .socketTimeout(longest(settings.attemptTimeout(), ServiceClients.CALL_TIMEOUT))
                .maxConnections(MAX_CONNECTIONS)
                .build());
    }

    ConnectionPool(SdkHttpClient http) {
        this.http = http;
    }

    /** The HTTP client for an SDK client's builder ({@code httpClient(...)}). */
    SdkHttpClient http() {
        return http;
    }

    /** Closes the pool's connections; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            http.close();
        }
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
