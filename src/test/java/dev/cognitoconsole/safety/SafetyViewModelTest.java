package dev.cognitoconsole.safety;

import static dev.cognitoconsole.testing.FakeUserDirectory.DISABLE_USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.ProfileKind;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.settings.SettingsStore;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetyViewModelTest {
    private static final Connection STAGING = new Connection(
            new AwsProfile("staging", "eu-west-1", null, ProfileKind.SSO), "eu-west-1");
    private static final Connection PROD = new Connection(
            new AwsProfile("prod-admin", "eu-west-1", null, ProfileKind.SSO), "eu-west-1");
    private static final PoolSelection STAGING_POOL = new PoolSelection(STAGING,
            new UserPool("eu-west-1_Staging1", "staging users"));
    private static final PoolSelection PROD_POOL = new PoolSelection(PROD,
            new UserPool("eu-west-1_Prod0001", "customers"));
    private static final CallerIdentity PROD_CALLER = new CallerIdentity(
            "arn:aws:sts::123456789012:assumed-role/Support/alice", "123456789012");

    private final SettingsService settings = SettingsService.inMemory();
    private final FakeUserDirectory directory = new FakeUserDirectory()
            .addUsers("eu-west-1_Staging1", FakeUserDirectory.user("alice", true))
            .addUsers("eu-west-1_Prod0001", FakeUserDirectory.user("bob", true));
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final AtomicInteger checks = new AtomicInteger();
    private final SafetyViewModel vm = new SafetyViewModel(settings, directory, executor,
            () -> SafetyViewModel.ACCESS_CHECK_PREFIX + checks.incrementAndGet());

    @Nested
    class ProductionMarks {

        @Test
        void aProfileMarkedProductionShowsTheBandAndIsSaved() {
            vm.connectionChanged(PROD);
            assertThat(vm.productionProperty().get()).isFalse();
            assertThat(vm.productionLabelProperty().get()).isNull();

            vm.markProfile(true);

            assertThat(vm.productionProperty().get()).isTrue();
            assertThat(vm.profileMarkedProperty().get()).isTrue();
            assertThat(vm.productionLabelProperty().get()).contains("PRODUCTION", "prod-admin", "eu-west-1");
            assertThat(settings.get().productionProfiles()).containsExactly("prod-admin");
            assertThat(vm.isProduction(PROD)).isTrue();
            assertThat(vm.isProduction(STAGING)).isFalse();
        }

        @Test
        void takingTheMarkAwayHidesTheBand() {
            vm.connectionChanged(PROD);
            vm.markProfile(true);

            vm.markProfile(false);

            assertThat(vm.productionProperty().get()).isFalse();
            assertThat(settings.get().productionProfiles()).isEmpty();
        }

        @Test
        void anAccountMarkedProductionCountsOnceStsNamesTheCallersAccount() {
            assertThat(vm.setProductionAccounts("123456789012")).isEmpty();
            vm.connectionChanged(PROD);
            assertThat(vm.productionProperty().get()).as("account not known yet").isFalse();

            vm.callerKnown(PROD_CALLER);

            assertThat(vm.productionProperty().get()).isTrue();
            assertThat(vm.productionLabelProperty().get()).contains("account 123456789012");
            assertThat(vm.isProduction(PROD)).isTrue();
            assertThat(vm.isProduction(STAGING)).as("another connection").isFalse();
        }

        @Test
        void switchingToAnotherConnectionForgetsTheCaller() {
            vm.setProductionAccounts("123456789012");
            vm.connectionChanged(PROD);
            vm.callerKnown(PROD_CALLER);

            vm.connectionChanged(STAGING);

            assertThat(vm.productionProperty().get()).isFalse();
            assertThat(vm.productionLabelProperty().get()).isNull();
        }

        @Test
        void accountListsAreCheckedAndABadOneChangesNothing() {
            vm.setProductionAccounts("123456789012, 210987654321");

            assertThat(SafetyViewModel.accountsProblem("123456789012;210987654321\n")).isEmpty();
            assertThat(SafetyViewModel.accountsProblem("")).isEmpty();
            assertThat(vm.setProductionAccounts("123456789012, 12345, prod"))
                    .hasValueSatisfying(p -> assertThat(p).contains("12 digits", "\"12345\"", "\"prod\""));
            assertThat(settings.get().productionAccounts()).containsExactlyInAnyOrder("123456789012", "210987654321");
            assertThat(vm.productionAccountsText()).isEqualTo("123456789012, 210987654321");
        }

        @Test
        void accountsTypedInOneConsoleKeepThoseAnotherConsoleSavedMeanwhile(@TempDir Path dir) {
            SettingsStore store = new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC());
            SettingsService firstSettings = new SettingsService(store);
            SafetyViewModel first = new SafetyViewModel(firstSettings, directory, executor);
            SafetyViewModel second = new SafetyViewModel(new SettingsService(store), directory, executor);
            assertThat(first.setProductionAccounts("123456789012, 111111111111")).isEmpty();

            assertThat(second.setProductionAccounts("210987654321")).isEmpty();
            assertThat(first.setProductionAccounts("123456789012")).as("111111111111 taken away").isEmpty();

            assertThat(new SettingsService(store).get().productionAccounts())
                    .containsExactlyInAnyOrder("123456789012", "210987654321");
            assertThat(firstSettings.get().productionAccounts()).containsExactlyInAnyOrder("123456789012", "210987654321");
        }
    }

    @Nested
    class ReadOnlyMode {

        @Test
        void theOperatorsSwitchBlocksWritesWithAReason() {
            assertThat(vm.writesBlocked()).isEmpty();

            vm.readOnlyProperty().set(true);

            assertThat(vm.writesBlocked()).hasValueSatisfying(r -> assertThat(r).contains("Read-only"));
            assertThat(vm.readOnlyReasonProperty().get()).isNotNull();
            vm.readOnlyProperty().set(false);
            assertThat(vm.writesBlocked()).isEmpty();
            assertThat(vm.readOnlyReasonProperty().get()).isNull();
        }

        @Test
        void choosingAPoolChecksWriteAccessOnANameThatCannotExistAndChangesNothing() {
            vm.connectionChanged(STAGING);

            vm.poolChosen(STAGING_POOL);

            assertThat(directory.calls(DISABLE_USER)).singleElement().satisfies(call -> {
                assertThat(call.poolId()).isEqualTo("eu-west-1_Staging1");
                assertThat(call.argument()).startsWith(SafetyViewModel.ACCESS_CHECK_PREFIX);
            });
            assertThat(directory.user("eu-west-1_Staging1", "alice").enabled()).isTrue();
            assertThat(vm.readOnlyProperty().get()).isFalse();
        }

        @Test
        void anIamDenialTurnsReadOnlyOnNamingTheProfileAndPool() {
            vm.connectionChanged(PROD);
            directory.failNext(DISABLE_USER, denied());

            vm.poolChosen(PROD_POOL);

            assertThat(vm.readOnlyProperty().get()).isTrue();
            assertThat(vm.writesBlocked()).hasValueSatisfying(r -> assertThat(r)
                    .contains("prod-admin", "cognito-idp:AdminDisableUser", "eu-west-1_Prod0001",
                            "without changing anything"));
        }

        @Test
        void eachPoolIsCheckedOncePerSession() {
            vm.connectionChanged(PROD);
            directory.failNext(DISABLE_USER, denied());
            vm.poolChosen(PROD_POOL);
            vm.connectionChanged(STAGING);
            vm.poolChosen(STAGING_POOL);

            vm.connectionChanged(PROD);
            vm.poolChosen(PROD_POOL);

            assertThat(directory.calls(DISABLE_USER)).hasSize(2);
            assertThat(vm.readOnlyProperty().get()).as("the remembered denial applies again").isTrue();
        }

        @Test
        void readOnlyFromADenialEndsWhenTheOperatorMovesToAPoolThatAllowsWrites() {
            vm.connectionChanged(PROD);
            directory.failNext(DISABLE_USER, denied());
            vm.poolChosen(PROD_POOL);

            vm.connectionChanged(STAGING);
            vm.poolChosen(STAGING_POOL);

            assertThat(vm.readOnlyProperty().get()).isFalse();
        }

        @Test
        void readOnlyTheOperatorTurnedOnStaysOnWhereWritesAreAllowed() {
            vm.readOnlyProperty().set(true);
            vm.connectionChanged(STAGING);

            vm.poolChosen(STAGING_POOL);

            assertThat(vm.readOnlyProperty().get()).isTrue();
            assertThat(vm.readOnlyReasonProperty().get()).isEqualTo(SafetyViewModel.OPERATOR_READ_ONLY);
        }

        @Test
        void anInconclusiveCheckChangesNothingAndIsAskedAgainNextTime() {
            vm.connectionChanged(STAGING);
            directory.failNext(DISABLE_USER, new ConsoleFailure.NetworkUnreachable(DISABLE_USER,
                    "https://cognito-idp.eu-west-1.amazonaws.com", "No answer", null));

            vm.poolChosen(STAGING_POOL);
            assertThat(vm.readOnlyProperty().get()).isFalse();
            vm.poolChosen(null);
            vm.poolChosen(STAGING_POOL);

            assertThat(directory.calls(DISABLE_USER)).hasSize(2);
        }

        @Test
        void anAnswerForAPoolNoLongerShownIsRememberedButNotApplied() {
            executor.holdWork();
            vm.connectionChanged(PROD);
            directory.failNext(DISABLE_USER, denied());
            vm.poolChosen(PROD_POOL);
            vm.connectionChanged(STAGING);
            vm.poolChosen(STAGING_POOL);

            executor.runAll();

            assertThat(vm.readOnlyProperty().get()).isFalse();
            vm.connectionChanged(PROD);
            vm.poolChosen(PROD_POOL);
            assertThat(vm.readOnlyProperty().get()).isTrue();
        }

        private ConsoleFailure denied() {
            return new ConsoleFailure.AccessDenied(DISABLE_USER, "AccessDeniedException",
                    "User: arn:aws:sts::123456789012:assumed-role/ReadOnly/alice is not authorized to perform: "
                    + "cognito-idp:AdminDisableUser", "req-1", null);
        }
    }
}
