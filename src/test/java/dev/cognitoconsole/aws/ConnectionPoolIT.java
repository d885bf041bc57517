package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.testing.Canaries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

/** The Cognito clients, the credentials' STS client and the caller lookup send every request through one pool. */
class ConnectionPoolIT {
    @Test
    void everyClientSendsThroughTheOnePoolAndOnlyItsOwnerClosesIt(@TempDir Path dir) throws Exception {
        try (CredentialsWorld world = new CredentialsWorld(dir)) {
            sendAndClose(world);
        }
    }

    private static void sendAndClose(CredentialsWorld world) {
        world.aws.assumeRole(world.clock.instant().plusSeconds(3600));
        world.aws.callerIdentity("arn:aws:sts::111122223333:assumed-role/Support/s", "111122223333");
        ProfileCatalog catalog = world.catalog("[profile base]\n" + CredentialsWorld.SERVICES + Canaries.profileKeys()
                + "[profile role]\nrole_arn = arn:aws:iam::111122223333:role/Support\nsource_profile = base\n"
                + CredentialsWorld.SERVICES);
        Connection role = CredentialsWorld.connection(catalog, "role");
        CountingHttp http = new CountingHttp(Apache5HttpClient.create());
        ConnectionPool pool = new ConnectionPool(http);

        ProfileCredentials credentials = new ProfileCredentials(catalog, world.cacheDir, Duration.ofSeconds(1),
                world.clock, pool);
        CognitoClients clients = new CognitoClients(catalog, ItFixtures.settings(1), credentials);
        CallerIdentities callers = new CallerIdentities(catalog, credentials);
        assertThat(new SdkUserDirectory(clients).listPools(role, null).items()).hasSize(1);
        assertThat(callers.of(role)).map(CallerIdentity::account).contains("111122223333");
        clients.close();
        callers.close();
        credentials.close();

        int sts = world.aws.server().port();
        int cognito = world.cognito.endpoint().getPort();
        assertThat(http.ports).as("AssumeRole, ListUserPools, GetCallerIdentity").containsExactly(sts, cognito, sts);
        assertThat(http.closes).as("closed by none of the SDK clients").hasValue(0);
        pool.close();
        pool.close();
        assertThat(http.closes).as("closed once, by its owner").hasValue(1);
    }

    /** The real HTTP client, noting the port of each request and each close. */
    private static final class CountingHttp implements SdkHttpClient {
        final List<Integer> ports = new CopyOnWriteArrayList<>();
        final AtomicInteger closes = new AtomicInteger();
        private final SdkHttpClient real;

        CountingHttp(SdkHttpClient real) {
            this.real = real;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            ports.add(request.httpRequest().port());
            return real.prepareRequest(request);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            real.close();
        }
    }
}
