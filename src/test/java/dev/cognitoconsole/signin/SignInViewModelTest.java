package dev.cognitoconsole.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.aws.SignIn;
import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.banner.FailureContext;
import dev.cognitoconsole.banner.FailureNotices;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.ConsoleFailure.CredentialsUnavailable.Recovery;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.ProfileKind;
import dev.cognitoconsole.model.SsoDeviceCode;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {
    private static final Connection SSO = new Connection(
            new AwsProfile("corp-sso", "eu-west-1", null, ProfileKind.SSO), "eu-west-1");
    private static final Connection MFA = new Connection(
            new AwsProfile("admin-mfa", "eu-west-1", null, ProfileKind.ASSUME_ROLE_MFA), "eu-west-1");
    private static final SsoDeviceCode CODE = new SsoDeviceCode("corp-sso", "ABCD-EFGH",
            "https://device.sso.eu-west-1.amazonaws.com/", "https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH",
            Instant.parse("2026-11-25T10:10:00Z"), Duration.ofSeconds(5));

    private final FakeSignIn signIn = new FakeSignIn();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final BannerViewModel banner = new BannerViewModel();
    private final MfaDialogs dialogs = new MfaDialogs();
    private final List<String> opened = new ArrayList<>();
    private final AtomicInteger retried = new AtomicInteger();
    private final SignInViewModel vm = new SignInViewModel(signIn, executor, banner, dialogs, opened::add);

    {
        banner.setSignIn(vm::signIn);
    }

    /** The banner a failed call shows for this failure, as the ViewModels build it. */
    private Notice bannerFor(ConsoleFailure failure, Connection connection) {
        banner.show(FailureNotices.describe(failure, FailureContext.read("Loading users", connection,
                "eu-west-1_Pool0001", retried::incrementAndGet)));
        return banner.getNotice();
    }

    private static ConsoleFailure expired(Connection connection, Recovery recovery) {
        return new ConsoleFailure.CredentialsUnavailable("ListUsers", null, connection.profile().name(), recovery,
                "The SSO session associated with this profile has expired", null, null, null);
    }

    private void press(String label) {
        Notice shown = banner.getNotice();
        banner.perform(shown.actions().stream().filter(a -> a.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + label + " on " + shown.actions())));
    }

    @Nested
    class Sso {

        @Test
        void theBannerOffersSignInFirstAndRetry() {
            Notice notice = bannerFor(expired(SSO, Recovery.SSO_SIGN_IN), SSO);

            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Sign in", "Retry");
            assertThat(notice.advice()).contains("Sign in", "aws sso login --profile corp-sso");
        }

        @Test
        void signingInShowsTheCodeOpensThePageAndRetriesWhatFailed() {
            bannerFor(expired(SSO, Recovery.SSO_SIGN_IN), SSO);
            executor.holdWork();

            press("Sign in");
            executor.runNext();

            assertThat(vm.deviceCodeProperty().get()).isEqualTo(CODE);
            assertThat(opened).containsExactly(CODE.verificationUriComplete());
            assertThat(vm.statusProperty().get()).contains("Waiting");
            assertThat(retried).hasValue(0);

            executor.runAll();

            assertThat(signIn.started).containsExactly("corp-sso");
            assertThat(vm.deviceCodeProperty().get()).isNull();
            assertThat(banner.getNotice().code()).isEqualTo("SignedIn");
            assertThat(retried).hasValue(1);
        }

        @Test
        void cancelStopsWaitingSavesNothingAndRetriesNothing() {
            bannerFor(expired(SSO, Recovery.SSO_SIGN_IN), SSO);
            executor.holdWork();
            press("Sign in");
            executor.runNext();

            vm.cancel();
            executor.runAll();

            assertThat(signIn.finishedWhileCancelled).as("the waiting job saw the cancel").isNotEqualTo(Boolean.FALSE);
            assertThat(vm.deviceCodeProperty().get()).isNull();
            assertThat(banner.getNotice().code()).isEqualTo("SignInCancelled");
            assertThat(banner.getNotice().message()).contains("nothing was saved");
            assertThat(retried).hasValue(0);
        }

        @Test
        void aDeniedSignInShowsWhyAndItsRetryRunsWhatFailedNotAnotherSignIn() {
            signIn.finishFails = new ConsoleFailure.CredentialsUnavailable("CreateToken", "AccessDeniedException",
                    "corp-sso", Recovery.SSO_SIGN_IN, "The sign-in was denied in the browser.",
                    "Press Sign in again and approve the request.", null, null);
            bannerFor(expired(SSO, Recovery.SSO_SIGN_IN), SSO);

            press("Sign in");

            Notice notice = banner.getNotice();
            assertThat(notice.title()).contains("Signing in corp-sso failed");
            assertThat(notice.advice()).isEqualTo("Press Sign in again and approve the request.");
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Sign in", "Retry");
            press("Retry");
            assertThat(retried).hasValue(1);
            assertThat(signIn.started).hasSize(1);
        }

        @Test
        void openingThePageAgainOpensTheSamePage() {
            bannerFor(expired(SSO, Recovery.SSO_SIGN_IN), SSO);
            executor.holdWork();
            press("Sign in");
            executor.runNext();

            vm.openPageAgain();

            assertThat(opened).containsExactly(CODE.verificationUriComplete(), CODE.verificationUriComplete());
        }
    }

    @Nested
    class Mfa {

        @Test
        void theBannerOffersTheCodeDialogAndTheRoleIsAssumedWithTheTypedCode() {
            Notice notice = bannerFor(expired(MFA, Recovery.MFA_CODE), MFA);
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Enter MFA code", "Retry");
            dialogs.typed = " 123456 ";

            press("Enter MFA code");

            assertThat(dialogs.asked).containsExactly("admin-mfa");
            assertThat(signIn.mfaCodes).containsExactly("admin-mfa:123456");
            assertThat(banner.getNotice().code()).isEqualTo("SignedIn");
            assertThat(retried).hasValue(1);
        }

        @Test
        void cancellingTheDialogSendsNothing() {
            bannerFor(expired(MFA, Recovery.MFA_CODE), MFA);
            dialogs.typed = null;

            press("Enter MFA code");

            assertThat(signIn.mfaCodes).isEmpty();
            assertThat(retried).hasValue(0);
        }

        @Test
        void aWrongCodeSaysSoAndOffersTheDialogAgain() {
            signIn.mfaFails = new ConsoleFailure.CredentialsUnavailable("AssumeRole", "AccessDenied", "admin-mfa",
                    Recovery.MFA_CODE, "MultiFactorAuthentication failed with invalid MFA one time pass code.",
                    "Type the current code from the MFA device of arn:aws:iam::123456789012:mfa/alice.", "req-1", null);
            bannerFor(expired(MFA, Recovery.MFA_CODE), MFA);
            dialogs.typed = "000000";

            press("Enter MFA code");

            assertThat(banner.getNotice().message()).contains("invalid MFA one time pass code");
            assertThat(banner.getNotice().advice()).contains("arn:aws:iam::123456789012:mfa/alice");
            assertThat(banner.getNotice().actions()).extracting(Notice.Action::label).first().isEqualTo("Enter MFA code");
            assertThat(retried).hasValue(0);
        }

        @Test
        void onlySixDigitsAreACode() {
            assertThat(SignInViewModel.mfaCodeProblem("123456")).isEmpty();
            assertThat(SignInViewModel.mfaCodeProblem(" 654321\n")).isEmpty();
            for (String wrong : new String[] {null, "", "12345", "1234567", "12345a", "１２３４５６", "12 345"}) {
                assertThat(SignInViewModel.mfaCodeProblem(wrong)).as(String.valueOf(wrong)).isPresent();
            }
        }
    }

    @Test
    void credentialsRenewedElsewhereGetNoSignInButton() {
        Notice notice = bannerFor(expired(SSO, Recovery.RENEW_ELSEWHERE), SSO);

        assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Retry");
        assertThat(notice.advice()).contains("Renew the credentials of profile corp-sso");
    }

    private static final class FakeSignIn implements SignIn {
        final List<String> started = new ArrayList<>();
        final List<String> mfaCodes = new ArrayList<>();
        ConsoleFailure finishFails;
        ConsoleFailure mfaFails;
        Boolean finishedWhileCancelled;

        @Override
        public SsoDeviceCode startSsoSignIn(AwsProfile profile) {
            started.add(profile.name());
            return CODE;
        }

        @Override
        public boolean finishSsoSignIn(SsoDeviceCode code, BooleanSupplier cancelled) {
            finishedWhileCancelled = cancelled.getAsBoolean();
            if (finishFails != null) {
                throw finishFails;
            }
            return !cancelled.getAsBoolean();
        }

        @Override
        public void signInWithMfa(AwsProfile profile, String code) {
            if (mfaFails != null) {
                throw mfaFails;
            }
            mfaCodes.add(profile.name() + ":" + code);
        }
    }

    private static final class MfaDialogs implements DialogService {
        final List<String> asked = new ArrayList<>();
        String typed;

        @Override
        public boolean confirm(Confirmation confirmation) {
            throw new AssertionError("a sign-in confirms nothing");
        }

        @Override
        public Optional<String> askMfaCode(MfaPrompt prompt) {
            asked.add(prompt.profile());
            return Optional.ofNullable(typed);
        }
    }
}
