package dev.cognitoconsole.startup;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter2;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.Util;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J's binding to logback when the console starts from {@code app.Main}, which names it to SLF4J
 * ({@code slf4j.provider}). It does what logback's own provider does, less its two searches of the class path
 * (SLF4J's for a provider and logback's for a {@code Configurator} each open every jar on it), which would delay the
 * settings the window waits for (docs/performance.md).
 * The context is configured by {@link LogConfigurator}, or by logback's usual search where that steps aside.
 */
public final class ConsoleLogProvider implements SLF4JServiceProvider {
    private final LoggerContext context = new LoggerContext();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();
    private final IMarkerFactory markers = new BasicMarkerFactory();

    @Override
    public void initialize() {
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdc);
        if (LogConfigurator.stepsAside()) {
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                Util.report("Failed to auto configure default logger context", e);
            }
        } else {
            LogConfigurator.configure(context, LogConfigurator.logDir());
        }
        // As logback's provider: problems while configuring are printed, since there may be no log to hold them.
        new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return LogbackServiceProvider.REQUESTED_API_VERSION;
    }
}
