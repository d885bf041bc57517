package dev.cognitoconsole.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * A cognito-local process on a free loopback port, seeded by writing its JSON database before it
 * starts (it keeps its data in memory afterwards, and seeding through AdminCreateUser is slow).
 */
public final class CognitoLocal implements AutoCloseable {

    private static final String START_JS = "node_modules/cognito-local/lib/bin/start.js";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path workDir;
    private final Thread shutdownHook = new Thread(this::close, "cognito-local-shutdown");
    private boolean closed;

    private CognitoLocal(Process process, int port, Path workDir) {
        this.process = process;
        this.port = port;
        this.workDir = workDir;
    }

    public static CognitoLocal start(Path workDir, List<PoolSeed> pools) {
        Path startJs = emulatorDir().resolve(START_JS);
        if (!Files.isRegularFile(startJs)) {
            throw new IllegalStateException("cognito-local is not installed: run `mvn verify` or `npm ci` in "
                    + "src/cognito-local (looked for " + startJs + ")");
        }
        Path dir = workDir.toAbsolutePath();
        Path log = dir.resolve("cognito-local.log");
        int port;
        Process process;
        try {
            writeDatabase(dir.resolve(".cognito"), pools);
            port = freePort();
            ProcessBuilder builder = new ProcessBuilder("node", startJs.toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("HOST", "127.0.0.1");
            builder.environment().put("PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start cognito-local in " + dir, e);
        }
        CognitoLocal emulator = new CognitoLocal(process, port, dir);
        Runtime.getRuntime().addShutdownHook(emulator.shutdownHook);
        try {
            emulator.awaitReady(log);
            return emulator;
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /** Creates the groups in {@code poolId} and adds their members, through cognito-local's API. */
    public void addGroups(String poolId, List<GroupSeed> groups) {
        try (CognitoIdentityProviderClient client = rawClient()) {
            for (GroupSeed group : groups) {
                client.createGroup(r -> r.userPoolId(poolId).groupName(group.name()).description(group.description())
                        .precedence(group.precedence()));
                for (String member : group.members()) {
                    client.adminAddUserToGroup(r -> r.userPoolId(poolId).groupName(group.name()).username(member));
                }
            }
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * A plain SDK client of this emulator, independent of the console's code: explicit endpoint, us-east-1 and
     * static keys (cognito-local accepts any). The caller closes it.
     */
    public CognitoIdentityProviderClient rawClient() {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(Apache5HttpClient.builder().build())
                .build();
    }

    public int port() {
        return port;
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Called from the hook itself, or the JVM is already exiting.
        }
        // Collected first: once the parent dies its children are re-parented and no longer listed.
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            } catch (TimeoutException | ExecutionException stillRunning) {
                handle.destroyForcibly();
            }
        }
        try {
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(endpoint().resolve("/"))
                .timeout(Duration.ofSeconds(2))
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.ListUserPools")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"MaxResults\":1}"))
                .build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("cognito-local exited with code " + process.exitValue()
                        + " before answering on port " + port + "; log tail:\n" + tail(log));
            }
            try {
                http.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for cognito-local", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("cognito-local did not answer on port " + port + " within "
                        + STARTUP_TIMEOUT.toSeconds() + " s; log tail:\n" + tail(log));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for cognito-local", e);
            }
        }
    }

    private static Path emulatorDir() {
        return Path.of(System.getProperty("emulator.dir", "src/cognito-local")).toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ": " + e + ")";
        }
    }

    private static void writeDatabase(Path cognitoDir, List<PoolSeed> pools) throws IOException {
        Path db = Files.createDirectories(cognitoDir.resolve("db"));
        // Without this, cognito-local's default makes usernames e-mail addresses.
        JSON.writeValue(cognitoDir.resolve("config.json").toFile(),
                Map.of("UserPoolDefaults", Map.of("UsernameAttributes", List.of())));
        JSON.writeValue(db.resolve("clients.json").toFile(), Map.of("Clients", Map.of()));
        for (PoolSeed pool : pools) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(db.resolve(pool.id() + ".json").toFile(), poolFile(pool));
        }
    }

    private static Map<String, Object> poolFile(PoolSeed pool) {
        Map<String, Object> users = new LinkedHashMap<>();
        for (SeedUser user : pool.users()) {
            if (users.put(user.username(), userEntry(user)) != null) {
                throw new IllegalArgumentException("Duplicate username in " + pool.id() + ": " + user.username());
            }
        }
        Instant created = pool.users().stream().map(SeedUser::created).min(Instant::compareTo)
                .orElse(Instant.parse("2024-01-01T00:00:00Z"));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("Id", pool.id());
        options.put("Name", pool.name());
        options.put("Arn", "arn:aws:cognito-idp:local:local:userpool/" + pool.id());
        options.put("CreationDate", iso(created));
        options.put("LastModifiedDate", iso(created));
        options.put("UsernameAttributes", List.of());
        options.put("MfaConfiguration", "OFF");
        options.put("EstimatedNumberOfUsers", pool.users().size());
        options.put("AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", false, "UnusedAccountValidityDays", 7));
        options.put("Policies", Map.of("PasswordPolicy", passwordPolicy()));
        options.put("LambdaConfig", Map.of());
        options.put("SchemaAttributes", schema());
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("Users", users);
        file.put("Options", options);
        return file;
    }

    private static Map<String, Object> userEntry(SeedUser user) {
        List<Map<String, String>> attributes = new ArrayList<>();
        attributes.add(attribute("sub", user.sub()));
        if (user.email() != null) {
            attributes.add(attribute("email", user.email()));
        }
        user.extraAttributes().forEach((name, value) -> attributes.add(attribute(name, value)));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("Username", user.username());
        entry.put("Password", SeedUser.DEMO_PASSWORD);
        entry.put("Attributes", attributes);
        entry.put("Enabled", user.enabled());
        entry.put("UserStatus", user.status());
        entry.put("UserCreateDate", iso(user.created()));
        entry.put("UserLastModifiedDate", iso(user.lastModified()));
        entry.put("RefreshTokens", List.of());
        if (!user.mfa().isEmpty()) {
            entry.put("UserMFASettingList", user.mfa());
            entry.put("PreferredMfaSetting", user.mfa().get(0));
        }
        return entry;
    }

    private static Map<String, String> attribute(String name, String value) {
        Map<String, String> attribute = new LinkedHashMap<>();
        attribute.put("Name", name);
        attribute.put("Value", value);
        return attribute;
    }

    private static Map<String, Object> passwordPolicy() {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("MinimumLength", 8);
        policy.put("RequireUppercase", true);
        policy.put("RequireLowercase", true);
        policy.put("RequireNumbers", true);
        policy.put("RequireSymbols", true);
        policy.put("TemporaryPasswordValidityDays", 7);
        return policy;
    }

    private static List<Map<String, Object>> schema() {
        List<Map<String, Object>> schema = new ArrayList<>();
        schema.add(stringAttribute("sub", false, true));
        for (String name : List.of("email", "name", "given_name", "family_name", "phone_number", "preferred_username",
                "custom:tenant", "custom:plan")) {
            schema.add(stringAttribute(name, true, false));
        }
        return schema;
    }

    private static Map<String, Object> stringAttribute(String name, boolean mutable, boolean required) {
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("Name", name);
        attribute.put("AttributeDataType", "String");
        attribute.put("DeveloperOnlyAttribute", false);
        attribute.put("Mutable", mutable);
        attribute.put("Required", required);
        attribute.put("StringAttributeConstraints", Map.of("MinLength", required ? "1" : "0", "MaxLength", "2048"));
        return attribute;
    }

    /** JavaScript's Date.parse reads at most milliseconds; cognito-local revives every "*Date" key. */
    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
