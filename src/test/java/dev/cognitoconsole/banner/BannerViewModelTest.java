package dev.cognitoconsole.banner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.testing.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BannerViewModelTest {

    private final BannerViewModel banner = new BannerViewModel();

    private static Notice notice(String code, Notice.Action... actions) {
        return new Notice(Notice.Severity.ERROR, code, code + " title", "message", "advice", "req", List.of(actions));
    }

    @Test
    void startsWithNoNotice() {
        assertThat(banner.getNotice()).isNull();
        assertThat(banner.noticeProperty().get()).isNull();
    }

    @Test
    void showDisplaysTheNoticeAndANewerOneReplacesIt() {
        Notice first = notice("First");
        Notice second = notice("Second");

        banner.show(first);
        assertThat(banner.getNotice()).isSameAs(first);

        banner.show(second);
        assertThat(banner.noticeProperty().get()).isSameAs(second);
    }

    @Test
    void dismissClearsTheBanner() {
        banner.show(notice("First"));

        banner.dismiss();

        assertThat(banner.getNotice()).isNull();
    }

    @Test
    void performClosesTheBannerThenRunsTheAction() {
        List<Notice> seenByAction = new ArrayList<>();
        Notice.Action retry = new Notice.Action("Retry", () -> seenByAction.add(banner.getNotice()));
        banner.show(notice("Failed", retry));

        banner.perform(retry);

        assertThat(seenByAction).as("the banner was closed when the action ran").containsExactly((Notice) null);
        assertThat(banner.getNotice()).isNull();
    }

    @Test
    void aRetryThatFailsAgainShowsItsNewNotice() {
        Notice again = notice("FailedAgain");
        Notice.Action retry = new Notice.Action("Retry", () -> banner.show(again));
        banner.show(notice("Failed", retry));

        banner.perform(retry);

        assertThat(banner.getNotice()).isSameAs(again);
    }

    @Test
    void noticeActionsAreCopiedAndNeverNull() {
        List<Notice.Action> actions = new ArrayList<>();
        Notice notice = new Notice(Notice.Severity.INFO, "c", "t", "m", "a", null, actions);
        actions.add(new Notice.Action("Late", () -> { }));

        assertThat(notice.actions()).isEmpty();
        assertThat(new Notice(Notice.Severity.INFO, "c", "t", "m", "a", null, null).actions()).isEmpty();
        assertThat(Notice.info("c", "t", "m").severity()).isEqualTo(Notice.Severity.INFO);
    }

    @Test
    void aSuccessNoticeLeavesByItselfAfterAFewSeconds() {
        ManualScheduler time = new ManualScheduler();
        BannerViewModel timed = new BannerViewModel(time);
        timed.show(Notice.info("SignedIn", "Signed in").message("Profile staff has credentials again.").build());

        assertThat(time.delays()).singleElement().satisfies(delay ->
                assertThat(delay).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(10)));
        assertThat(timed.getNotice()).as("shown until the time has passed").isNotNull();
        time.elapse();

        assertThat(timed.getNotice()).isNull();
    }

    @Test
    void failuresAndNoticesOfferingAnActionStayUntilDismissed() {
        ManualScheduler time = new ManualScheduler();
        BannerViewModel timed = new BannerViewModel(time);
        Notice failure = notice("Failed");
        timed.show(failure);
        time.elapse();
        assertThat(timed.getNotice()).isSameAs(failure);

        Notice withAction = Notice.info("UnfinishedRun", "A bulk change was not finished").action("Resume", () -> { })
                .build();
        timed.show(withAction);
        time.elapse();

        assertThat(timed.getNotice()).isSameAs(withAction);
    }

    @Test
    void aSuccessNoticesTimeDoesNotTakeAwayTheNoticeThatReplacedIt() {
        ManualScheduler time = new ManualScheduler();
        BannerViewModel timed = new BannerViewModel(time);
        timed.show(Notice.info("ExportDone", "300 users exported", "Written to users.csv as CSV."));
        Notice failure = notice("Failed");
        timed.show(failure);

        time.elapse();

        assertThat(timed.getNotice()).isSameAs(failure);
    }
}
