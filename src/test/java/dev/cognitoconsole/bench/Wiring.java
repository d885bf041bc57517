package dev.cognitoconsole.bench;

import dev.cognitoconsole.aws.ClientSettings;
import dev.cognitoconsole.aws.CognitoClients;
import dev.cognitoconsole.aws.ProfileCatalog;
import dev.cognitoconsole.aws.RateBudgets;
import dev.cognitoconsole.aws.SdkUserDirectory;
import dev.cognitoconsole.common.BackgroundTaskExecutor;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The console's own wiring for one endpoint, as {@code Console.create} builds it (four background threads,
 * results through Platform.runLater, the default client settings) but with {@link RateBudgets#unlimited()}:
 * an AWS config file whose profile points at the endpoint, its {@link CognitoClients}, an
 * {@link SdkUserDirectory} and a {@link BackgroundTaskExecutor}.
 */
final class Wiring implements AutoCloseable {
    static final String PROFILE = "bench";
    static final String REGION = "us-east-1";

    final CognitoClients clients;
    final SdkUserDirectory directory;
    final BackgroundTaskExecutor executor;
    final Connection connection;

    private Wiring(CognitoClients clients, Connection connection) {
        this.clients = clients;
        this.connection = connection;
        this.directory = new SdkUserDirectory(clients, RateBudgets.unlimited());
        this.executor = new BackgroundTaskExecutor(Platform::runLater, 4);
    }

    static Wiring to(URI endpoint, Path dir) {
        Path config = dir.resolve("aws-config");
        Path credentials = dir.resolve("aws-credentials");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, "[profile " + PROFILE + "]\n"
                    + "region = " + REGION + "\n"
                    + "endpoint_url = " + endpoint + "\n"
                    + "aws_access_key_id = AKIDBENCHMARK00000000\n"
                    + "aws_secret_access_key = benchmark/benchmark/benchmark/benchmark0\n", StandardCharsets.UTF_8);
            Files.writeString(credentials, "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProfileCatalog catalog = ProfileCatalog.fromFiles(config, credentials, PROFILE);
        AwsProfile profile = catalog.profiles().stream().filter(p -> p.name().equals(PROFILE)).findFirst()
                .orElseThrow();
        return new Wiring(new CognitoClients(catalog, ClientSettings.defaults()), new Connection(profile, REGION));
    }

    /** The very client the console's directory uses for this connection. */
    CognitoIdentityProviderClient sdkClient() {
        return clients.client(connection);
    }

    PoolSelection selection(String poolId, String name) {
        return new PoolSelection(connection, new UserPool(poolId, name));
    }

    @Override
    public void close() {
        executor.close();
        clients.close();
    }
}
