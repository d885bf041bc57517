package dev.cognitoconsole.aws;

import static dev.cognitoconsole.testing.Fixtures.KEYS_CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoconsole.aws.RateBudgets.Category;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ProfileKind;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RateBudgetsTest {

    private static final Connection OTHER =
            new Connection(new AwsProfile("other", "us-east-1", null, ProfileKind.SSO), "us-east-1");

    @AfterEach
    void clearInterrupt() {
        // Never leak an interrupt into the next test, whatever acquire() did with the flag.
        Thread.interrupted();
    }

    @Test
    void quotasAreCognitosDefaults() {
        assertThat(Category.USER_LIST.quota()).isEqualTo(30);
        assertThat(Category.USER_UPDATE.quota()).isEqualTo(25);
        assertThat(Category.USER_READ.quota()).isEqualTo(120);
        assertThat(Category.POOL_READ.quota()).isEqualTo(15);
    }

    @Test
    void defaultBudgetsLeaveRoomForProduction() {
        RateBudgets budgets = RateBudgets.defaults();
        assertThat(budgets.budget(Category.USER_LIST)).isEqualTo(15);
        assertThat(budgets.budget(Category.USER_UPDATE)).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void defaultBudgetIsBetweenOneAndTheQuota(Category category) {
        RateBudgets budgets = RateBudgets.defaults();
        assertThat(category.defaultBudget()).isBetween(1, category.quota());
        assertThat(budgets.budget(category)).isEqualTo(category.defaultBudget());
        assertThat(RateBudgets.unlimited().budget(category)).isEqualTo(category.defaultBudget());
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void setBudgetClampsToOneThroughTheQuota(Category category) {
        RateBudgets budgets = RateBudgets.defaults();
        int quota = category.quota();

        assertThat(budgets.setBudget(category, Integer.MIN_VALUE)).isEqualTo(1);
        assertThat(budgets.budget(category)).isEqualTo(1);
        assertThat(budgets.setBudget(category, -5)).isEqualTo(1);
        assertThat(budgets.setBudget(category, 0)).isEqualTo(1);
        assertThat(budgets.budget(category)).isEqualTo(1);

        assertThat(budgets.setBudget(category, 1)).isEqualTo(1);
        assertThat(budgets.setBudget(category, 2)).isEqualTo(2);
        assertThat(budgets.budget(category)).isEqualTo(2);
        assertThat(budgets.setBudget(category, quota - 1)).isEqualTo(quota - 1);
        assertThat(budgets.setBudget(category, quota)).isEqualTo(quota);
        assertThat(budgets.budget(category)).isEqualTo(quota);

        assertThat(budgets.setBudget(category, quota + 1)).isEqualTo(quota);
        assertThat(budgets.budget(category)).isEqualTo(quota);
        assertThat(budgets.setBudget(category, Integer.MAX_VALUE)).isEqualTo(quota);
        assertThat(budgets.budget(category)).isEqualTo(quota);
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void setBudgetTouchesOnlyItsCategory(Category category) {
        RateBudgets budgets = RateBudgets.defaults();
        budgets.setBudget(category, 1);
        for (Category other : Category.values()) {
            if (other != category) {
                assertThat(budgets.budget(other)).as(other.name()).isEqualTo(other.defaultBudget());
            }
        }
    }

    @Test
    void setBudgetAfterALimiterExistsStillClamps() throws InterruptedException {
        RateBudgets budgets = RateBudgets.defaults();
        budgets.acquire(KEYS_CONNECTION, Category.USER_READ); // creates the running limiter
        assertThat(budgets.setBudget(Category.USER_READ, 1_000)).isEqualTo(120);
        assertThat(budgets.setBudget(Category.USER_READ, 0)).isEqualTo(1);
        assertThat(budgets.budget(Category.USER_READ)).isEqualTo(1);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hang only, not a timing assertion
    void unlimitedNeverBlocks() throws InterruptedException {
        RateBudgets budgets = RateBudgets.unlimited();
        budgets.setBudget(Category.USER_LIST, 1);
        int done = 0;
        for (int i = 0; i < 10_000; i++) {
            budgets.acquire(i % 2 == 0 ? KEYS_CONNECTION : OTHER, Category.values()[i % Category.values().length]);
            done++;
        }
        assertThat(done).isEqualTo(10_000);
    }

    @Test
    void firstAcquireOnAFreshBudgetSucceeds() throws InterruptedException {
        RateBudgets budgets = RateBudgets.defaults();
        for (Category category : Category.values()) {
            budgets.setBudget(category, 1);
            budgets.acquire(KEYS_CONNECTION, category);
            budgets.acquire(OTHER, category);
        }
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hang only, not a timing assertion
    void interruptedWhileWaitingThrows() throws InterruptedException {
        RateBudgets budgets = RateBudgets.defaults();
        budgets.setBudget(Category.USER_UPDATE, 1);
        budgets.acquire(KEYS_CONNECTION, Category.USER_UPDATE); // spends the one permit of this period

        Thread.currentThread().interrupt();
        // The next permit is at least a period away: the call must wait, and the interrupt stops it.
        // (Should the period roll over in between, an interrupted acquire still refuses to let a request out.)
        assertThatThrownBy(() -> budgets.acquire(KEYS_CONNECTION, Category.USER_UPDATE))
                .isInstanceOf(InterruptedException.class);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a guard against a hang only, not a timing assertion
    void interruptedWhileWaitingThrowsForEveryCategory() throws InterruptedException {
        for (Category category : Category.values()) {
            RateBudgets budgets = RateBudgets.defaults();
            budgets.setBudget(category, 1);
            budgets.acquire(OTHER, category);
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> budgets.acquire(OTHER, category))
                    .as(category.name())
                    .isInstanceOf(InterruptedException.class);
            Thread.interrupted();
        }
    }

    @Test
    void interruptedThreadSendsNoRequestEvenWhenAPermitIsFree() {
        RateBudgets budgets = RateBudgets.defaults();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> budgets.acquire(KEYS_CONNECTION, Category.USER_LIST))
                .isInstanceOf(InterruptedException.class);
    }
}
