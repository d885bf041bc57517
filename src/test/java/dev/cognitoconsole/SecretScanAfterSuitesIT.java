package dev.cognitoconsole;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.testing.Canaries;
import dev.cognitoconsole.testing.SecretScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test (its own failsafe execution, see pom.xml) and reads every log, settings, audit
 * and export file the suites, the demo and the packaged app's smoke test wrote, and the tests' captured
 * output and reports: none may hold an access key, secret key, session token or SSO token. The tests plant
 * {@link Canaries}, real-looking secrets that only a leak could put into these files.
 */
class SecretScanAfterSuitesIT {
    private static final Path TARGET = Path.of("target");

    @Test
    void noSecretReachedALogSettingsAuditExportOrTestOutputFile() throws IOException {
        List<Path> written = SecretScanner.consoleFiles(TARGET);
        assertThat(written).as("the suites write a log and an audit log to scan").isNotEmpty();
        assertThat(written).as("the audit log was written by the suites")
                .anyMatch(p -> p.getFileName().toString().endsWith(".jsonl"));

        List<String> leaks = new ArrayList<>();
        for (Path file : written) {
            SecretScanner.inConsoleOutput(SecretScanner.read(file))
                    .forEach(found -> leaks.add(file + ": " + found.kind() + " at offset " + found.offset()));
        }
        for (Path file : SecretScanner.reportFiles(TARGET)) {
            SecretScanner.inReport(SecretScanner.read(file))
                    .forEach(found -> leaks.add(file + ": " + found.kind() + " at offset " + found.offset()));
        }
        assertThat(leaks).as("secrets found in files the console or the tests wrote").isEmpty();
    }
}
