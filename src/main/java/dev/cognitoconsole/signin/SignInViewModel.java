package dev.cognitoconsole.signin;

import dev.cognitoconsole.aws.SignIn;
import dev.cognitoconsole.banner.FailureContext;
import dev.cognitoconsole.banner.FailureNotices;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.SsoDeviceCode;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-ins a banner offers when credentials need the operator: IAM Identity Center's device code flow
 * (the code shown here, the page opened in the browser, the token saved where the AWS CLI keeps it) and an MFA
 * code for a role. Once signed in, what failed runs again.
 */
public final class SignInViewModel {
    private Consumer<Connection> signedInListener = connection -> { };
    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);

    private final SignIn signIn;
    private final TaskExecutor executor;
    private final Notifier notifier;
    private final DialogService dialogs;
    private final Consumer<String> browser;

    // Properties
    private final ReadOnlyObjectWrapper<SsoDeviceCode> deviceCode = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();

    private TaskExecutor.Job job;

    /** @param browser opens a web page in the operator's browser */
    public SignInViewModel(SignIn signIn, TaskExecutor executor, Notifier notifier, DialogService dialogs,
                           Consumer<String> browser) {
        this.signIn = signIn;
        this.executor = executor;
        this.notifier = notifier;
        this.dialogs = dialogs;
        this.browser = browser;
    }

    /** The code the operator must see approved in the browser, while an SSO sign-in waits; else {@code null}. */
    public ReadOnlyObjectProperty<SsoDeviceCode> deviceCodeProperty() {
        return deviceCode.getReadOnlyProperty();
    }

    /** What the sign-in is doing now, or {@code null} when none runs. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // Commands

    /** Makes the sign-in a banner asked for, then runs again what failed. */
    public void signIn(Notice.SignInRequest request) {
        cancelQuietly();
        switch (request.recovery()) {
            case SSO_SIGN_IN -> startSso(request);
            case MFA_CODE -> askMfa(request);
            case RENEW_ELSEWHERE -> { }
        }
    }

    /** Stops waiting for the browser; nothing is saved. */
    public void cancel() {
        if (job == null) {
            return;
        }
        String profile = deviceCode.get() == null ? null : deviceCode.get().profile();
        cancelQuietly();
        notifier.show(Notice.info("SignInCancelled", "Sign-in cancelled",
                (profile == null ? "The sign-in" : "The sign-in of profile " + profile)
                + " was cancelled: nothing was saved."));
    }

    /** Opens the verification page again, for an operator who closed the tab. */
    public void openPageAgain() {
        SsoDeviceCode code = deviceCode.get();
        if (code != null) {
            browser.accept(code.pageToOpen());
        }
    }

    /** Why a typed MFA code cannot be sent, or empty when it looks like one (six digits). */
    public static Optional<String> mfaCodeProblem(String typed) {
        String code = typed == null ? "" : typed.strip();
        return code.matches("[0-9]{6}") ? Optional.empty()
                : Optional.of("An MFA code is the 6 digits your device shows now.");
    }

    // The flows

    private void startSso(Notice.SignInRequest request) {
        Connection target = request.connection();
        status.set("Asking IAM Identity Center for a sign-in code for " + target.profile().name() + "…");
        job = executor.run(work -> signIn.startSsoSignIn(target.profile()), code -> {
            deviceCode.set(code);
            status.set("Waiting for the approval in the browser…");
            browser.accept(code.pageToOpen());
            job = executor.run(work -> signIn.finishSsoSignIn(code, work::isCancelled), done -> {
                finished();
                if (done) {
                    signedIn(request, "Signed in to IAM Identity Center");
                }
            }, error -> failed(request, error));
        }, error -> failed(request, error));
    }

    private void askMfa(Notice.SignInRequest request) {
        Connection target = request.connection();
        Optional<String> typed = dialogs.askMfaCode(new DialogService.MfaPrompt(target.profile().name(),
                SignInViewModel::mfaCodeProblem));
        if (typed.isEmpty()) {
            return;
        }
        String code = typed.get().strip();
        if (mfaCodeProblem(code).isPresent()) {
            return; // the dialog does not let such a code through; a stub might
        }
        status.set("Assuming the role of " + target.profile().name() + " with the MFA code…");
        job = executor.run(work -> {
            signIn.signInWithMfa(target.profile(), code);
            return Boolean.TRUE;
        }, ok -> {
            finished();
            signedIn(request, "MFA code accepted");
        }, error -> failed(request, error));
    }

    /** Told of every connection whose credentials a sign-in renewed (who it acts as may have changed). */
    public void onSignedIn(Consumer<Connection> listener) {
        signedInListener = listener;
    }

    private void signedIn(Notice.SignInRequest request, String title) {
        signedInListener.accept(request.connection());
        notifier.show(Notice.info("SignedIn", title)
                .message("Profile " + request.connection().profile().name() + " has credentials again.")
                .advice(request.retry() == null ? null : "What failed is being run again.")
                .build());
        if (request.retry() != null) {
            request.retry().run();
        }
    }

    private void failed(Notice.SignInRequest request, Throwable error) {
        finished();
        ConsoleFailure failure = ConsoleFailure.from(error);
        LOG.warn("Sign-in of profile {} failed", request.connection().profile().name(), failure);
        // The banner's Sign in starts afresh; its Retry runs what failed in the first place (never this sign-in,
        // which could otherwise chain sign-ins).
        notifier.show(FailureNotices.describe(failure, FailureContext.read(
                "Signing in " + request.connection().profile().name(), request.connection(), null,
                request.retry())));
    }

    private void finished() {
        job = null;
        deviceCode.set(null);
        status.set(null);
    }

    private void cancelQuietly() {
        if (job != null) {
            job.cancel();
        }
        finished();
    }
}
