package dev.cognitoconsole.connection;

import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection bar's line saying who the operator acts as, asked of STS in the background. */
final class CallerLine {
    private static final Logger LOG = LoggerFactory.getLogger(CallerLine.class);

    private final TaskExecutor executor;
    private final Function<Connection, Optional<CallerIdentity>> callers;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<CallerIdentity> identity = new ReadOnlyObjectWrapper<>();
    private long generation;

    /** @param callers who AWS sees behind a connection, or {@code null} to not ask */
    CallerLine(TaskExecutor executor, Function<Connection, Optional<CallerIdentity>> callers) {
        this.executor = executor;
        this.callers = callers;
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The identity, or {@code null} while it is asked or when STS cannot say. */
    ReadOnlyObjectProperty<CallerIdentity> identityProperty() {
        return identity.getReadOnlyProperty();
    }

    /** Asks who {@code target} acts as; an answer for a connection no longer shown is dropped. */
    void lookUp(Connection target) {
        long mine = ++generation;
        identity.set(null);
        if (target == null || callers == null) {
            text.set(null);
            return;
        }
        text.set("Checking who this profile acts as…");
        executor.run(job -> callers.apply(target), found -> {
            if (mine == generation) {
                identity.set(found.orElse(null));
                text.set(found.map(c -> "Acting as " + c.arn() + " (account " + c.account() + ")")
                        .orElseGet(() -> unknown(target)));
            }
        }, error -> {
            if (mine == generation) {
                LOG.info("Caller identity of {} unknown", target.profile().name(), error);
                text.set(unknown(target));
            }
        });
    }

    /**
     * Why the caller is unknown. A profile with an endpoint of its own (endpoint_url, shown beside this) usually
     * points at a local emulator, which has no STS: that is said plainly rather than as a failure.
     */
    private static String unknown(Connection target) {
        return target.profile().endpointIfSet().isPresent()
                ? "Identity unknown: no STS answers at this endpoint (emulators have none)"
                : "Identity unknown: STS GetCallerIdentity did not answer for " + target.profile().name();
    }
}
