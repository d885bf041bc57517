package dev.cognitoconsole.testing;

import dev.cognitoconsole.aws.ProfileCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** AWS shared files for tests that read profiles: written into a folder, or named as AWS_PROFILE would be. */
public final class AwsFiles {
    private AwsFiles() {
    }

    /** Writes {@code config} as {@code dir/config} and an empty {@code dir/credentials}; the catalog over them. */
    public static ProfileCatalog catalog(Path dir, String config, String preferred) throws IOException {
        return ProfileCatalog.fromFiles(Files.writeString(dir.resolve("config"), config),
                Files.writeString(dir.resolve("credentials"), ""), preferred);
    }

    /**
     * Runs {@code test} with AWS_PROFILE {@code awsProfile} and the files in {@code dir}, through the SDK's system
     * properties that stand for them, and puts those properties back afterwards.
     */
    public static void withAwsProfile(String awsProfile, Path dir, Runnable test) {
        Map<String, String> properties = Map.of(
                "aws.profile", awsProfile,
                "aws.configFile", dir.resolve("config").toString(),
                "aws.sharedCredentialsFile", dir.resolve("credentials").toString());
        Map<String, String> before = new HashMap<>();
        properties.keySet().forEach(key -> before.put(key, System.getProperty(key)));
        try {
            properties.forEach(System::setProperty);
            test.run();
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }
}
