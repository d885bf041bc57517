package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.AuthEvent;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.MfaSettings;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.SignInHistory;
import dev.cognitoconsole.model.UserGroup;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.model.UserPool;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListGroupsForUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListUserAuthEventsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventContextDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventRiskType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** {@link UserDirectory} over the AWS SDK for Java v2. */
public final class SdkUserDirectory implements UserDirectory {
    private final CognitoClients clients;
    private final RateBudgets budgets;

    /** With the default rate budgets. */
    public SdkUserDirectory(CognitoClients clients) {
        this(clients, RateBudgets.defaults());
    }

    public SdkUserDirectory(CognitoClients clients, RateBudgets budgets) {
        this.clients = clients;
        this.budgets = budgets;
    }

    @Override
    public Page<UserPool> listPools(Connection connection, String nextToken) {
        ListUserPoolsResponse response = call("ListUserPools", RateBudgets.Category.POOL_READ, connection, () -> clients.client(connection)
                .listUserPools(r -> r.maxResults(POOLS_PAGE_SIZE).nextToken(nextToken)));
        if (!response.hasUserPools()) {
            throw notAnAnswer("ListUserPools", connection, "UserPools");
        }
        List<UserPool> pools = response.userPools().stream()
                .map(p -> new UserPool(p.id(), p.name()))
                .toList();
        return new Page<>(pools, response.nextToken());
    }

    @Override
    public Page<PoolUser> listUsers(Connection connection, String poolId, UserFilter filter,
                                    String paginationToken) {
        return listUsers(connection, poolId, filter, paginationToken, () -> { });
    }

    @Override
    public Page<PoolUser> listUsers(Connection connection, String poolId, UserFilter filter, String paginationToken,
                                    Runnable started) {
        String expression = filter == null ? null : filter.expression();
        ListUsersResponse response = call("ListUsers", RateBudgets.Category.USER_LIST, connection, started, () -> clients.client(connection)
                .listUsers(r -> r.userPoolId(poolId).limit(USERS_PAGE_SIZE).filter(expression)
                        .paginationToken(paginationToken)));
        // A 200 without the Users list is no page at all (an empty body, say): taken as an empty last page, it would
        // end the listing early and silently drop every user after it.
        if (!response.hasUsers()) {
            throw notAnAnswer("ListUsers", connection, "Users");
        }
        List<UserType> listed = response.users();
        PoolUser[] users = new PoolUser[listed.size()];
        for (int i = 0; i < users.length; i++) {
            users[i] = toUser(listed.get(i));
        }
        return new Page<>(Arrays.asList(users), response.paginationToken());
    }

    @Override
    public PoolUser getUser(Connection connection, String poolId, String username) {
        AdminGetUserResponse r = adminGetUser(connection, poolId, username);
        Map<String, String> attributes = attributes(r.userAttributes());
        return new PoolUser(r.username(), attributes.get("sub"), attributes.get("email"),
                enabled(r.enabled()), shared(r.userStatusAsString()), r.userCreateDate(), r.userLastModifiedDate(),
                attributes);
    }

    @Override
    public MfaSettings getMfaSettings(Connection connection, String poolId, String username) {
        AdminGetUserResponse r = adminGetUser(connection, poolId, username);
        return new MfaSettings(r.hasUserMFASettingList() ? r.userMFASettingList() : List.of(),
                r.preferredMfaSetting());
    }

    private AdminGetUserResponse adminGetUser(Connection connection, String poolId, String username) {
        AdminGetUserResponse r = call("AdminGetUser", RateBudgets.Category.USER_READ, connection, () -> clients.client(connection)
                .adminGetUser(b -> b.userPoolId(poolId).username(username)));
        // Without its Username the answer says nothing about the user (Enabled would read as the default, true).
        if (r.username() == null) {
            throw notAnAnswer("AdminGetUser", connection, "Username");
        }
        return r;
    }

    @Override
    public Page<UserGroup> listGroupsForUser(Connection connection, String poolId, String username,
                                             String nextToken) {
        AdminListGroupsForUserResponse response = call("AdminListGroupsForUser",
                RateBudgets.Category.USER_RESOURCE_READ, connection, () -> clients.client(connection)
                        .adminListGroupsForUser(b -> b.userPoolId(poolId).username(username)
                                .limit(GROUPS_PAGE_SIZE).nextToken(nextToken)));
        if (!response.hasGroups()) {
            throw notAnAnswer("AdminListGroupsForUser", connection, "Groups");
        }
        return new Page<>(response.groups().stream()
                .map(g -> new UserGroup(g.groupName(), g.description(), g.precedence()))
                .toList(), response.nextToken());
    }

    @Override
    public SignInHistory listUserAuthEvents(Connection connection, String poolId, String username,
                                            String nextToken) {
        AdminListUserAuthEventsResponse response;
        try {
            response = call("AdminListUserAuthEvents", RateBudgets.Category.USER_RESOURCE_READ, connection,
                    () -> clients.client(connection).adminListUserAuthEvents(b -> b.userPoolId(poolId)
                            .username(username).maxResults(AUTH_EVENTS_PAGE_SIZE).nextToken(nextToken)));
        } catch (ConsoleFailure failure) {
            // Not a fault: a pool without threat protection (the Plus plan) simply records no sign-ins.
            if (ADD_ON_NOT_ENABLED.equals(failure.awsCode())) {
                return SignInHistory.notKept();
            }
            throw failure;
        }
        if (!response.hasAuthEvents()) {
            throw notAnAnswer("AdminListUserAuthEvents", connection, "AuthEvents");
        }
        return new SignInHistory(true, response.authEvents().stream().map(SdkUserDirectory::toEvent).toList(),
                response.nextToken());
    }

