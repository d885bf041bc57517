package dev.cognitoconsole.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.find.FindScope;
import dev.cognitoconsole.find.FindViewModel;
import dev.cognitoconsole.find.FoundUser;
import dev.cognitoconsole.find.NotSearched;
import dev.cognitoconsole.find.PoolLists;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.testing.AwsServicesStub;
import dev.cognitoconsole.testing.Canaries;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Find user" through the real SDK client against WireMock: 50 pools answering after 100 ms each, one pool whose
 * ListUsers IAM denies, one region whose ListUserPools is throttled, and one profile whose SSO session expired. The
 * not-searched list names exactly those three places; every other pool is searched and its user found.
 */
class FindAnywhereIT {
    private static final String LEGACY_URL = "https://legacy.awsapps.com/start";
    private static final String DENIED_POOL = "us-east-1_Pool17";
    private static final String EMAIL = "ann@example.com";
    private static final int POOLS = 50;

    @TempDir
    Path dir;
    private CredentialsWorld world;
    private ExecutorService workers;

    @BeforeEach
    void start() {
        world = new CredentialsWorld(dir);
        workers = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stop() throws Exception {
        workers.shutdownNow();
        world.close();
    }

    @Test
    void theNotSearchedListNamesExactlyThePlacesThatFailedAndTheRestIsFound() throws IOException {
        CognitoStub cognito = world.cognito;
        List<CognitoStub.Pool> pools = new ArrayList<>();
        for (int i = 1; i <= POOLS; i++) {
            String id = String.format("us-east-1_Pool%02d", i);
            pools.add(new CognitoStub.Pool(id, "app-" + i));
            cognito.listUsersPages(id, List.of(List.of(CognitoStub.user("ann-" + i).withEmail(EMAIL))));
        }
        cognito.listPools(pools.toArray(CognitoStub.Pool[]::new));
        cognito.server().stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(CognitoStub.TARGET_PREFIX + "ListUsers"))
                .withRequestBody(matchingJsonPath("$.UserPoolId", equalTo(DENIED_POOL)))
                .atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)
                        .withHeader("Content-Type", CognitoStub.CONTENT_TYPE)
                        .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"User: arn:aws:iam::"
                                + "111122223333:user/ops is not authorized to perform: cognito-idp:ListUsers\"}")));
        // The region is in the request's signature scope: Credential=<key>/<date>/<region>/cognito-idp/aws4_request.
        cognito.server().stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(CognitoStub.TARGET_PREFIX + "ListUserPools"))
                .withHeader("Authorization", containing("/eu-west-3/cognito-idp/"))
                .atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)
                        .withHeader("Content-Type", CognitoStub.CONTENT_TYPE)
                        .withBody("{\"__type\":\"TooManyRequestsException\",\"message\":\"Too many requests\"}")));
        cognito.server().setGlobalFixedDelay(100);
        world.writeSsoCache(LEGACY_URL, "{\"startUrl\":\"" + LEGACY_URL + "\",\"region\":\"us-east-1\","
                + "\"accessToken\":\"stale-token\",\"expiresAt\":\"2026-03-02T09:00:00UTC\"}");
        ProfileCatalog catalog = world.catalog("""
                [profile ops]
                region = us-east-1
                %1$s%2$s
                [profile ops-paris]
                region = eu-west-3
                %1$s%2$s
                [profile sso-legacy]
                sso_start_url = %3$s
                sso_region = us-east-1
                sso_account_id = 111122223333
                sso_role_name = Support
                region = us-east-1
                %2$s
                """.formatted(Canaries.profileKeys(), CredentialsWorld.SERVICES, LEGACY_URL));
        ProfileCredentials credentials = world.credentials(catalog);
        SdkUserDirectory directory;
        try (CognitoClients clients = new CognitoClients(catalog, ItFixtures.settings(2), credentials)) {
            directory = new SdkUserDirectory(clients, RateBudgets.defaults());
            Connection ops = CredentialsWorld.connection(catalog, "ops");
            FindViewModel find = new FindViewModel(new PoolLists(directory), directory, null,
                    new CurrentThreadTaskExecutor(), workers, new SimpleObjectProperty<>(ops),
                    FXCollections.observableArrayList(catalog.profiles()), AwsRegions.cognitoRegions(),
                    SettingsService.inMemory());
            find.scopeProperty().set(new FindScope(FindScope.Mode.CHOSEN, List.of(
                    new FindScope.Chosen("ops", false), new FindScope.Chosen("ops-paris", false),
                    new FindScope.Chosen("sso-legacy", false))));
            find.textProperty().set(EMAIL);

            find.find();

            assertThat(find.notSearched()).extracting(NotSearched::where).containsExactlyInAnyOrder(
                    "Pool app-17  (" + DENIED_POOL + ") · ops · us-east-1",
                    "Region eu-west-3 · profile ops-paris (its pools could not be listed)",
                    "Profile sso-legacy (every region)");
            assertThat(find.notSearched()).filteredOn(line -> line.where().startsWith("Profile sso-legacy"))
                    .singleElement().satisfies(line -> {
                        assertThat(line.signIn()).as("the fix is a sign-in the console makes").isNotNull();
                        assertThat(line.fix()).contains("aws sso login --profile sso-legacy");
                    });
            assertThat(find.notSearched()).filteredOn(line -> line.where().startsWith("Region"))
                    .singleElement().satisfies(line -> assertThat(line.reason()).contains("throttled"));
            assertThat(find.results()).extracting(FoundUser::profile).containsOnly("ops");
            assertThat(find.results()).extracting(f -> f.user().username()).hasSize(POOLS - 1)
                    .doesNotHaveDuplicates().doesNotContain("ann-17");
            assertThat(find.summaryProperty().get()).startsWith("Searched 49 of 50 pools: 49 users found there.")
                    .doesNotContainIgnoringCase("no user found");
            assertThat(cognito.requestsFor("ListUsers")).as("one ListUsers per pool of ops").isEqualTo(POOLS);
            assertThat(world.cognitoSignedWith()).as("the expired SSO profile sent nothing")
                    .doesNotContain(AwsServicesStub.SSO_KEY_ID);

            find.find();
            assertThat(cognito.requestsFor("ListUsers")).isEqualTo(2 * POOLS);
            assertThat(cognito.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                    .postRequestedFor(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo(CognitoStub.TARGET_PREFIX + "ListUserPools"))
                    .withHeader("Authorization", containing("/us-east-1/cognito-idp/"))))
                    .as("the second search reuses the pool list").hasSize(1);
        }
    }

    @Test
    void aUsernameWithQuotesBackslashAndNonLatinLettersIsSentEscapedAndFound() {
        String odd = "łukasz\"o'brien\\ζωή";
        CognitoStub cognito = world.cognito;
        cognito.listPools(new CognitoStub.Pool("us-east-1_Shop01", "shop"), new CognitoStub.Pool("us-east-1_Shop02",
                "shop-2"));
        cognito.listUsersPages("us-east-1_Shop01", List.of(List.of()));
        cognito.listUsersPages("us-east-1_Shop02", List.of(List.of()));
        cognito.server().stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(CognitoStub.TARGET_PREFIX + "ListUsers"))
                .withRequestBody(matchingJsonPath("$.UserPoolId", equalTo("us-east-1_Shop02")))
                .withRequestBody(matchingJsonPath("$.Filter", equalTo("username = \"łukasz\\\"o'brien\\\\ζωή\"")))
                .atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", CognitoStub.CONTENT_TYPE)
                        .withBody("{\"Users\":[" + CognitoStub.user(odd).listUsersJson() + "]}")));
        ProfileCatalog catalog = world.catalog("[profile ops]\nregion = us-east-1\n" + Canaries.profileKeys()
                + CredentialsWorld.SERVICES);
        try (CognitoClients clients = new CognitoClients(catalog, ItFixtures.settings(1),
                world.credentials(catalog))) {
            SdkUserDirectory directory = new SdkUserDirectory(clients);
            FindViewModel find = new FindViewModel(new PoolLists(directory), directory, null,
                    new CurrentThreadTaskExecutor(), workers,
                    new SimpleObjectProperty<>(CredentialsWorld.connection(catalog, "ops")),
                    FXCollections.observableArrayList(catalog.profiles()), AwsRegions.cognitoRegions(),
                    SettingsService.inMemory());
            find.textProperty().set(odd);
            find.matchProperty().set(dev.cognitoconsole.model.UserFilter.Match.EXACT);

            find.find();

            assertThat(find.results()).extracting(f -> f.pool().id() + "/" + f.user().username())
                    .containsExactly("us-east-1_Shop02/" + odd);
            assertThat(find.notSearched()).isEmpty();
        }
    }
}
