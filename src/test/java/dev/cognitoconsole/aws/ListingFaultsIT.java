package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoStubExtension;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.MutableClock;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults in the middle of a long user listing, over real HTTP through the real SDK client (which is told not
 * to retry, so the console's own throttling retry is what is under test) and the real {@link UsersViewModel}:
 * throttled pages, a pagination token Cognito rejects, Stop and Continue, and a token too old to resume with.
 */
class ListingFaultsIT {
    private static final String POOL = "us-east-1_Faults01";
    private static final int PAGE = 60;
    private static final String THROTTLED = "TooManyRequestsException";
    private static final String INVALID_PARAMETER = "InvalidParameterException";
    /** As Cognito words a pagination token it no longer accepts. */
    private static final String INVALID_TOKEN = "Invalid pagination token.";

    @RegisterExtension
    static final CognitoStubExtension<CognitoStub> cognito = CognitoStubExtension.cognitoStub();

    @TempDir
    Path dir;

    private CognitoClients clients;
    private Connection connection;
    private final BannerViewModel banner = new BannerViewModel();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    /** Every read moves a second on, so every page reaches the table as soon as it arrives. */
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> sleeps = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private UsersViewModel users;

    @BeforeEach
    void connect() {
        ProfileCatalog catalog = ItFixtures.catalog(dir, cognito.stub().endpoint());
        clients = new CognitoClients(catalog, ItFixtures.settings(1));
        connection = ItFixtures.connection(catalog, ItFixtures.PROFILE, ItFixtures.REGION);
        users = new UsersViewModel(new SdkUserDirectory(clients), executor, banner,
                new ItFixtures.ConfirmingDialogs(), () -> nanos.addAndGet(Duration.ofSeconds(1).toNanos()),
                sleeps::add, clock);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void throttledPagesAreRetriedWithBackoffAndEveryUserArrivesOnceInOrder() {
        List<CognitoStub.User> all = CognitoStub.users("fault", 300);
        cognito.stub().listUsersPages(POOL, pages(all, 5));
        cognito.stub().failTimesForToken(POOL, token(2), 2, 400, THROTTLED, "Rate exceeded");
        cognito.stub().failTimesForToken(POOL, token(4), 2, 400, THROTTLED, "Rate exceeded");

        users.show(selection());

        assertThat(names()).containsExactlyElementsOf(CognitoStub.usernames(all));
        assertThat(banner.getNotice()).isNull();
        assertThat(users.loadingProperty().get()).isFalse();
        assertThat(users.canContinueProperty().get()).isFalse();
        assertThat(users.activityProperty().get()).as("the throttling note is gone").isNull();
        assertThat(users.countTextProperty().get()).isEqualTo("300 users");
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(requestTokens()).as("one request per page, plus two retries of pages 2 and 4").hasSize(5 + 4)
                .containsExactly(null, token(2), token(2), token(2), token(3), token(4), token(4), token(4),
                        token(5));
    }

    @Test
    void aTokenCognitoRejectsMidScanKeepsTheRowsThenContinueSaysItExpiredAndReloadListsEveryone() {
        List<CognitoStub.User> all = CognitoStub.users("fault", 300);
        cognito.stub().listUsersPages(POOL, pages(all, 5));
        cognito.stub().failForToken(POOL, token(2), 400, INVALID_PARAMETER, INVALID_TOKEN);

        users.show(selection());

        assertThat(names()).as("the first page stays").containsExactlyElementsOf(CognitoStub.usernames(all.subList(0, PAGE)));
        assertThat(users.loadingProperty().get()).isFalse();
        assertThat(users.canContinueProperty().get()).isTrue();
        Notice failed = banner.getNotice();
        assertThat(failed).isNotNull();
        assertThat(failed.code()).isEqualTo(INVALID_PARAMETER);
        assertThat(failed.title()).startsWith("Loading users").contains("failed");
        assertThat(failed.message()).isEqualTo(INVALID_TOKEN);
        assertThat(failed.requestId()).isNotBlank();

        users.continueLoading();

        assertThat(requestTokens()).as("Continue asked again with the same token")
                .containsExactly(null, token(2), token(2));
        Notice expired = banner.getNotice();
        assertThat(expired.code()).isEqualTo("PaginationTokenExpired");
        assertThat(expired.actions()).extracting(Notice.Action::label).containsExactly("Reload");
        assertThat(users.canContinueProperty().get()).isFalse();
        assertThat(users.loadingProperty().get()).isFalse();
        assertThat(names()).hasSize(PAGE);

        cognito.stub().listUsersPages(POOL, pages(all, 5)); // the page answers again
        banner.perform(expired.actions().get(0));

        assertThat(names()).containsExactlyElementsOf(CognitoStub.usernames(all));
        assertThat(banner.getNotice()).isNull();
        assertThat(users.canContinueProperty().get()).isFalse();
        assertThat(users.countTextProperty().get()).isEqualTo("300 users");
        assertThat(requestTokens()).as("Reload starts from the first page")
                .containsExactly(null, token(2), token(2), null, token(2), token(3), token(4), token(5));
    }

    @Test
    void stopAfterTwoPagesThenContinueResumesWithPageThreesTokenAndEveryUserArrivesOnce() {
        List<CognitoStub.User> all = CognitoStub.users("fault", 300);
        cognito.stub().listUsersPages(POOL, pages(all, 5));
        stopWhenRowsReach(2 * PAGE);
        executor.holdWork();
        users.show(selection());
        assertThat(cognito.stub().requestsFor("ListUsers")).as("nothing is asked before the work runs").isZero();

        executor.runNext(); // the load: pages 1 and 2 reach the table, then Stop is pressed

        assertThat(names()).containsExactlyElementsOf(CognitoStub.usernames(all.subList(0, 2 * PAGE)));
        assertThat(users.loadingProperty().get()).isFalse();
        assertThat(users.canContinueProperty().get()).isTrue();
        assertThat(users.activityProperty().get()).contains("Stopped");
        assertThat(users.countTextProperty().get()).isEqualTo("120 users, more in the pool");
        assertThat(executor.pending()).isZero();
        assertThat(requestTokens()).containsExactly(null, token(2));

        users.continueLoading();
        executor.runAll();

        assertThat(names()).containsExactlyElementsOf(CognitoStub.usernames(all));
        assertThat(names()).doesNotHaveDuplicates();
        assertThat(users.loadingProperty().get()).isFalse();
        assertThat(users.canContinueProperty().get()).isFalse();
        assertThat(users.countTextProperty().get()).isEqualTo("300 users");
        assertThat(banner.getNotice()).isNull();
        List<JsonNode> requests = cognito.stub().requestBodies("ListUsers");
        assertThat(requests).hasSize(5);
        assertThat(requests.get(2).path("PaginationToken").asText()).as("the first request after Continue")
                .isEqualTo(token(3));
        assertThat(requests).allSatisfy(body -> {
            assertThat(body.path("UserPoolId").asText()).isEqualTo(POOL);
            assertThat(body.path("Limit").asInt()).isEqualTo(PAGE);
        });
    }

    @Test
    void continueWithATokenOlderThan55MinutesSendsNothingAndOffersReload() {
        List<CognitoStub.User> all = CognitoStub.users("fault", 300);
        cognito.stub().listUsersPages(POOL, pages(all, 5));
        stopWhenRowsReach(2 * PAGE);
        executor.holdWork();
        users.show(selection());
        executor.runNext();
        assertThat(users.canContinueProperty().get()).isTrue();
        assertThat(cognito.stub().requestsFor("ListUsers")).isEqualTo(2);

        clock.advance(Duration.ofMinutes(56));
        users.continueLoading();

        assertThat(executor.pending()).as("no load is started").isZero();
        assertThat(cognito.stub().requestsFor("ListUsers")).as("no request is sent").isEqualTo(2);
        Notice expired = banner.getNotice();
        assertThat(expired).isNotNull();
        assertThat(expired.code()).isEqualTo("PaginationTokenExpired");
        assertThat(expired.actions()).extracting(Notice.Action::label).containsExactly("Reload");
        assertThat(users.canContinueProperty().get()).isFalse();
        assertThat(users.loadingProperty().get()).isFalse();
        assertThat(names()).as("the rows loaded stay").hasSize(2 * PAGE);

        banner.perform(expired.actions().get(0));
        executor.runAll();

        assertThat(names()).containsExactlyElementsOf(CognitoStub.usernames(all));
        assertThat(banner.getNotice()).isNull();
        assertThat(requestTokens()).containsExactly(null, token(2), null, token(2), token(3), token(4), token(5));
    }

    // Helpers

    private PoolSelection selection() {
        return new PoolSelection(connection, new UserPool(POOL, "Faults"));
    }

    /**
     * The operator presses Stop once, as soon as the table holds {@code count} rows. The executor runs a whole
     * load as one piece of work, so Stop is pressed from inside it, between two pages, as on the UI thread.
     */
    private void stopWhenRowsReach(int count) {
        boolean[] pressed = {false};
        users.rows().addListener((ListChangeListener<UserRow>) change -> {
            if (!pressed[0] && users.rows().size() >= count) {
                pressed[0] = true;
                users.stop();
            }
        });
    }

    /** The token that leads to page {@code page} (1-based; page 1 has none). */
    private static String token(int page) {
        return CognitoStub.pageToken(POOL, page - 2);
    }

    /** The PaginationToken of each ListUsers request, oldest first; {@code null} for none. */
    private static List<String> requestTokens() {
        return cognito.stub().requestBodies("ListUsers").stream()
                .map(body -> body.has("PaginationToken") ? body.path("PaginationToken").asText() : null)
                .toList();
    }

    private List<String> names() {
        return users.rows().stream().map(r -> r.getUser().username()).toList();
    }

    private static List<List<CognitoStub.User>> pages(List<CognitoStub.User> all, int count) {
        assertThat(all).hasSize(count * PAGE);
        return IntStream.range(0, count).mapToObj(i -> all.subList(i * PAGE, (i + 1) * PAGE)).toList();
    }
}
