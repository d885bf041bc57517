package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.banner.FailureContext;
import dev.cognitoconsole.banner.FailureNotices;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoStubExtension;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersViewModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cognito's error answers, over real HTTP through the real SDK client, reach the operator as the banner
 * meant for them: SdkUserDirectory → ConsoleFailure subtype → FailureNotices.
 */
class CognitoErrorsIT {
    private static final String POOL = "us-east-1_Errors01";
    private static final String USER = "alice";
    private static final int MAX_ATTEMPTS = 2;

    /** The six errors Cognito documents for AdminDisableUser, with what the banner must say. */
    enum CognitoError {
        RESOURCE_NOT_FOUND(400, "ResourceNotFoundException", "User pool " + POOL + " does not exist.",
                ConsoleFailure.ResourceNotFound.class, "User pool not found", false),
        INVALID_PARAMETER(400, "InvalidParameterException",
                "1 validation error detected: Value at 'username' failed to satisfy constraint",
                ConsoleFailure.InvalidParameter.class, "Cognito rejected the request", false),
        TOO_MANY_REQUESTS(400, "TooManyRequestsException", "Rate exceeded",
                ConsoleFailure.TooManyRequests.class, "Rate limit reached", true),
        NOT_AUTHORIZED(400, "NotAuthorizedException", "User is not authorized to perform this operation.",
                ConsoleFailure.NotAuthorized.class, "Cognito refused the operation", false),
        USER_NOT_FOUND(400, "UserNotFoundException", "User does not exist.",
                ConsoleFailure.UserNotFound.class, "User not found", false),
        INTERNAL_ERROR(500, "InternalErrorException", "Internal server error.",
                ConsoleFailure.InternalError.class, "Cognito internal error", true);

        final int status;
        final String type;
        final String message;
        final Class<? extends ConsoleFailure> failure;
        final String title;
        /** Whether the SDK retries it (throttling and 5xx). */
        final boolean retried;

        CognitoError(int status, String type, String message, Class<? extends ConsoleFailure> failure, String title,
                     boolean retried) {
            this.status = status;
            this.type = type;
            this.message = message;
            this.failure = failure;
            this.title = title;
            this.retried = retried;
        }
    }

    /** The calls the matrix runs: two writes and a read. */
    enum Call {
        ADMIN_DISABLE_USER("AdminDisableUser", "Disabling " + USER),
        ADMIN_USER_GLOBAL_SIGN_OUT("AdminUserGlobalSignOut", "Signing out " + USER),
        LIST_USERS("ListUsers", "Loading users");

        final String operation;
        final String attempted;

        Call(String operation, String attempted) {
            this.operation = operation;
            this.attempted = attempted;
        }

        void run(SdkUserDirectory directory, Connection connection) {
            switch (this) {
                case ADMIN_DISABLE_USER -> directory.disableUser(connection, POOL, USER);
                case ADMIN_USER_GLOBAL_SIGN_OUT -> directory.globalSignOut(connection, POOL, USER);
                case LIST_USERS -> directory.listUsers(connection, POOL, null);
            }
        }

        FailureContext context(Connection connection, Runnable retry, Runnable refresh) {
            return switch (this) {
                case ADMIN_DISABLE_USER -> new FailureContext(attempted, connection, POOL, USER, true, retry, refresh);
                case ADMIN_USER_GLOBAL_SIGN_OUT -> new FailureContext(attempted, connection, POOL, USER, true, retry,
                        refresh, null, UserAction.SIGN_OUT);
                case LIST_USERS -> FailureContext.read(attempted, connection, POOL, retry);
            };
        }

        /** Whether the SDK sends it again after this error: a sign-out only after throttling, a clear refusal. */
        boolean retries(CognitoError error) {
            return this == ADMIN_USER_GLOBAL_SIGN_OUT ? error == CognitoError.TOO_MANY_REQUESTS : error.retried;
        }

        boolean write() {
            return this != LIST_USERS;
        }
    }

