package dev.cognitoconsole.startup;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's logging, configured in code; in the tests logback-test.xml still wins. */
class LogConfiguratorTest {
    @TempDir
    Path dir;

    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void mdc() {
        // What logback's SLF4J provider gives the context it makes.
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    @AfterEach
    void stop() {
        context.stop();
        System.clearProperty("console.appLogging");
        System.clearProperty("console.logDir");
    }

    @Test
    void writesInfoToTheFileWithTheTimestampPatternAndKeepsTheSdkQuiet() throws IOException {
        LogConfigurator.configure(context, dir);

        context.getLogger("dev.cognitoconsole.Probe").info("pool listed");
        context.getLogger("dev.cognitoconsole.Probe").debug("not shown");
        context.getLogger("software.amazon.awssdk.request").info("x-amz-security-token: secret");
        context.getLogger("org.apache.hc.client5.http.wire").info("http-outgoing-0 >> Authorization");
        context.getLogger("software.amazon.awssdk.retry").warn("throttled");

        String log = Files.readString(dir.resolve("console.log"));
        assertThat(log).containsPattern(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ INFO  \\[[^]]+] dev\\.cognitoconsole\\.Probe - pool listed")
                .contains("WARN  [", "throttled")
                .doesNotContain("not shown", "secret", "Authorization");
    }

    @Test
    void leavesTheTestsToLogbackTestXml() {
        ExecutionStatus status = configurator().configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger("ROOT").iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void configuresTheAppAnywayWhenAsked() {
        System.setProperty("console.appLogging", "true");
        System.setProperty("console.logDir", dir.toString());

        ExecutionStatus status = configurator().configure(context);
        context.getLogger("dev.cognitoconsole.Probe").info("demo started");

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(dir.resolve("console.log")).content().contains("demo started");
    }

    private LogConfigurator configurator() {
        LogConfigurator configurator = new LogConfigurator();
        configurator.setContext(context);
        return configurator;
    }
}
