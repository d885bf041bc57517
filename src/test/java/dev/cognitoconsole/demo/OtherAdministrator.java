package dev.cognitoconsole.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plays a second administrator in the demo: a loopback relay between the console and cognito-local
 * that, once the console has listed the demo pool, deletes one user behind the console's back. A click
 * on that user's row then shows the banner for a user deleted meanwhile, as it happens on a real desk.
 */
final class OtherAdministrator implements AutoCloseable {
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI emulator;
    private final String poolId;
    private final String victim;
    private final AtomicBoolean deleted = new AtomicBoolean();

    private OtherAdministrator(URI emulator, String poolId, String victim) throws IOException {
        this.emulator = emulator;
        this.poolId = poolId;
        this.victim = victim;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::relay);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setDaemon(true);
            return t;
        }));
    }

    static OtherAdministrator start(URI emulator, String poolId, String victim) throws IOException {
        OtherAdministrator relay = new OtherAdministrator(emulator, poolId, victim);
        relay.server.start();
        return relay;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            HttpRequest.Builder forward = HttpRequest.newBuilder(emulator.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase())) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
            if (target != null && target.endsWith(".ListUsers")
                    && new String(body, StandardCharsets.UTF_8).contains(poolId)
                    && deleted.compareAndSet(false, true)) {
                deleteVictim();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deleteVictim() throws IOException, InterruptedException {
        String json = "{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"" + victim + "\"}";
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(emulator)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminDeleteUser")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        System.out.printf("Demo: another administrator deleted %s from %s (HTTP %d). "
                + "Click Disable on that row to see how the console reports it.%n", victim, poolId,
                answer.statusCode());
    }
}
