package dev.cognitoconsole.demo;

import dev.cognitoconsole.emulator.AwsConfigFiles;
import dev.cognitoconsole.emulator.CognitoLocal;
import dev.cognitoconsole.emulator.DemoData;
import dev.cognitoconsole.emulator.PoolSeed;
import dev.cognitoconsole.emulator.SeedUser;
import dev.cognitoconsole.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;

/** {@code mvn -Pdemo}: the console against a seeded cognito-local on a free loopback port. */
public final class DemoMain {

    static final String DEMO_POOL = "local_SupportDesk1";
    /** Deleted by the "other administrator" once the console has listed the pool. */
    static final String LEAVER = "leaver.deleted";

    private DemoMain() {
    }

    public static void main(String[] args) throws IOException {
        Path workDir = workDir();
        Trees.delete(workDir);
        Files.createDirectories(workDir);
        List<SeedUser> users = new ArrayList<>(DemoData.supportDesk(300));
        Instant joined = Instant.now().minus(Duration.ofDays(400));
        users.add(2, new SeedUser(LEAVER, "leaver@example.com", true, "CONFIRMED", joined, joined,
                Map.of("name", "Lee Leaver")));
        List<PoolSeed> pools = List.of(
                new PoolSeed(DEMO_POOL, "Support desk demo", users),
                new PoolSeed("local_EmptyPool01", "Empty pool", List.of()));
        try (CognitoLocal emulator = CognitoLocal.start(workDir, pools);
             OtherAdministrator other = OtherAdministrator.start(emulator.endpoint(), DEMO_POOL, LEAVER)) {
            emulator.addGroups(DEMO_POOL, DemoData.supportDeskGroups());
            AwsConfigFiles files = AwsConfigFiles.write(workDir, other.endpoint());
            System.setProperty("aws.configFile", files.config().toString());
            System.setProperty("aws.sharedCredentialsFile", files.credentials().toString());
            System.setProperty("aws.profile", AwsConfigFiles.PROFILE);
            // The demo's choices stay with the demo, not in the operator's own settings.
            System.setProperty("console.configDir", workDir.resolve("config").toString());
            // Its audit log and console log too: the demo's changes are not the operator's.
            System.setProperty("console.dataDir", workDir.resolve("data").toString());
            System.out.printf("cognito-local on %s (the console talks to it through %s, where a second "
                    + "administrator deletes %s once the pool is listed), profile %s, pools %s (log: %s)%n",
                    emulator.endpoint(), other.endpoint(), LEAVER, AwsConfigFiles.PROFILE,
                    pools.stream().map(p -> p.id() + " \"" + p.name() + "\" " + p.users().size() + " users").toList(),
                    workDir.resolve("cognito-local.log"));
            dev.cognitoconsole.app.Main.main(args);
        }
    }

    /** target/demo of the project when run by Maven (emulator.dir is {@code <project>/src/cognito-local}). */
    private static Path workDir() throws IOException {
        String emulatorDir = System.getProperty("emulator.dir");
        if (emulatorDir == null) {
            return Files.createTempDirectory("cognito-console-demo");
        }
        return Path.of(emulatorDir).toAbsolutePath().getParent().getParent().resolve("target/demo");
    }
}
