package dev.cognitoconsole.model;

/** How a profile obtains its credentials, as far as the console needs to know. */
public enum ProfileKind {
    STATIC_KEYS,
    SSO,
    ASSUME_ROLE,
    CREDENTIAL_PROCESS,
    OTHER
}
