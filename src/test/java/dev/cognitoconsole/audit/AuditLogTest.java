package dev.cognitoconsole.audit;

import static dev.cognitoconsole.testing.FakeUserDirectory.DISABLE_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.GET_USER;
import static dev.cognitoconsole.testing.Fixtures.KEYS_CONNECTION;
import static dev.cognitoconsole.testing.Fixtures.KEYS_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoconsole.model.CallerIdentity;
import dev.cognitoconsole.model.ConsoleFailure;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.MutableClock;
import dev.cognitoconsole.testing.RecordingDialogService;
import dev.cognitoconsole.testing.RecordingNotifier;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersViewModel;
import dev.cognitoconsole.writes.UserWrites;
import dev.cognitoconsole.common.WriteSafety;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    private static final CallerIdentity CALLER =
            new CallerIdentity("arn:aws:sts::123456789012:assumed-role/SupportDesk/jo", "123456789012");
    private static final String POOL_ID = "eu-west-1_PoolA";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);

    private AuditLog log(Path file) {
        return new AuditLog(file, clock, "jo");
    }

    private static AuditTrail.Attempt attempt(String username) {
        return new AuditTrail.Attempt(KEYS_CONNECTION, POOL_ID, username, "sub-" + username, "AdminDisableUser",
                "TICKET-42", CALLER);
    }

    @Test
    void entriesRoundTripAsJsonLinesWithUtcIsoTimes() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = log(file);
        AuditTrail.Attempt attempt = attempt("alice");

        String id = log.attempt(attempt);
        clock.advance(Duration.ofMillis(1500));
        log.outcome(id, attempt, AuditEntry.Outcome.DONE, null, "confirmed");

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            assertThat(node.isObject()).as("one JSON object per line: %s", line).isTrue();
        }
        assertThat(json.readTree(lines.get(0)).get("time").asText()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(json.readTree(lines.get(1)).get("time").asText()).isEqualTo("2026-11-24T10:00:01.500Z");

        AuditLog.Contents contents = AuditLog.read(file);
        assertThat(contents.damagedLines()).isZero();
        assertThat(contents.entries()).containsExactly(
                new AuditEntry(NOW, id, AuditEntry.Phase.ATTEMPT, "jo", "support", CALLER.arn(), CALLER.account(),
                        "eu-west-1", POOL_ID, "alice", "sub-alice", "AdminDisableUser", "TICKET-42", null, null,
                        null, null),
                new AuditEntry(NOW.plusMillis(1500), id, AuditEntry.Phase.OUTCOME, "jo", "support", CALLER.arn(),
                        CALLER.account(), "eu-west-1", POOL_ID, "alice", "sub-alice", "AdminDisableUser",
                        "TICKET-42", AuditEntry.Outcome.DONE, null, null, "confirmed"));
    }

    @Test
    void anAttemptAndItsOutcomeShareAnOperationIdAndAttemptsDoNot() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = log(file);
        String first = log.attempt(attempt("alice"));
        String second = log.attempt(attempt("bob"));
        log.outcome(second, attempt("bob"), AuditEntry.Outcome.FAILED,
                new ConsoleFailure.NotAuthorized("AdminDisableUser", "No.", "req-9", null), null);
        log.outcome(first, attempt("alice"), AuditEntry.Outcome.DONE, null, null);

        List<AuditEntry> entries = AuditLog.read(file).entries();
        assertThat(first).isNotEqualTo(second);
        assertThat(entries).extracting(AuditEntry::operationId, AuditEntry::phase, AuditEntry::username)
                .containsExactly(
                        tuple(first, AuditEntry.Phase.ATTEMPT, "alice"),
                        tuple(second, AuditEntry.Phase.ATTEMPT, "bob"),
                        tuple(second, AuditEntry.Phase.OUTCOME, "bob"),
                        tuple(first, AuditEntry.Phase.OUTCOME, "alice"));
        assertThat(entries.get(2).errorCode()).isEqualTo("NotAuthorizedException");
        assertThat(entries.get(2).requestId()).isEqualTo("req-9");
        assertThat(entries.get(2).detail()).isEqualTo("No.");
    }

    @Test
    void aMissingFileReadsAsEmpty() throws IOException {
        AuditLog.Contents contents = AuditLog.read(dir.resolve("none.jsonl"));

        assertThat(contents.entries()).isEmpty();
        assertThat(contents.damagedLines()).isZero();
    }

    @Nested
    class DamagedFiles {

        private List<String> goodLines(int count) throws IOException {
            Path scratch = dir.resolve("scratch-" + count + ".jsonl");
            AuditLog log = log(scratch);
            for (int i = 0; i < count; i++) {
                log.attempt(attempt("user" + i));
            }
            return Files.readAllLines(scratch, StandardCharsets.UTF_8);
        }

        @Test
        void aTruncatedLastLineIsCountedAndTheRestIsRead() throws IOException {
            List<String> good = goodLines(3);
            Path file = dir.resolve("audit.jsonl");
            String cut = good.get(2).substring(0, good.get(2).length() / 2);
            Files.writeString(file, good.get(0) + "\n" + good.get(1) + "\n" + cut, StandardCharsets.UTF_8);

            AuditLog.Contents contents = AuditLog.read(file);

            assertThat(contents.entries()).extracting(AuditEntry::username).containsExactly("user0", "user1");
            assertThat(contents.damagedLines()).isEqualTo(1);
        }

        @Test
        void garbageInTheMiddleIsCountedAndTheLinesAroundItAreRead() throws IOException {
            List<String> good = goodLines(2);
            Path file = dir.resolve("audit.jsonl");
            Files.writeString(file, good.get(0) + "\nthis is not json\n{\"time\":\"yesterday\"}\n[1,2]\n"
                    + "{\"operationId\":\"no-time-no-phase\"}\n" + good.get(1) + "\n", StandardCharsets.UTF_8);

            AuditLog.Contents contents = AuditLog.read(file);

            assertThat(contents.entries()).extracting(AuditEntry::username).containsExactly("user0", "user1");
            assertThat(contents.damagedLines()).isEqualTo(4);
        }

        @Test
        void invalidUtf8BytesDamageOnlyTheirOwnLine() throws IOException {
            List<String> good = goodLines(2);
            Path file = dir.resolve("audit.jsonl");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes((good.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80, (byte) 0xC3, '\n'});
            // A broken byte inside a string value still leaves a readable entry.
            String withBrokenByte = good.get(1).replace("\"user1\"", "\"user1\u0001\"");
            byte[] raw = (withBrokenByte + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0x01) {
                    raw[i] = (byte) 0xC3; // a lead byte with no continuation
                }
            }
            bytes.writeBytes(raw);
            Files.write(file, bytes.toByteArray());

            AuditLog.Contents contents = AuditLog.read(file);

            assertThat(contents.damagedLines()).isEqualTo(1);
            assertThat(contents.entries()).hasSize(2);
            assertThat(contents.entries().get(0).username()).isEqualTo("user0");
            assertThat(contents.entries().get(1).username()).isEqualTo("user1\uFFFD");
        }

        @Test
        void blankLinesAreNeitherEntriesNorDamage() throws IOException {
            List<String> good = goodLines(1);
            Path file = dir.resolve("audit.jsonl");
            Files.writeString(file, "\n" + good.get(0) + "\n\n   \n", StandardCharsets.UTF_8);

            AuditLog.Contents contents = AuditLog.read(file);

            assertThat(contents.entries()).hasSize(1);
            assertThat(contents.damagedLines()).isZero();
        }
    }

    @Test
    void anAppendAfterACutOffLastLineStartsOnALineOfItsOwn() throws IOException {
        Path file = dir.resolve("audit.jsonl");
        AuditLog log = log(file);
        log.attempt(attempt("alice"));
        String whole = Files.readString(file, StandardCharsets.UTF_8);
        // A crash in mid-write: half of the second line, no newline.
        Files.writeString(file, whole + whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8);

        log.attempt(attempt("bob"));

        AuditLog.Contents contents = AuditLog.read(file);
        assertThat(contents.entries()).extracting(AuditEntry::username).containsExactly("alice", "bob");
        assertThat(contents.damagedLines()).isEqualTo(1);
    }

    @Nested
    class Rotation {
        private static final long LIMIT = 2_000;

        private AuditLog smallLog(Path file) {
            return new AuditLog(file, clock, "jo", LIMIT);
        }

        private List<Path> folder() throws IOException {
            try (var files = Files.list(dir)) {
                return files.sorted().toList();
            }
        }

        @Test
        void aFullFileIsRenamedWithItsTimeBeforeTheNextAppendAndNothingIsDeleted() throws IOException {
            Path file = dir.resolve("audit.jsonl");
            AuditLog log = smallLog(file);
            int written = 0;
            do {
                log.attempt(attempt("user" + written++));
            } while (Files.size(file) < LIMIT);
            long fullSize = Files.size(file);
            clock.advance(Duration.ofSeconds(5));

            log.attempt(attempt("next"));

            Path rotated = dir.resolve("audit-20261124-100005.jsonl");
            assertThat(folder()).containsExactly(rotated, file);
            assertThat(Files.size(rotated)).isEqualTo(fullSize);
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(1);
            assertThat(AuditLog.read(file).entries()).extracting(AuditEntry::username)
                    .hasSize(written + 1).startsWith("user0").endsWith("next");
        }

        @Test
        void twoRotationsInOneSecondKeepBothFilesAndReadInOrder() throws IOException {
            Path file = dir.resolve("audit.jsonl");
            AuditLog log = smallLog(file);
            int written = 0;
            int rotations = 0;
            while (rotations < 3 && written < 1_000) {
                long before = Files.exists(file) ? Files.size(file) : 0;
                log.attempt(attempt("user" + written++));
                if (Files.size(file) < before) {
                    rotations++;
                }
            }

            assertThat(folder()).extracting(p -> p.getFileName().toString()).containsExactly(
                    "audit-20261124-100000-1.jsonl", "audit-20261124-100000-2.jsonl",
                    "audit-20261124-100000.jsonl", "audit.jsonl");
            List<String> users = AuditLog.read(file).entries().stream().map(AuditEntry::username).toList();
            assertThat(users).hasSize(written);
            for (int i = 0; i < written; i++) {
                assertThat(users.get(i)).isEqualTo("user" + i);
            }
        }
    }

    @Nested
    @EnabledOnOs({OS.LINUX, OS.MAC})
    class Permissions {

        @Test
        void aNewLogAndItsFolderAreReadableByTheOwnerOnly() throws IOException {
            Path file = dir.resolve("data").resolve("audit").resolve("audit.jsonl");

            log(file).attempt(attempt("alice"));

            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(file.getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }

        @Test
        void anExistingWorldReadableLogIsTightenedOnTheNextAppend() throws IOException {
            Path file = dir.resolve("audit.jsonl");
            Files.writeString(file, "");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

            log(file).attempt(attempt("alice"));

            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void anUnwritableLocationMakesAttemptThrowAuditUnavailable() throws IOException {
        // A plain file where the folder should be: fails for every user, root included.
        Path blocker = Files.writeString(dir.resolve("blocker"), "not a folder");
        AuditLog log = log(blocker.resolve("audit").resolve("audit.jsonl"));

        assertThatThrownBy(() -> log.attempt(attempt("alice")))
                .isInstanceOf(AuditUnavailable.class)
                .hasMessageContaining("cannot be written");
    }

    @Test
    void aFolderWhereTheFileShouldBeMakesAttemptThrowAuditUnavailable() throws IOException {
        Path file = Files.createDirectories(dir.resolve("audit.jsonl"));

        assertThatThrownBy(() -> log(file).attempt(attempt("alice"))).isInstanceOf(AuditUnavailable.class);
    }

    @Nested
    class NoSecrets {
        private static final List<Pattern> SECRETS = List.of(
                Pattern.compile("AKIA[0-9A-Z]{16}"),
                Pattern.compile("ASIA[0-9A-Z]{16}"),
                Pattern.compile("aws_secret_access_key", Pattern.CASE_INSENSITIVE),
                Pattern.compile("aws_session_token", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\"sessionToken\"", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\"secretAccessKey\"", Pattern.CASE_INSENSITIVE),
                Pattern.compile("\"accessKeyId\"", Pattern.CASE_INSENSITIVE),
                Pattern.compile("Authorization", Pattern.CASE_INSENSITIVE),
                Pattern.compile("X-Amz-Security-Token", Pattern.CASE_INSENSITIVE));

        @Test
        void theEntrySchemaHasNoCredentialField() {
            List<String> fields = Arrays.stream(AuditEntry.class.getRecordComponents())
                    .map(c -> c.getName().toLowerCase()).toList();

            assertThat(fields).noneMatch(f -> f.contains("secret") || f.contains("token") || f.contains("password")
                    || f.contains("key") || f.contains("credential"));
        }

        @Test
        void writtenEntriesHoldNoCredentialPatterns() throws IOException {
            Path file = dir.resolve("audit.jsonl");
            AuditLog log = log(file);
            for (ConsoleFailure failure : failures()) {
                AuditTrail.Attempt attempt = attempt("alice");
                String id = log.attempt(attempt);
                log.outcome(id, attempt, failure.outcomeUnknown() ? AuditEntry.Outcome.UNKNOWN
                        : AuditEntry.Outcome.FAILED, failure, null);
            }
            AuditTrail.Attempt attempt = attempt("bob");
            log.outcome(log.attempt(attempt), attempt, AuditEntry.Outcome.DONE, null, "confirmed");

            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text.lines().count()).isEqualTo(2L * failures().size() + 2);
            for (Pattern secret : SECRETS) {
                assertThat(secret.matcher(text).find()).as("the log holds %s", secret).isFalse();
            }
        }

        private List<ConsoleFailure> failures() {
            String op = "AdminDisableUser";
            return List.of(
                    new ConsoleFailure.NotAuthorized(op, "Not allowed.", "req-1", null),
                    new ConsoleFailure.UserNotFound(op, "User does not exist.", "req-2", null),
                    new ConsoleFailure.TooManyRequests(op, "Rate exceeded", "req-3", null),
                    new ConsoleFailure.InternalError(op, "Internal error", "req-4", null),
                    new ConsoleFailure.NetworkUnreachable(op, "https://cognito-idp.eu-west-1.amazonaws.com",
                            "Connect timed out", null),
                    new ConsoleFailure.CredentialsUnavailable(op, "ExpiredTokenException", "support", true,
                            "The SSO session has expired.", "req-5", null),
                    new ConsoleFailure.AccessDenied(op, "AccessDeniedException", "User is not authorized to "
                            + "perform cognito-idp:AdminDisableUser", "req-6", null),
                    new ConsoleFailure.Unknown(op, "SomethingNew", "A new error", "req-7", null));
        }
    }

    /** The audit log as UsersViewModel uses it for a single disable. */
    @Nested
    class SingleDisable {
        private static final PoolSelection POOL =
                new PoolSelection(KEYS_CONNECTION, new UserPool(POOL_ID, "customers"));

        private final FakeUserDirectory directory = new FakeUserDirectory()
                .addUsers(POOL_ID, FakeUserDirectory.user("alice", true), FakeUserDirectory.user("bob", true));
        private final RecordingNotifier notifier = new RecordingNotifier();
        private final RecordingDialogService dialogs = new RecordingDialogService().answer(true);

        private UsersViewModel viewModel(AuditTrail audit) {
            UsersViewModel vm = new UsersViewModel(directory, new CurrentThreadTaskExecutor(), notifier, dialogs,
                    System::nanoTime, duration -> { }, clock,
                    new UserWrites(directory, audit, WriteSafety.NONE, c -> Optional.of(CALLER)), WriteSafety.NONE);
            vm.show(POOL);
            return vm;
        }

        private UserRow row(UsersViewModel vm, String username) {
            return vm.rows().stream().filter(r -> r.getUser().username().equals(username)).findFirst()
                    .orElseThrow();
        }

        @Test
        void theAttemptIsOnDiskBeforeTheCallAndTheOutcomeAfter() throws IOException {
            Path file = dir.resolve("audit.jsonl");
            UsersViewModel vm = viewModel(log(file));
            AtomicReference<AuditLog.Contents> atCall = new AtomicReference<>();
            directory.onCall(DISABLE_USER, call -> {
                try {
                    atCall.set(AuditLog.read(file));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });

            vm.toggle(row(vm, "alice"));

            assertThat(directory.calls(DISABLE_USER)).hasSize(1);
            assertThat(atCall.get().entries()).singleElement().satisfies(attempt -> {
                assertThat(attempt.phase()).isEqualTo(AuditEntry.Phase.ATTEMPT);
                assertThat(attempt.action()).isEqualTo("AdminDisableUser");
                assertThat(attempt.username()).isEqualTo("alice");
                assertThat(attempt.userSub()).isEqualTo("sub-alice");
                assertThat(attempt.poolId()).isEqualTo(POOL_ID);
                assertThat(attempt.profile()).isEqualTo("support");
                assertThat(attempt.region()).isEqualTo("eu-west-1");
                assertThat(attempt.callerArn()).isEqualTo(CALLER.arn());
                assertThat(attempt.operator()).isEqualTo("jo");
                assertThat(attempt.outcome()).isNull();
            });
            List<AuditEntry> after = AuditLog.read(file).entries();
            assertThat(after).hasSize(2);
            AuditEntry outcome = after.get(1);
            assertThat(outcome.phase()).isEqualTo(AuditEntry.Phase.OUTCOME);
            assertThat(outcome.operationId()).isEqualTo(after.get(0).operationId());
            assertThat(outcome.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
            assertThat(outcome.errorCode()).isNull();
            assertThat(row(vm, "alice").getUser().enabled()).isFalse();
        }

        @Test
        void aRefusedDisableIsRecordedAsFailedWithCodeAndRequestId() throws IOException {
            Path file = dir.resolve("audit.jsonl");
            UsersViewModel vm = viewModel(log(file));
            directory.failNext(DISABLE_USER, new ConsoleFailure.NotAuthorized("AdminDisableUser",
                    "The pool does not allow it.", "req-refused-1", null));

            vm.toggle(row(vm, "alice"));

            List<AuditEntry> entries = AuditLog.read(file).entries();
            assertThat(entries).extracting(AuditEntry::phase)
                    .containsExactly(AuditEntry.Phase.ATTEMPT, AuditEntry.Phase.OUTCOME);
            AuditEntry outcome = entries.get(1);
            assertThat(outcome.operationId()).isEqualTo(entries.get(0).operationId());
            assertThat(outcome.outcome()).isEqualTo(AuditEntry.Outcome.FAILED);
            assertThat(outcome.errorCode()).isEqualTo("NotAuthorizedException");
            assertThat(outcome.requestId()).isEqualTo("req-refused-1");
            assertThat(outcome.detail()).isEqualTo("The pool does not allow it.");
            assertThat(directory.calls(GET_USER)).isEmpty();
        }

        @Test
        void aDisableWithNoAnswerIsRecordedAsUnknown() throws IOException {
            Path file = dir.resolve("audit.jsonl");
            UsersViewModel vm = viewModel(log(file));
            directory.failNext(DISABLE_USER, new ConsoleFailure.NetworkUnreachable("AdminDisableUser",
                    "https://cognito-idp.eu-west-1.amazonaws.com", "Read timed out", null));
            directory.failNext(GET_USER, new ConsoleFailure.NetworkUnreachable("AdminGetUser",
                    "https://cognito-idp.eu-west-1.amazonaws.com", "Read timed out", null));

            vm.toggle(row(vm, "alice"));

            List<AuditEntry> entries = AuditLog.read(file).entries();
            assertThat(entries).hasSize(2);
            assertThat(entries.get(1).outcome()).isEqualTo(AuditEntry.Outcome.UNKNOWN);
            assertThat(entries.get(1).errorCode()).isEqualTo("NETWORK_UNREACHABLE");
            assertThat(entries.get(1).requestId()).isNull();
        }

        @Test
        void whenTheLogCannotBeWrittenNoChangeIsMade() throws IOException {
            Path blocker = Files.writeString(dir.resolve("blocker"), "not a folder");
            UsersViewModel vm = viewModel(log(blocker.resolve("audit.jsonl")));
            List<String> calledWhileBlocked = new ArrayList<>();
            directory.onCall(DISABLE_USER, call -> calledWhileBlocked.add(call.argument()));

            vm.toggle(row(vm, "alice"));

            assertThat(directory.calls(DISABLE_USER)).isEmpty();
            assertThat(calledWhileBlocked).isEmpty();
            assertThat(notifier.current()).isNotNull();
            assertThat(notifier.current().code()).isEqualTo("AuditUnavailable");
            assertThat(notifier.current().advice()).contains("alice was not changed");
            assertThat(directory.user(POOL_ID, "alice").enabled()).isTrue();
            assertThat(row(vm, "alice").isBusy()).isFalse();
        }
    }
}