    private static AuthEvent toEvent(AuthEventType e) {
        EventRiskType risk = e.eventRisk();
        EventContextDataType context = e.eventContextData();
        return new AuthEvent(e.eventId(), e.creationDate(), e.eventTypeAsString(), e.eventResponseAsString(),
                risk == null ? null : risk.riskLevelAsString(),
                context == null ? null : context.ipAddress(), context == null ? null : context.deviceName(),
                context == null ? null : context.city(), context == null ? null : context.country());
    }

    @Override
    public void disableUser(Connection connection, String poolId, String username) {
        call("AdminDisableUser", RateBudgets.Category.USER_UPDATE, connection, () -> clients.client(connection)
                .adminDisableUser(b -> b.userPoolId(poolId).username(username)));
    }

    @Override
    public void enableUser(Connection connection, String poolId, String username) {
        call("AdminEnableUser", RateBudgets.Category.USER_UPDATE, connection, () -> clients.client(connection)
                .adminEnableUser(b -> b.userPoolId(poolId).username(username)));
    }

    @Override
    public void globalSignOut(Connection connection, String poolId, String username) {
        call("AdminUserGlobalSignOut", RateBudgets.Category.USER_UPDATE, connection, () -> clients.client(connection)
                .adminUserGlobalSignOut(b -> b.userPoolId(poolId).username(username)
                        .overrideConfiguration(o -> o.addPlugin(ONLY_REFUSALS_RETRIED))));
    }

    /**
     * A sign-out leaves nothing to read back, so an attempt that timed out or was cut off must not be resent by the
     * SDK: only throttling, a clear refusal, is retried, with the client's number of attempts.
     */
    private static final SdkPlugin ONLY_REFUSALS_RETRIED = config -> {
        ClientOverrideConfiguration current = config.overrideConfiguration();
        int attempts = current.retryStrategy().map(RetryStrategy::maxAttempts).orElse(1);
        Predicate<Throwable> throttled = e -> e instanceof AwsServiceException aws && aws.isThrottlingException();
        config.overrideConfiguration(current.toBuilder().retryStrategy(DefaultRetryStrategy.standardStrategyBuilder()
                .maxAttempts(attempts).retryOnException(throttled).treatAsThrottling(throttled).build()).build());
    };

    private <T> T call(String operation, RateBudgets.Category category, Connection connection,
                       Supplier<T> request) {
        return call(operation, category, connection, () -> { }, request);
    }

    private <T> T call(String operation, RateBudgets.Category category, Connection connection, Runnable started,
                       Supplier<T> request) {
        RateBudgets.Ticket first;
        try {
            first = budgets.acquire(connection, category);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException(operation + " stopped while waiting for the rate budget");
        }
        started.run();
        try {
            return AttemptsInBudget.during(first, () -> budgets.acquire(connection, category), request);
        } catch (RuntimeException e) {
            ConsoleFailure failure = FailureMapper.map(operation, connection, e);
            if (failure instanceof ConsoleFailure.CredentialsUnavailable && failure.requestId() != null) {
                // AWS itself refused the credentials (revoked, expired early): the next call, a Retry, must get
                // fresh ones rather than the same again until their stated expiry.
                clients.forgetCredentials(connection.profile());
            }
            throw failure;
        }
    }

    private static final String ADD_ON_NOT_ENABLED = "UserPoolAddOnNotEnabledException";

    private static ConsoleFailure notAnAnswer(String operation, Connection connection, String field) {
        return new ConsoleFailure.Unknown(operation, null, connection.endpoint() + " answered " + operation
                + " with HTTP 200 but without " + field + ": not a Cognito answer. A proxy may have answered "
                + "instead of Cognito, or the answer was cut off.", null, null);
    }

    private static PoolUser toUser(UserType u) {
        Map<String, String> attributes = attributes(u.attributes());
        return new PoolUser(u.username(), attributes.get("sub"), attributes.get("email"), enabled(u.enabled()),
                shared(u.userStatusAsString()), u.userCreateDate(), u.userLastModifiedDate(), attributes);
    }

    private static Map<String, String> attributes(List<AttributeType> list) {
        return LAYOUTS.attributes(list);
    }

    /**
     * Attribute names and statuses repeat in every user; one shared copy each keeps a million loaded
     * users within a 1 GiB heap. The set of names is small (a pool's schema), so the map stays small.
     */
    private static String shared(String text) {
        if (text == null || SHARED.size() > SHARED_LIMIT) {
            return text;
        }
        String known = SHARED.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    private static final int SHARED_LIMIT = 10_000;
    private static final java.util.concurrent.ConcurrentMap<String, String> SHARED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final AttributeLayouts LAYOUTS = new AttributeLayouts(SdkUserDirectory::shared);

    // Enabled is optional in the response shape; without it the user is in the default state, enabled.
    private static boolean enabled(Boolean enabled) {
        return enabled == null || enabled;
    }

}
