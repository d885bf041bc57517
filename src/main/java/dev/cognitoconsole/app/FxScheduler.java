package dev.cognitoconsole.app;

import dev.cognitoconsole.common.Scheduler;
import java.time.Duration;
import javafx.animation.PauseTransition;

/** Times actions with the FX pulse, so they run on the FX thread; use on the FX thread. */
final class FxScheduler implements Scheduler {
    @Override
    public Runnable after(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        pause.play();
        return pause::stop;
    }
}
