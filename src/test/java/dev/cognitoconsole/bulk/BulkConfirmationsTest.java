package dev.cognitoconsole.bulk;

import static dev.cognitoconsole.testing.Fixtures.POOL_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.model.UserAction;
import dev.cognitoconsole.writes.ChangeEffects;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkConfirmationsTest {

    private static DialogService.BulkAnswer answer(String reason, String typed) {
        return new DialogService.BulkAnswer(reason, typed, false);
    }

    private static List<String> names(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "u" + i).toList();
    }

    @Test
    void fiftyUsersNeedNoTypedCountAndADryRunNeverDoes() {
        assertThat(BulkConfirmations.countMustBeTyped(50)).isFalse();
        assertThat(BulkConfirmations.countMustBeTyped(51)).isTrue();
        assertThat(BulkConfirmations.problem(new DialogService.BulkAnswer("INC-1", null, false), 50)).isEmpty();
        assertThat(BulkConfirmations.problem(new DialogService.BulkAnswer("INC-1", null, true), 5000)).isEmpty();
        assertThat(BulkConfirmations.problem(new DialogService.BulkAnswer("INC-1", "5,000", false), 5000)).isEmpty();
        assertThat(BulkConfirmations.problem(new DialogService.BulkAnswer("INC-1", "500", false), 5000))
                .contains("Type the number of users, 5000, to confirm.");
    }

    @Test
    void onProductionEvenTwoUsersNeedTheCountTyped() {
        assertThat(BulkConfirmations.problem(answer("INC-1", null), 2, true))
                .contains("Type the number of users, 2, to confirm.");
        assertThat(BulkConfirmations.problem(answer("INC-1", "2"), 2, true)).isEmpty();
        assertThat(BulkConfirmations.problem(new DialogService.BulkAnswer("INC-1", null, true), 2, true)).isEmpty();
    }

    @Test
    void theTypedCountMayCarryTheLocalesSeparators() {
        assertThat(BulkConfirmations.typedCountMatches(" 1204 ", 1204)).isTrue();
        assertThat(BulkConfirmations.typedCountMatches("1,204", 1204)).isTrue();
        assertThat(BulkConfirmations.typedCountMatches("1 204", 1204)).isTrue();
        assertThat(BulkConfirmations.typedCountMatches("1.204", 1204)).isTrue();
        assertThat(BulkConfirmations.typedCountMatches("1\u202F204", 1204)).isTrue();
        assertThat(BulkConfirmations.typedCountMatches("1203", 1204)).isFalse();
        assertThat(BulkConfirmations.typedCountMatches(null, 1204)).isFalse();
    }

    @Test
    void aReasonMustBeReadableAndFitOnOneLine() {
        assertThat(BulkConfirmations.problem(answer(null, null), 1)).get().asString().contains("ticket id");
        assertThat(BulkConfirmations.problem(answer("   ", null), 1)).get().asString().contains("ticket id");
        assertThat(BulkConfirmations.problem(answer("x".repeat(BulkConfirmations.MAX_REASON_LENGTH + 1), null), 1))
                .contains("The reason has 501 characters; at most 500 fit.");
        assertThat(BulkConfirmations.problem(answer("x".repeat(BulkConfirmations.MAX_REASON_LENGTH), null), 1))
                .isEmpty();
        assertThat(BulkConfirmations.problem(answer("--- !", null), 1)).get().asString()
                .contains("at least one letter or digit");
        assertThat(BulkConfirmations.problem(answer("INC-1\tcompromised", null), 1)).get().asString()
                .contains("control character");
    }

    @Test
    void theConfirmationNamesCountPoolProfileRegionAndTheFirstTenNames() {
        DialogService.BulkConfirmation asked = BulkConfirmations.confirmationFor(UserAction.DISABLE, POOL_A, names(12),
                "12 selected rows", List.of(), null, false);

        assertThat(asked.title()).isEqualTo("Disable 12 users");
        assertThat(asked.header()).isEqualTo("Disable 12 users in customers  (eu-west-1_PoolA)?");
        assertThat(asked.facts()).extracting(DialogService.Fact::label, DialogService.Fact::value).containsExactly(
                tuple("Users", "12 users (12 selected rows)"),
                tuple("Pool", "customers  (eu-west-1_PoolA)"),
                tuple("Profile", "support"),
                tuple("Region", "eu-west-1"));
        assertThat(asked.sample()).containsExactlyElementsOf(names(BulkConfirmations.SAMPLE_SIZE));
        assertThat(asked.countToType()).isFalse();
        assertThat(asked.note()).startsWith(ChangeEffects.ofEach(UserAction.DISABLE))
                .contains("revokes each user's ID, access and refresh tokens", ChangeEffects.ISSUED_TOKENS);
        assertThat(asked.confirmLabel()).isEqualTo("Disable 12 users");
        assertThat(asked.dryRunLabel()).isEqualTo("Dry run: read 12 users");
        assertThat(asked.check().apply(answer("", null))).isPresent();
        assertThat(asked.check().apply(answer("INC-1", null))).isEmpty();
    }

    @Test
    void aRunForRealShowsWhatTheDryRunFoundAndProductionSaysSo() {
        String found = BulkConfirmations.dryRunFound(UserAction.ENABLE, 118, 2, 1);
        DialogService.BulkConfirmation asked = BulkConfirmations.confirmationFor(UserAction.ENABLE, POOL_A, names(1),
                null, List.of(), found, true);

        assertThat(found).isEqualTo("118 would change, 2 already enabled, 1 not found");
        assertThat(asked.title()).isEqualTo("Enable 1 user");
        assertThat(asked.facts()).extracting(DialogService.Fact::label, DialogService.Fact::value)
                .contains(tuple("Users", "1 user"), tuple("Dry run found", found));
        assertThat(asked.countToType()).isTrue();
        assertThat(asked.note()).startsWith("PRODUCTION: these are real users. Enabling lets each user sign in again.");
        assertThat(asked.check().apply(answer("INC-1", null))).contains("Type the number of users, 1, to confirm.");
    }

    @Test
    void aSignOutConfirmationSaysWhatSignOutDoesAndThatDisabledUsersAreSkipped() {
        DialogService.BulkConfirmation asked = BulkConfirmations.confirmationFor(UserAction.SIGN_OUT, POOL_A, names(3),
                "3 selected rows", List.of(), null, false);

        assertThat(asked.title()).isEqualTo("Sign out 3 users");
        assertThat(asked.confirmLabel()).isEqualTo("Sign out 3 users");
        assertThat(asked.note()).startsWith(ChangeEffects.ofEach(UserAction.SIGN_OUT))
                .contains("the account stays enabled", ChangeEffects.ISSUED_TOKENS,
                        "skipped when not found or disabled", "Cognito's answer").doesNotContain("already signed out");
        assertThat(BulkConfirmations.dryRunFound(UserAction.SIGN_OUT, 3, 2, 1)).isEqualTo("3 would be signed out, "
                + "2 disabled (nothing to revoke), 1 not found");
    }

    @Test
    void atMostFiveLinesLeftOutAreListed() throws Exception {
        UsernameImport.Result file = UsernameImport.parse("users.txt", "ann\n\n\n\n\n\n\n\n", false);

        DialogService.BulkConfirmation asked = BulkConfirmations.confirmationFor(UserAction.DISABLE, POOL_A,
                file.usernames(), file.source(), file.problems(), null, false);

        assertThat(file.problems()).hasSize(7);
        assertThat(asked.facts()).filteredOn(f -> f.label().equals("Left out, not sent")).singleElement()
                .extracting(DialogService.Fact::value).asString()
                .contains("Line 2: blank", "Line 6: blank", "… and 2 more").doesNotContain("Line 7");
    }

    @Test
    void closingDuringARunNamesTheUsersNotReached() {
        DialogService.Confirmation asked = BulkConfirmations.closeConfirmation(4, "Disabling 12 users", "customers");

        assertThat(asked.header()).contains("4 users not reached", "Close anyway?");
        assertThat(asked.facts()).extracting(DialogService.Fact::label, DialogService.Fact::value)
                .containsExactly(tuple("Run", "Disabling 12 users"), tuple("Where", "customers"));
        assertThat(asked.confirmLabel()).isEqualTo("Pause and close");
        assertThat(BulkConfirmations.users(1)).isEqualTo("1 user");
    }
}
