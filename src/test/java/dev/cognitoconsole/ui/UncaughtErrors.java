package dev.cognitoconsole.ui;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;

/**
 * Records the exceptions no code caught: those thrown on the FX thread (by an event handler or a listener), and, for
 * {@link #onEveryThread}, those of any other thread too. {@link #close} puts back the handlers it found.
 */
final class UncaughtErrors implements AutoCloseable {
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final boolean everyThread;
    private Thread.UncaughtExceptionHandler previousFx;
    private Thread.UncaughtExceptionHandler previousDefault;

    private UncaughtErrors(boolean everyThread) {
        this.everyThread = everyThread;
    }

    /** Starts recording what the FX thread throws. */
    static UncaughtErrors onFxThread() throws TimeoutException {
        return new UncaughtErrors(false).install();
    }

    /** Starts recording what the FX thread and every other thread throw. */
    static UncaughtErrors onEveryThread() throws TimeoutException {
        return new UncaughtErrors(true).install();
    }

    /** What was thrown so far, oldest first. */
    List<Throwable> errors() {
        return Collections.unmodifiableList(errors);
    }

    @Override
    public void close() throws TimeoutException {
        if (everyThread) {
            Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        }
        FxToolkit.setupFixture(() -> Thread.currentThread().setUncaughtExceptionHandler(previousFx));
    }

    private UncaughtErrors install() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            previousFx = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> errors.add(error));
        });
        if (everyThread) {
            previousDefault = Thread.getDefaultUncaughtExceptionHandler();
            Thread.setDefaultUncaughtExceptionHandler((thread, error) -> errors.add(error));
        }
        return this;
    }
}
