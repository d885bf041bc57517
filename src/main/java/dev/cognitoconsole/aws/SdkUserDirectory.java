package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserPool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** {@link UserDirectory} over the AWS SDK for Java v2. */
public final class SdkUserDirectory implements UserDirectory {
    private final CognitoClients clients;

    public SdkUserDirectory(CognitoClients clients) {
        this.clients = clients;
    }

    @Override
    public Page<UserPool> listPools(Connection connection, String nextToken) {
        ListUserPoolsResponse response = call("ListUserPools", connection, () -> clients.client(connection)
                .listUserPools(r -> r.maxResults(POOLS_PAGE_SIZE).nextToken(nextToken)));
        List<UserPool> pools = response.userPools().stream()
                .map(p -> new UserPool(p.id(), p.name()))
                .toList();
        return new Page<>(pools, response.nextToken());
    }

    @Override
    public Page<PoolUser> listUsers(Connection connection, String poolId, String paginationToken) {
        ListUsersResponse response = call("ListUsers", connection, () -> clients.client(connection)
                .listUsers(r -> r.userPoolId(poolId).limit(USERS_PAGE_SIZE).paginationToken(paginationToken)));
        List<PoolUser> users = response.users().stream().map(SdkUserDirectory::toUser).toList();
        return new Page<>(users, response.paginationToken());
    }

    @Override
    public PoolUser getUser(Connection connection, String poolId, String username) {
        AdminGetUserResponse r = call("AdminGetUser", connection, () -> clients.client(connection)
                .adminGetUser(b -> b.userPoolId(poolId).username(username)));
        Map<String, String> attributes = attributes(r.userAttributes());
        return new PoolUser(r.username(), attributes.get("sub"), attributes.get("email"),
                enabled(r.enabled()), r.userStatusAsString(), r.userCreateDate(), r.userLastModifiedDate(),
                attributes);
    }

    @Override
    public void disableUser(Connection connection, String poolId, String username) {
        call("AdminDisableUser", connection, () -> clients.client(connection)
                .adminDisableUser(b -> b.userPoolId(poolId).username(username)));
    }

    @Override
    public void enableUser(Connection connection, String poolId, String username) {
        call("AdminEnableUser", connection, () -> clients.client(connection)
                .adminEnableUser(b -> b.userPoolId(poolId).username(username)));
    }

    private static <T> T call(String operation, Connection connection, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw FailureMapper.map(operation, connection, e);
        }
    }

    private static PoolUser toUser(UserType u) {
        Map<String, String> attributes = attributes(u.attributes());
        return new PoolUser(u.username(), attributes.get("sub"), attributes.get("email"), enabled(u.enabled()),
                u.userStatusAsString(), u.userCreateDate(), u.userLastModifiedDate(), attributes);
    }

    private static Map<String, String> attributes(List<AttributeType> list) {
        Map<String, String> map = new LinkedHashMap<>();
        for (AttributeType a : list) {
            if (a.name() != null && a.value() != null) {
                map.put(a.name(), a.value());
            }
        }
        return map;
    }

    // Enabled is optional in the response shape; without it the user is in the default state, enabled.
    private static boolean enabled(Boolean enabled) {
        return enabled == null || enabled;
    }

}
