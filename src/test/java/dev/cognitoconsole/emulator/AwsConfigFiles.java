package dev.cognitoconsole.emulator;

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
        // Dummy keys: cognito-local accepts any signature, but the SDK insists on having some.
        String config = "[profile " + PROFILE + "]\n"
                + "region = us-east-1\n"
                + "endpoint_url = " + endpoint + "\n"
                + "aws_access_key_id = local\n"
                + "aws_secret_access_key = local\n";
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
