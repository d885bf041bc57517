package dev.cognitoconsole.banner;

import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.UserAction;

/**
 * What the console was doing when a call failed, so that the banner can name it and offer a way on.
 *
 * @param attempted  what was being done, such as "Loading users" or "Disabling alice"
 * @param connection the profile and region of the call
 * @param poolId     the pool, or {@code null}
 * @param username   the user, or {@code null}
 * @param write      whether the call was a change (its outcome matters more than a read's)
 * @param retry      what Retry does, or {@code null} when retrying makes no sense
 * @param refresh    what Refresh does, or {@code null}
 * @param readBack   after a write without a clear answer, the state AdminGetUser then read ("Enabled"), or
 *                   {@code null} when it was not read
 * @param action     the change that failed, or {@code null} for a read or when the banner need not name it
 */
public record FailureContext(String attempted, Connection connection, String poolId, String username,
                             boolean write, Runnable retry, Runnable refresh, String readBack, UserAction action) {

    public FailureContext(String attempted, Connection connection, String poolId, String username, boolean write,
                          Runnable retry, Runnable refresh, String readBack) {
        this(attempted, connection, poolId, username, write, retry, refresh, readBack, null);
    }

    public FailureContext(String attempted, Connection connection, String poolId, String username, boolean write,
                          Runnable retry, Runnable refresh) {
        this(attempted, connection, poolId, username, write, retry, refresh, null);
    }

    public static FailureContext read(String attempted, Connection connection, String poolId, Runnable retry) {
        return new FailureContext(attempted, connection, poolId, null, false, retry, retry);
    }
}
