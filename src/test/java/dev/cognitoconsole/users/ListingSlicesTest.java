package dev.cognitoconsole.users;

import static dev.cognitoconsole.testing.Fixtures.POOL_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.common.BackgroundTaskExecutor;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserFilter;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.MutableClock;
import dev.cognitoconsole.testing.RecordingDialogService;
import dev.cognitoconsole.testing.RecordingNotifier;
import dev.cognitoconsole.writes.UserWrites;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A whole-pool listing in slices of {@code sub}: every user once, whatever the pool and the server do. */
class ListingSlicesTest {

    private static final String SLICE_3 = "sub ^= \"3\"";
    private static final List<String> SLICES = ListingPosition.SLICE_PREFIXES.chars()
            .mapToObj(c -> "sub ^= \"" + (char) c + "\"").toList();

    private final SlicedPool pool = new SlicedPool();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final AtomicLong nanoClock = new AtomicLong();
    private final List<Duration> sleeps = new ArrayList<>();
    private final MutableClock wallClock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    /** Page requests run on the test thread too, each answered as it is sent. */
    private UsersViewModel vm = viewModel(new CurrentThreadTaskExecutor());

    private UsersViewModel viewModel(TaskExecutor pageRequests) {
        return new UsersViewModel(pool, executor, notifier, new RecordingDialogService(), nanoClock::get,
                sleeps::add, wallClock, new UserWrites(pool, AuditTrail.NONE, WriteSafety.NONE,
                connection -> Optional.empty()), WriteSafety.NONE, pageRequests);
    }

    private List<String> subsListed() {
        return vm.rows().stream().map(r -> r.getUser().sub()).toList();
    }

    private static List<String> subsOf(List<PoolUser> users) {
        return users.stream().map(PoolUser::sub).toList();
    }

    private long sliceRequests() {
        return pool.requests().stream().filter(r -> r.filter() != null && r.filter().startsWith("sub ^=")).count();
    }

    private List<SlicedPool.Request> requestsSince(int before) {
        List<SlicedPool.Request> all = pool.requests();
        return all.subList(before, all.size());
    }

    private static ConsoleFailure throttled() {
        return new ConsoleFailure.TooManyRequests("ListUsers", "Rate exceeded", "req-throttle", null);
    }

