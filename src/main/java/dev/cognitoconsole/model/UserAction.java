package dev.cognitoconsole.model;

/** The write actions the console performs on a user. */
public enum UserAction {
    DISABLE("Disable", "Disabling", "disabled", "AdminDisableUser"),
    ENABLE("Enable", "Enabling", "enabled", "AdminEnableUser"),
    /** Revokes the user's tokens; it leaves no state that AdminGetUser could read back. */
    SIGN_OUT("Sign out", "Signing out", "signed out", "AdminUserGlobalSignOut");

    private final String label;
    private final String progressive;
    private final String pastTense;
    private final String apiName;

    UserAction(String label, String progressive, String pastTense, String apiName) {
        this.label = label;
        this.progressive = progressive;
        this.pastTense = pastTense;
        this.apiName = apiName;
    }

    public String label() {
        return label;
    }

    /** "Disabling", "Enabling": what is under way. */
    public String progressive() {
        return progressive;
    }

    public String pastTense() {
        return pastTense;
    }

    /** The Cognito API operation, as IAM and CloudTrail name it. */
    public String apiName() {
        return apiName;
    }

    /** The action that applies to a user in the given state. */
    public static UserAction toggling(boolean enabled) {
        return enabled ? DISABLE : ENABLE;
    }

    /** Whether the action sets the user's Enabled state, which AdminGetUser can read before and after. */
    public boolean setsEnabled() {
        return this != SIGN_OUT;
    }

    /**
     * Whether a user in this state needs no call for this action, the one rule every place that offers or runs it
     * asks: already disabled, already enabled, or, for a sign-out, disabled, since disabling revoked every token and
     * none is issued until the user is enabled again.
     */
    public boolean reached(boolean enabled) {
        return switch (this) {
            case DISABLE, SIGN_OUT -> !enabled;
            case ENABLE -> enabled;
        };
    }
}
