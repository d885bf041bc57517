package dev.cognitoconsole.model;

/** How a profile obtains its credentials, as far as the console needs to know. */
public enum ProfileKind {
    STATIC_KEYS,
    SSO,
    ASSUME_ROLE,
    /** A role whose profile names an {@code mfa_serial}: the operator types a code. */
    ASSUME_ROLE_MFA,
    CREDENTIAL_PROCESS,
    /** A role assumed with the token in a {@code web_identity_token_file} (EKS, CI systems). */
    WEB_IDENTITY,
    /** The AWS CLI's console sign-in ({@code aws login}), named by {@code login_session}. */
    LOGIN_SESSION,
    /** The AWS_ACCESS_KEY_ID (and related) environment variables, shown as a profile of their own. */
    ENVIRONMENT,
    OTHER
}
