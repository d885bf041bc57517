package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.audit.AuditEntry;
import dev.cognitoconsole.audit.AuditLog;
import dev.cognitoconsole.banner.BannerViewModel;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.model.Connection;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.AwsFiles;
import dev.cognitoconsole.testing.Canaries;
import dev.cognitoconsole.testing.CognitoStub;
import dev.cognitoconsole.testing.CognitoStubExtension;
import dev.cognitoconsole.testing.CuttableProxy;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.MutableClock;
import dev.cognitoconsole.testing.StatefulCognito;
import dev.cognitoconsole.testing.StatefulCognito.Fault;
import dev.cognitoconsole.testing.StatefulCognito.FaultPlan;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults on the wire, over real HTTP through the real SDK client, {@link SdkUserDirectory} and the real
 * {@link UsersViewModel} (run on the test thread), against a {@link StatefulCognito} that keeps each user's state:
 * a listing ends with every user exactly once, or with a banner that keeps the rows loaded and whose action
 * resumes; a write ends confirmed by AdminGetUser, or failed and audited as failed (or as unknown when the server
 * may have applied it), never shown as done when it was not and never applied twice.
 */
class FaultSuiteIT {
    private static final String POOL = "us-east-1_FaultSuite";
    private static final int USERS = 300;
    private static final int PAGE = 60;
    private static final String DISABLE = "AdminDisableUser";
    private static final String LIST = "ListUsers";
    private static final long SEED = 20261125L;
    /** Limits of one attempt: {@link #PATIENT} for every test, {@link #IMPATIENT} where an answer is meant to be late. */
    private static final Duration PATIENT = Duration.ofSeconds(10);
    private static final Duration IMPATIENT = Duration.ofSeconds(2);
    /** How late a {@link Fault#SLOW} answer comes: well past {@link #IMPATIENT}. */
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(5);
    private static final List<CognitoStub.User> ALL = CognitoStub.users("fault", USERS);

