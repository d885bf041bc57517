package dev.cognitoconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.startup.StartupClock;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The classes made while the early-start thread sets up logging take no SLF4J logger then: SLF4J gives a thread that
 * asks during its set-up a stand-in, which stays silent for good when asked for at the wrong moment (the start-up
 * milestones and uncaught-exception reports went missing so). ConsoleApp takes its logger once the settings, read
 * after logging is set up, are handed over.
 */
class StartupLoggingTest {
    @Test
    void noLoggerIsTakenWhenTheLaunchClassesAreInitialised() {
        for (Class<?> type : List.of(Main.class, ConsoleApp.class, StartupClock.class)) {
            assertThat(Arrays.stream(type.getDeclaredFields())
                    .filter(field -> Modifier.isStatic(field.getModifiers()))
                    .map(Field::getType))
                    .as("static fields of %s", type.getSimpleName())
                    .doesNotContain(Logger.class);
        }
    }
}
