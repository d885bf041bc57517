package dev.cognitoconsole.writes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.UserAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChangeEffectsTest {

    @ParameterizedTest
    @EnumSource(value = UserAction.class, names = {"DISABLE", "SIGN_OUT"})
    void disableAndSignOutSayWhichTokensAreRevokedAndWhichStayValidInTheSameWords(UserAction action) {
        assertThat(ChangeEffects.of(action)).contains("revokes the user's ID, access and refresh tokens")
                .endsWith(ChangeEffects.ISSUED_TOKENS);
        assertThat(ChangeEffects.ofEach(action)).contains("revokes each user's ID, access and refresh tokens")
                .endsWith(ChangeEffects.ISSUED_TOKENS);
        assertThat(ChangeEffects.ISSUED_TOKENS).contains("checked locally", "stay valid until they expire",
                "access and ID token lifetime");
    }

    @Test
    void signOutSaysTheAccountStaysEnabledAndEnableSaysNothingOfTokens() {
        assertThat(ChangeEffects.of(UserAction.SIGN_OUT)).contains("the account stays enabled");
        assertThat(ChangeEffects.of(UserAction.DISABLE)).startsWith("Disabling blocks the user's sign-in");
        assertThat(ChangeEffects.ofEach(UserAction.ENABLE)).isEqualTo("Enabling lets each user sign in again.");
    }
}
