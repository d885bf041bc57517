package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.MfaSettings;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.SignInHistory;
import dev.cognitoconsole.model.UserGroup;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.model.UserPool;

/**
 * The Cognito operations the console uses, in the console's own types. Every method blocks: call it off
 * the UI thread. Every failure is a {@link ConsoleFailure}.
 */
public interface UserDirectory {

    /** Largest page ListUserPools allows. */
    int POOLS_PAGE_SIZE = 60;
    /** Largest page ListUsers allows. */
    int USERS_PAGE_SIZE = 60;
    /** Largest page AdminListGroupsForUser allows. */
    int GROUPS_PAGE_SIZE = 60;
    /** Largest page AdminListUserAuthEvents allows. */
    int AUTH_EVENTS_PAGE_SIZE = 60;

    /** One page of ListUserPools; {@code nextToken} is {@code null} for the first page. */
    Page<UserPool> listPools(Connection connection, String nextToken);

    /**
     * One page of ListUsers, of the users matching {@code filter} ({@code null}: all users);
     * {@code paginationToken} is {@code null} for the first page.
     */
    Page<PoolUser> listUsers(Connection connection, String poolId, UserFilter filter, String paginationToken);

    /**
     * As above, and runs {@code started} once the rate budget lets the request go, before it is sent: a request asked
     * for after that starts after this one.
     */
    default Page<PoolUser> listUsers(Connection connection, String poolId, UserFilter filter, String paginationToken,
                                     Runnable started) {
        started.run();
        return listUsers(connection, poolId, filter, paginationToken);
    }

    /** One page of all users. */
    default Page<PoolUser> listUsers(Connection connection, String poolId, String paginationToken) {
        return listUsers(connection, poolId, null, paginationToken);
    }

    /** AdminGetUser: the user's current state, read consistently. */
    PoolUser getUser(Connection connection, String poolId, String username);

    /**
     * AdminGetUser, for the user's MFA settings only. AdminGetUser counts toward the pool's monthly-active-user bill:
     * call it when the operator asks, never while they move through rows.
     */
    MfaSettings getMfaSettings(Connection connection, String poolId, String username);

    /** One page of AdminListGroupsForUser; {@code nextToken} is {@code null} for the first page. */
    Page<UserGroup> listGroupsForUser(Connection connection, String poolId, String username, String nextToken);

    /**
     * One page of AdminListUserAuthEvents, newest first; {@code nextToken} is {@code null} for the first page. A pool
     * without threat protection answers {@link SignInHistory#notKept()}, not a failure.
     */
    SignInHistory listUserAuthEvents(Connection connection, String poolId, String username, String nextToken);

    /** AdminDisableUser. */
    void disableUser(Connection connection, String poolId, String username);

    /** AdminEnableUser. */
    void enableUser(Connection connection, String poolId, String username);

    /**
     * AdminUserGlobalSignOut: Cognito revokes the user's ID, access and refresh tokens. Only a clear refusal
     * (throttling) is retried; a request that got no clear answer is never sent again here.
     */
    void globalSignOut(Connection connection, String poolId, String username);
}
