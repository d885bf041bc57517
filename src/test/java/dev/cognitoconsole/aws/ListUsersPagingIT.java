package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.connection.ConnectionViewModel;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoStubExtension;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** ListUsers and ListUserPools paging, over real HTTP through the real SDK client and the real ViewModels. */
class ListUsersPagingIT {
    private static final String POOL = "us-east-1_Paging01";

    @RegisterExtension
    static final CognitoStubExtension<CognitoStub> cognito = CognitoStubExtension.cognitoStub();

    @TempDir
    Path dir;

    private ProfileCatalog catalog;
    private CognitoClients clients;
    private SdkUserDirectory directory;
    private Connection connection;
    private final BannerViewModel banner = new BannerViewModel();

    @BeforeEach
    void connect() {
        catalog = ItFixtures.catalog(dir, cognito.stub().endpoint());
        clients = new CognitoClients(catalog, ItFixtures.settings(1));
        directory = new SdkUserDirectory(clients);
        connection = ItFixtures.connection(catalog, ItFixtures.PROFILE, ItFixtures.REGION);
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void everyUserArrivesOnceInOrderAndEachRequestCarriesThePreviousToken() {
        List<CognitoStub.User> all = users(137);
        cognito.stub().listUsersPages(POOL, split(all, 60, 60, 17));

        List<PoolUser> listed = new ArrayList<>();
        String token = null;
        do {
            Page<PoolUser> page = directory.listUsers(connection, POOL, token);
            listed.addAll(page.items());
            token = page.hasMore() ? page.nextToken() : null;
        } while (token != null);

        assertThat(listed).extracting(PoolUser::username).containsExactlyElementsOf(CognitoStub.usernames(all));
        assertThat(listed).extracting(PoolUser::sub).doesNotHaveDuplicates().doesNotContainNull();
        assertRequestedInPages(3);
    }

    @Test
    void usersKeepEveryFieldCognitoSent() {
        Instant created = Instant.parse("2023-02-14T07:08:09.321Z");
        Instant modified = Instant.parse("2025-10-01T23:59:58.004Z");
        CognitoStub.User zoe = CognitoStub.user("zoë.müller-山田")
                .withEnabled(false)
                .withStatus("FORCE_CHANGE_PASSWORD")
                .withEmail("zoe.muller@example.org")
                .withAttribute("name", "Zoë Müller 山田")
                .withAttribute("custom:tenant", "acme \"EU\" \\ west")
                .withDates(created, modified);
        CognitoStub.User noEmail = CognitoStub.user("phone-only").withEmail(null)
                .withAttribute("phone_number", "+447700900123");
        cognito.stub().listUsersPages(POOL, List.of(List.of(zoe, noEmail)));

        List<PoolUser> users = directory.listUsers(connection, POOL, null).items();

        PoolUser first = users.get(0);
        assertThat(first.username()).isEqualTo("zoë.müller-山田");
        assertThat(first.sub()).isEqualTo(zoe.sub());
        assertThat(first.email()).isEqualTo("zoe.muller@example.org");
        assertThat(first.enabled()).isFalse();
        assertThat(first.status()).isEqualTo("FORCE_CHANGE_PASSWORD");
        assertThat(first.created()).isEqualTo(created);
        assertThat(first.lastModified()).isEqualTo(modified);
        assertThat(first.attributes()).containsEntry("name", "Zoë Müller 山田")
                .containsEntry("custom:tenant", "acme \"EU\" \\ west")
                .containsEntry("email_verified", "true");
        PoolUser second = users.get(1);
        assertThat(second.email()).isNull();
        assertThat(second.enabled()).isTrue();
        assertThat(second.attributes()).containsEntry("phone_number", "+447700900123");
    }

    @Test
    void shortAndEmptyPagesWhileMoreRemainDoNotEndTheListing() {
        List<CognitoStub.User> all = users(123);
        cognito.stub().listUsersPages(POOL, split(all, 60, 0, 3, 59, 1));
        UsersViewModel users = usersViewModel();

        users.show(new PoolSelection(connection, new UserPool(POOL, "Paging")));

        assertThat(users.rows()).extracting(r -> r.getUser().username()).containsExactlyElementsOf(CognitoStub.usernames(all));
        assertThat(users.loadingProperty().get()).isFalse();
        assertThat(users.countTextProperty().get()).isEqualTo("123 users");
        assertThat(banner.getNotice()).isNull();
        assertRequestedInPages(5);
    }

    @Test
    void theViewModelShowsAPoolOfSeveralFullPagesWithEachUsersState() {
        List<CognitoStub.User> all = users(180);
        cognito.stub().listUsersPages(POOL, split(all, 60, 60, 60));
        UsersViewModel users = usersViewModel();

        users.show(new PoolSelection(connection, new UserPool(POOL, "Paging")));

        assertThat(users.rows()).hasSize(180);
        for (int i = 0; i < all.size(); i++) {
            UserRow row = users.rows().get(i);
            assertThat(row.getUser().username()).isEqualTo(all.get(i).username());
            assertThat(row.getUser().enabled()).as(row.getUser().username()).isEqualTo(all.get(i).enabled());
            assertThat(row.getUser().status()).as(row.getUser().username()).isEqualTo(all.get(i).status());
        }
        assertThat(users.countTextProperty().get()).isEqualTo("180 users");
        assertRequestedInPages(3);
    }

    @Test
    void anEmptyPoolIsOneRequestAndNoUsers() {
        cognito.stub().listUsersPages(POOL, List.of(List.of()));

        Page<PoolUser> page = directory.listUsers(connection, POOL, null);

        assertThat(page.items()).isEmpty();
        assertThat(page.nextToken()).isNull();
        assertThat(page.hasMore()).isFalse();

        UsersViewModel users = usersViewModel();
        users.show(new PoolSelection(connection, new UserPool(POOL, "Empty")));

        assertThat(users.rows()).isEmpty();
        assertThat(users.countTextProperty().get()).isEqualTo("0 users");
        assertThat(users.loadingProperty().get()).isFalse();
        assertThat(banner.getNotice()).isNull();
        assertThat(cognito.stub().requestsFor("ListUsers")).isEqualTo(2);
        assertThat(cognito.stub().requestBodies("ListUsers")).allSatisfy(body -> {
            assertThat(body.has("PaginationToken")).isFalse();
            assertThat(body.path("Limit").asInt()).isEqualTo(60);
        });
    }

    @Test
    void poolsPageWithNextTokenAndMaxResults60ThenAPoolFromAnyPageShowsItsUsers() {
        List<CognitoStub.Pool> all = IntStream.rangeClosed(1, 125)
                .mapToObj(i -> new CognitoStub.Pool(String.format("us-east-1_Pool%04d", i), "Pool " + i))
                .toList();
        cognito.stub().listPoolsPages(List.of(all.subList(0, 60), all.subList(60, 62), all.subList(62, 122),
                all.subList(122, 125)));
        String chosen = all.get(100).id();
        cognito.stub().listUsersPages(chosen, List.of(users(2)));
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        ConnectionViewModel connections = new ConnectionViewModel(catalog, List.of("eu-west-1", "us-east-1"),
                directory, executor, banner);
        UsersViewModel users = new UsersViewModel(directory, executor, banner, new ItFixtures.ConfirmingDialogs(),
                () -> 0L);
        connections.selectionProperty().addListener((obs, old, now) -> users.show(now));

        connections.loadProfiles();

        assertThat(connections.connectionProperty().get()).isEqualTo(connection);
        assertThat(connections.pools()).extracting(UserPool::id)
                .containsExactlyInAnyOrderElementsOf(all.stream().map(CognitoStub.Pool::id).toList());
        assertThat(connections.pools()).extracting(UserPool::name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(connections.poolsLoadingProperty().get()).isFalse();
        List<JsonNode> requests = cognito.stub().requestBodies("ListUserPools");
        assertThat(requests).hasSize(4);
        for (int i = 0; i < requests.size(); i++) {
            JsonNode body = requests.get(i);
            assertThat(body.path("MaxResults").asInt()).as("request %d", i + 1).isEqualTo(60);
            if (i == 0) {
                assertThat(body.has("NextToken")).isFalse();
            } else {
                assertThat(body.path("NextToken").asText()).isEqualTo(CognitoStub.pageToken("pools", i - 1));
            }
        }

        connections.choosePool(connections.pools().stream().filter(p -> p.id().equals(chosen)).findFirst().orElseThrow());

        assertThat(users.selectionProperty().get().pool()).isEqualTo(new UserPool(chosen, "Pool 101"));
        assertThat(users.rows()).hasSize(2);
        assertThat(banner.getNotice()).isNull();
    }

    private UsersViewModel usersViewModel() {
        return new UsersViewModel(directory, new CurrentThreadTaskExecutor(), banner,
                new ItFixtures.ConfirmingDialogs(), () -> 0L);
    }

    /** The ListUsers requests were one per page, for this pool, at the largest page size, chained by token. */
    private static void assertRequestedInPages(int pages) {
        List<JsonNode> requests = cognito.stub().requestBodies("ListUsers");
        assertThat(requests).hasSize(pages);
        for (int i = 0; i < pages; i++) {
            JsonNode body = requests.get(i);
            assertThat(body.path("UserPoolId").asText()).isEqualTo(POOL);
            assertThat(body.path("Limit").asInt()).as("Limit of request %d", i + 1).isEqualTo(60);
            if (i == 0) {
                assertThat(body.has("PaginationToken")).as("first request has no token").isFalse();
            } else {
                assertThat(body.path("PaginationToken").asText()).as("token of request %d", i + 1)
                        .isEqualTo(CognitoStub.pageToken(POOL, i - 1));
            }
        }
    }

    /** {@code n} users: some disabled, some not CONFIRMED, some with non-Latin names. */
    private static List<CognitoStub.User> users(int n) {
        String[] stems = {"user", "josé", "дмитрий", "山田", "ayşe", "فاطمة"};
        return IntStream.rangeClosed(1, n).mapToObj(i -> {
            CognitoStub.User user = CognitoStub.user(String.format("%s-%03d", stems[i % stems.length], i));
            if (i % 7 == 0) {
                user = user.withEnabled(false);
            }
            if (i % 5 == 0) {
                user = user.withStatus("UNCONFIRMED");
            }
            return user;
        }).toList();
    }

    private static List<List<CognitoStub.User>> split(List<CognitoStub.User> all, int... sizes) {
        List<List<CognitoStub.User>> pages = new ArrayList<>();
        int from = 0;
        for (int size : sizes) {
            pages.add(all.subList(from, from + size));
            from += size;
        }
        assertThat(from).as("page sizes add up").isEqualTo(all.size());
        return pages;
    }
}
