package dev.cognitoconsole.model;

/** How a profile obtains its credentials, as far as the console needs to know. */
public enum ProfileKind {
    STATIC_KEYS,
    SSO,
    ASSUME_ROLE,
    /** A role whose profile names an {@code mfa_serial}: the operator types a code. */
    ASSUME_ROLE_MFA,
    CREDENTIAL_PROCESS,
    /** The AWS_ACCESS_KEY_ID (and related) environment variables, shown as a profile of their own. */
    ENVIRONMENT,
    OTHER
}
