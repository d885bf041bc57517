package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.banner.FailureContext;
import dev.cognitoconsole.banner.FailureNotices;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.connection.ConnectionViewModel;
import dev.cognitoconsole.emulator.AwsConfigFiles;
import dev.cognitoconsole.emulator.CognitoLocal;
import dev.cognitoconsole.emulator.DemoData;
import dev.cognitoconsole.emulator.PoolSeed;
import dev.cognitoconsole.emulator.SeedUser;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.Page;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.Closing;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersViewModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * The real SDK adapter against cognito-local. The console's client is never given an endpoint in code:
 * it reaches the emulator only through the profile's {@code endpoint_url}. An independent SDK client (with
 * an explicit endpoint) reads state back. cognito-local does not page and its {@code status} filter is
 * broken (see FACTS.md): paging lives in ListUsersPagingIT.
 */
class CognitoLocalDirectoryIT {
    private static final String DESK_POOL = "us-east-1_SupportDesk1";
    private static final String DESK_NAME = "Support desk";
    private static final String PARTNER_POOL = "us-east-1_Partners2";
    private static final String PARTNER_NAME = "Partners — Europe";
    private static final String MISSING_POOL = "us-east-1_Missing00";

    @TempDir
    static Path workDir;

    static List<SeedUser> desk;
    static List<SeedUser> partners;
    static CognitoLocal emulator;
    static ProfileCatalog catalog;
    static CognitoClients clients;
    static SdkUserDirectory directory;
    static Connection connection;
    /** Independent of the console's code: explicit endpoint, static keys. */
    static CognitoIdentityProviderClient raw;

    @BeforeAll
    static void start() {
        desk = DemoData.supportDesk(120);
        Instant created = Instant.parse("2025-05-06T07:08:09Z");
        partners = List.of(
                new SeedUser("zoë.partner", "zoe@partner.example", true, "CONFIRMED", created, created, Map.of()),
                new SeedUser("łukasz.wróbel", "lukasz@partner.example", true, "CONFIRMED", created, created,
                        Map.of("name", "Łukasz Wróbel")),
                new SeedUser("already.off", "off@partner.example", false, "CONFIRMED", created, created, Map.of()));
        emulator = CognitoLocal.start(workDir.resolve("emulator"), List.of(
                new PoolSeed(DESK_POOL, DESK_NAME, desk),
                new PoolSeed(PARTNER_POOL, PARTNER_NAME, partners)));
        AwsConfigFiles files = AwsConfigFiles.write(workDir.resolve("aws"), emulator.endpoint());
        catalog = ProfileCatalog.fromFiles(files.config(), files.credentials(), AwsConfigFiles.PROFILE);
        clients = new CognitoClients(catalog, ItFixtures.settings(1));
        directory = new SdkUserDirectory(clients);
        connection = ItFixtures.connection(catalog, AwsConfigFiles.PROFILE, "us-east-1");
        raw = emulator.rawClient();
    }

    @AfterAll
    static void stop() {
        Closing.closeAll(raw, clients, emulator);
    }

