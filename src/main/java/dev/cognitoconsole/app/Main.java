package dev.cognitoconsole.app;

import javafx.application.Application;

/** Starts the console. A plain class, so that JavaFX on the class path starts without a module check. */
public final class Main {
    static final StartupClock STARTUP = new StartupClock();
    static EarlyStart early;
    private static final String SLF4J_PROVIDER = "slf4j.provider";

    private Main() {
    }

    public static void main(String[] args) {
        STARTUP.mark("main");
        // Logback reads this when the first logger is made, so it must be set before anything logs.
        System.setProperty("console.logDir", AppPaths.logDir().toString());
        // SLF4J binds to logback through ConsoleLogProvider without searching the class path (unless told otherwise),
        // and then does not report on stderr that it was told which provider to take.
        if (System.getProperty(SLF4J_PROVIDER) == null) {
            System.setProperty(SLF4J_PROVIDER, ConsoleLogProvider.class.getName());
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        early = EarlyStart.begin(EarlyStart::readSettings);
        Application.launch(ConsoleApp.class, args);
    }
}
