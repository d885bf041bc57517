package dev.cognitoconsole.model;

import java.util.Objects;

/** A pool picked on a connection: what the users table shows. */
public record PoolSelection(Connection connection, UserPool pool) {
    public PoolSelection {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(pool, "pool");
    }

    public String poolId() {
        return pool.id();
    }
}
