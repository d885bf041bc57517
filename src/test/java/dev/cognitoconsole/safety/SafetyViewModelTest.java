package dev.cognitoconsole.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.ProfileKind;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.settings.SettingsStore;
import java.nio.file.Path;
import java.time.Clock;
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
    private static final CallerIdentity STAGING_CALLER = new CallerIdentity(
            "arn:aws:sts::210987654321:assumed-role/Support/alice", "210987654321");

    private final SettingsService settings = SettingsService.inMemory();
    private final SafetyViewModel vm = new SafetyViewModel(settings);

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

            vm.callerKnown(PROD_CALLER);

            assertThat(vm.productionProperty().get()).isTrue();
            assertThat(vm.productionLabelProperty().get()).contains("account 123456789012");
            assertThat(vm.isProduction(PROD)).isTrue();
            assertThat(vm.isProduction(PROD, STAGING_CALLER)).as("signed by another account").isFalse();
        }

        @Test
        void switchingToAConnectionOfAnotherAccountTakesTheBandAway() {
            vm.setProductionAccounts("123456789012");
            vm.connectionChanged(PROD);
            vm.callerKnown(PROD_CALLER);

            vm.connectionChanged(STAGING);
            vm.callerKnown(STAGING_CALLER);

            assertThat(vm.productionProperty().get()).isFalse();
            assertThat(vm.productionLabelProperty().get()).isNull();
        }

        @Test
        void whileTheCallerIsAskedAgainTheConnectionCountsAsProduction() {
            vm.setProductionAccounts("123456789012");
            vm.connectionChanged(STAGING);
            vm.callerKnown(STAGING_CALLER);

            vm.callerKnown(null);

            assertThat(vm.isProduction(STAGING)).isTrue();
        }

        @Test
        void aSignerLearnedByAWriteUpdatesTheBand() {
            vm.setProductionAccounts("123456789012");
            vm.connectionChanged(PROD);
            vm.callerKnown(STAGING_CALLER);
            assertThat(vm.productionProperty().get()).isFalse();

            vm.signerSeen(PROD, PROD_CALLER);

            assertThat(vm.productionProperty().get()).isTrue();
            assertThat(vm.productionLabelProperty().get()).contains("account 123456789012");
        }

        @Test
        void withProductionAccountsSetAnUnknownCallerCountsAsProduction() {
            vm.setProductionAccounts("123456789012");

            vm.connectionChanged(STAGING);

            assertThat(vm.isProduction(STAGING)).as("fails closed").isTrue();
            assertThat(vm.productionProperty().get()).isTrue();
            assertThat(vm.productionLabelProperty().get()).contains("account unknown");
        }

        @Test
        void aTargetOnAnotherConnectionIsJudgedByItsOwnCaller() {
            vm.setProductionAccounts("123456789012");
            vm.connectionChanged(PROD);
            vm.callerKnown(PROD_CALLER);

            vm.connectionChanged(STAGING);
            vm.callerKnown(STAGING_CALLER);

            assertThat(vm.isProduction(PROD)).isTrue();
            assertThat(vm.isProduction(STAGING)).isFalse();
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
            SafetyViewModel first = new SafetyViewModel(firstSettings);
            SafetyViewModel second = new SafetyViewModel(new SettingsService(store));
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
        void aPoolWhereIamRefusedARealChangeHasChangesOffThereOnly() {
            vm.connectionChanged(PROD);
            vm.poolChosen(PROD_POOL);

            vm.writeDenied(PROD_POOL, "IAM refused AdminDisableUser on eu-west-1_Prod0001 for profile prod-admin.");

            assertThat(vm.writesBlocked(PROD_POOL)).hasValueSatisfying(r -> assertThat(r).contains("IAM refused"));
            assertThat(vm.writesOffProperty().get()).isTrue();
            assertThat(vm.readOnlyReasonProperty().get()).contains("eu-west-1_Prod0001");
            assertThat(vm.readOnlyProperty().get()).as("the operator's switch is untouched").isFalse();
            assertThat(vm.writesBlocked(STAGING_POOL)).isEmpty();

            vm.connectionChanged(STAGING);
            vm.poolChosen(STAGING_POOL);
            assertThat(vm.writesOffProperty().get()).isFalse();
            vm.connectionChanged(PROD);
            vm.poolChosen(PROD_POOL);
            assertThat(vm.writesOffProperty().get()).as("remembered for the session").isTrue();
        }

        @Test
        void readOnlyTheOperatorTurnedOnStaysOnWherePoolsAllowWrites() {
            vm.readOnlyProperty().set(true);
            vm.connectionChanged(STAGING);

            vm.poolChosen(STAGING_POOL);

            assertThat(vm.readOnlyProperty().get()).isTrue();
            assertThat(vm.writesOffProperty().get()).isTrue();
            assertThat(vm.readOnlyReasonProperty().get()).isEqualTo(SafetyViewModel.OPERATOR_READ_ONLY);
        }
    }
}