    @RegisterExtension
    static final CognitoStubExtension<StatefulCognito> cognito = CognitoStubExtension.statefulCognito();

    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void freshPool() {
        cognito.stub().pool(POOL, "Faults", ALL).faults(FaultPlan.NONE).onArrival((op, n, body) -> { })
                .slowDelay(SLOW_ANSWER);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    // Listing

    /** One kind of fault on ListUsers, and the banner it may raise. */
    enum ListingFault {
        THROTTLE_50_PERCENT(FaultPlan.seeded(SEED, 0.5, List.of(LIST), List.of(Fault.THROTTLE)), 1,
                "TooManyRequestsException"),
        THROTTLE_90_PERCENT(FaultPlan.seeded(SEED, 0.9, List.of(LIST), List.of(Fault.THROTTLE)), 1,
                "TooManyRequestsException"),
        SLOWER_THAN_THE_ATTEMPT_TIMEOUT(FaultPlan.at(LIST, Fault.SLOW, 2, 3), 2, "NetworkUnreachable"),
        HTTP_500_40_PERCENT(FaultPlan.seeded(SEED, 0.4, List.of(LIST), List.of(Fault.INTERNAL_ERROR)), 2,
                "InternalErrorException"),
        HTTP_502(FaultPlan.at(LIST, Fault.HTTP_502, 2, 3), 2, "HTTP 502"),
        HTTP_503(FaultPlan.at(LIST, Fault.HTTP_503, 2, 3), 2, "HTTP 503"),
        CONNECTION_RESET_MID_BODY(FaultPlan.at(LIST, Fault.RESET, 2, 3), 2, "NetworkUnreachable"),
        MALFORMED_CHUNK(FaultPlan.at(LIST, Fault.MALFORMED_CHUNK, 2, 3), 2, "NetworkUnreachable"),
        RANDOM_DATA_THEN_CLOSE(FaultPlan.at(LIST, Fault.RANDOM_DATA, 2, 3), 2, "NetworkUnreachable"),
        EMPTY_RESPONSE(FaultPlan.at(LIST, Fault.EMPTY_RESPONSE, 2, 3), 2, "NetworkUnreachable"),
        TRUNCATED_JSON(FaultPlan.at(LIST, Fault.TRUNCATED_JSON, 2, 3), 2, "Unknown"),
        MALFORMED_JSON(FaultPlan.at(LIST, Fault.MALFORMED_JSON, 2, 3), 2, "Unknown"),
        UNKNOWN_ERROR_TYPE(FaultPlan.at(LIST, Fault.UNKNOWN_TYPE, 2, 3), 2, "FrobnicationException"),
        EMPTY_200_BODY(FaultPlan.at(LIST, Fault.EMPTY_200, 2, 3), 2, "Unknown");

        final FaultPlan plan;
        final int maxAttempts;
        final String bannerCode;

        ListingFault(FaultPlan plan, int maxAttempts, String bannerCode) {
            this.plan = plan;
            this.maxAttempts = maxAttempts;
            this.bannerCode = bannerCode;
        }

        /**
         * Whether the run must meet a banner: the cases that fault requests 2 and 3 fault both SDK attempts at page 2,
         * so the fault surfaces; whether a seeded storm beats every retry of some page depends on the seed.
         */
        boolean mustSurface() {
            return !name().endsWith("PERCENT");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ListingFault.class)
    void aListingEndsWithEveryUserOnceOrABannerThatKeepsTheRowsAndResumes(ListingFault fault) {
        cognito.stub().faults(fault.plan);
        Rig rig = rig(ItFixtures.catalog(dir, cognito.stub().endpoint()), fault.maxAttempts,
                fault == ListingFault.SLOWER_THAN_THE_ATTEMPT_TIMEOUT ? IMPATIENT : PATIENT);

        List<Notice> banners = listToTheEnd(rig, 200);

        assertThat(banners).as("banners met").allSatisfy(n -> assertThat(n.code()).isEqualTo(fault.bannerCode));
        if (fault.mustSurface()) {
            assertThat(banners).as("a fault on every attempt of one page reaches the operator").isNotEmpty();
        }
        assertThat(cognito.stub().faultsInAll()).as("faults injected").isPositive();
    }

    @Test
    void thePoolDeletedMidScanSaysSoKeepsTheRowsAndReloadSaysItAgain() {
        cognito.stub().onArrival((op, n, body) -> {
            if (op.equals(LIST) && n == 3) {
                cognito.stub().deletePool(POOL);
            }
        });
        Rig rig = rig(cognito.stub().endpoint(), 2);

        rig.users.show(rig.selection());

        Notice notice = rig.banner.getNotice();
        assertThat(notice.code()).isEqualTo("ResourceNotFoundException");
        assertThat(notice.title()).isEqualTo("Loading users (120 loaded) failed — User pool not found");
        assertThat(notice.message()).contains(POOL, ItFixtures.REGION, ItFixtures.PROFILE);
        assertClean(notice);
        assertThat(rig.names()).as("the rows loaded stay").containsExactlyElementsOf(usernames(0, 2 * PAGE));
        assertThat(rig.users.loadingProperty().get()).isFalse();

        rig.banner.perform(action(notice, "Reload"));

        assertThat(rig.banner.getNotice().code()).as("the pool is still gone").isEqualTo("ResourceNotFoundException");
        assertThat(rig.names()).as("nothing lost, nothing doubled").containsExactlyElementsOf(usernames(0, 2 * PAGE));
        assertThat(rig.users.loadingProperty().get()).isFalse();

        rig.users.refresh();

        assertThat(rig.banner.getNotice().code()).isEqualTo("ResourceNotFoundException");
        assertThat(rig.banner.getNotice().title()).isEqualTo("Loading users failed — User pool not found");
        assertThat(rig.names()).isEmpty();
    }

    @Test
    void credentialsThatExpireMidScanAskForRenewalAndRetryResumesAfterTheRowsKept() {
        AtomicBoolean renewed = new AtomicBoolean();
        cognito.stub().faults((op, n, body) -> op.equals(LIST) && n >= 3 && !renewed.get() ? Fault.EXPIRED_TOKEN : null);
        Rig rig = rig(cognito.stub().endpoint(), 2);

        rig.users.show(rig.selection());

        Notice notice = rig.banner.getNotice();
        assertThat(notice.code()).isEqualTo("CredentialsUnavailable");
        assertThat(notice.advice()).contains("Renew the credentials of profile " + ItFixtures.PROFILE);
        assertClean(notice);
        assertThat(rig.names()).containsExactlyElementsOf(usernames(0, 2 * PAGE));
        assertThat(cognito.stub().requests(LIST)).as("an expired token is not retried").isEqualTo(3);

        renewed.set(true);
        rig.banner.perform(action(notice, "Retry"));

        assertThat(rig.banner.getNotice()).isNull();
        assertThat(rig.names()).containsExactlyElementsOf(usernames(0, USERS));
    }

    /**
     * Credentials a credential_process gave, still good by their stated expiry, that Cognito refuses mid-scan (revoked
     * early): the Retry must run the process again for fresh ones, not present the refused ones until they expire.
     */
    @Test
    void credentialsRefusedByAwsBeforeTheirExpiryAreFetchedAfreshOnRetry() throws IOException {
        Path runs = dir.resolve("process-runs.txt");
        Path script = dir.resolve("credentials.sh");
        Files.writeString(script, "#!/bin/sh\necho run >> '" + runs + "'\necho '{\"Version\": 1, \"AccessKeyId\": \""
                + Canaries.ACCESS_KEY_ID + "\", \"SecretAccessKey\": \"" + Canaries.SECRET_ACCESS_KEY
                + "\", \"SessionToken\": \"" + Canaries.SESSION_TOKEN + "\", \"Expiration\": \""
                + Instant.now().plusSeconds(3600) + "\"}'\n");
        ProfileCatalog catalog = AwsFiles.catalog(dir, "[profile " + ItFixtures.PROFILE + "]\nregion = "
                + ItFixtures.REGION + "\nendpoint_url = " + cognito.stub().endpoint() + "\ncredential_process = /bin/sh "
                + script + "\n", ItFixtures.PROFILE);
        AtomicBoolean renewed = new AtomicBoolean();
        cognito.stub().faults((op, n, body) -> op.equals(LIST) && n >= 3 && !renewed.get() ? Fault.EXPIRED_TOKEN : null);
        Rig rig = rig(catalog, 2);

        rig.users.show(rig.selection());

        Notice notice = rig.banner.getNotice();
        assertThat(notice.code()).as(notice.message()).isEqualTo("CredentialsUnavailable");
        assertThat(rig.names()).containsExactlyElementsOf(usernames(0, 2 * PAGE));
        assertThat(Files.readAllLines(runs)).as("one run gave the credentials used so far").hasSize(1);

        renewed.set(true);
        rig.banner.perform(action(notice, "Retry"));

        assertThat(rig.banner.getNotice()).isNull();
        assertThat(rig.names()).containsExactlyElementsOf(usernames(0, USERS));
        assertThat(Files.readAllLines(runs)).as("the refused credentials were dropped and fetched afresh").hasSize(2);
    }

    /**
     * The SDK's own credential failure (no answer from Cognito involved): a credential_process that fails, as a
     * credentials tool with an expired session does. Mid-scan it cannot be forced without waiting for real expiry
     * (the SDK keeps, and even extends, credentials it already holds), so it fails from the first call here.
     */
    @Test
    void credentialsTheSdkCannotGetAskForRenewalAndRetryListsEveryoneAfterwards() throws IOException {
        Path credentials = dir.resolve("process-credentials.json");
        Path script = dir.resolve("credentials.sh");
        Files.writeString(script, "#!/bin/sh\nif [ -f '" + credentials + "' ]; then cat '" + credentials
                + "'; else echo 'The session token has expired' >&2; exit 1; fi\n");
        ProfileCatalog catalog = AwsFiles.catalog(dir, "[profile " + ItFixtures.PROFILE + "]\nregion = "
                + ItFixtures.REGION + "\nendpoint_url = " + cognito.stub().endpoint() + "\ncredential_process = /bin/sh "
                + script + "\n", ItFixtures.PROFILE);
        Rig rig = rig(catalog, 2);

        rig.users.show(rig.selection());

        Notice notice = rig.banner.getNotice();
        assertThat(notice).as("a banner").isNotNull();
        assertThat(notice.code()).as(notice.message()).isEqualTo("CredentialsUnavailable");
        assertThat(notice.advice()).as("the fix names the profile's own credential source")
                .contains("credential_process of profile " + ItFixtures.PROFILE);
        assertClean(notice);
        assertThat(cognito.stub().requests(LIST)).as("nothing went out unsigned").isZero();

        Files.writeString(credentials, "{\"Version\": 1, \"AccessKeyId\": \"" + Canaries.ACCESS_KEY_ID
                + "\", \"SecretAccessKey\": \"" + Canaries.SECRET_ACCESS_KEY + "\", \"SessionToken\": \""
                + Canaries.SESSION_TOKEN + "\", \"Expiration\": \"" + Instant.now().plusSeconds(3600) + "\"}");
        rig.banner.perform(action(notice, "Retry"));

        assertThat(rig.banner.getNotice()).isNull();
        assertThat(rig.names()).containsExactlyElementsOf(usernames(0, USERS));
    }

    @Test
    void theNetworkDropsMidScanAndComesBackAndRetryResumesAfterTheRowsKept() {
        CuttableProxy proxy = proxyCutOn(LIST, 3);
        Rig rig = rig(proxy.endpoint(), 2);

        rig.users.show(rig.selection());

        Notice notice = rig.banner.getNotice();
        assertThat(notice.code()).isEqualTo("NetworkUnreachable");
        assertThat(notice.message()).contains(proxy.endpoint().toString());
        assertClean(notice);
        assertThat(rig.names()).containsExactlyElementsOf(usernames(0, 2 * PAGE));
        assertThat(rig.users.canContinueProperty().get()).isTrue();

        proxy.restore();
        rig.banner.perform(action(notice, "Retry"));

        assertThat(rig.banner.getNotice()).isNull();
        assertThat(rig.names()).containsExactlyElementsOf(usernames(0, USERS));
    }

    // Writes

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = {"USER_NOT_FOUND", "RESOURCE_NOT_FOUND"})
    void aWriteMetByAFaultEndsConfirmedOrFailedAndAuditedOnceAndIsNeverAppliedTwice(Fault fault) {
        cognito.stub().faults(FaultPlan.at(DISABLE, fault, 1));
        Rig rig = rig(ItFixtures.catalog(dir, cognito.stub().endpoint()), 2, fault == Fault.SLOW ? IMPATIENT : PATIENT);
        listToTheEnd(rig, 20);
        UserRow row = rig.row("fault-001");

        rig.users.toggle(row);

        checkWrite(rig, row, 1);
        recover(rig, row);
    }

    @Test
    void aWriteAppliedThenThrottledOnTheSdksRetryIsNotReportedAsUnchanged() {
        cognito.stub().faults((op, n, body) -> !op.equals(DISABLE) ? null : n == 1 ? Fault.RESET : Fault.THROTTLE);
        Rig rig = shown(cognito.stub().endpoint(), 2);
        UserRow row = rig.row("fault-001");

        rig.users.toggle(row);

        assertThat(cognito.stub().requests(DISABLE)).isEqualTo(2);
        assertThat(cognito.stub().enabled(POOL, "fault-001")).as("the first attempt was applied").isFalse();
        checkWrite(rig, row, 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"EMPTY_200", "TRUNCATED_JSON", "RESET", "THROTTLE"})
    void aReadBackMetByAFaultIsNeverTakenForTheUsersState(Fault fault) {
        cognito.stub().faults((op, n, body) -> op.equals("AdminGetUser") ? fault : null);
        Rig rig = shown(cognito.stub().endpoint(), 2);
        UserRow row = rig.row("fault-004");

        rig.users.toggle(row);

        Notice notice = rig.banner.getNotice();
        assertThat(notice.code()).isEqualTo("ReadBackFailed");
        assertClean(notice);
        assertThat(row.getUser().username()).as("the row keeps its user").isEqualTo("fault-004");
        assertThat(row.getUser().email()).isEqualTo("fault-004@example.com");
        assertThat(outcomesOf(rig, "fault-004")).containsExactly(AuditEntry.Outcome.DONE);
        assertThat(cognito.stub().enabled(POOL, "fault-004")).isFalse();

        cognito.stub().faults(FaultPlan.NONE);
        rig.banner.perform(action(notice, "Refresh"));

        assertThat(rig.row("fault-004").getUser().enabled()).isFalse();
        assertThat(cognito.stub().changes(POOL, "fault-004")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}% of AdminDisableUser throttled")
    @org.junit.jupiter.params.provider.ValueSource(ints = {50, 90})
    void aThrottlingStormOnWritesEndsWithEachUserChangedOnceAndEveryTryAudited(int percent) {
        cognito.stub().faults(FaultPlan.seeded(SEED, percent / 100.0, List.of(DISABLE), List.of(Fault.THROTTLE)));
        Rig rig = shown(cognito.stub().endpoint(), 1);
        List<String> targets = usernames(0, 5);
        int tries = 0;

        for (String who : targets) {
            UserRow row = rig.row(who);
            rig.users.toggle(row);
            int triesOfUser = 1;
            checkWrite(rig, row, triesOfUser);
            while (rig.banner.getNotice() != null) {
                Notice notice = rig.banner.getNotice();
                assertThat(notice.code()).isEqualTo("TooManyRequestsException");
                assertThat(notice.advice()).startsWith(who + " was not changed.");
                rig.banner.perform(action(notice, "Retry"));
                triesOfUser++;
                checkWrite(rig, row, triesOfUser);
                assertThat(triesOfUser).as("tries").isLessThan(100);
            }
            assertThat(row.getUser().enabled()).isFalse();
            tries += triesOfUser;
        }

        assertThat(cognito.stub().requests(DISABLE)).as("one request per try: nothing retried behind the operator's back")
                .isEqualTo(tries);
        Map<AuditEntry.Outcome, Long> outcomes = rig.audit().stream().filter(e -> e.phase() == AuditEntry.Phase.OUTCOME)
                .collect(Collectors.groupingBy(AuditEntry::outcome, Collectors.counting()));
        assertThat(outcomes.get(AuditEntry.Outcome.DONE)).isEqualTo(targets.size());
        assertThat(outcomes.getOrDefault(AuditEntry.Outcome.FAILED, 0L)).isEqualTo(tries - targets.size());
        assertThat(cognito.stub().faultsInjected().getOrDefault(Fault.THROTTLE, 0L)).isEqualTo(tries - targets.size());
        targets.forEach(who -> assertThat(cognito.stub().changes(POOL, who)).as(who + " changed").isEqualTo(1));
    }

    @Test
    void aUserDeletedBeforeTheWriteIsExplainedAuditedAsFailedAndRefreshDropsTheRow() {
        Rig rig = shown(cognito.stub().endpoint(), 2);
        UserRow row = rig.row("fault-002");
        cognito.stub().deleteUser(POOL, "fault-002");

        rig.users.toggle(row);

        Notice notice = rig.banner.getNotice();
        assertThat(notice.code()).isEqualTo("UserNotFoundException");
        assertThat(notice.advice()).startsWith("fault-002 was not changed.");
        assertClean(notice);
        assertThat(cognito.stub().requests(DISABLE)).isEqualTo(1);
        assertThat(outcomesOf(rig, "fault-002")).containsExactly(AuditEntry.Outcome.FAILED);
        assertThat(row.getUser().enabled()).isTrue();
        assertThat(row.isBusy()).isFalse();

        rig.banner.perform(action(notice, "Refresh"));

        assertThat(rig.banner.getNotice()).isNull();
        assertThat(rig.names()).hasSize(USERS - 1).doesNotContain("fault-002");
    }

    @Test
    void theNetworkDropsDuringAWriteTheOutcomeIsUnknownAndRetryAfterItComesBackConfirmsOneChange() {
        CuttableProxy proxy = proxyCutOn(DISABLE, 1);
        Rig rig = shown(proxy.endpoint(), 2);
        UserRow row = rig.row("fault-003");

        rig.users.toggle(row);

        Notice notice = rig.banner.getNotice();
        assertThat(notice.code()).isEqualTo("NetworkUnreachable");
        assertThat(notice.advice()).startsWith("Whether fault-003 was changed is not known");
        assertThat(outcomesOf(rig, "fault-003")).containsExactly(AuditEntry.Outcome.UNKNOWN);
        assertThat(row.getUser().enabled()).as("not shown as done").isTrue();
        assertThat(cognito.stub().enabled(POOL, "fault-003")).as("the server applied it; the answer was lost").isFalse();

        proxy.restore();
        rig.banner.perform(action(notice, "Retry"));

        assertThat(rig.banner.getNotice()).isNull();
        assertThat(row.getUser().enabled()).isFalse();
        assertThat(rig.users.lastChangeProperty().get()).contains("fault-003 disabled").contains("confirmed");
        assertThat(cognito.stub().changes(POOL, "fault-003")).isEqualTo(1);
        assertThat(outcomesOf(rig, "fault-003")).containsExactly(AuditEntry.Outcome.UNKNOWN, AuditEntry.Outcome.DONE);
    }

    // Checks

    /**
     * After the {@code tries}-th try on {@code row}'s user: one audit attempt and one outcome per try, an outcome
     * that matches the server, a row that shows done only what the server holds, a banner unless confirmed.
     */
    private void checkWrite(Rig rig, UserRow row, int tries) {
        String who = row.getUser().username();
        List<AuditEntry> entries = rig.audit().stream().filter(e -> who.equals(e.username())).toList();
        List<AuditEntry> attempts = entries.stream().filter(e -> e.phase() == AuditEntry.Phase.ATTEMPT).toList();
        List<AuditEntry> outcomes = entries.stream().filter(e -> e.phase() == AuditEntry.Phase.OUTCOME).toList();
        assertThat(attempts).as("audit attempts of " + who).hasSize(tries);
        assertThat(outcomes).as("audit outcomes of " + who).hasSize(tries);
        assertThat(outcomes.stream().map(AuditEntry::operationId).toList())
                .containsExactlyElementsOf(attempts.stream().map(AuditEntry::operationId).toList());
        AuditEntry last = outcomes.get(outcomes.size() - 1);
        boolean serverDisabled = !cognito.stub().enabled(POOL, who);
        switch (last.outcome()) {
            case DONE -> assertThat(serverDisabled).as("audited DONE, so the server holds it").isTrue();
            case FAILED -> assertThat(cognito.stub().changes(POOL, who)).as("audited FAILED: " + last.detail()
                    + ", so the server never changed").isZero();
            case UNKNOWN -> assertThat(rig.banner.getNotice().advice()).contains("is not known");
            default -> throw new AssertionError(last);
        }
        if (!row.getUser().enabled()) {
            assertThat(serverDisabled).as("shown disabled, so it is").isTrue();
        }
        assertThat(row.isBusy()).isFalse();
        Notice notice = rig.banner.getNotice();
        if (notice == null) {
            assertThat(row.getUser().enabled()).isFalse();
            assertThat(rig.users.lastChangeProperty().get()).contains(who + " disabled").contains("confirmed");
        } else {
            assertClean(notice);
        }
        assertThat(cognito.stub().changes(POOL, who)).as("changes of " + who).isLessThanOrEqualTo(1);
    }

    /** Follows the banner's Retry (or Refresh, then a new try) until the change is confirmed. */
    private void recover(Rig rig, UserRow first) {
        String who = first.getUser().username();
        cognito.stub().faults(FaultPlan.NONE);
        int tries = outcomesOf(rig, who).size();
        UserRow row = first;
        for (int round = 0; rig.banner.getNotice() != null || row.getUser().enabled(); round++) {
            assertThat(round).isLessThan(5);
            Notice notice = rig.banner.getNotice();
            Optional<Notice.Action> retry = notice == null ? Optional.empty()
                    : notice.actions().stream().filter(a -> a.label().equals("Retry")).findFirst();
            if (retry.isPresent()) {
                rig.banner.perform(retry.get());
                tries++;
            } else {
                if (notice != null) {
                    rig.banner.perform(action(notice, "Refresh"));
                }
                row = rig.row(who);
                if (row.getUser().enabled()) {
                    rig.users.toggle(row);
                    tries++;
                }
            }
        }
        assertThat(cognito.stub().enabled(POOL, who)).isFalse();
        assertThat(cognito.stub().changes(POOL, who)).as("changed once").isEqualTo(1);
        assertThat(outcomesOf(rig, who)).hasSize(tries).last().isEqualTo(AuditEntry.Outcome.DONE);
    }

    /** Shows the pool, then follows every banner's Retry until the listing ends; returns the banners met. */
    private List<Notice> listToTheEnd(Rig rig, int patience) {
        rig.users.show(rig.selection());
        List<Notice> banners = new ArrayList<>();
        for (Notice notice = rig.banner.getNotice(); notice != null; notice = rig.banner.getNotice()) {
            banners.add(notice);
            assertThat(banners.size()).as("banners").isLessThan(patience);
            assertClean(notice);
            List<String> names = rig.names();
            assertThat(names).as("rows kept: the first users, once each, in order")
                    .containsExactlyElementsOf(usernames(0, names.size()));
            assertThat(rig.users.loadingProperty().get()).isFalse();
            rig.banner.perform(action(notice, "Retry"));
        }
        assertThat(rig.names()).as("every user exactly once").containsExactlyElementsOf(usernames(0, USERS));
        assertThat(rig.users.countTextProperty().get()).isEqualTo(String.format("%,d users", USERS));
        return banners;
    }

    /** A banner an operator can read: no stack trace, no SDK class names, something to do. */
    static void assertClean(Notice notice) {
        Predicate<String> technical = text -> text != null && (text.contains("\tat ") || text.contains("\n")
                || text.contains("software.amazon.awssdk") || text.contains("com.fasterxml")
                || text.contains("Exception:"));
        assertThat(List.of(notice.title(), notice.message(), String.valueOf(notice.advice())))
                .as("banner text of " + notice.code()).noneMatch(technical);
        assertThat(notice.message()).isNotBlank();
    }

    private static Notice.Action action(Notice notice, String label) {
        return notice.actions().stream().filter(a -> a.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + label + " on " + notice));
    }

    private List<AuditEntry.Outcome> outcomesOf(Rig rig, String who) {
        return rig.audit().stream().filter(e -> who.equals(e.username()) && e.phase() == AuditEntry.Phase.OUTCOME)
                .map(AuditEntry::outcome).toList();
    }

    private static List<String> usernames(int from, int to) {
        return ALL.subList(from, to).stream().map(CognitoStub.User::username).toList();
    }

    // Wiring

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    /** A proxy in front of the stub whose network drops as the {@code n}-th request of {@code operation} arrives. */
    private CuttableProxy proxyCutOn(String operation, int n) {
        CuttableProxy proxy = open(CuttableProxy.to(cognito.stub().port()));
        cognito.stub().onArrival((op, i, body) -> {
            if (op.equals(operation) && i == n) {
                proxy.cut();
            }
        });
        return proxy;
    }

    /** A rig with the pool shown (loaded, as far as the faults let it). */
    private Rig shown(URI endpoint, int maxAttempts) {
        Rig rig = rig(endpoint, maxAttempts);
        rig.users.show(rig.selection());
        return rig;
    }

    private Rig rig(URI endpoint, int maxAttempts) {
        return rig(ItFixtures.catalog(dir, endpoint), maxAttempts, PATIENT);
    }

    private Rig rig(ProfileCatalog catalog, int maxAttempts) {
        return rig(catalog, maxAttempts, PATIENT);
    }

    /**
     * A rig whose attempts give up after {@code attemptTimeout}: generous, so that a loaded build machine never turns
     * a normal answer into a timeout, except where a {@link Fault#SLOW} answer is meant to outlast it.
     */
    private Rig rig(ProfileCatalog catalog, int maxAttempts, Duration attemptTimeout) {
        ClientSettings settings = new ClientSettings(maxAttempts, attemptTimeout, Duration.ofSeconds(60),
                Duration.ofSeconds(2));
        CognitoClients clients = open(new CognitoClients(catalog, settings));
        Connection connection = ItFixtures.connection(catalog, ItFixtures.PROFILE, ItFixtures.REGION);
        return new Rig(clients, connection, dir.resolve("audit.jsonl"));
    }

    /** The console's listing and write path for one connection, run on the test thread. */
    private static final class Rig {
        final Connection connection;
        final BannerViewModel banner = new BannerViewModel();
        final UsersViewModel users;
        final Path auditFile;

        Rig(CognitoClients clients, Connection connection, Path auditFile) {
            this.connection = connection;
            this.auditFile = auditFile;
            AtomicLong nanos = new AtomicLong();
            AuditLog audit = new AuditLog(auditFile, new MutableClock(Instant.parse("2026-11-25T08:00:00Z")),
                    "fault-suite");
            users = new UsersViewModel(new SdkUserDirectory(clients, RateBudgets.unlimited()),
                    new CurrentThreadTaskExecutor(), banner, new ItFixtures.ConfirmingDialogs(),
                    () -> nanos.addAndGet(Duration.ofSeconds(1).toNanos()), wait -> { },
                    new MutableClock(Instant.parse("2026-11-25T08:00:00Z")), audit);
        }

        PoolSelection selection() {
            return new PoolSelection(connection, new UserPool(POOL, "Faults"));
        }

        List<String> names() {
            return users.rows().stream().map(r -> r.getUser().username()).toList();
        }

        UserRow row(String username) {
            return users.rows().stream().filter(r -> r.getUser().username().equals(username)).findFirst()
                    .orElseThrow(() -> new AssertionError("No row " + username));
        }

        List<AuditEntry> audit() {
            try {
                AuditLog.Contents contents = AuditLog.read(auditFile);
                assertThat(contents.damagedLines()).isZero();
                return contents.entries();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
