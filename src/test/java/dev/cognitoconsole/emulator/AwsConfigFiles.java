package dev.cognitoconsole.emulator;

import dev.cognitoconsole.testing.Canaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An AWS shared config file whose profile {@value #PROFILE} points at an emulator, and an empty
 * credentials file, so that the SDK's default profile chain never reads the user's real files.
 */
public record AwsConfigFiles(Path config, Path credentials) {

    public static final String PROFILE = "cognito-local";

    /** Writes {@code aws-config} and {@code aws-credentials} into {@code dir}. */
    public static AwsConfigFiles write(Path dir, URI endpoint) {
        AwsConfigFiles files = new AwsConfigFiles(dir.resolve("aws-config"), dir.resolve("aws-credentials"));
        // cognito-local accepts any signature, but the SDK insists on keys: canaries that look real, so
        // the secret scan after the suites would catch them in a log, settings or audit file.
        String config = "[profile " + PROFILE + "]\n"
                + "region = us-east-1\n"
                + "endpoint_url = " + endpoint + "\n"
                + Canaries.profileKeys();
        try {
            Files.createDirectories(dir);
            Files.writeString(files.config(), config, StandardCharsets.UTF_8);
            Files.writeString(files.credentials(), "", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write AWS config files in " + dir, e);
        }
        return files;
    }
}
