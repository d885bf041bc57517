package dev.cognitoconsole.testing;

import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.MfaSettings;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.SignInHistory;
import dev.cognitoconsole.model.UserGroup;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.model.UserPool;

/** A directory that passes every call on to another; tests extend it to count, record or break some calls. */
public abstract class ForwardingUserDirectory implements UserDirectory {
    protected final UserDirectory inner;

    protected ForwardingUserDirectory(UserDirectory inner) {
        this.inner = inner;
    }

    @Override
    public Page<UserPool> listPools(Connection connection, String nextToken) {
        return inner.listPools(connection, nextToken);
    }

    @Override
    public Page<PoolUser> listUsers(Connection connection, String poolId, UserFilter filter, String token) {
        return inner.listUsers(connection, poolId, filter, token);
    }

    @Override
    public PoolUser getUser(Connection connection, String poolId, String username) {
        return inner.getUser(connection, poolId, username);
    }

    @Override
    public MfaSettings getMfaSettings(Connection connection, String poolId, String username) {
        return inner.getMfaSettings(connection, poolId, username);
    }

    @Override
    public Page<UserGroup> listGroupsForUser(Connection connection, String poolId, String username, String token) {
        return inner.listGroupsForUser(connection, poolId, username, token);
    }

    @Override
    public SignInHistory listUserAuthEvents(Connection connection, String poolId, String username, String token) {
        return inner.listUserAuthEvents(connection, poolId, username, token);
    }

    @Override
    public void disableUser(Connection connection, String poolId, String username) {
        inner.disableUser(connection, poolId, username);
    }

    @Override
    public void enableUser(Connection connection, String poolId, String username) {
        inner.enableUser(connection, poolId, username);
    }

    @Override
    public void globalSignOut(Connection connection, String poolId, String username) {
        inner.globalSignOut(connection, poolId, username);
    }
}
