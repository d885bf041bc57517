package dev.cognitoconsole.app;

import javafx.application.Application;

/** Starts the console. A plain class, so that JavaFX on the class path starts without a module check. */
public final class Main {
    static final StartupClock STARTUP = new StartupClock();
    static EarlyStart early;

    private Main() {
    }

    public static void main(String[] args) {
        STARTUP.mark("main");
        // Logback reads this when the first logger is made, so it must be set before anything logs.
        System.setProperty("console.logDir", AppPaths.logDir().toString());
        early = EarlyStart.begin(EarlyStart::readSettings);
        Application.launch(ConsoleApp.class, args);
    }
}
