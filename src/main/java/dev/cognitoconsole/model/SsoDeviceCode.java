package dev.cognitoconsole.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A device code from IAM Identity Center: the operator opens the verification page, checks that it shows
 * the same code, and approves. Holds nothing secret (the device code itself stays in the aws layer).
 *
 * @param profile                   the profile being signed in
 * @param userCode                  the code the verification page shows, such as {@code ABCD-EFGH}
 * @param verificationUri           the page to open
 * @param verificationUriComplete   the page with the code filled in, or {@code null}
 * @param expiresAt                 when the code stops working
 * @param interval                  how often to ask whether the operator approved
 */
public record SsoDeviceCode(String profile, String userCode, String verificationUri, String verificationUriComplete,
                            Instant expiresAt, Duration interval) {

    /** The page to open in the browser: the one with the code filled in when there is one. */
    public String pageToOpen() {
        return verificationUriComplete != null ? verificationUriComplete : verificationUri;
    }
}
