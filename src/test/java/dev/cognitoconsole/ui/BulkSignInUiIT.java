package dev.cognitoconsole.ui;

import static dev.cognitoconsole.testing.FakeUserDirectory.GET_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.user;
import static dev.cognitoconsole.testing.Fixtures.POOL_A;
import static dev.cognitoconsole.ui.ConsoleDriver.await;
import static dev.cognitoconsole.ui.ConsoleDriver.fx;
import static dev.cognitoconsole.ui.ConsoleDriver.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.bulk.BulkOutcome;
import dev.cognitoconsole.bulk.BulkResultRow;
import dev.cognitoconsole.bulk.BulkRunView;
import dev.cognitoconsole.bulk.BulkRunViewModel;
import dev.cognitoconsole.bulk.BulkRunViewModel.RunState;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.testing.AnsweringDialogs;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.RecordingAuditTrail;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The bulk window's own Sign in button, driven through the real view: a run paused by credentials the console can
 * renew offers it, a click asks for the sign-in, and the run goes on once the sign-in reports success. The sign-in
 * itself (device code, MFA dialog) is the SignInViewModel's and is tested there.
 */
@ExtendWith(ApplicationExtension.class)
class BulkSignInUiIT {

    private final FakeUserDirectory directory = new FakeUserDirectory();
    private final List<Notice.SignInRequest> asked = new ArrayList<>();
    private BulkRunViewModel viewModel;

    @Start
    void start(Stage stage) {
        viewModel = new BulkRunViewModel(directory, new RecordingAuditTrail(event -> { }),
                new CurrentThreadTaskExecutor(), new AnsweringDialogs().confirmWith("INC-4711"), System::nanoTime,
                pause -> { }, (pool, read) -> { });
        viewModel.setSignIn(asked::add);
        BulkRunView view = new BulkRunView(viewModel, stage, null);
        stage.setScene(new Scene(view.createView(), 900, 500));
        stage.show();
    }

    @Test
    void aRunPausedByAnExpiredSsoSessionResumesAfterTheWindowsSignIn(FxRobot robot) {
        disableAfter(new ConsoleFailure.CredentialsUnavailable(GET_USER, null, "support", true, "Token is expired",
                null, null), "ann", "bob");

        Button signIn = robot.lookup("#bulkSignInButton").queryButton();
        assertThat(fx(signIn::isVisible)).isTrue();
        assertThat(fx(signIn::getText)).isEqualTo("Sign in");
        assertThat(fx(() -> robot.lookup("#bulkMessage").queryAs(Label.class).getText())).contains("Press Sign in");

        robot.clickOn(signIn);
        await("the click asked for the sign-in", () -> asked.size() == 1);
        assertThat(fx(() -> viewModel.stateProperty().get())).as("nothing resumes before the sign-in succeeds")
                .isEqualTo(RunState.PAUSED);

        onFx(() -> {
            asked.get(0).retry().run(); // what the sign-in does once the credentials work
        });

        assertThat(fx(() -> viewModel.results().stream().map(BulkResultRow::getOutcome).toList()))
                .containsOnly(BulkOutcome.DONE);
        assertThat(fx(signIn::isVisible)).as("the button goes once nothing needs signing in").isFalse();
    }

    @Test
    void aRoleThatNeedsAnMfaCodeOffersToEnterIt(FxRobot robot) {
        disableAfter(new ConsoleFailure.CredentialsUnavailable(GET_USER, null, "admin", Recovery.MFA_CODE,
                "MFA code needed", null, null, null), "ann");

        Button signIn = robot.lookup("#bulkSignInButton").queryButton();
        assertThat(fx(signIn::isVisible)).isTrue();
        assertThat(fx(signIn::getText)).isEqualTo("Enter MFA code");
    }

    @Test
    void keysTheConsoleCannotRenewOfferNoButton(FxRobot robot) {
        disableAfter(new ConsoleFailure.CredentialsUnavailable(GET_USER, null, "keys", Recovery.RENEW_ELSEWHERE,
                "expired", null, null, null), "ann");

        assertThat(fx(() -> viewModel.stateProperty().get())).isEqualTo(RunState.PAUSED);
        assertThat(fx(() -> robot.lookup("#bulkSignInButton").queryButton().isVisible())).isFalse();
    }

    /** Starts a bulk disable of these (enabled) users whose first read fails with {@code failure}. */
    private void disableAfter(ConsoleFailure failure, String... usernames) {
        for (String username : usernames) {
            directory.addUsers(POOL_A.poolId(), user(username, true));
        }
        directory.failNext(GET_USER, failure);
        fx(() -> viewModel.request(UserAction.DISABLE, POOL_A, List.of(usernames), "test", List.of()));
    }
}
