package dev.cognitoconsole;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.testing.Canaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test (its own failsafe execution, see pom.xml) and reads every log, settings and
 * audit file the suites wrote: none may hold an access key, secret key or session token. The suites'
 * profiles carry {@link Canaries}, real-looking credentials that only a leak could put into these files.
 */
class SecretScanAfterSuitesIT {
    private static final List<Pattern> SECRETS = List.of(
            Pattern.compile("(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"),
            Pattern.compile("aws_secret_access_key", Pattern.CASE_INSENSITIVE),
            Pattern.compile("aws_session_token", Pattern.CASE_INSENSITIVE),
            Pattern.compile("X-Amz-Security-Token", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\"accessToken\"\\s*:"));

    @Test
    void noSecretReachedALogSettingsOrAuditFile() throws IOException {
        List<Path> written = new ArrayList<>();
        for (String dir : List.of("target/it-data", "target/test-data")) {
            Path root = Path.of(dir);
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile).forEach(written::add);
                }
            }
        }
        assertThat(written).as("the suites write a log and an audit log to scan").isNotEmpty();
        assertThat(written).as("the audit log was written by the suites")
                .anyMatch(p -> p.getFileName().toString().endsWith(".jsonl"));

        List<String> leaks = new ArrayList<>();
        for (Path file : written) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            for (String canary : Canaries.all()) {
                if (text.contains(canary)) {
                    leaks.add(file + ": holds the test credential " + canary.substring(0, 8) + "…");
                }
            }
            for (Pattern secret : SECRETS) {
                var match = secret.matcher(text);
                if (match.find()) {
                    leaks.add(file + ": matches " + secret.pattern() + " at offset " + match.start());
                }
            }
        }
        assertThat(leaks).as("secrets found in files the console wrote").isEmpty();
    }
}
