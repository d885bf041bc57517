package dev.cognitoconsole.bulk;

import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserAction;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One confirmed bulk change.
 *
 * @param action    disable or enable
 * @param target    the pool, on its profile and region
 * @param usernames the users, each once, in order
 * @param source    where the names came from, such as "2 selected rows" or "users.csv"
 * @param reason    why, as the operator wrote it (a ticket id): goes into every audit line
 * @param dryRun    read only: list what would change, write nothing
 * @param confirmedAsProduction whether the operator confirmed it as a production change (count typed)
 * @param runId     this run's id, in every audit line it writes; resuming keeps it
 */
public record BulkPlan(UserAction action, PoolSelection target, List<String> usernames, String source,
                       String reason, boolean dryRun, boolean confirmedAsProduction, String runId) {
    public BulkPlan {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(runId, "runId");
        usernames = List.copyOf(usernames);
    }

    /** A new run, with an id of its own. */
    public BulkPlan(UserAction action, PoolSelection target, List<String> usernames, String source, String reason,
                    boolean dryRun, boolean confirmedAsProduction) {
        this(action, target, usernames, source, reason, dryRun, confirmedAsProduction, UUID.randomUUID().toString());
    }

    public BulkPlan(UserAction action, PoolSelection target, List<String> usernames, String source, String reason,
                    boolean dryRun) {
        this(action, target, usernames, source, reason, dryRun, false);
    }

    /** The same users and reason, for real: a new run. */
    public BulkPlan forReal() {
        return new BulkPlan(action, target, usernames, source, reason, false, confirmedAsProduction);
    }
}
