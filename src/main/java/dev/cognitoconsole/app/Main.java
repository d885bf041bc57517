package dev.cognitoconsole.app;

import dev.cognitoconsole.common.AppPaths;
import dev.cognitoconsole.startup.ConsoleLogProvider;
import dev.cognitoconsole.startup.EarlyStart;
import dev.cognitoconsole.startup.StartupClock;

/** Starts the console. A plain class, so that JavaFX on the class path starts without a module check. */
public final class Main {
    private static final String SLF4J_PROVIDER = "slf4j.provider";

    private Main() {
    }

    public static void main(String[] args) {
        StartupClock clock = new StartupClock();
        clock.mark("main");
        // Logback reads this when the first logger is made, so it must be set before anything logs.
        System.setProperty("console.logDir", AppPaths.logDir().toString());
        // SLF4J binds to logback through ConsoleLogProvider without searching the class path (unless told otherwise),
        // and then does not report on stderr that it was told which provider to take.
        if (System.getProperty(SLF4J_PROVIDER) == null) {
            System.setProperty(SLF4J_PROVIDER, ConsoleLogProvider.class.getName());
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        EarlyStart early = EarlyStart.begin(EarlyStart::readSettings);
        ConsoleApp.launch(clock, early::settings, args);
    }
}
