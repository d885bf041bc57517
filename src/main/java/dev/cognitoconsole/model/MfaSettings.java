package dev.cognitoconsole.model;

import java.util.List;

/**
 * A user's multi-factor authentication settings, as AdminGetUser reports them.
 *
 * @param enabled   the MFA methods the user has turned on (SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP), possibly none
 * @param preferred the preferred method, or {@code null}
 */
public record MfaSettings(List<String> enabled, String preferred) {

    public MfaSettings {
        enabled = enabled == null ? List.of() : List.copyOf(enabled);
    }
}
