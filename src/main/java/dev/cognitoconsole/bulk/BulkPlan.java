package dev.cognitoconsole.bulk;

import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserAction;
import java.util.List;
import java.util.Objects;

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
 */
public record BulkPlan(UserAction action, PoolSelection target, List<String> usernames, String source,
                       String reason, boolean dryRun, boolean confirmedAsProduction) {
    public BulkPlan {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        usernames = List.copyOf(usernames);
    }

    public BulkPlan(UserAction action, PoolSelection target, List<String> usernames, String source, String reason,
                    boolean dryRun) {
        this(action, target, usernames, source, reason, dryRun, false);
    }

    /** The same users and reason, for real. */
    public BulkPlan forReal() {
        return new BulkPlan(action, target, usernames, source, reason, false, confirmedAsProduction);
    }
}
