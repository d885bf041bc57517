package dev.cognitoconsole.startup;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import dev.cognitoconsole.common.AppPaths;
import java.nio.file.Path;

/**
 * The console's logging, set up in code, since reading logback's XML configuration slows every start
 * (docs/performance.md). Found by logback through META-INF/services, and asked before logback looks for a file itself.
 *
 * <p>It steps aside, leaving logback to its own search, when {@code -Dlogback.configurationFile} names a
 * file or a {@code logback-test.xml} is on the class path (the tests), unless {@code -Dconsole.appLogging=true}
 * asks for the app's logging anyway (the demo, which runs on the test class path).
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{30} - %msg%n";
    static final String STDERR_PATTERN = "%d{HH:mm:ss} %-5level %logger{20} - %msg%n%nopex";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (stepsAside()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, logDir());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Whether logback's own search decides: a configuration file is named or the tests' is present, and not forced. */
    static boolean stepsAside() {
        boolean forced = Boolean.getBoolean("console.appLogging");
        return !forced && (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null);
    }

    /** {@code app.Main} sets console.logDir to the data folder before anything logs. */
    static Path logDir() {
        String dir = System.getProperty("console.logDir");
        return dir != null && !dir.isBlank() ? Path.of(dir) : AppPaths.logDir();
    }

    /** A rolling file in {@code dir} for INFO and up, warnings also on stderr; the SDK and HTTP client at WARN. */
    static void configure(LoggerContext context, Path dir) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve("console.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve("console.%d{yyyy-MM-dd}.%i.log.gz").toString());
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, PATTERN));
        file.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setContext(context);
        warnings.setLevel(Level.WARN.levelStr);
        warnings.start();
        stderr.addFilter(warnings);
        stderr.setEncoder(encoder(context, STDERR_PATTERN));
        stderr.start();

        // The SDK's and the HTTP client's debug output includes request headers (session tokens): keep it off.
        context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
        context.getLogger("org.apache.hc").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        root.addAppender(stderr);
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
