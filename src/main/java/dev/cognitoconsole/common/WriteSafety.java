package dev.cognitoconsole.common;

import dev.cognitoconsole.model.Connection;
import java.util.Optional;

/** What guards a change: read-only mode, and the production mark that asks for more than a click. */
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

    /** Why changes are off now (read-only mode), or empty when they may be made. */
    Optional<String> writesBlocked();

    /** Whether this connection reaches production: its confirmations then ask for the name or count typed. */
    boolean isProduction(Connection connection);
}