    @Nested
    class EveryUserOnce {

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 59, 60, 61, 10_000})
        void poolsOfAnySize(int size) {
            pool.add(size);

            vm.show(POOL_A);

            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            assertThat(vm.countTextProperty().get()).isEqualTo(size == 1 ? "1 user" : String.format("%,d users", size));
            assertThat(notifier.shown()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 59, 60})
        void aPoolThatFitsOnePageIsListedFromItsFirstPageAndCostsOneRequestFromThenOn(int size) {
            pool.add(size);

            vm.show(POOL_A);

            assertThat(pool.requests()).as("the first page, then each slice's first page behind it, nothing more")
                    .hasSize(17).first().isEqualTo(new SlicedPool.Request(null, null));
            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            int before = pool.requests().size();

            vm.refresh();

            assertThat(requestsSince(before)).containsExactly(new SlicedPool.Request(null, null));
            assertThat(subsListed()).doesNotHaveDuplicates().hasSize(size);
        }

        @Test
        void aLargerPoolIsListedInSixteenSlicesBesideItsFirstPage() {
            pool.add(1_000);

            vm.show(POOL_A);

            assertThat(pool.requests().get(0)).isEqualTo(new SlicedPool.Request(null, null));
            assertThat(pool.requests().stream().skip(1).map(SlicedPool.Request::filter).distinct())
                    .containsExactlyInAnyOrderElementsOf(SLICES);
            assertThat(subsListed()).doesNotHaveDuplicates().hasSize(1_000);
        }

        @Test
        void skewedSubsEveryOneUnderOnePrefix() {
            for (int i = 0; i < 700; i++) {
                pool.add(String.format("3%07x-0000-4000-8000-000000000000", i));
            }
            pool.add(5);

            vm.show(POOL_A);

            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
        }

        @Test
        void slicesThatAreEmptyEndAfterOnePage() {
            for (int i = 0; i < 300; i++) {
                pool.add(String.format("%x%07x-0000-4000-8000-000000000000", i % 2 == 0 ? 0xa : 0x0, i));
            }

            vm.show(POOL_A);

            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            assertThat(pool.requests().stream().filter(r -> "sub ^= \"5\"".equals(r.filter()))).hasSize(1);
        }

        @Test
        void usersAddedAndRemovedWhileTheSlicesAreListed() {
            List<PoolUser> before = pool.add(3_000);
            Set<String> removed = new HashSet<>();
            List<PoolUser> added = new ArrayList<>();
            AtomicInteger count = new AtomicInteger();
            pool.onRequest(request -> {
                if (count.incrementAndGet() % 7 == 0) {
                    PoolUser gone = before.get(count.get() * 13 % before.size());
                    pool.remove(gone);
                    removed.add(gone.sub());
                    added.addAll(pool.add(3));
                }
            });

            vm.show(POOL_A);

            Set<String> stayed = new HashSet<>(subsOf(before));
            stayed.removeAll(removed);
            Set<String> everyone = new HashSet<>(subsOf(before));
            everyone.addAll(subsOf(added));
            assertThat(removed).isNotEmpty();
            assertThat(subsListed()).doesNotHaveDuplicates().containsAll(stayed).allMatch(everyone::contains);
        }

        @Test
        void manySlicesSideBySideOnRealThreads() {
            pool.add(10_000);
            try (BackgroundTaskExecutor pages = new BackgroundTaskExecutor(Runnable::run, UsersViewModel.LISTING_REQUESTS)) {
                vm = viewModel(pages);

                vm.show(POOL_A);

                assertThat(subsListed()).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
                assertThat(vm.loadingProperty().get()).isFalse();
            }
        }
    }

    /** A pool's first listing sends its slices behind its first page, before that page answers. */
    @Nested
    class SlicesBesideTheFirstPage {

        /**
         * Holds the unsliced first page back until every slice's first page has been asked for, so that their
         * answers reach the load first; tells whether they were asked for while it was out.
         */
        private AtomicBoolean firstPageHeldBack() {
            CountDownLatch slicesAsked = new CountDownLatch(16);
            AtomicBoolean slicesWhileOut = new AtomicBoolean();
            pool.onRequest(request -> {
                if (request.filter() != null && request.token() == null) {
                    slicesAsked.countDown();
                } else if (request.filter() == null && request.token() == null) {
                    try {
                        slicesWhileOut.set(slicesAsked.await(10, TimeUnit.SECONDS));
                        // Lets the slices' answers land before this one.
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            return slicesWhileOut;
        }

        private void showOnRealThreads() {
            try (BackgroundTaskExecutor pages = new BackgroundTaskExecutor(Runnable::run,
                    UsersViewModel.LISTING_REQUESTS)) {
                vm = viewModel(pages);
                vm.show(POOL_A);
            }
        }

        @Test
        void theSlicesGoOutWhileTheFirstPageIsOnItsWayAndEveryUserIsListedOnce() {
            pool.add(3_000);
            AtomicBoolean slicesWhileOut = firstPageHeldBack();

            showOnRealThreads();

            assertThat(slicesWhileOut).as("the slices were asked for before the first page answered").isTrue();
            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            assertThat(vm.countTextProperty().get()).isEqualTo("3,000 users");
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void aSmallPoolWhoseSlicesAnsweredFirstIsListedOnceFromItsFirstPage() {
            pool.add(59);
            firstPageHeldBack();

            showOnRealThreads();

            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            assertThat(pool.requests()).as("no slice's second page").noneMatch(r -> r.token() != null);
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void slicesRefusedBeforeTheFirstPageAnsweredLeaveOneChainAndNoBanner() {
            pool.add(1_000);
            pool.refuseSubFilter();
            firstPageHeldBack();

            showOnRealThreads();

            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            assertThat(sliceRequests()).as("each slice's first page, and no more").isEqualTo(16);
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void slicesIgnoredBeforeTheFirstPageAnsweredLeaveOneChainAndNoBanner() {
            pool.add(1_000);
            pool.ignoreFilters();
            firstPageHeldBack();

            showOnRealThreads();

            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void aSliceThrottledBeforeTheFirstPageAnsweredBacksOffAndEveryUserIsListedOnce() {
            pool.add(1_000);
            pool.fail(SLICE_3, throttled());
            firstPageHeldBack();

            showOnRealThreads();

            assertThat(sleeps).as("one backoff").hasSize(1);
            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void aFirstPageThatFailsGivesOneBannerAndRetryListsEveryUserOnce() {
            pool.add(1_000);
            pool.fail(null, new ConsoleFailure.InternalError("ListUsers", "Internal error", "req-fail", null));
            firstPageHeldBack();
            try (BackgroundTaskExecutor pages = new BackgroundTaskExecutor(Runnable::run,
                    UsersViewModel.LISTING_REQUESTS)) {
                vm = viewModel(pages);
                vm.show(POOL_A);

                assertThat(notifier.shown()).extracting(Notice::code).containsExactly("InternalErrorException");
                assertThat(vm.rows()).as("no slice's users without the first page").isEmpty();
                pool.onRequest(request -> { });
                notifier.current().actions().stream().filter(a -> a.label().equals("Retry")).findFirst()
                        .orElseThrow().run().run();

                assertThat(subsListed()).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            }
        }
    }

    @Nested
    class Failures {

        /** Requests asked for more than once. */
        private int askedAgain() {
            List<SlicedPool.Request> all = pool.requests();
            return all.size() - new HashSet<>(all).size();
        }

        @Test
        void aFailedSliceLetsThePagesAlreadyAskedForLandSoContinueAsksOnlyTheFailedPageAgain() {
            pool.add(3_000);
            AtomicInteger failures = new AtomicInteger();
            pool.onRequest(request -> {
                if (SLICE_3.equals(request.filter()) && request.token() != null && failures.getAndIncrement() == 0) {
                    throw new ConsoleFailure.InternalError("ListUsers", "Internal error", "req-fail", null);
                }
            });

            vm.show(POOL_A);

            assertThat(notifier.shown()).extracting(Notice::code).containsExactly("InternalErrorException");
            vm.continueLoading();

            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            assertThat(askedAgain()).as("only the page that failed is asked for twice").isEqualTo(1);
        }

        @Test
        void aSliceThatFailsBeforeEverySliceAnsweredStillContinuesInSlices() {
            pool.add(3_000);
            pool.fail(SLICE_3, new ConsoleFailure.InternalError("ListUsers", "Internal error", "req-fail", null));

            vm.show(POOL_A);

            assertThat(notifier.shown()).extracting(Notice::code).containsExactly("InternalErrorException");
            int before = pool.requests().size();
            vm.continueLoading();

            assertThat(requestsSince(before)).as("the rest of the pool in slices, not as one chain")
                    .allMatch(r -> r.filter() != null);
            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
        }

        @Test
        void aHungRequestDoesNotHoldTheBannerBackPastTheGrace() throws InterruptedException {
            pool.add(1_000);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean hungAnswered = new AtomicBoolean();
            pool.onRequest(request -> {
                if ("sub ^= \"5\"".equals(request.filter())) {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                        hungAnswered.set(true);
                    } catch (InterruptedException e) {
                        // The load gave up on it: it never answered.
                        Thread.currentThread().interrupt();
                    }
                }
                if (SLICE_3.equals(request.filter())) {
                    throw new ConsoleFailure.InternalError("ListUsers", "Internal error", "req-fail", null);
                }
            });
            // Every reading of the clock is a second later: the grace is over at the second look.
            AtomicLong ticking = new AtomicLong();
            try (BackgroundTaskExecutor pages = new BackgroundTaskExecutor(Runnable::run, UsersViewModel.LISTING_REQUESTS)) {
                vm = new UsersViewModel(pool, executor, notifier, new RecordingDialogService(),
                        () -> ticking.addAndGet(TimeUnit.SECONDS.toNanos(1)), sleeps::add, wallClock,
                        new UserWrites(pool, AuditTrail.NONE, WriteSafety.NONE, connection -> Optional.empty()),
                        WriteSafety.NONE, pages);

                vm.show(POOL_A);

                assertThat(notifier.shown()).extracting(Notice::code).containsExactly("InternalErrorException");
                assertThat(vm.loadingProperty().get()).isFalse();
                assertThat(hungAnswered).as("the banner came while the hung request was still out").isFalse();
            } finally {
                release.countDown();
            }
        }
    }

    @Nested
    class Throttling {

        @Test
        void aSliceThrottledRepeatedlyBacksOffEverySliceAndThenFinishes() {
            pool.add(2_000);
            pool.fail(SLICE_3, throttled(), throttled(), throttled());

            vm.show(POOL_A);

            assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            assertThat(vm.activityProperty().get()).isNull();
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void aSliceThrottledEveryTryFailsTheListingAndContinueFinishesIt() {
            pool.add(2_000);
            ConsoleFailure[] always = new ConsoleFailure[UserListing.THROTTLE_TRIES];
            java.util.Arrays.fill(always, throttled());
            pool.fail(SLICE_3, always);

            vm.show(POOL_A);

            assertThat(notifier.current()).isNotNull();
            assertThat(vm.canContinueProperty().get()).isTrue();
            assertThat(subsListed()).doesNotHaveDuplicates();

            vm.continueLoading();

            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            assertThat(vm.canContinueProperty().get()).isFalse();
        }
    }

    @Nested
    class StopAndContinue {

        private void stopAtRequest(int number) {
            AtomicInteger count = new AtomicInteger();
            pool.onRequest(request -> {
                if (count.incrementAndGet() == number) {
                    vm.stop();
                }
            });
        }

        @Test
        void everySliceResumesWhereItsRowsEnd() {
            pool.add(5_000);
            stopAtRequest(60);

            vm.show(POOL_A);

            int shown = vm.rows().size();
            assertThat(shown).isBetween(1, 4_999);
            assertThat(vm.canContinueProperty().get()).isTrue();
            assertThat(vm.countTextProperty().get()).endsWith("more in the pool");
            pool.onRequest(request -> { });

            vm.continueLoading();

            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
        }

        @Test
        void stoppedTwiceStillEveryUserOnce() {
            pool.add(5_000);
            stopAtRequest(30);
            vm.show(POOL_A);
            stopAtRequest(40);
            vm.continueLoading();
            pool.onRequest(request -> { });

            vm.continueLoading();

            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
        }

        @Test
        void progressCountsTheSlicesListed() {
            pool.add(3_000);
            List<String> texts = new ArrayList<>();
            vm.countTextProperty().addListener((obs, old, now) -> texts.add(now));

            vm.show(POOL_A);

            assertThat(texts).anyMatch(t -> t.matches("[0-9,]+ users, loading… \\(\\d+ of 16 slices listed\\)"));
            assertThat(texts).last().isEqualTo("3,000 users");
        }

        @Test
        void aSlicesTokenOlderThanItsLifetimeAsksForAReload() {
            pool.add(5_000);
            stopAtRequest(60);
            vm.show(POOL_A);
            int requests = pool.requests().size();
            wallClock.advance(Duration.ofMinutes(56));

            vm.continueLoading();

            assertThat(pool.requests()).hasSize(requests);
            assertThat(notifier.current().code()).isEqualTo("PaginationTokenExpired");
            assertThat(vm.canContinueProperty().get()).isFalse();
            notifier.press("Reload");
            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
        }

        @Test
        void aSlicesTokenTheServerNoLongerTakesAsksForAReload() {
            pool.add(5_000);
            stopAtRequest(60);
            vm.show(POOL_A);
            pool.onRequest(request -> { });
            pool.fail(SLICE_3, new ConsoleFailure.InvalidParameter("ListUsers",
                    "Invalid pagination token: the token has expired", "req-expired", null));

            vm.continueLoading();

            assertThat(notifier.current().code()).isEqualTo("PaginationTokenExpired");
            assertThat(subsListed()).doesNotHaveDuplicates();
        }
    }

    @Nested
    class ListedAgain {

        @Test
        void aPoolListedInSlicesStartsInSlicesAtOnceWhenListedAgain() {
            pool.add(1_000);
            vm.show(POOL_A);
            int before = pool.requests().size();

            vm.refresh();

            List<SlicedPool.Request> again = requestsSince(before);
            assertThat(again).as("no first page alone").allMatch(r -> r.filter() != null);
            assertThat(again.stream().filter(r -> r.token() == null).map(SlicedPool.Request::filter))
                    .containsExactlyInAnyOrderElementsOf(SLICES);
            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
        }

        @Test
        void aLargePoolThatShrankToOnePageGetsItsFirstPageAloneAgain() {
            List<PoolUser> users = pool.add(1_000);
            vm.show(POOL_A);
            users.subList(0, 990).forEach(pool::remove);
            vm.refresh();
            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            int before = pool.requests().size();

            vm.refresh();

            assertThat(requestsSince(before)).containsExactly(new SlicedPool.Request(null, null));
            assertThat(subsListed()).hasSize(10);
        }

        @Test
        void aServerThatStopsHonouringTheFilterIsReloadedAsOneChain() {
            pool.add(1_000);
            vm.show(POOL_A);
            pool.ignoreFilters();

            vm.refresh();

            assertThat(notifier.shown()).extracting(Notice::code).containsExactly("Unknown");
            assertThat(notifier.current().message()).contains("as one chain of pages");
            int before = pool.requests().size();
            notifier.current().actions().stream().filter(a -> a.label().equals("Retry")).findFirst().orElseThrow()
                    .run().run();

            assertThat(requestsSince(before)).as("no slice asked for again").allMatch(r -> r.filter() == null);
            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
        }

        @Test
        void aSearchInAPoolListedInSlicesStaysOneChain() {
            pool.add(1_000);
            vm.show(POOL_A);
            int before = pool.requests().size();

            vm.search(new UserFilter(UserFilter.Attribute.USERNAME, UserFilter.Match.STARTS_WITH, "user00001"));

            assertThat(requestsSince(before)).extracting(SlicedPool.Request::filter)
                    .containsOnly("username ^= \"user00001\"");
        }
    }

    @Nested
    class Fallback {

        @Test
        void aServerRefusingTheSliceFilterGetsOneChainOnceAndNoBanner() {
            pool.add(1_000);
            pool.refuseSubFilter();

            vm.show(POOL_A);

            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            assertThat(sliceRequests()).as("each slice's first page, sent together").isEqualTo(16);
            assertThat(notifier.shown()).isEmpty();

            vm.refresh();

            assertThat(sliceRequests()).as("the pool is listed as one chain from then on").isEqualTo(16);
            assertThat(subsListed()).doesNotHaveDuplicates().hasSize(1_000);
        }

        @Test
        void aServerIgnoringTheSliceFilterGetsOneChain() {
            pool.add(1_000);
            pool.ignoreFilters();

            vm.show(POOL_A);

            assertThat(subsListed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            assertThat(notifier.shown()).isEmpty();
        }

        @Test
        void aServerIgnoringTheFilterIsFoundOnRealThreadsToo() {
            pool.add(3_000);
            pool.ignoreFilters();
            try (BackgroundTaskExecutor pages = new BackgroundTaskExecutor(Runnable::run, UsersViewModel.LISTING_REQUESTS)) {
                vm = viewModel(pages);

                vm.show(POOL_A);

                assertThat(subsListed()).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(subsOf(pool.all()));
            }
        }

        @Test
        void subsThatAreNotUuidsAreListedAsOneChain() {
            for (int i = 0; i < 200; i++) {
                pool.add("sub-" + i);
            }

            vm.show(POOL_A);

            assertThat(pool.requests()).as("no slice's second page").noneMatch(r -> r.filter() != null && r.token() != null);
            assertThat(subsListed()).doesNotHaveDuplicates().hasSize(200);
            long before = sliceRequests();

            vm.refresh();

            assertThat(sliceRequests()).as("no slice at all from then on").isEqualTo(before);
            assertThat(subsListed()).doesNotHaveDuplicates().hasSize(200);
        }

        @Test
        void withoutAnExecutorForPageRequestsThePoolIsOneChain() {
            pool.add(1_000);
            vm = viewModel(null);

            vm.show(POOL_A);

            assertThat(sliceRequests()).isZero();
            assertThat(subsListed()).doesNotHaveDuplicates().hasSize(1_000);
        }

        @Test
        void aServerSideSearchStaysOneChain() {
            pool.add(1_000);
            vm.show(POOL_A);
            int before = pool.requests().size();

            vm.search(new UserFilter(UserFilter.Attribute.USERNAME, UserFilter.Match.STARTS_WITH, "user"));

            assertThat(pool.requests().subList(before, pool.requests().size()))
                    .allMatch(r -> "username ^= \"user\"".equals(r.filter()));
            assertThat(subsListed()).doesNotHaveDuplicates().hasSize(1_000);
        }
    }
}
