package dev.cognitoconsole.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.aws.RateBudgets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsViewModelTest {

    @TempDir
    Path dir;

    private final RateBudgets budgets = RateBudgets.defaults();

    private Path file() {
        return dir.resolve("settings.json");
    }

    private SettingsService service() {
        return new SettingsService(new SettingsStore(file(), Clock.systemUTC()));
    }

    @Test
    void showsTheStoredBudgetsAndTheQuotas() {
        SettingsService settings = service();
        settings.update(s -> s.withBudgets(22, 7));

        SettingsViewModel vm = new SettingsViewModel(settings, budgets);

        assertThat(vm.listUsersPerSecondProperty().get()).isEqualTo(22);
        assertThat(vm.updatesPerSecondProperty().get()).isEqualTo(7);
        assertThat(vm.listUsersQuota()).isEqualTo(30);
        assertThat(vm.updatesQuota()).isEqualTo(25);
    }

    @Test
    void applyChangesTheBudgetsInForceAndWritesThem() {
        SettingsService settings = service();
        SettingsViewModel vm = new SettingsViewModel(settings, budgets);
        vm.listUsersPerSecondProperty().set(25);
        vm.updatesPerSecondProperty().set(5);

        Optional<String> problem = vm.apply();

        assertThat(problem).isEmpty();
        assertThat(budgets.budget(RateBudgets.Category.USER_LIST)).isEqualTo(25);
        assertThat(budgets.budget(RateBudgets.Category.USER_UPDATE)).isEqualTo(5);
        assertThat(settings.get().listUsersPerSecond()).isEqualTo(25);
        assertThat(settings.get().updatesPerSecond()).isEqualTo(5);
        Settings nextStart = service().get();
        assertThat(nextStart.listUsersPerSecond()).isEqualTo(25);
        assertThat(nextStart.updatesPerSecond()).isEqualTo(5);
    }

    @Test
    void theDetailPaneBudgetIsShownAppliedAndRefusedOutsideItsQuota() {
        SettingsService settings = service();
        SettingsViewModel vm = new SettingsViewModel(settings, budgets);
        assertThat(vm.resourceReadsPerSecondProperty().get()).isEqualTo(20);
        assertThat(vm.resourceReadsQuota()).isEqualTo(50);

        vm.resourceReadsPerSecondProperty().set(51);
        assertThat(vm.apply()).hasValue("51 is out of range: enter 1 to 50 requests per second.");
        assertThat(budgets.budget(RateBudgets.Category.USER_RESOURCE_READ)).isEqualTo(20);

        vm.resourceReadsPerSecondProperty().set(12);
        assertThat(vm.apply()).isEmpty();
        assertThat(budgets.budget(RateBudgets.Category.USER_RESOURCE_READ)).isEqualTo(12);
        assertThat(service().get().userResourceReadsPerSecond()).isEqualTo(12);
    }

    @ParameterizedTest(name = "list {0}, updates {1}")
    @CsvSource({"31, 10", "0, 10", "15, 26", "-3, 1000"})
    void aBudgetOutsideItsQuotaIsRefusedWithItsRangeNeverClamped(int list, int updates) {
        SettingsService settings = service();
        SettingsViewModel vm = new SettingsViewModel(settings, budgets);
        vm.listUsersPerSecondProperty().set(list);
        vm.updatesPerSecondProperty().set(updates);

        assertThat(vm.acceptableProperty().get()).isFalse();
        String shown = vm.listUsersProblemProperty().get() + vm.updatesProblemProperty().get();
        assertThat(shown).contains(list < 1 || list > 30 ? "1 to 30" : "1 to 25");
        Optional<String> refused = vm.apply();

        assertThat(refused).hasValueSatisfying(message -> assertThat(message).containsAnyOf("1 to 30", "1 to 25"));
        assertThat(vm.listUsersPerSecondProperty().get()).as("what was typed stays, to be corrected").isEqualTo(list);
        assertThat(vm.updatesPerSecondProperty().get()).isEqualTo(updates);
        assertThat(budgets.budget(RateBudgets.Category.USER_LIST)).as("nothing applied").isEqualTo(15);
        assertThat(budgets.budget(RateBudgets.Category.USER_UPDATE)).isEqualTo(10);
        assertThat(file()).as("nothing written").doesNotExist();
    }

    @ParameterizedTest(name = "list {0}, updates {1}")
    @CsvSource({"1, 1", "30, 25"})
    void theQuotasThemselvesAreAccepted(int list, int updates) {
        SettingsViewModel vm = new SettingsViewModel(service(), budgets);
        vm.listUsersPerSecondProperty().set(list);
        vm.updatesPerSecondProperty().set(updates);

        assertThat(vm.acceptableProperty().get()).isTrue();
        assertThat(vm.listUsersProblemProperty().get()).isEmpty();
        assertThat(vm.updatesProblemProperty().get()).isEmpty();
        assertThat(vm.apply()).isEmpty();
        assertThat(budgets.budget(RateBudgets.Category.USER_LIST)).isEqualTo(list);
        assertThat(budgets.budget(RateBudgets.Category.USER_UPDATE)).isEqualTo(updates);
    }

    @Test
    void applyLeavesTheOtherCategoriesAlone() {
        SettingsViewModel vm = new SettingsViewModel(service(), budgets);
        vm.listUsersPerSecondProperty().set(2);
        vm.updatesPerSecondProperty().set(2);

        vm.apply();

        assertThat(budgets.budget(RateBudgets.Category.USER_READ))
                .isEqualTo(RateBudgets.Category.USER_READ.defaultBudget());
        assertThat(budgets.budget(RateBudgets.Category.POOL_READ))
                .isEqualTo(RateBudgets.Category.POOL_READ.defaultBudget());
    }

    @Test
    void applyKeepsTheRestOfTheSettings() {
        SettingsService settings = service();
        settings.remember("staff", "eu-central-1", "eu-central-1_Staff0001");
        SettingsViewModel vm = new SettingsViewModel(settings, budgets);
        vm.listUsersPerSecondProperty().set(20);

        vm.apply();

        Settings nextStart = service().get();
        assertThat(nextStart.lastProfile()).isEqualTo("staff");
        assertThat(nextStart.listUsersPerSecond()).isEqualTo(20);
        assertThat(nextStart.updatesPerSecond()).isEqualTo(10);
    }

    @Test
    void resetShowsTheStoredValuesAgain() {
        SettingsService settings = service();
        SettingsViewModel vm = new SettingsViewModel(settings, budgets);
        vm.listUsersPerSecondProperty().set(29);
        vm.updatesPerSecondProperty().set(3);

        vm.reset();

        assertThat(vm.listUsersPerSecondProperty().get()).isEqualTo(15);
        assertThat(vm.updatesPerSecondProperty().get()).isEqualTo(10);
        assertThat(budgets.budget(RateBudgets.Category.USER_LIST)).as("nothing applied").isEqualTo(15);
        assertThat(file()).as("nothing written").doesNotExist();
    }

    @Test
    void resetAfterApplyShowsTheAppliedValues() {
        SettingsService settings = service();
        SettingsViewModel vm = new SettingsViewModel(settings, budgets);
        vm.listUsersPerSecondProperty().set(30);
        vm.updatesPerSecondProperty().set(4);
        vm.apply();
        vm.listUsersPerSecondProperty().set(2);

        vm.reset();

        assertThat(vm.listUsersPerSecondProperty().get()).isEqualTo(30);
        assertThat(vm.updatesPerSecondProperty().get()).isEqualTo(4);
    }

    @Test
    void aFailedSaveIsReturnedAndTheBudgetsStillApply() throws IOException {
        Path blocker = Files.writeString(dir.resolve("cognito-admin-console"), "a file, not a folder");
        SettingsService settings = new SettingsService(new SettingsStore(blocker.resolve("settings.json"),
                Clock.systemUTC()));
        SettingsViewModel vm = new SettingsViewModel(settings, budgets);
        vm.listUsersPerSecondProperty().set(25);
        vm.updatesPerSecondProperty().set(5);

        Optional<String> problem = vm.apply();

        assertThat(problem).hasValueSatisfying(message -> assertThat(message).contains("could not be saved"));
        assertThat(budgets.budget(RateBudgets.Category.USER_LIST)).isEqualTo(25);
        assertThat(budgets.budget(RateBudgets.Category.USER_UPDATE)).isEqualTo(5);
        assertThat(settings.get().listUsersPerSecond()).isEqualTo(25);
    }
}
