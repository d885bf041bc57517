package dev.cognitoconsole.details;

import static dev.cognitoconsole.testing.FakeUserDirectory.GET_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.LIST_AUTH_EVENTS;
import static dev.cognitoconsole.testing.FakeUserDirectory.LIST_GROUPS_FOR_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.user;
import static dev.cognitoconsole.testing.Fixtures.POOL_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.AuthEvent;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.MfaSettings;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserGroup;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.ManualScheduler;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class UserDetailsViewModelTest {
    private static final String POOL = POOL_A.poolId();

    private final FakeUserDirectory directory = new FakeUserDirectory();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final ManualScheduler time = new ManualScheduler();
    private final SimpleBooleanProperty writesOff = new SimpleBooleanProperty();
    private final List<PoolUser> signedOut = new ArrayList<>();
    private final WriteSafety readOnly = new WriteSafety() {
        @Override
        public Optional<String> writesBlocked() {
            return Optional.of("Read-only mode is on.");
        }

        @Override
        public boolean isProduction(dev.cognitoconsole.model.Connection connection) {
            return false;
        }
    };

    private UserDetailsViewModel vm = viewModel(executor, signedOut::add);

    private UserDetailsViewModel viewModel(TaskExecutor tasks, Consumer<PoolUser> signOut) {
        return new UserDetailsViewModel(directory, tasks, time, readOnly, writesOff, signOut,
                new UserFacts(ZoneOffset.UTC));
    }

    private PoolUser added(PoolUser user) {
        directory.addUsers(POOL, user);
        return user;
    }

    private static AuthEvent event(String id, String when, String response) {
        return new AuthEvent(id, Instant.parse(when), "SignIn", response, "Low", "203.0.113.9", "Firefox",
                "Lyon", "France");
    }

    @Test
    void theRowsFactsShowAtOnceWithCustomAttributesAndNoCall() {
        PoolUser ann = new PoolUser("ann", "sub-ann", "ann@example.com", true, "CONFIRMED",
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"),
                Map.of("email", "ann@example.com", "email_verified", "true", "phone_number", "+33612345678",
                        "custom:tenant", "acme"));
        directory.addUsers(POOL, ann);

        vm.show(POOL_A, ann);

        assertThat(vm.facts()).extracting(UserFacts.Fact::name, UserFacts.Fact::value).contains(
                org.assertj.core.groups.Tuple.tuple("Username", "ann"),
                org.assertj.core.groups.Tuple.tuple("sub", "sub-ann"),
                org.assertj.core.groups.Tuple.tuple("Email verified", "Yes"),
                org.assertj.core.groups.Tuple.tuple("Phone", "+33612345678"),
                org.assertj.core.groups.Tuple.tuple("Phone verified", "No"),
                org.assertj.core.groups.Tuple.tuple("Created", "2024-01-01 00:00:00 +00:00"),
                org.assertj.core.groups.Tuple.tuple("custom:tenant", "acme"));
        assertThat(directory.calls()).isEmpty();
    }

    @Test
    void movingThroughRowsMakesNoCallUntilTheSelectionRestsThenOnlyForTheLastRow() {
        List<PoolUser> users = FakeUserDirectory.users("u", 20);
        directory.addUsers(POOL, users);

        users.forEach(u -> vm.show(POOL_A, u));

        assertThat(directory.calls()).isEmpty();
        assertThat(time.waiting()).as("only the last row's rest is pending").isEqualTo(1);
        time.elapse();
        assertThat(directory.calls()).extracting(FakeUserDirectory.Call::operation, FakeUserDirectory.Call::argument)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(LIST_GROUPS_FOR_USER, "u0020"),
                        org.assertj.core.groups.Tuple.tuple(LIST_AUTH_EVENTS, "u0020"));
        assertThat(time.delays()).allMatch(UserDetailsViewModel.REST::equals);
    }

    @Test
    void everyPageOfGroupsIsReadAndListedByPrecedence() {
        PoolUser ann = added(user("ann", true));
        directory.detailsPageSize(2).addGroups(POOL, "ann", new UserGroup("staff", "Everyone", 10),
                new UserGroup("admins", "Full access", 1), new UserGroup("beta", null, null),
                new UserGroup("support", "Desk", 5), new UserGroup("eu", "Europe", 7));

        vm.show(POOL_A, ann);
        time.elapse();

        assertThat(directory.calls(LIST_GROUPS_FOR_USER)).hasSize(3);
        assertThat(vm.groups()).extracting(UserGroup::name)
                .containsExactly("admins", "support", "eu", "staff", "beta");
        assertThat(vm.groupsNoteProperty().get()).isNull();
    }

    @Test
    void anAnswerForAUserNoLongerShownIsDroppedEvenWhenItsJobRunsToTheEnd() {
        // Jobs that ignore cancel: only the pane's own count of users shown keeps the late answer out.
        CurrentThreadTaskExecutor held = new CurrentThreadTaskExecutor().holdWork().ignoringCancel();
        vm = viewModel(held, signedOut::add);
        PoolUser ann = added(user("ann", true));
        PoolUser bob = added(user("bob", true));
        directory.addGroups(POOL, "ann", new UserGroup("ann-only", null, 1));
        directory.addAuthEvents(POOL, "ann", event("e1", "2024-03-01T10:00:00Z", "Pass"));

        vm.show(POOL_A, ann);
        time.elapse();
        vm.show(POOL_A, bob);
        held.runAll();

        assertThat(directory.calls(LIST_GROUPS_FOR_USER)).hasSize(1);
        assertThat(vm.groups()).isEmpty();
        assertThat(vm.signIns()).isEmpty();
        assertThat(vm.groupsNoteProperty().get()).isEqualTo("Loading groups…");
        assertThat(vm.userProperty().get()).isEqualTo(bob);
    }

    @Test
    void theSameUserShownAgainRefreshesItsFactsWithoutReadingAgain() {
        PoolUser ann = added(user("ann", true));
        vm.show(POOL_A, ann);
        time.elapse();
        directory.forgetCalls();

        PoolUser disabled = user("ann", false);
        vm.show(POOL_A, disabled);
        time.elapse();

        assertThat(directory.calls()).isEmpty();
        assertThat(vm.facts()).contains(new UserFacts.Fact(UserFacts.STATE, "Enabled", "No (disabled)"));
    }

    @Test
    void mfaIsReadOnlyWhenAskedWithOneAdminGetUserAndThePaneSaysWhy() {
        PoolUser ann = added(user("ann", true));
        directory.setMfa(POOL, "ann", new MfaSettings(List.of("SOFTWARE_TOKEN_MFA", "SMS_MFA"), "SOFTWARE_TOKEN_MFA"));

        vm.show(POOL_A, ann);
        time.elapse();
        assertThat(directory.calls(GET_USER)).isEmpty();
        assertThat(vm.mfaNoteProperty().get()).contains("monthly-active-user bill");

        vm.showMfa();
        vm.showMfa();

        assertThat(directory.calls(GET_USER)).hasSize(1);
        assertThat(vm.mfaNoteProperty().get())
                .isEqualTo("MFA turned on: authenticator app (TOTP), SMS; preferred: authenticator app (TOTP).");
        assertThat(vm.mfaAskableProperty().get()).isFalse();
    }

    @Test
    void signInsArePagedOnDemandNewestFirst() {
        PoolUser ann = added(user("ann", true));
        directory.detailsPageSize(2).addAuthEvents(POOL, "ann", event("e3", "2024-03-03T10:00:00Z", "Pass"),
                event("e2", "2024-03-02T10:00:00Z", "Fail"), event("e1", "2024-03-01T10:00:00Z", "Pass"));

        vm.show(POOL_A, ann);
        time.elapse();
        assertThat(vm.signIns()).extracting(AuthEvent::id).containsExactly("e3", "e2");
        assertThat(directory.calls(LIST_AUTH_EVENTS)).hasSize(1);
        assertThat(vm.moreSignInsProperty().get()).isTrue();

        vm.loadMoreSignIns();

        assertThat(vm.signIns()).extracting(AuthEvent::id).containsExactly("e3", "e2", "e1");
        assertThat(directory.calls(LIST_AUTH_EVENTS)).hasSize(2);
        assertThat(vm.moreSignInsProperty().get()).isFalse();
    }

    @Test
    void aPoolWithoutThreatProtectionGetsOneCalmLineAndNoRetry() {
        PoolUser ann = added(user("ann", true));
        directory.signInsNotKept();

        vm.show(POOL_A, ann);
        time.elapse();

        assertThat(vm.signInsNoteProperty().get()).isEqualTo(UserDetailsViewModel.NO_HISTORY);
        assertThat(vm.retryableProperty().get()).isFalse();
        assertThat(vm.moreSignInsProperty().get()).isFalse();
        assertThat(directory.calls(LIST_AUTH_EVENTS)).hasSize(1);
    }

    @Test
    void accessDeniedOnTheSignInsNamesThePermissionAndTheGroupsStillShow() {
        PoolUser ann = added(user("ann", true));
        directory.addGroups(POOL, "ann", new UserGroup("staff", "Everyone", 1));
        directory.failNext(LIST_AUTH_EVENTS, new ConsoleFailure.AccessDenied(LIST_AUTH_EVENTS,
                "AccessDeniedException", "not authorized", "req-denied", null));

        vm.show(POOL_A, ann);
        time.elapse();

        assertThat(vm.signInsNoteProperty().get()).contains("cognito-idp:AdminListUserAuthEvents")
                .contains("req-denied");
        assertThat(vm.groups()).extracting(UserGroup::name).containsExactly("staff");
        assertThat(vm.retryableProperty().get()).isTrue();

        vm.retry();

        assertThat(directory.calls(LIST_GROUPS_FOR_USER)).as("what did not fail is not read again").hasSize(1);
        assertThat(vm.signInsNoteProperty().get()).isEqualTo("No sign-ins recorded.");
    }

    @Test
    void aPoolWithoutThreatProtectionIsAskedOnceForAllItsUsers() {
        PoolUser ann = added(user("ann", true));
        PoolUser bob = added(user("bob", true));
        directory.signInsNotKept();

        vm.show(POOL_A, ann);
        time.elapse();
        vm.show(POOL_A, bob);
        time.elapse();

        assertThat(directory.calls(LIST_AUTH_EVENTS)).hasSize(1);
        assertThat(vm.signInsNoteProperty().get()).isEqualTo(UserDetailsViewModel.NO_HISTORY);
        assertThat(directory.calls(LIST_GROUPS_FOR_USER)).hasSize(2);
    }

    @Test
    void aReadIamRefusedInAPoolIsNotAskedForItsNextUserUntilRetry() {
        PoolUser ann = added(user("ann", true));
        PoolUser bob = added(user("bob", true));
        directory.failNext(LIST_GROUPS_FOR_USER, new ConsoleFailure.AccessDenied(LIST_GROUPS_FOR_USER,
                "AccessDeniedException", "not authorized", "req-denied", null));

        vm.show(POOL_A, ann);
        time.elapse();
        vm.show(POOL_A, bob);
        time.elapse();

        assertThat(directory.calls(LIST_GROUPS_FOR_USER)).hasSize(1);
        assertThat(vm.groupsNoteProperty().get()).contains("cognito-idp:AdminListGroupsForUser");
        assertThat(directory.calls(LIST_AUTH_EVENTS)).as("the other read goes on").hasSize(2);

        vm.retry();

        assertThat(directory.calls(LIST_GROUPS_FOR_USER)).hasSize(2);
        assertThat(vm.groupsNoteProperty().get()).isEqualTo("In no group.");
    }

    @Test
    void signOutIsOffForADisabledUserWithTheReasonAndInReadOnlyModeByTheSafetyRule() {
        PoolUser off = added(user("off", false));
        PoolUser ann = added(user("ann", true));

        vm.show(POOL_A, off);
        assertThat(vm.signOutBlockedProperty().get()).isEqualTo(SignOutRule.DISABLED);
        vm.signOutEverywhere();
        assertThat(signedOut).isEmpty();

        vm.show(POOL_A, ann);
        writesOff.set(true);
        assertThat(vm.signOutBlockedProperty().get()).isEqualTo("Read-only mode is on.");
        vm.signOutEverywhere();
        assertThat(signedOut).isEmpty();

        writesOff.set(false);
        assertThat(vm.signOutBlockedProperty().get()).isNull();
        vm.signOutEverywhere();
        assertThat(signedOut).containsExactly(ann);
    }

    @Test
    void withoutASignOutActionThePaneOffersNone() {
        assertThat(viewModel(executor, null).signOutOffered()).isFalse();
        assertThat(vm.signOutOffered()).isTrue();
    }

    @Test
    void nobodySelectedClearsThePaneAndCallsNothing() {
        PoolUser ann = added(user("ann", true));
        vm.show(POOL_A, ann);
        vm.show((PoolSelection) null, null);
        time.elapse();

        assertThat(vm.facts()).isEmpty();
        assertThat(vm.groupsNoteProperty().get()).isNull();
        assertThat(directory.calls()).isEmpty();
    }
}
