package dev.cognitoconsole.startup;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SLF4J provider Main names: logback configured as the app's, or as the tests' where those are present. */
class ConsoleLogProviderTest {
    @TempDir
    Path dir;

    private final ConsoleLogProvider provider = new ConsoleLogProvider();

    @AfterEach
    void stop() {
        ((LoggerContext) provider.getLoggerFactory()).stop();
        System.clearProperty("console.appLogging");
        System.clearProperty("console.logDir");
    }

    @Test
    void logsToTheAppsFileWhenTheAppsLoggingApplies() {
        System.setProperty("console.appLogging", "true");
        System.setProperty("console.logDir", dir.toString());

        provider.initialize();
        provider.getLoggerFactory().getLogger("dev.cognitoconsole.Probe").info("window shown");
        provider.getLoggerFactory().getLogger("software.amazon.awssdk.request").info("x-amz-security-token: secret");

        assertThat(dir.resolve("console.log")).content().contains("INFO", "dev.cognitoconsole.Probe - window shown")
                .doesNotContain("secret");
        assertThat(provider.getMarkerFactory().getMarker("audit").getName()).isEqualTo("audit");
        assertThat(provider.getMDCAdapter()).isNotNull();
        assertThat(provider.getRequestedApiVersion()).startsWith("2.");
    }

    @Test
    void leavesTheTestsToLogbackTestXml() {
        System.setProperty("console.logDir", dir.toString());

        provider.initialize();
        provider.getLoggerFactory().getLogger("dev.cognitoconsole.Probe").info("in a test");

        // logback-test.xml configured the context: no app log file was made.
        assertThat(dir.resolve("console.log")).doesNotExist();
        assertThat(((LoggerContext) provider.getLoggerFactory()).getLogger("ROOT").iteratorForAppenders().hasNext())
                .isTrue();
    }
}
