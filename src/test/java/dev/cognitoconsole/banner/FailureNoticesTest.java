package dev.cognitoconsole.banner;

import static dev.cognitoconsole.testing.Fixtures.KEYS_CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.model.ConsoleFailure;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FailureNoticesTest {

    private static final String OP = "AdminDisableUser";

    private final List<String> ran = new ArrayList<>();
    private final FailureContext read = FailureContext.read("Loading users", KEYS_CONNECTION, "eu-west-1_Pool1",
            () -> ran.add("reload"));
    private final FailureContext write = new FailureContext("Disabling alice", KEYS_CONNECTION, "eu-west-1_Pool1",
            "alice", true, () -> ran.add("retry"), () -> ran.add("refresh"));

    /** One failure of every kind, each with its own request id. */
    static List<ConsoleFailure> everyKind() {
        return List.of(
                new ConsoleFailure.ResourceNotFound(OP, "Pool not found", "req-1", null),
                new ConsoleFailure.InvalidParameter(OP, "1 validation error", "req-2", null),
                new ConsoleFailure.TooManyRequests(OP, "Rate exceeded", "req-3", null),
                new ConsoleFailure.NotAuthorized(OP, "Not allowed", "req-4", null),
                new ConsoleFailure.UserNotFound(OP, "User does not exist.", "req-5", null),
                new ConsoleFailure.InternalError(OP, "Internal error", "req-6", null),
                new ConsoleFailure.NetworkUnreachable(OP, KEYS_CONNECTION.endpoint(), "Connect timed out", null),
                new ConsoleFailure.CredentialsUnavailable(OP, null, "support", false, "No keys", null, null),
                new ConsoleFailure.AccessDenied(OP, "AccessDeniedException", "User is not authorized", "req-9", null),
                new ConsoleFailure.Unknown(OP, null, "Something odd", "req-10", null));
    }

    @Test
    void theFixturesCoverEveryKind() {
        assertThat(everyKind().stream().map(ConsoleFailure::kind).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(ConsoleFailure.Kind.class));
    }

    @Test
    void everyKindHasADistinctCodeAndTitle() {
        Set<String> codes = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (ConsoleFailure failure : everyKind()) {
            Notice notice = FailureNotices.describe(failure, read);
            codes.add(notice.code());
            titles.add(notice.title());
            assertThat(notice.title()).startsWith("Loading users failed — ");
            assertThat(notice.message()).as(failure.kind() + " message").isNotNull();
            assertThat(notice.advice()).as(failure.kind() + " advice").isNotBlank();
        }
        assertThat(codes).hasSize(ConsoleFailure.Kind.values().length);
        assertThat(titles).hasSize(ConsoleFailure.Kind.values().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void theRequestIdIsCarried(ConsoleFailure failure) {
        assertThat(FailureNotices.describe(failure, read).requestId()).isEqualTo(failure.requestId());
    }

    @Test
    void codesAreTheAwsErrorCodesOrTheConsolesOwn() {
        assertThat(everyKind().stream().map(f -> FailureNotices.describe(f, read).code()).toList()).containsExactly(
                "ResourceNotFoundException", "InvalidParameterException", "TooManyRequestsException",
                "NotAuthorizedException", "UserNotFoundException", "InternalErrorException", "NetworkUnreachable",
                "CredentialsUnavailable", "AccessDenied", "Unknown");
    }

    @Test
    void anUnknownFailureWithAnAwsCodeNamesIt() {
        Notice notice = FailureNotices.describe(
                new ConsoleFailure.Unknown(OP, "LimitExceededException", "limit", "req-x", null), read);

        assertThat(notice.code()).isEqualTo("LimitExceededException");
        assertThat(notice.title()).contains("LimitExceededException");
    }

    @Test
    void ssoCredentialsNameTheLoginCommand() {
        Notice notice = FailureNotices.describe(new ConsoleFailure.CredentialsUnavailable(OP, null, "corp-sso",
                true, "Token is expired", null, null), read);

        assertThat(notice.advice()).contains("aws sso login --profile corp-sso");
        assertThat(notice.message()).contains("corp-sso", "Token is expired");
    }

    @Test
    void staticCredentialsDoNotSuggestAnSsoLogin() {
        Notice notice = FailureNotices.describe(new ConsoleFailure.CredentialsUnavailable(OP, null, "keys",
                false, "expired", null, null), read);

        assertThat(notice.advice()).doesNotContain("sso login").contains("keys");
    }

    @Test
    void accessDeniedNamesTheIamActionOfTheOperation() {
        Notice notice = FailureNotices.describe(new ConsoleFailure.AccessDenied("ListUsers",
                "AccessDeniedException", "not authorized", "req-a", null), read);

        assertThat(notice.message()).contains("cognito-idp:ListUsers").contains("support");
        assertThat(notice.advice()).contains("cognito-idp:ListUsers");
        assertThat(notice.actions()).as("retrying cannot help until IAM changes").isEmpty();
    }

    @Test
    void throttlingNamesTheOperationAndRegion() {
        Notice notice = FailureNotices.describe(new ConsoleFailure.TooManyRequests("ListUsers", "Rate exceeded",
                "req-t", null), read);

        assertThat(notice.message()).contains("ListUsers", "eu-west-1");
        assertThat(notice.severity()).isEqualTo(Notice.Severity.WARNING);
    }

    @Test
    void userNotFoundNamesTheUserAndPoolAndOffersRefresh() {
        Notice notice = FailureNotices.describe(new ConsoleFailure.UserNotFound(OP, "gone", "req-u", null), write);

        assertThat(notice.message()).contains("alice", "eu-west-1_Pool1");
        assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Refresh");

        notice.actions().get(0).run().run();

        assertThat(ran).containsExactly("refresh");
    }

    @Test
    void retryRunsTheContextsRetry() {
        Notice notice = FailureNotices.describe(new ConsoleFailure.InternalError(OP, "x", "req", null), write);

        notice.actions().get(0).run().run();

        assertThat(ran).containsExactly("retry");
    }

    @Test
    void noRetryIsOfferedWhenTheContextHasNone() {
        FailureContext noWayOn = new FailureContext("Disabling alice", KEYS_CONNECTION, null, "alice", true, null, null);

        for (ConsoleFailure failure : everyKind()) {
            assertThat(FailureNotices.describe(failure, noWayOn).actions()).as(failure.kind().name()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void aWriteSaysWhetherTheUserWasChanged(ConsoleFailure failure) {
        Notice notice = FailureNotices.describe(failure, write);

        if (failure.outcomeUnknown()) {
            assertThat(notice.advice()).startsWith("Whether alice was changed is not known");
        } else {
            assertThat(notice.advice()).startsWith("alice was not changed.");
        }
        assertThat(notice.title()).startsWith("Disabling alice failed — ");
    }

    @Test
    void onlyNetworkInternalAndUnknownLeaveTheOutcomeUnknown() {
        assertThat(everyKind().stream().filter(ConsoleFailure::outcomeUnknown).map(ConsoleFailure::kind).toList())
                .containsExactlyInAnyOrder(ConsoleFailure.Kind.NETWORK_UNREACHABLE, ConsoleFailure.Kind.INTERNAL_ERROR,
                        ConsoleFailure.Kind.UNKNOWN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKind")
    void aReadSaysNothingAboutChanges(ConsoleFailure failure) {
        assertThat(FailureNotices.describe(failure, read).advice())
                .doesNotContain("is not known", "the user was not changed");
    }

    @Test
    void anExceptionThatEscapedTheAwsLayerBecomesUnknown() {
        ConsoleFailure failure = ConsoleFailure.from(new IllegalStateException("oops"));

        assertThat(failure.kind()).isEqualTo(ConsoleFailure.Kind.UNKNOWN);
        assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
        assertThat(FailureNotices.describe(failure, read).message()).isEqualTo("oops");
    }

    @Test
    void aConsoleFailureStaysItself() {
        ConsoleFailure failure = new ConsoleFailure.UserNotFound(OP, "gone", "req", null);

        assertThat(ConsoleFailure.from(failure)).isSameAs(failure);
    }
}
