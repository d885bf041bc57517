package dev.cognitoconsole.common;

import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import java.util.Optional;

/**
 * The one place that decides whether a change may be made and whether its target is production. Every write path
 * asks it just before each call, from any thread, so a guard turned on mid-run applies to the next call.
 */
public interface WriteSafety {

    /** Nothing guards: every change may be made, and no connection is production. */
    WriteSafety NONE = new WriteSafety() {
        @Override
        public Optional<String> writesBlocked() {
            return Optional.empty();
        }

        @Override
        public boolean isProduction(Connection connection) {
            return false;
        }
    };

    /** Why changes are off everywhere now (read-only mode), or empty when they may be made. */
    Optional<String> writesBlocked();

    /** Why changes to this pool are off now (read-only mode, or IAM refused a change there), or empty. */
    default Optional<String> writesBlocked(PoolSelection target) {
        return writesBlocked();
    }

    /**
     * Whether this connection reaches production as far as the console knows now: its confirmations then ask for
     * the name or count typed. Fails closed: while production accounts are set and the caller is unknown, it is.
     */
    boolean isProduction(Connection connection);

    /** Whether calls on this connection signed by {@code signer} ({@code null}: unknown) reach production. */
    default boolean isProduction(Connection connection, CallerIdentity signer) {
        return isProduction(connection);
    }

    /** The identity that signs this connection's calls was learned (possibly off the UI thread). */
    default void signerSeen(Connection connection, CallerIdentity signer) {
    }

    /** IAM refused a real change to this pool: further changes there are off, for this reason. Any thread. */
    default void writeDenied(PoolSelection target, String reason) {
    }
}
