package dev.cognitoconsole.model;

import java.time.Instant;
import java.util.Map;

/**
 * One user of a pool, as Cognito reported it.
 *
 * @param username     the user name (unique in the pool)
 * @param sub          the immutable user id, or {@code null} when not returned
 * @param email        the {@code email} attribute, or {@code null}
 * @param enabled      whether the user may sign in
 * @param status       the confirmation status: UNCONFIRMED, CONFIRMED, FORCE_CHANGE_PASSWORD, ...
 * @param created      creation time, or {@code null}
 * @param lastModified last modification time, or {@code null}
 * @param attributes   every attribute returned, by name
 */
public record PoolUser(String username, String sub, String email, boolean enabled, String status,
                       Instant created, Instant lastModified, Map<String, String> attributes) {

    public PoolUser {
        // UserAttributes is immutable already; copying it would undo its sharing of names.
        attributes = attributes == null ? Map.of()
                : attributes instanceof UserAttributes ? attributes : Map.copyOf(attributes);
    }

    public String enabledLabel() {
        return enabled ? "Enabled" : "Disabled";
    }
}
