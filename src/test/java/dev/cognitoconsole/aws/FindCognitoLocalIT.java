package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.emulator.AwsConfigFiles;
import dev.cognitoconsole.emulator.CognitoLocal;
import dev.cognitoconsole.emulator.PoolSeed;
import dev.cognitoconsole.emulator.SeedUser;
import dev.cognitoconsole.find.FindViewModel;
import dev.cognitoconsole.find.FoundUser;
import dev.cognitoconsole.find.PoolLists;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.testing.Closing;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Find user" through the real SDK client against cognito-local holding several pools in one endpoint. */
class FindCognitoLocalIT {
    private static final Instant CREATED = Instant.parse("2025-05-06T07:08:09Z");
    private static final String SHOP_EU = "us-east-1_ShopEu01";
    private static final String SHOP_US = "us-east-1_ShopUs02";
    private static final String STAFF = "us-east-1_Staff03";
    private static final String EMAIL = "ann@example.com";
    /** Quotes, a backslash and letters outside Latin-1: the filter's escaping and the round trip must keep them. */
    private static final String ODD = "łukasz\"o'brien\\ζωή";

    @TempDir
    static Path workDir;
    static CognitoLocal emulator;
    static CognitoClients clients;
    static SdkUserDirectory directory;
    static Connection connection;
    static ProfileCatalog catalog;
    static ExecutorService workers;

    @BeforeAll
    static void start() {
        List<SeedUser> eu = new ArrayList<>(List.of(user("ann", EMAIL), user(ODD, "odd@example.com")));
        List<SeedUser> us = new ArrayList<>(List.of(user("ann.us", EMAIL)));
        for (int i = 1; i <= 40; i++) {
            eu.add(user(String.format("promo-eu-%02d", i), "p" + i + "@eu.example"));
        }
        for (int i = 1; i <= 30; i++) {
            us.add(user(String.format("promo-us-%02d", i), "p" + i + "@us.example"));
        }
        emulator = CognitoLocal.start(workDir.resolve("emulator"), List.of(
                new PoolSeed(SHOP_EU, "Shop EU", eu),
                new PoolSeed(SHOP_US, "Shop US", us),
                new PoolSeed(STAFF, "Staff", List.of(user("bob", "bob@example.com")))));
        AwsConfigFiles files = AwsConfigFiles.write(workDir.resolve("aws"), emulator.endpoint());
        catalog = ProfileCatalog.fromFiles(files.config(), files.credentials(), AwsConfigFiles.PROFILE);
        clients = new CognitoClients(catalog, ItFixtures.settings(1));
        directory = new SdkUserDirectory(clients);
        connection = new Connection(catalog.profiles().get(0), "us-east-1");
        workers = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stop() {
        workers.shutdownNow();
        Closing.closeAll(clients, emulator);
    }

    private static SeedUser user(String username, String email) {
        return new SeedUser(username, email, true, "CONFIRMED", CREATED, CREATED, Map.of());
    }

    private static FindViewModel find(String text, UserFilter.Match match) {
        FindViewModel find = new FindViewModel(new PoolLists(directory), directory, null,
                new CurrentThreadTaskExecutor(), workers, new SimpleObjectProperty<>(connection),
                FXCollections.observableArrayList(catalog.profiles()), AwsRegions.cognitoRegions(),
                SettingsService.inMemory());
        find.textProperty().set(text);
        find.matchProperty().set(match);
        find.find();
        assertThat(find.notSearched()).isEmpty();
        return find;
    }

    private static List<String> found(FindViewModel find) {
        return find.results().stream().map(f -> f.pool().id() + "/" + f.user().username()).toList();
    }

    @Test
    void theSameEmailInTwoPoolsIsFoundInBoth() {
        FindViewModel find = find(EMAIL, UserFilter.Match.EXACT);

        assertThat(found(find)).containsExactlyInAnyOrder(SHOP_EU + "/ann", SHOP_US + "/ann.us");
        assertThat(find.results()).extracting(FoundUser::profile).containsOnly(AwsConfigFiles.PROFILE);
        assertThat(find.summaryProperty().get()).isEqualTo("2 users found in 3 pools (all searched).");
    }

    /**
     * cognito-local does not undo a filter's escapes (FACTS.md), so the exact, escaped search is checked against
     * WireMock in FindAnywhereIT; here the name is found by its non-Latin start and comes back whole.
     */
    @Test
    void aUsernameWithQuotesBackslashAndNonLatinLettersIsFound() {
        FindViewModel find = find("łukasz", UserFilter.Match.STARTS_WITH);

        assertThat(found(find)).containsExactly(SHOP_EU + "/" + ODD);
    }

    @Test
    void aPrefixMatching70UsersAcrossPoolsFindsEachOnce() {
        FindViewModel find = find("promo-", UserFilter.Match.STARTS_WITH);

        assertThat(find.results()).hasSize(70);
        assertThat(found(find)).doesNotHaveDuplicates();
        assertThat(found(find)).filteredOn(f -> f.startsWith(SHOP_EU)).hasSize(40);
        assertThat(found(find)).filteredOn(f -> f.startsWith(SHOP_US)).hasSize(30);
    }
}
