package dev.cognitoconsole.find;

import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserPool;

/**
 * A user found by "Find user", with where it was found.
 *
 * @param place   the profile and region searched
 * @param account the AWS account id, or {@code null} while unknown
 * @param pool    the pool
 * @param user    the user as ListUsers returned it
 */
public record FoundUser(Connection place, String account, UserPool pool, PoolUser user) {

    public String profile() {
        return place.profile().name();
    }

    public String region() {
        return place.region();
    }

    public PoolSelection selection() {
        return new PoolSelection(place, pool);
    }

    FoundUser withAccount(String known) {
        return new FoundUser(place, known, pool, user);
    }
}
