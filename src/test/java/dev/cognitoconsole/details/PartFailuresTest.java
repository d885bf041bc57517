package dev.cognitoconsole.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.ConsoleFailure;
import org.junit.jupiter.api.Test;

class PartFailuresTest {

    @Test
    void accessDeniedNamesThePermissionToGrant() {
        ConsoleFailure denied = new ConsoleFailure.AccessDenied("AdminListGroupsForUser", "AccessDeniedException",
                "not authorized", "req-1", null);

        assertThat(PartFailures.describe("Groups", denied)).isEqualTo("Groups not shown: your role lacks the "
                + "permission cognito-idp:AdminListGroupsForUser. (request id req-1)");
    }

    @Test
    void throttlingSaysWhatWasThrottledAndThatARetryLaterHelps() {
        ConsoleFailure throttled = new ConsoleFailure.TooManyRequests("AdminListUserAuthEvents", "Rate exceeded",
                null, null);

        assertThat(PartFailures.describe("Sign-in history", throttled)).isEqualTo("Sign-in history not shown: "
                + "Cognito throttled AdminListUserAuthEvents (the account's quota is in use). Retry in a few seconds.");
    }

    @Test
    void anythingElseGivesTheOperationAndCognitosMessage() {
        ConsoleFailure odd = new ConsoleFailure.Unknown("AdminGetUser", "SomethingNew", "Odd things", "req-2", null);

        assertThat(PartFailures.describe("MFA settings", odd))
                .isEqualTo("MFA settings not shown: AdminGetUser failed: Odd things (request id req-2)");
    }

    @Test
    void anEndpointWithoutTheOperationIsSaidCalmlyForCognitoAndForCognitoLocal() {
        ConsoleFailure unknown = new ConsoleFailure.Unknown("AdminListUserAuthEvents", "UnknownOperationException",
                null, "req-3", null);
        ConsoleFailure emulator = new ConsoleFailure.Unknown("AdminListUserAuthEvents", "Unsupported",
                "Cognito Local unsupported feature: Unsupported x-amz-target header", null, null);

        assertThat(PartFailures.describe("Sign-in history", unknown)).isEqualTo("Sign-in history not shown: this "
                + "endpoint does not offer AdminListUserAuthEvents (Cognito does; an emulator may not).");
        assertThat(PartFailures.describe("Sign-in history", emulator))
                .isEqualTo(PartFailures.describe("Sign-in history", unknown));
        assertThat(PartFailures.notOffered(emulator)).isTrue();
    }
}
