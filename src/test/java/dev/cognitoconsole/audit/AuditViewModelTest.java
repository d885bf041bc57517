package dev.cognitoconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoconsole.audit.AuditViewModel.OutcomeFilter;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.export.ExportFormat;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.KeptExports;
import dev.cognitoconsole.testing.RecordingNotifier;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditViewModelTest {
    private static final Clock UTC_CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final String POOL_A = "eu-west-1_PoolA";
    private static final String POOL_B = "us-east-1_PoolB";
    private static final String JO_ARN = "arn:aws:sts::123456789012:assumed-role/SupportDesk/jo";
    private static final String SAM_ARN = "arn:aws:sts::123456789012:assumed-role/Admins/sam";

    /** Kept under target/test-exports for the secret scan. */
    @TempDir(factory = KeptExports.class, cleanup = CleanupMode.NEVER)
    Path dir;

    private Path file;
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final RecordingNotifier notifier = new RecordingNotifier();

    @BeforeEach
    void setUp() {
        file = dir.resolve("audit").resolve("audit.jsonl");
    }

    private AuditViewModel viewModel() {
        return viewModel(UTC_CLOCK);
    }

    private AuditViewModel viewModel(Clock clock) {
        return new AuditViewModel(file, executor, notifier, clock);
    }

    private void write(AuditEntry... entries) {
        AuditLog log = new AuditLog(file, UTC_CLOCK, "unused");
        for (AuditEntry entry : entries) {
            log.append(entry);
        }
    }

    private static AuditEntry attempt(String id, String time, String pool, String user, String operator,
                                      String arn) {
        return new AuditEntry(Instant.parse(time), id, AuditEntry.Phase.ATTEMPT, operator, "support", arn,
                "123456789012", pool.substring(0, pool.indexOf('_')), pool, user, "sub-" + user,
                "AdminDisableUser", null, null, null, null, null);
    }

    private static AuditEntry inRun(AuditEntry e, String runId) {
        return new AuditEntry(e.time(), e.operationId(), e.phase(), e.operator(), e.profile(), e.callerArn(),
                e.account(), e.region(), e.poolId(), e.username(), e.userSub(), e.action(), e.reason(), e.outcome(),
                e.errorCode(), e.requestId(), e.detail(), runId);
    }

    private static AuditEntry outcome(AuditEntry attempt, String time, AuditEntry.Outcome outcome, String code,
                                      String requestId, String detail) {
        return new AuditEntry(Instant.parse(time), attempt.operationId(), AuditEntry.Phase.OUTCOME,
                attempt.operator(), attempt.profile(), attempt.callerArn(), attempt.account(), attempt.region(),
                attempt.poolId(), attempt.username(), attempt.userSub(), attempt.action(), attempt.reason(),
                outcome, code, requestId, detail);
    }

    /** A view model that has loaded {@link #writeSample()}. */
    private AuditViewModel loadedSample() {
        writeSample();
        AuditViewModel vm = viewModel();
        vm.load();
        return vm;
    }

    private static List<String> users(List<AuditChange> changes) {
        return changes.stream().map(AuditChange::username).toList();
    }

    /** alice done, bob failed, carol with no outcome, dave unknown, erin skipped, over four days. */
    private void writeSample() {
        AuditEntry alice = attempt("op-alice", "2026-11-20T09:00:00Z", POOL_A, "alice", "jo", JO_ARN);
        AuditEntry bob = attempt("op-bob", "2026-11-21T09:00:00Z", POOL_A, "bob", "jo", JO_ARN);
        AuditEntry carol = attempt("op-carol", "2026-11-22T09:00:00Z", POOL_B, "carol", "sam", SAM_ARN);
        AuditEntry dave = attempt("op-dave", "2026-11-23T09:00:00Z", POOL_B, "dave", "sam", SAM_ARN);
        AuditEntry erin = attempt("op-erin", "2026-11-23T10:00:00Z", POOL_A, "erin", "jo", JO_ARN);
        write(alice, bob,
                outcome(alice, "2026-11-20T09:00:01Z", AuditEntry.Outcome.DONE, null, null, "confirmed"),
                outcome(bob, "2026-11-21T09:00:01Z", AuditEntry.Outcome.FAILED, "NotAuthorizedException",
                        "req-bob", "No."),
                carol, dave, erin,
                outcome(erin, "2026-11-23T10:00:01Z", AuditEntry.Outcome.SKIPPED, null, null, "already"),
                outcome(dave, "2026-11-23T09:00:30Z", AuditEntry.Outcome.UNKNOWN, "NETWORK_UNREACHABLE", null,
                        "Read timed out"));
    }

    @Nested
    class Pairing {

        @Test
        void eachAttemptIsOneRowWithItsFinalOutcomeNewestFirst() {
            writeSample();
            AuditViewModel vm = viewModel();

            vm.load();

            assertThat(users(vm.changes())).containsExactly("erin", "dave", "carol", "bob", "alice");
            AuditChange bob = vm.changes().get(3);
            assertThat(bob.operationId()).isEqualTo("op-bob");
            assertThat(bob.time()).isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
            assertThat(bob.outcomeTime()).isEqualTo(Instant.parse("2026-11-21T09:00:01Z"));
            assertThat(bob.outcome()).isEqualTo(AuditEntry.Outcome.FAILED);
            assertThat(bob.outcomeLabel()).isEqualTo("FAILED");
            assertThat(bob.errorCode()).isEqualTo("NotAuthorizedException");
            assertThat(bob.requestId()).isEqualTo("req-bob");
            assertThat(bob.callerArn()).isEqualTo(JO_ARN);
            assertThat(vm.changes()).extracting(AuditChange::outcomeLabel)
                    .containsExactly("SKIPPED", "UNKNOWN", "no outcome recorded", "FAILED", "DONE");
            assertThat(vm.summaryProperty().get()).isEqualTo("5 changes");
            assertThat(vm.damagedLinesProperty().get()).isZero();
            assertThat(vm.damagedTextProperty().get()).isNull();
        }

        @Test
        void aSignOutWithoutAClearAnswerIsOneRowNamingItsActionAndUnknownOutcome() {
            AuditEntry signOut = new AuditEntry(Instant.parse("2026-11-20T09:00:00Z"), "op-1", AuditEntry.Phase.ATTEMPT,
                    "jo", "support", JO_ARN, "123456789012", POOL_A.substring(0, POOL_A.indexOf('_')), POOL_A, "alice",
                    "sub-alice", "AdminUserGlobalSignOut", null, null, null, null, null);
            write(signOut, outcome(signOut, "2026-11-20T09:00:05Z", AuditEntry.Outcome.UNKNOWN, "NetworkUnreachable",
                    null, "No clear answer to AdminUserGlobalSignOut; outcome unclear"));
            AuditViewModel vm = viewModel();

            vm.load();

            assertThat(vm.changes()).singleElement().satisfies(change -> {
                assertThat(change.action()).isEqualTo("AdminUserGlobalSignOut");
                assertThat(change.outcomeLabel()).isEqualTo("UNKNOWN");
                assertThat(change.detail()).contains("outcome unclear");
            });
        }

        @Test
        void anAttemptWithoutOutcomeSaysSo() {
            write(attempt("op-1", "2026-11-20T09:00:00Z", POOL_A, "alice", "jo", JO_ARN));
            AuditViewModel vm = viewModel();

            vm.load();

            assertThat(vm.changes()).singleElement().satisfies(change -> {
                assertThat(change.outcome()).isNull();
                assertThat(change.outcomeTime()).isNull();
                assertThat(change.outcomeLabel()).isEqualTo(AuditChange.NO_OUTCOME);
            });
        }

        @Test
        void anOutcomeWhoseAttemptLineWasLostStillShows() throws IOException {
            AuditEntry lost = attempt("op-lost", "2026-11-20T09:00:00Z", POOL_A, "alice", "jo", JO_ARN);
            write(outcome(lost, "2026-11-20T09:00:02Z", AuditEntry.Outcome.DONE, null, null, "confirmed"));
            Files.writeString(file, "{\"time\":\"2026-11-20T09:00:00Z\",\"operationId\":\"op-lo",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            AuditViewModel vm = viewModel();

            vm.load();

            assertThat(vm.changes()).singleElement().satisfies(change -> {
                assertThat(change.username()).isEqualTo("alice");
                assertThat(change.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
                assertThat(change.time()).isEqualTo(Instant.parse("2026-11-20T09:00:02Z"));
            });
            assertThat(vm.damagedLinesProperty().get()).isEqualTo(1);
        }

        @Test
        void ofTwoOutcomesOfOneAttemptTheLastCounts() {
            AuditEntry a = attempt("op-1", "2026-11-20T09:00:00Z", POOL_A, "alice", "jo", JO_ARN);
            write(a, outcome(a, "2026-11-20T09:00:01Z", AuditEntry.Outcome.UNKNOWN, "NETWORK_UNREACHABLE", null,
                    null), outcome(a, "2026-11-20T09:01:00Z", AuditEntry.Outcome.DONE, null, "req-2", null));

            AuditViewModel vm = viewModel();
            vm.load();

            assertThat(vm.changes()).singleElement().extracting(AuditChange::outcome)
                    .isEqualTo(AuditEntry.Outcome.DONE);
        }

        @Test
        void damagedLinesAreCountedAndSaid() throws IOException {
            writeSample();
            Files.writeString(file, "garbage\n{\"phase\":\"ATTEMPT\"}\n{\"time\":\"2026-1",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            AuditViewModel vm = viewModel();

            vm.load();

            assertThat(vm.changes()).hasSize(5);
            assertThat(vm.damagedLinesProperty().get()).isEqualTo(3);
            assertThat(vm.damagedTextProperty().get()).isEqualTo("3 damaged lines skipped");
        }

        @Test
        void anEmptyOrMissingLogListsNothing() {
            AuditViewModel vm = viewModel();

            vm.load();

            assertThat(vm.changes()).isEmpty();
            assertThat(vm.summaryProperty().get()).isEqualTo("No changes recorded yet");
            assertThat(vm.canExportProperty().get()).isFalse();
            assertThat(notifier.shown()).isEmpty();
        }
    }

    @Nested
    class Loading {

        @Test
        void theLogIsReadInTheBackground() {
            writeSample();
            executor.holdWork();
            AuditViewModel vm = viewModel();

            vm.load();

            assertThat(vm.loadingProperty().get()).isTrue();
            assertThat(vm.summaryProperty().get()).isEqualTo("Reading the audit log…");
            assertThat(vm.changes()).isEmpty();

            executor.runAll();

            assertThat(vm.loadingProperty().get()).isFalse();
            assertThat(vm.changes()).hasSize(5);
        }

        @Test
        void aReloadPicksUpNewLinesAndAbandonsAReadInFlight() {
            writeSample();
            executor.holdWork();
            AuditViewModel vm = viewModel();
            vm.load();
            write(attempt("op-new", "2026-11-24T08:00:00Z", POOL_A, "zoe", "jo", JO_ARN));
            vm.load();

            executor.runAll();

            assertThat(users(vm.changes())).first().isEqualTo("zoe");
            assertThat(vm.changes()).hasSize(6);
        }

        @Test
        void anUnreadableLogIsABannerWithReload() throws IOException {
            Files.createDirectories(file);
            AuditViewModel vm = viewModel();

            vm.load();

            Notice notice = notifier.current();
            assertThat(notice).isNotNull();
            assertThat(notice.severity()).isEqualTo(Notice.Severity.ERROR);
            assertThat(notice.code()).isEqualTo("AuditUnreadable");
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Reload");
            assertThat(notice.message()).doesNotContain("Exception");
            assertThat(vm.loadingProperty().get()).isFalse();

            Files.delete(file);
            writeSample();
            notifier.press("Reload");

            assertThat(vm.changes()).hasSize(5);
        }
    }

    /** A log longer than the window holds: 1,200 changes (one in ten with no outcome) over rotated files. */
    @Nested
    class LongLogs {
        private static final int LIMIT = 500;
        private static final int CHANGES = 1_200;

        @BeforeEach
        void writeLongLog() {
            AuditLog log = new AuditLog(file, UTC_CLOCK, "unused", 50_000);
            Instant start = Instant.parse("2026-11-01T00:00:00Z");
            for (int i = 0; i < CHANGES; i++) {
                String time = start.plusSeconds(60L * i).toString();
                AuditEntry a = attempt(String.format("op-%04d", i), time, i % 2 == 0 ? POOL_A : POOL_B,
                        String.format("user%04d", i), "jo", JO_ARN);
                log.append(a);
                if (i % 10 != 3) {
                    log.append(outcome(a, start.plusSeconds(60L * i + 1).toString(), AuditEntry.Outcome.DONE,
                            null, null, null));
                }
            }
        }

        private AuditViewModel vm() {
            return new AuditViewModel(file, executor, notifier, UTC_CLOCK, LIMIT);
        }

        @Test
        void theWindowKeepsTheNewestAndSaysHowManyOlderWereLeftOut() throws IOException {
            try (var files = Files.list(file.getParent())) {
                assertThat(files.count()).as("the log was rotated").isGreaterThan(1);
            }
            AuditViewModel vm = vm();

            vm.load();

            assertThat(vm.changes()).hasSize(LIMIT);
            assertThat(vm.changes().get(0).username()).isEqualTo("user1199");
            assertThat(vm.changes().get(LIMIT - 1).username()).isEqualTo("user0700");
            assertThat(vm.changes().get(LIMIT - 4).outcome()).as("user0703 has no outcome").isNull();
            assertThat(vm.changes().get(LIMIT - 5).outcome()).isEqualTo(AuditEntry.Outcome.DONE);
            assertThat(vm.leftOutProperty().get()).isEqualTo(CHANGES - LIMIT);
            assertThat(vm.leftOutTextProperty().get())
                    .isEqualTo("700 older changes left out: the window holds the newest 500; "
                            + "filter to find older ones");
        }

        @Test
        void aFilterIsAppliedWhileReadingSoOlderChangesCanBeFound() {
            AuditViewModel vm = vm();
            vm.load();

            vm.userFilterProperty().set("user00");

            assertThat(vm.changes()).hasSize(100);
            assertThat(vm.changes().get(99).username()).isEqualTo("user0000");
            assertThat(vm.changes().get(99).outcome()).isEqualTo(AuditEntry.Outcome.DONE);
            assertThat(vm.leftOutProperty().get()).isZero();
            assertThat(vm.leftOutTextProperty().get()).isNull();

            vm.userFilterProperty().set("");

            assertThat(vm.changes()).hasSize(LIMIT);
            assertThat(vm.leftOutProperty().get()).isEqualTo(CHANGES - LIMIT);
        }

        @Test
        void aLogThatFitsLeavesNothingOut() {
            AuditViewModel vm = new AuditViewModel(file, executor, notifier, UTC_CLOCK, CHANGES);

            vm.load();

            assertThat(vm.changes()).hasSize(CHANGES);
            assertThat(vm.leftOutProperty().get()).isZero();
            assertThat(vm.leftOutTextProperty().get()).isNull();
        }
    }

    @Nested
    class Filters {
        private AuditViewModel vm;

        @BeforeEach
        void load() {
            vm = loadedSample();
        }

        @Test
        void byPoolIgnoringCase() {
            vm.poolFilterProperty().set("poolb");

            assertThat(users(vm.changes())).containsExactly("dave", "carol");
            assertThat(vm.summaryProperty().get()).isEqualTo("2 shown of 5 changes");
        }

        @Test
        void byUserNameOrSub() {
            vm.userFilterProperty().set("ALI");
            assertThat(users(vm.changes())).containsExactly("alice");

            vm.userFilterProperty().set("sub-bo");
            assertThat(users(vm.changes())).containsExactly("bob");
        }

        @Test
        void byOperatorOrCallerArn() {
            vm.operatorFilterProperty().set("sam");
            assertThat(users(vm.changes())).containsExactly("dave", "carol");

            vm.operatorFilterProperty().set("SupportDesk");
            assertThat(users(vm.changes())).containsExactly("erin", "bob", "alice");
        }

        @ParameterizedTest
        @EnumSource(OutcomeFilter.class)
        void byOutcome(OutcomeFilter outcome) {
            vm.outcomeFilterProperty().set(outcome);

            List<String> expected = switch (outcome) {
                case ANY -> List.of("erin", "dave", "carol", "bob", "alice");
                case DONE -> List.of("alice");
                case SKIPPED -> List.of("erin");
                case FAILED -> List.of("bob");
                case UNKNOWN -> List.of("dave");
                case NONE_RECORDED -> List.of("carol");
            };
            assertThat(users(vm.changes())).containsExactlyElementsOf(expected);
        }

        @Test
        void byDateRangeBothEndsIncluded() {
            vm.fromDateProperty().set(LocalDate.parse("2026-11-21"));
            vm.toDateProperty().set(LocalDate.parse("2026-11-22"));
            assertThat(users(vm.changes())).containsExactly("carol", "bob");

            vm.toDateProperty().set(null);
            assertThat(users(vm.changes())).containsExactly("erin", "dave", "carol", "bob");

            vm.fromDateProperty().set(null);
            vm.toDateProperty().set(LocalDate.parse("2026-11-20"));
            assertThat(users(vm.changes())).containsExactly("alice");
            assertThat(vm.dateProblemProperty().get()).isNull();
        }

        @Test
        void aDateTypedAsTheTimeColumnShowsItIsTakenAndAnyOtherTextSaysWhyAndKeepsTheFilter() {
            assertThat(vm.typedFromDate(" 2026-11-21 ")).isEqualTo(LocalDate.parse("2026-11-21"));
            vm.fromDateProperty().set(LocalDate.parse("2026-11-21"));

            assertThat(vm.typedFromDate("yesterday")).isEqualTo(LocalDate.parse("2026-11-21"));
            assertThat(vm.fromDateTypoProperty().get()).contains("\u201cyesterday\u201d is not a date",
                    "yyyy-mm-dd", "2026-11-24");
            assertThat(vm.dateProblemProperty().get()).isEqualTo(vm.fromDateTypoProperty().get());
            assertThat(vm.typedToDate("12/5/2026")).isNull();
            assertThat(vm.toDateTypoProperty().get()).startsWith("To: \u201c12/5/2026\u201d");

            assertThat(vm.typedFromDate("")).as("erased: no first day").isNull();
            assertThat(vm.fromDateTypoProperty().get()).isNull();
            vm.fromDateProperty().set(null);
            vm.typedFromDate("yesterday");
            vm.typedFromDate("");
            assertThat(vm.fromDateTypoProperty().get()).as("the field emptied after the typo").isNotNull();
            vm.toDateProperty().set(LocalDate.parse("2026-11-22"));
            assertThat(vm.toDateTypoProperty().get()).as("a date picked clears the typo").isNull();
        }

        @Test
        void byBulkRun() {
            String run = "5f0c2a9e-1b7d-4c3e-9a51-2d8e7f6a4b10";
            AuditEntry ann = inRun(attempt("op-ann", "2026-11-24T08:00:00Z", POOL_A, "ann", "jo", JO_ARN), run);
            AuditEntry ben = inRun(attempt("op-ben", "2026-11-24T08:00:01Z", POOL_A, "ben", "jo", JO_ARN), run);
            write(ann, inRun(outcome(ann, "2026-11-24T08:00:02Z", AuditEntry.Outcome.DONE, null, null, null), run),
                    inRun(outcome(ben, "2026-11-24T08:00:03Z", AuditEntry.Outcome.SKIPPED, null, null, "Already"),
                            run));
            vm.load();

            vm.runFilterProperty().set("5F0C2A9E");

            assertThat(users(vm.changes())).containsExactly("ben", "ann");
            assertThat(vm.changes()).extracting(AuditChange::runId).containsOnly(run);
            vm.clearFilters();
            assertThat(vm.runFilterProperty().get()).isEmpty();
            assertThat(vm.changes()).hasSize(7);
        }

        @Test
        void aStartAfterTheEndListsNothingAndSaysWhy() {
            vm.fromDateProperty().set(LocalDate.parse("2026-11-23"));
            vm.toDateProperty().set(LocalDate.parse("2026-11-21"));

            assertThat(vm.changes()).isEmpty();
            assertThat(vm.dateProblemProperty().get()).isEqualTo("The start date is after the end date.");
        }

        @Test
        void filtersCombineAndClearTogether() {
            vm.poolFilterProperty().set(POOL_A);
            vm.operatorFilterProperty().set("jo");
            vm.outcomeFilterProperty().set(OutcomeFilter.DONE);
            assertThat(users(vm.changes())).containsExactly("alice");

            vm.userFilterProperty().set("bob");
            assertThat(vm.changes()).isEmpty();
            assertThat(vm.summaryProperty().get()).isEqualTo("0 shown of 5 changes");

            vm.clearFilters();
            assertThat(vm.changes()).hasSize(5);
            assertThat(vm.outcomeFilterProperty().get()).isEqualTo(OutcomeFilter.ANY);
        }

        @Test
        void filtersApplyToALogReadLater() {
            vm.userFilterProperty().set("zoe");
            assertThat(vm.changes()).isEmpty();
            write(attempt("op-zoe", "2026-11-24T08:00:00Z", POOL_A, "zoe", "jo", JO_ARN));

            vm.load();

            assertThat(users(vm.changes())).containsExactly("zoe");
        }
    }

    @Test
    void daysAreTheOperatorsDaysNotUtcDays() {
        // 23:30 UTC on the 23rd is already the 24th in Paris (UTC+1 in November).
        write(attempt("op-late", "2026-11-23T23:30:00Z", POOL_A, "late", "jo", JO_ARN),
                attempt("op-early", "2026-11-23T22:30:00Z", POOL_A, "early", "jo", JO_ARN));
        AuditViewModel vm = viewModel(Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneId.of("Europe/Paris")));
        vm.load();

        vm.fromDateProperty().set(LocalDate.parse("2026-11-24"));

        assertThat(users(vm.changes())).containsExactly("late");
    }

    @Nested
    class Export {
        private AuditViewModel vm;

        @BeforeEach
        void load() {
            vm = loadedSample();
        }

        @Test
        void theFilteredListGoesToCsv() throws IOException {
            vm.poolFilterProperty().set(POOL_B);
            Path target = dir.resolve("out").resolve("audit.csv");
            Files.createDirectories(target.getParent());

            vm.export(target, ExportFormat.JSON);

            List<CSVRecord> records = readCsv(target);
            assertThat(records.get(0).values()).containsExactlyElementsOf(AuditExport.columnNames());
            assertThat(records).hasSize(3);
            assertThat(records.get(1).get(9)).isEqualTo("dave");
            assertThat(records.get(1).get(13)).isEqualTo("UNKNOWN");
            assertThat(records.get(2).get(9)).isEqualTo("carol");
            assertThat(records.get(2).get(13)).isEqualTo("no outcome recorded");
            assertThat(records.get(2).get(0)).isEqualTo("2026-11-22T09:00:00Z");
            assertThat(notifier.current().code()).isEqualTo("AuditExported");
            assertThat(notifier.current().title()).isEqualTo("2 changes exported");
            assertThat(vm.exportingProperty().get()).isFalse();
        }

        @Test
        void theFilteredListGoesToJson() throws IOException {
            vm.outcomeFilterProperty().set(OutcomeFilter.FAILED);
            Path target = dir.resolve("audit.json");

            vm.export(target, ExportFormat.CSV);

            JsonNode array = new ObjectMapper().readTree(target.toFile());
            assertThat(array.isArray()).isTrue();
            assertThat(array).hasSize(1);
            assertThat(array.get(0).get("username").asText()).isEqualTo("bob");
            assertThat(array.get(0).get("outcome").asText()).isEqualTo("FAILED");
            assertThat(array.get(0).get("errorCode").asText()).isEqualTo("NotAuthorizedException");
            assertThat(array.get(0).get("time").asText()).isEqualTo("2026-11-21T09:00:00Z");
            assertThat(notifier.current().title()).isEqualTo("1 change exported");
        }

        @Test
        void aNameWithoutExtensionGetsTheChosenFormats() {
            vm.export(dir.resolve("audit-export"), ExportFormat.JSON);

            assertThat(dir.resolve("audit-export.json")).exists();
        }

        @Test
        void aFailedExportIsABannerWithRetry() {
            vm.export(dir.resolve("missing-folder").resolve("audit.csv"), ExportFormat.CSV);

            Notice notice = notifier.current();
            assertThat(notice.code()).isEqualTo("ExportFailed");
            assertThat(notice.severity()).isEqualTo(Notice.Severity.ERROR);
            assertThat(notice.title()).contains("audit.csv");
            assertThat(notice.message()).contains("missing-folder").doesNotContain("Exception");
            assertThat(notice.actions()).extracting(Notice.Action::label).containsExactly("Retry");
            assertThat(vm.exportingProperty().get()).isFalse();
        }

        @Test
        void theSuggestedNameCarriesTodaysDate() {
            assertThat(vm.suggestedFileName(ExportFormat.CSV)).isEqualTo("audit-2026-11-24.csv");
        }

        private List<CSVRecord> readCsv(Path csv) throws IOException {
            String text = Files.readString(csv, StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF");
            try (Reader reader = new java.io.StringReader(text.substring(1))) {
                return CSVFormat.RFC4180.parse(reader).getRecords();
            }
        }
    }
}
