package dev.cognitoconsole.ui;

import dev.cognitoconsole.app.Console;
import dev.cognitoconsole.testing.Closing;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The console a UI test drives: started for each test in TestFX's primary stage, closed after it, with a
 * {@link ConsoleDriver} and, where asked, the exceptions nothing caught meanwhile. Register it in an instance field
 * of a class run by TestFX's {@code ApplicationExtension}, in place of a {@code @Start} and {@code @Stop} pair:
 *
 * <pre>{@code
 * @ExtendWith(ApplicationExtension.class)
 * class SomeUiIT {
 *     @RegisterExtension
 *     final ConsoleSession session = new ConsoleSession(stage -> ConsoleFixture.start(stage, aws.files(), 3));
 *     private final ConsoleDriver ui = session.ui();
 * }</pre>
 *
 * <p>JUnit calls an instance field's extension after the class's {@code @ExtendWith} ones and before the
 * class's {@code @BeforeEach} methods: the console starts once TestFX has registered the primary stage, and is
 * there for {@code @BeforeEach}. In the other direction it is closed after the class's {@code @AfterEach} methods
 * and before TestFX hides the stages and releases the keys, as a {@code @Stop} method was.
 */
final class ConsoleSession implements BeforeEachCallback, AfterEachCallback {
    private final Function<Stage, Console> start;
    private final ConsoleDriver ui = new ConsoleDriver(new FxRobot());
    private boolean recordUncaught;
    private boolean everyThread;
    private UncaughtErrors uncaught;
    private Stage stage;
    private Console console;

    /** A session whose console {@code start} builds, shows and starts in the stage it is given, on the FX thread. */
    ConsoleSession(Function<Stage, Console> start) {
        this.start = start;
    }

    /** Records what the FX thread throws while the console runs; see {@link #uncaught()}. */
    ConsoleSession recordingUncaught() {
        recordUncaught = true;
        return this;
    }

    /** Records what any thread throws while the console runs; see {@link #uncaught()}. */
    ConsoleSession recordingUncaughtOnEveryThread() {
        everyThread = true;
        return recordingUncaught();
    }

    /** The running console. */
    Console console() {
        return console;
    }

    /** The stage the console is shown in. */
    Stage stage() {
        return stage;
    }

    ConsoleDriver ui() {
        return ui;
    }

    /** The exceptions nothing caught since the console was started, oldest first. */
    List<Throwable> uncaught() {
        if (uncaught == null) {
            throw new IllegalStateException("This session records no uncaught exceptions: ask recordingUncaught()");
        }
        return uncaught.errors();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws TimeoutException {
        if (recordUncaught) {
            uncaught = everyThread ? UncaughtErrors.onEveryThread() : UncaughtErrors.onFxThread();
        }
        FxToolkit.setupStage(primary -> {
            stage = primary;
            console = start.apply(primary);
        });
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            // On the FX thread, where a @Stop method closed it.
            FxToolkit.setupFixture(() -> Closing.closeAll(console));
        } finally {
            Closing.closeAll(uncaught);
        }
    }
}
