package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.AwsProfile;
import dev.cognitoconsole.model.SsoDeviceCode;
import java.util.function.BooleanSupplier;

/**
 * The sign-ins the console makes itself when a profile's credentials need the operator: the IAM Identity
 * Center (SSO) device code flow, and an MFA code for a role. Every method blocks: call it off the FX thread.
 * Failures are thrown as {@link dev.cognitoconsole.model.ConsoleFailure}s naming the profile and the fix.
 */
public interface SignIn {

    /** Registers the console with IAM Identity Center and asks for a device code for the profile's session. */
    SsoDeviceCode startSsoSignIn(AwsProfile profile);

    /**
     * Waits until the operator approves the code in the browser, then saves the token where the AWS CLI keeps
     * it (~/.aws/sso/cache, readable by the owner only), so the CLI and the console share the sign-in.
     *
     * @return {@code false} when {@code cancelled} turned true first: then nothing was written
     */
    boolean finishSsoSignIn(SsoDeviceCode code, BooleanSupplier cancelled);

    /** Assumes the profile's role with the MFA code the operator typed, and keeps the session until it expires. */
    void signInWithMfa(AwsProfile profile, String code);
}
