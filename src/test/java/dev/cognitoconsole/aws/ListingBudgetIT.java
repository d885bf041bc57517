package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.common.BackgroundTaskExecutor;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoStubExtension;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.MutableClock;
import dev.cognitoconsole.testing.StatefulCognito;
import dev.cognitoconsole.testing.StatefulCognito.Fault;
import dev.cognitoconsole.testing.StatefulCognito.FaultPlan;
import dev.cognitoconsole.users.UsersViewModel;
import dev.cognitoconsole.writes.UserWrites;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole-pool listing in slices, side by side on real threads, through the real SDK client against the stateful
 * stub (which honours the sub filter): the server never sees more ListUsers requests in a second than the budget.
 */
class ListingBudgetIT {
    private static final String POOL = "us-east-1_Budget";
    private static final int BUDGET = 8;
    private static final List<CognitoStub.User> ALL = CognitoStub.users("budget", 600);

    @RegisterExtension
    static final CognitoStubExtension<StatefulCognito> cognito = CognitoStubExtension.statefulCognito();

    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final BannerViewModel banner = new BannerViewModel();
    private CognitoClients clients;
    private BackgroundTaskExecutor pages;

    @BeforeEach
    void pool() {
        cognito.stub().pool(POOL, "Budget", ALL).faults(FaultPlan.NONE).onArrival((operation, n, body) -> {
            if (operation.equals("ListUsers")) {
                arrivals.add(System.currentTimeMillis());
            }
        });
        pages = new BackgroundTaskExecutor(Runnable::run, UsersViewModel.LISTING_REQUESTS);
    }

    @AfterEach
    void close() {
        pages.close();
        clients.close();
    }

    private UsersViewModel users(RateBudgets budgets, int maxAttempts) {
        ProfileCatalog catalog = ItFixtures.catalog(dir, cognito.stub().endpoint());
        clients = new CognitoClients(catalog, ItFixtures.settings(maxAttempts));
        SdkUserDirectory directory = new SdkUserDirectory(clients, budgets);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
        Connection connection = ItFixtures.connection(catalog, ItFixtures.PROFILE, ItFixtures.REGION);
        UsersViewModel users = new UsersViewModel(directory, new CurrentThreadTaskExecutor(), banner,
                new ItFixtures.ConfirmingDialogs(), System::nanoTime, wait -> { }, clock,
                new UserWrites(directory, AuditTrail.NONE, WriteSafety.NONE, c -> Optional.empty()),
                WriteSafety.NONE, pages);
        users.show(new PoolSelection(connection, new UserPool(POOL, "Budget")));
        return users;
    }

    private List<String> names(UsersViewModel users) {
        return users.rows().stream().map(r -> r.getUser().username()).toList();
    }

    @Test
    void theServerNeverCountsMoreListUsersInASecondThanTheBudget() {
        RateBudgets budgets = RateBudgets.defaults();
        budgets.setBudget(RateBudgets.Category.USER_LIST, BUDGET);

        UsersViewModel users = users(budgets, 1);

        assertThat(names(users)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(CognitoStub.usernames(ALL));
        assertThat(arrivals).as("enough requests for the budget to matter").hasSizeGreaterThan(3 * BUDGET);
        assertWithinBudgetEverySecond();
        assertThat(banner.noticeProperty().get()).isNull();
    }

    @Test
    void theSdksRetriesOfThrottledPagesWaitForTheBudgetToo() {
        cognito.stub().faults(FaultPlan.seeded(19, 0.2, List.of("ListUsers"), List.of(Fault.THROTTLE)));
        RateBudgets budgets = RateBudgets.defaults();
        budgets.setBudget(RateBudgets.Category.USER_LIST, BUDGET);

        UsersViewModel users = users(budgets, 3);

        assertThat(names(users)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(CognitoStub.usernames(ALL));
        assertThat(cognito.stub().faultsInjected().get(Fault.THROTTLE)).as("the SDK had throttled pages to retry")
                .isPositive();
        assertWithinBudgetEverySecond();
        assertThat(banner.noticeProperty().get()).isNull();
    }

    /** Every ListUsers the server received, throttled ones and the SDK's retries included, within the budget. */
    private void assertWithinBudgetEverySecond() {
        Map<Long, Integer> perSecond = new TreeMap<>();
        arrivals.forEach(at -> perSecond.merge(at / 1000, 1, Integer::sum));
        assertThat(perSecond.values()).as("ListUsers per second, as the server counted them: %s", perSecond)
                .allMatch(count -> count <= BUDGET);
    }

    @Test
    void slicesThrottledByTheServerStillListEveryUserOnce() {
        cognito.stub().faults(FaultPlan.seeded(19, 0.2, List.of("ListUsers"), List.of(Fault.THROTTLE)));

        UsersViewModel users = users(RateBudgets.unlimited(), 1);

        assertThat(names(users)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(CognitoStub.usernames(ALL));
        assertThat(cognito.stub().faultsInjected().get(Fault.THROTTLE)).isPositive();
        assertThat(banner.noticeProperty().get()).isNull();
    }
}
