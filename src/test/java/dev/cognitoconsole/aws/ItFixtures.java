package dev.cognitoconsole.aws;

import dev.cognitoconsole.testing.Canaries;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.Connection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the integration tests of the aws layer share: AWS files whose profile points at a test server
 * (the SDK finds the server only through the profile's endpoint_url), and client settings that fail fast.
 */
final class ItFixtures {
    /** The profile the tests write. */
    static final String PROFILE = "it-stub";
    /** The region the console connects in. */
    static final String REGION = "us-east-1";

    private ItFixtures() {
    }

    /** Short limits, and {@code maxAttempts} attempts per call (the first included). */
    static ClientSettings settings(int maxAttempts) {
        return new ClientSettings(maxAttempts, Duration.ofSeconds(3), Duration.ofSeconds(15), Duration.ofSeconds(1));
    }

    /**
     * Writes {@code aws-config} with {@code [profile name]} (region, endpoint_url, dummy keys) and an empty
     * {@code aws-credentials} into {@code dir}, and returns the catalog over them.
     */
    static ProfileCatalog catalog(Path dir, String name, String profileRegion, URI endpoint) {
        Path config = dir.resolve("aws-config");
        Path credentials = dir.resolve("aws-credentials");
        String text = "[profile " + name + "]\n"
                + "region = " + profileRegion + "\n"
                + "endpoint_url = " + endpoint + "\n"
                + Canaries.profileKeys();
        try {
            Files.createDirectories(dir);
            Files.writeString(config, text, StandardCharsets.UTF_8);
            Files.writeString(credentials, "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProfileCatalog.fromFiles(config, credentials, name);
    }

    static ProfileCatalog catalog(Path dir, URI endpoint) {
        return catalog(dir, PROFILE, REGION, endpoint);
    }

    /** The catalog's profile {@code name}, in {@code region}. */
    static Connection connection(ProfileCatalog catalog, String name, String region) {
        AwsProfile profile = catalog.profiles().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No profile " + name + " in " + catalog.profiles()));
        return new Connection(profile, region);
    }

    /** A loopback address where nothing listens (a port that was free a moment ago). */
    static URI deadEndpoint() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dialog service that confirms everything and remembers what it was asked. */
    static final class ConfirmingDialogs implements DialogService {
        final List<Confirmation> asked = new ArrayList<>();

        @Override
        public boolean confirm(Confirmation confirmation) {
            asked.add(confirmation);
            return true;
        }
    }
}
