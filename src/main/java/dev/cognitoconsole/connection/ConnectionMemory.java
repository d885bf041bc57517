package dev.cognitoconsole.connection;

import java.util.Optional;

/** What the connection bar remembers between runs: the last profile, and per profile its region and pool. */
public interface ConnectionMemory {

    Optional<String> lastProfile();

    Optional<String> lastRegion(String profile);

    /** The pool last used with this profile, if it was in this region. */
    Optional<String> lastPool(String profile, String region);

    void remember(String profile, String region, String poolId);

    /** Remembers nothing. */
    ConnectionMemory NONE = new ConnectionMemory() {
        @Override
        public Optional<String> lastProfile() {
            return Optional.empty();
        }

        @Override
        public Optional<String> lastRegion(String profile) {
            return Optional.empty();
        }

        @Override
        public Optional<String> lastPool(String profile, String region) {
            return Optional.empty();
        }

        @Override
        public void remember(String profile, String region, String poolId) {
        }
    };
}
