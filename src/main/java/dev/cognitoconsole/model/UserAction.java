package dev.cognitoconsole.model;

/** The write actions the console performs on a user. */
public enum UserAction {
    DISABLE("Disable", "Disabling", "disabled", "AdminDisableUser"),
    ENABLE("Enable", "Enabling", "enabled", "AdminEnableUser");

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

    /** Whether a user in this state is what the action leads to. */
    public boolean reached(boolean enabled) {
        return this == DISABLE ? !enabled : enabled;
    }
}