    @RegisterExtension
    static final CognitoStubExtension<CognitoStub> cognito = CognitoStubExtension.cognitoStub();

    @TempDir
    Path dir;

    private ProfileCatalog catalog;
    private final List<CognitoClients> opened = new ArrayList<>();

    @BeforeEach
    void freshStubAndFiles() {
        catalog = ItFixtures.catalog(dir, cognito.stub().endpoint());
    }

    @AfterEach
    void closeClients() {
        opened.forEach(CognitoClients::close);
    }

    static Stream<Arguments> everyErrorOnEveryCall() {
        return Arrays.stream(Call.values())
                .flatMap(call -> Arrays.stream(CognitoError.values()).map(error -> Arguments.of(call, error)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("everyErrorOnEveryCall")
    void eachCognitoErrorBecomesItsOwnBanner(Call call, CognitoError error) {
        String requestId = cognito.stub().error(call.operation, error.status, error.type, error.message);
        Connection connection = connection();
        Runnable retry = () -> { };
        Runnable refresh = () -> { };

        ConsoleFailure failure = failureOf(call, directory(MAX_ATTEMPTS), connection);

        assertThat(failure).isExactlyInstanceOf(error.failure);
        assertThat(failure.operation()).isEqualTo(call.operation);
        assertThat(failure.awsCode()).isEqualTo(error.type);
        assertThat(failure.getMessage()).isEqualTo(error.message);
        assertThat(failure.requestId()).isEqualTo(requestId);
        assertThat(cognito.stub().requestsFor(call.operation))
                .as("attempts: the SDK retries only throttling and 5xx (a sign-out only throttling), then the banner "
                        + "shows")
                .isEqualTo(call.retries(error) ? MAX_ATTEMPTS : 1);

        Notice notice = FailureNotices.describe(failure, call.context(connection, retry, refresh));

        assertThat(notice.code()).isEqualTo(error.type);
        assertThat(notice.title()).isEqualTo(call.attempted + " failed — " + error.title);
        assertThat(notice.requestId()).isEqualTo(requestId);
        assertThat(notice.message()).isNotBlank();
        assertThat(notice.advice()).isNotBlank();
        if (call == Call.ADMIN_DISABLE_USER) {
            assertThat(notice.advice()).startsWith(failure.outcomeUnknown()
                    ? "Whether " + USER + " was changed is not known"
                    : USER + " was not changed.");
        } else if (call == Call.ADMIN_USER_GLOBAL_SIGN_OUT) {
            assertThat(notice.advice()).startsWith(failure.outcomeUnknown()
                    ? "Whether " + USER + " was signed out is not known"
                    : USER + " was not signed out.");
        }
        switch (error) {
            case RESOURCE_NOT_FOUND -> assertThat(notice.message()).contains(POOL, ItFixtures.REGION, ItFixtures.PROFILE);
            case TOO_MANY_REQUESTS -> {
                assertThat(notice.severity()).isEqualTo(Notice.Severity.WARNING);
                assertThat(notice.message()).contains(call.operation);
                assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Retry");
            }
            case USER_NOT_FOUND -> assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Refresh");
            case INTERNAL_ERROR -> assertThat(notice.actions()).extracting(Notice.Action::label).contains("Retry");
            case INVALID_PARAMETER, NOT_AUTHORIZED -> assertThat(notice.message()).isEqualTo(error.message);
            default -> throw new AssertionError(error);
        }
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void theSixErrorsGiveSixDistinctBanners(Call call) {
        List<Notice> notices = new ArrayList<>();
        SdkUserDirectory directory = directory(1);
        for (CognitoError error : CognitoError.values()) {
            cognito.stub().reset();
            cognito.stub().error(call.operation, error.status, error.type, error.message);
            ConsoleFailure failure = failureOf(call, directory, connection());
            notices.add(FailureNotices.describe(failure, call.context(connection(), () -> { }, () -> { })));
        }

        assertThat(notices).extracting(Notice::code).doesNotHaveDuplicates().hasSize(6);
        assertThat(notices).extracting(Notice::title).doesNotHaveDuplicates();
        assertThat(notices).extracting(Notice::requestId).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void throttlingIsRetriedUpToMaxAttemptsBeforeTheBannerShows() {
        cognito.stub().error("ListUsers", 400, "TooManyRequestsException", "Rate exceeded");

        ConsoleFailure failure = failureOf(Call.LIST_USERS, directory(3), connection());

        assertThat(failure).isInstanceOf(ConsoleFailure.TooManyRequests.class);
        assertThat(cognito.stub().requestsFor("ListUsers")).isEqualTo(3);
    }

    @Test
    void aThrottleThatPassesNeverReachesTheOperator() {
        cognito.stub().listUsersPages(POOL, List.of(List.of(CognitoStub.user(USER))));
        cognito.stub().failFirst("ListUsers", 1, 400, "TooManyRequestsException", "Rate exceeded");

        Page<PoolUser> page = directory(2).listUsers(connection(), POOL, null);

        assertThat(page.items()).extracting(PoolUser::username).containsExactly(USER);
        assertThat(cognito.stub().requestsFor("ListUsers")).isEqualTo(2);
    }

    @Test
    void aDisableStoppedWhileItsRetryWaitsForTheBudgetIsReportedAsPerhapsApplied() throws InterruptedException {
        cognito.stub().failFirst("AdminDisableUser", 1, 500, "InternalErrorException", "Internal server error.");
        RateBudgets budgets = RateBudgets.defaults();
        budgets.setBudget(RateBudgets.Category.USER_UPDATE, 1);
        SdkUserDirectory directory = new SdkUserDirectory(open(new CognitoClients(catalog, ItFixtures.settings(3))),
                budgets);
        Connection connection = connection();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                directory.disableUser(connection, POOL, USER);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        for (int i = 0; i < 100 && cognito.stub().requestsFor("AdminDisableUser") == 0; i++) {
            Thread.sleep(50);
        }
        // The SDK's backoff after a 500 is over by then; the retry waits for the next second of the budget.
        Thread.sleep(600);

        caller.interrupt();
        caller.join(10_000);

        assertThat(thrown.get()).isInstanceOf(ConsoleFailure.class);
        assertThat(((ConsoleFailure) thrown.get()).outcomeUnknown()).as("the first attempt got no clear answer")
                .isTrue();
        assertThat(cognito.stub().requestsFor("AdminDisableUser")).as("the retry was not sent").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = Call.class, names = {"ADMIN_DISABLE_USER", "ADMIN_USER_GLOBAL_SIGN_OUT"})
    void iamDenialNamesTheActionToGrant(Call call) {
        String action = "cognito-idp:" + call.operation;
        String denial = "User: arn:aws:iam::123456789012:user/x is not authorized to perform: "
                + action + " on resource: arn:aws:cognito-idp:us-east-1:123456789012:userpool/"
                + POOL + " because no identity-based policy allows the " + action + " action";
        String requestId = cognito.stub().error(call.operation, 400, "AccessDeniedException", denial);

        ConsoleFailure failure = failureOf(call, directory(MAX_ATTEMPTS), connection());

        assertThat(failure).isInstanceOf(ConsoleFailure.AccessDenied.class);
        assertThat(((ConsoleFailure.AccessDenied) failure).iamAction()).isEqualTo(action);
        assertThat(cognito.stub().requestsFor(call.operation)).isEqualTo(1);
        Notice notice = FailureNotices.describe(failure, call.context(connection(), null, null));
        assertThat(notice.code()).isEqualTo("AccessDenied");
        assertThat(notice.title()).isEqualTo(call.attempted + " failed — Access denied by IAM");
        assertThat(notice.message()).contains(ItFixtures.PROFILE, action, denial);
        assertThat(notice.advice()).contains("allow " + action);
        assertThat(notice.requestId()).isEqualTo(requestId);
    }

    @Test
    void iamDenialInTheNamespacedShapeIsRecognisedToo() {
        // Some AWS front ends answer with a namespaced __type and a capitalised "Message".
        String requestId = cognito.stub().errorBody("ListUsers", 400, "{\"__type\":\"com.amazon.coral.service#"
                + "AccessDeniedException\",\"Message\":\"User: arn:aws:iam::123456789012:user/x is not authorized "
                + "to perform: cognito-idp:ListUsers\"}");

        ConsoleFailure failure = failureOf(Call.LIST_USERS, directory(1), connection());

        assertThat(failure).isInstanceOf(ConsoleFailure.AccessDenied.class);
        assertThat(failure.getMessage()).contains("not authorized to perform: cognito-idp:ListUsers");
        assertThat(failure.requestId()).isEqualTo(requestId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ExpiredTokenException", "UnrecognizedClientException"})
    void rejectedCredentialsNameTheProfile(String type) {
        String message = type.startsWith("Expired") ? "The security token included in the request is expired"
                : "The security token included in the request is invalid.";
        String requestId = cognito.stub().error("ListUsers", 400, type, message);

        ConsoleFailure failure = failureOf(Call.LIST_USERS, directory(MAX_ATTEMPTS), connection());

        assertThat(failure).isInstanceOf(ConsoleFailure.CredentialsUnavailable.class);
        ConsoleFailure.CredentialsUnavailable credentials = (ConsoleFailure.CredentialsUnavailable) failure;
        assertThat(credentials.profile()).isEqualTo(ItFixtures.PROFILE);
        assertThat(credentials.sso()).isFalse();
        assertThat(credentials.awsCode()).isEqualTo(type);
        Notice notice = FailureNotices.describe(failure, Call.LIST_USERS.context(connection(), () -> { }, null));
        assertThat(notice.code()).isEqualTo("CredentialsUnavailable");
        assertThat(notice.message()).contains("Profile " + ItFixtures.PROFILE, message);
        assertThat(notice.advice()).contains("Renew the credentials of profile " + ItFixtures.PROFILE);
        assertThat(notice.requestId()).isEqualTo(requestId);
    }

    @Test
    void anUnknownErrorTypeKeepsItsCodeAndMessage() {
        String requestId = cognito.stub().error("AdminDisableUser", 400, "FrobnicationException",
                "The frobnicator is out of order.");

        ConsoleFailure failure = failureOf(Call.ADMIN_DISABLE_USER, directory(MAX_ATTEMPTS), connection());

        assertThat(failure).isInstanceOf(ConsoleFailure.Unknown.class);
        assertThat(failure.awsCode()).isEqualTo("FrobnicationException");
        assertThat(failure.getMessage()).isEqualTo("The frobnicator is out of order.");
        Notice notice = FailureNotices.describe(failure, Call.ADMIN_DISABLE_USER.context(connection(), null, null));
        assertThat(notice.code()).isEqualTo("FrobnicationException");
        assertThat(notice.title()).endsWith("Unexpected error: FrobnicationException");
        assertThat(notice.message()).isEqualTo("The frobnicator is out of order.");
        assertThat(notice.requestId()).isEqualTo(requestId);
        assertThat(notice.advice()).startsWith("Whether " + USER + " was changed is not known");
    }

    @Test
    void aPlainTextServerErrorSaysWhatCameBack() {
        cognito.stub().plainStatus("ListUsers", 500, "Internal Server Error");

        ConsoleFailure failure = failureOf(Call.LIST_USERS, directory(MAX_ATTEMPTS), connection());

        assertThat(cognito.stub().requestsFor("ListUsers")).as("5xx is retried").isEqualTo(MAX_ATTEMPTS);
        // No __type: the SDK cannot tell what failed, so neither can the console; it says what came back.
        assertThat(failure).isInstanceOf(ConsoleFailure.Unknown.class);
        assertThat(failure.awsCode()).isEqualTo("HTTP 500");
        Notice notice = FailureNotices.describe(failure, Call.LIST_USERS.context(connection(), () -> { }, null));
        assertThat(notice.code()).isEqualTo("HTTP 500");
        assertThat(notice.title()).isEqualTo("Loading users failed — Unexpected error: HTTP 500");
        assertThat(notice.message()).isEqualTo(cognito.stub().endpoint()
                + " answered HTTP 500 without a Cognito error: "
                + "\"Internal Server Error\". A proxy, firewall or load balancer may have answered instead of Cognito.");
        assertThat(notice.actions()).extracting(Notice.Action::label).contains("Retry");
    }

    @Test
    void aProxysHtmlPageIsShownAsText() {
        cognito.stub().plainStatus("AdminDisableUser", 403, "<html><head><title>403 Forbidden</title></head>\n<body>"
                + "<h1>Access blocked</h1><p>cognito-idp is not allowed by the corporate web policy.</p></body></html>");

        ConsoleFailure failure = failureOf(Call.ADMIN_DISABLE_USER, directory(MAX_ATTEMPTS), connection());

        assertThat(cognito.stub().requestsFor("AdminDisableUser")).isEqualTo(1);
        assertThat(failure).isInstanceOf(ConsoleFailure.Unknown.class);
        assertThat(failure.awsCode()).isEqualTo("HTTP 403");
        assertThat(failure.getMessage()).contains("answered HTTP 403 without a Cognito error: \"403 Forbidden Access "
                + "blocked cognito-idp is not allowed by the corporate web policy.\"").doesNotContain("<");
    }

    @Test
    void nothingListeningIsANetworkFailureNamingTheEndpoint(@TempDir Path elsewhere) {
        URI deadEndpoint = ItFixtures.deadEndpoint();
        String dead = deadEndpoint.toString();
        ProfileCatalog deadCatalog = ItFixtures.catalog(elsewhere, deadEndpoint);
        Connection connection = ItFixtures.connection(deadCatalog, ItFixtures.PROFILE, ItFixtures.REGION);
        SdkUserDirectory directory = new SdkUserDirectory(open(new CognitoClients(deadCatalog, ItFixtures.settings(1))));

        ConsoleFailure failure = failureOf(Call.ADMIN_DISABLE_USER, directory, connection);

        assertThat(failure).isInstanceOf(ConsoleFailure.NetworkUnreachable.class);
        assertThat(((ConsoleFailure.NetworkUnreachable) failure).endpoint()).isEqualTo(dead);
        assertThat(failure.requestId()).isNull();
        assertThat(failure.outcomeUnknown()).isTrue();
        Notice notice = FailureNotices.describe(failure, Call.ADMIN_DISABLE_USER.context(connection, () -> { }, null));
        assertThat(notice.code()).isEqualTo("NetworkUnreachable");
        assertThat(notice.message()).contains(dead);
        assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Retry");
    }

    @Test
    void anAnswerSlowerThanTheAttemptTimeoutIsANetworkFailure() {
        cognito.stub().delayed("ListUsers", Duration.ofSeconds(3));
        ClientSettings impatient = new ClientSettings(1, Duration.ofMillis(500), Duration.ofSeconds(10),
                Duration.ofSeconds(1));
        SdkUserDirectory directory = new SdkUserDirectory(open(new CognitoClients(catalog, impatient)));

        ConsoleFailure failure = failureOf(Call.LIST_USERS, directory, connection());

        assertThat(failure).isInstanceOf(ConsoleFailure.NetworkUnreachable.class);
        assertThat(((ConsoleFailure.NetworkUnreachable) failure).endpoint())
                .isEqualTo(cognito.stub().endpoint().toString());
        Notice notice = FailureNotices.describe(failure, Call.LIST_USERS.context(connection(), () -> { }, null));
        assertThat(notice.code()).isEqualTo("NetworkUnreachable");
        assertThat(notice.message()).contains(cognito.stub().endpoint().toString());
    }

    @Test
    void aThrottledDisableShowsTheBannerAndItsRetryDisablesTheUser() {
        cognito.stub().listUsersPages(POOL, List.of(List.of(CognitoStub.user(USER))));
        cognito.stub().adminGetUser(POOL, CognitoStub.user(USER).withEnabled(false));
        String requestId = cognito.stub().error("AdminDisableUser", 400, "TooManyRequestsException", "Rate exceeded");
        BannerViewModel banner = new BannerViewModel();
        ItFixtures.ConfirmingDialogs dialogs = new ItFixtures.ConfirmingDialogs();
        UsersViewModel users = new UsersViewModel(directory(MAX_ATTEMPTS), new CurrentThreadTaskExecutor(), banner,
                dialogs, () -> 0L);
        users.show(new PoolSelection(connection(), new UserPool(POOL, "Errors")));
        UserRow alice = users.rows().get(0);

        users.toggle(alice);

        Notice notice = banner.getNotice();
        assertThat(notice.code()).isEqualTo("TooManyRequestsException");
        assertThat(notice.title()).isEqualTo("Disabling alice failed — Rate limit reached");
        assertThat(notice.requestId()).isEqualTo(requestId);
        assertThat(cognito.stub().requestsFor("AdminDisableUser")).isEqualTo(MAX_ATTEMPTS);
        assertThat(alice.getUser().enabled()).isTrue();
        assertThat(alice.isBusy()).isFalse();

        cognito.stub().ok("AdminDisableUser");
        banner.perform(notice.actions().stream().filter(a -> a.label().equals("Retry")).findFirst().orElseThrow());

        assertThat(banner.getNotice()).isNull();
        assertThat(alice.getUser().enabled()).isFalse();
        assertThat(users.lastChangeProperty().get()).startsWith("alice disabled in Errors");
        assertThat(dialogs.asked).hasSize(1);
    }

    @Test
    void aFailedListingShowsTheLoadingBannerWithRetry() {
        String requestId = cognito.stub().error("ListUsers", 500, "InternalErrorException", "Internal server error.");
        BannerViewModel banner = new BannerViewModel();
        UsersViewModel users = new UsersViewModel(directory(1), new CurrentThreadTaskExecutor(), banner,
                new ItFixtures.ConfirmingDialogs(), () -> 0L);

        users.show(new PoolSelection(connection(), new UserPool(POOL, "Errors")));

        assertThat(banner.getNotice().code()).isEqualTo("InternalErrorException");
        assertThat(banner.getNotice().title()).isEqualTo("Loading users failed — Cognito internal error");
        assertThat(banner.getNotice().requestId()).isEqualTo(requestId);
        assertThat(users.loadingProperty().get()).isFalse();

        cognito.stub().listUsersPages(POOL, List.of(List.of(CognitoStub.user(USER), CognitoStub.user("bob"))));
        banner.perform(banner.getNotice().actions().get(0));

        assertThat(banner.getNotice()).isNull();
        assertThat(users.rows()).extracting(r -> r.getUser().username()).containsExactly(USER, "bob");
    }

    private static ConsoleFailure failureOf(Call call, SdkUserDirectory directory, Connection connection) {
        ConsoleFailure failure = catchThrowableOfType(ConsoleFailure.class, () -> call.run(directory, connection));
        assertThat(failure).as(call.operation + " should have failed").isNotNull();
        return failure;
    }

    private Connection connection() {
        return ItFixtures.connection(catalog, ItFixtures.PROFILE, ItFixtures.REGION);
    }

    private SdkUserDirectory directory(int maxAttempts) {
        return new SdkUserDirectory(open(new CognitoClients(catalog, ItFixtures.settings(maxAttempts))));
    }

    private CognitoClients open(CognitoClients clients) {
        opened.add(clients);
        return clients;
    }
}