    @Test
    void listsBothPoolsByNameAndId() {
        Page<UserPool> page = directory.listPools(connection, null);

        assertThat(page.items()).extracting(UserPool::id, UserPool::name).containsExactlyInAnyOrder(
                tuple(DESK_POOL, DESK_NAME), tuple(PARTNER_POOL, PARTNER_NAME));
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void listsEveryUserAsSeeded() {
        Page<PoolUser> page = directory.listUsers(connection, DESK_POOL, null);

        assertThat(page.hasMore()).as("cognito-local does not page").isFalse();
        Map<String, PoolUser> listed = page.items().stream()
                .collect(Collectors.toMap(PoolUser::username, Function.identity()));
        assertThat(listed).hasSize(120);
        for (SeedUser seeded : desk) {
            PoolUser user = listed.get(seeded.username());
            assertThat(user).as(seeded.username()).isNotNull();
            assertThat(user.sub()).as(seeded.username()).isEqualTo(seeded.sub());
            assertThat(user.email()).as(seeded.username()).isEqualTo(seeded.email());
            assertThat(user.enabled()).as(seeded.username()).isEqualTo(seeded.enabled());
            assertThat(user.status()).as(seeded.username()).isEqualTo(seeded.status());
            assertThat(user.created()).as(seeded.username()).isEqualTo(seeded.created());
            assertThat(user.attributes()).as(seeded.username()).containsAllEntriesOf(seeded.extraAttributes());
        }
        assertThat(listed.get(DemoData.JOSE).attributes()).containsEntry("name", "José Núñez");
        assertThat(listed.get(DemoData.DMITRY).attributes()).containsEntry("family_name", "Иванов");
        assertThat(listed.get(DemoData.YAMADA).attributes()).containsEntry("name", "山田太郎");
        assertThat(listed.get(DemoData.BOB_DISABLED).enabled()).isFalse();
        assertThat(listed.get(DemoData.CAROL_UNCONFIRMED).status()).isEqualTo("UNCONFIRMED");
        assertThat(page.items()).extracting(PoolUser::status)
                .contains("CONFIRMED", "UNCONFIRMED", "FORCE_CHANGE_PASSWORD", "RESET_REQUIRED");
    }

    @Test
    void disablesAndEnablesAUserAndEveryReaderAgrees() {
        String who = "łukasz.wróbel";
        try {
            directory.disableUser(connection, PARTNER_POOL, who);

            assertThat(directory.getUser(connection, PARTNER_POOL, who).enabled()).isFalse();
            assertThat(raw.adminGetUser(r -> r.userPoolId(PARTNER_POOL).username(who)).enabled()).isFalse();
            assertThat(listedUser(PARTNER_POOL, who).enabled()).isFalse();

            directory.enableUser(connection, PARTNER_POOL, who);

            PoolUser enabled = directory.getUser(connection, PARTNER_POOL, who);
            assertThat(enabled.enabled()).isTrue();
            assertThat(enabled.username()).isEqualTo(who);
            assertThat(enabled.attributes()).containsEntry("name", "Łukasz Wróbel");
            assertThat(raw.adminGetUser(r -> r.userPoolId(PARTNER_POOL).username(who)).enabled()).isTrue();
        } finally {
            raw.adminEnableUser(r -> r.userPoolId(PARTNER_POOL).username(who));
        }
    }

    @Test
    void theSixteenSubPrefixesOfAListingInSlicesHoldEveryUserOnce() {
        List<String> all = directory.listUsers(connection, DESK_POOL, null).items().stream()
                .map(PoolUser::username).toList();
        List<String> sliced = new java.util.ArrayList<>();
        for (char prefix : "0123456789abcdef".toCharArray()) {
            Page<PoolUser> slice = directory.listUsers(connection, DESK_POOL, new UserFilter(UserFilter.Attribute.SUB,
                    UserFilter.Match.STARTS_WITH, String.valueOf(prefix)), null);
            assertThat(slice.items()).allMatch(u -> u.sub().charAt(0) == prefix);
            slice.items().forEach(u -> sliced.add(u.username()));
        }

        assertThat(all).hasSize(desk.size());
        assertThat(sliced).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void theUsersScreenDisablesAndEnablesAUnicodeUserConfirmedByCognito() {
        BannerViewModel banner = new BannerViewModel();
        ItFixtures.ConfirmingDialogs dialogs = new ItFixtures.ConfirmingDialogs();
        UsersViewModel users = new UsersViewModel(directory, new CurrentThreadTaskExecutor(), banner, dialogs,
                () -> 0L);
        users.show(new PoolSelection(connection, new UserPool(PARTNER_POOL, PARTNER_NAME)));
        UserRow zoe = row(users, "zoë.partner");
        try {
            users.toggle(zoe);

            assertThat(banner.getNotice()).isNull();
            assertThat(zoe.getUser().enabled()).isFalse();
            assertThat(users.lastChangeProperty().get()).startsWith("zoë.partner disabled in " + PARTNER_NAME);
            assertThat(raw.adminGetUser(r -> r.userPoolId(PARTNER_POOL).username("zoë.partner")).enabled()).isFalse();
            assertThat(dialogs.asked.get(0).header()).isEqualTo("Disable user zoë.partner?");

            users.toggle(zoe);

            assertThat(banner.getNotice()).isNull();
            assertThat(zoe.getUser().enabled()).isTrue();
            assertThat(raw.adminGetUser(r -> r.userPoolId(PARTNER_POOL).username("zoë.partner")).enabled()).isTrue();
        } finally {
            raw.adminEnableUser(r -> r.userPoolId(PARTNER_POOL).username("zoë.partner"));
        }
    }

    @Test
    void aMissingUserIsUserNotFoundWithARefreshAction() {
        ConsoleFailure failure = catchThrowableOfType(ConsoleFailure.class,
                () -> directory.disableUser(connection, PARTNER_POOL, "nobody.here"));

        assertThat(failure).isInstanceOf(ConsoleFailure.UserNotFound.class);
        assertThat(failure.operation()).isEqualTo("AdminDisableUser");
        Runnable refresh = () -> { };
        Notice notice = FailureNotices.describe(failure, new FailureContext("Disabling nobody.here", connection,
                PARTNER_POOL, "nobody.here", true, () -> { }, refresh));
        assertThat(notice.code()).isEqualTo("UserNotFoundException");
        assertThat(notice.actions()).extracting(Notice.Action::label, Notice.Action::run)
                .containsExactly(tuple("Refresh", refresh));
        assertThat(catchThrowableOfType(ConsoleFailure.class,
                () -> directory.getUser(connection, PARTNER_POOL, "nobody.here")))
                .isInstanceOf(ConsoleFailure.UserNotFound.class);
    }

    @Test
    void aUserDeletedBehindTheConsolesBackShowsTheBannerAndRefreshDropsTheRow() {
        String ghost = "ghost.user";
        raw.adminCreateUser(r -> r.userPoolId(PARTNER_POOL).username(ghost).messageAction(MessageActionType.SUPPRESS));
        BannerViewModel banner = new BannerViewModel();
        UsersViewModel users = new UsersViewModel(directory, new CurrentThreadTaskExecutor(), banner,
                new ItFixtures.ConfirmingDialogs(), () -> 0L);
        users.show(new PoolSelection(connection, new UserPool(PARTNER_POOL, PARTNER_NAME)));
        UserRow row = row(users, ghost);
        raw.adminDeleteUser(r -> r.userPoolId(PARTNER_POOL).username(ghost));

        users.toggle(row);

        Notice notice = banner.getNotice();
        assertThat(notice.code()).isEqualTo("UserNotFoundException");
        assertThat(notice.title()).isEqualTo("Disabling ghost.user failed — User not found");
        assertThat(notice.actions()).extracting(Notice.Action::label).contains("Refresh");

        banner.perform(notice.actions().stream().filter(a -> a.label().equals("Refresh")).findFirst().orElseThrow());

        assertThat(banner.getNotice()).isNull();
        assertThat(users.rows()).extracting(r -> r.getUser().username())
                .doesNotContain(ghost)
                .containsExactlyInAnyOrderElementsOf(partners.stream().map(SeedUser::username).toList());
    }

    @Test
    void aMissingPoolIsResourceNotFound() {
        ConsoleFailure failure = catchThrowableOfType(ConsoleFailure.class,
                () -> directory.listUsers(connection, MISSING_POOL, null));

        assertThat(failure).isInstanceOf(ConsoleFailure.ResourceNotFound.class);
        assertThat(failure.getMessage()).contains(MISSING_POOL);

        BannerViewModel banner = new BannerViewModel();
        UsersViewModel users = new UsersViewModel(directory, new CurrentThreadTaskExecutor(), banner,
                new ItFixtures.ConfirmingDialogs(), () -> 0L);
        users.show(new PoolSelection(connection, new UserPool(MISSING_POOL, null)));

        Notice notice = banner.getNotice();
        assertThat(notice.code()).isEqualTo("ResourceNotFoundException");
        assertThat(notice.title()).isEqualTo("Loading users failed — User pool not found");
        assertThat(notice.message()).contains(MISSING_POOL, "us-east-1", AwsConfigFiles.PROFILE);
        assertThat(users.rows()).isEmpty();
    }

    @Test
    void aProfileInAnotherRegionStillReachesItsEndpoint(@TempDir Path dir) {
        // The profile says eu-west-2; the console connects in a region of its own choosing. Only the
        // profile's endpoint_url leads to the emulator: nothing in code names it.
        ProfileCatalog euCatalog = ItFixtures.catalog(dir, "local-eu", "eu-west-2", emulator.endpoint());
        BannerViewModel banner = new BannerViewModel();
        try (CognitoClients euClients = new CognitoClients(euCatalog, ItFixtures.settings(1))) {
            SdkUserDirectory euDirectory = new SdkUserDirectory(euClients);
            ConnectionViewModel connections = new ConnectionViewModel(euCatalog, List.of("us-east-1", "eu-west-2"),
                    euDirectory, new CurrentThreadTaskExecutor(), banner);

            connections.loadProfiles();

            assertThat(connections.regionProperty().get()).isEqualTo("eu-west-2");
            assertThat(connections.pools()).extracting(UserPool::id).containsExactlyInAnyOrder(DESK_POOL, PARTNER_POOL);

            connections.regionProperty().set("ap-southeast-2");

            assertThat(connections.connectionProperty().get().region()).isEqualTo("ap-southeast-2");
            assertThat(connections.connectionProperty().get().endpoint()).isEqualTo(emulator.endpoint().toString());
            assertThat(connections.pools()).extracting(UserPool::id).containsExactlyInAnyOrder(DESK_POOL, PARTNER_POOL);
            assertThat(banner.getNotice()).isNull();

            Connection usEast = ItFixtures.connection(euCatalog, "local-eu", "us-east-1");
            assertThat(euDirectory.getUser(usEast, DESK_POOL, DemoData.YAMADA).sub())
                    .isEqualTo(desk.stream().filter(u -> u.username().equals(DemoData.YAMADA)).findFirst()
                            .orElseThrow().sub());
        }
    }

    private static PoolUser listedUser(String poolId, String username) {
        return directory.listUsers(connection, poolId, null).items().stream()
                .filter(u -> u.username().equals(username)).findFirst().orElseThrow();
    }

    private static UserRow row(UsersViewModel users, String username) {
        return users.rows().stream().filter(r -> r.getUser().username().equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError(username + " not listed"));
    }
}
