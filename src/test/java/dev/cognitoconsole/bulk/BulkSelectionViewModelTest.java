package dev.cognitoconsole.bulk;

import static dev.cognitoconsole.testing.FakeUserDirectory.DISABLE_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.ENABLE_USER;
import static dev.cognitoconsole.testing.FakeUserDirectory.user;
import static dev.cognitoconsole.testing.FakeUserDirectory.users;
import static dev.cognitoconsole.testing.Fixtures.CUSTOMERS;
import static dev.cognitoconsole.testing.Fixtures.KEYS_CONNECTION;
import static dev.cognitoconsole.testing.Fixtures.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.UserPool;
import dev.cognitoconsole.testing.AnsweringDialogs;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.RecordingDialogService;
import dev.cognitoconsole.testing.RecordingNotifier;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkSelectionViewModelTest {
    private static final PoolSelection POOL = new PoolSelection(KEYS_CONNECTION, CUSTOMERS);
    private static final PoolSelection OTHER = new PoolSelection(KEYS_CONNECTION, STAFF);

    @TempDir
    Path dir;

    private final FakeUserDirectory directory = new FakeUserDirectory();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final AnsweringDialogs dialogs = new AnsweringDialogs().confirmWith("INC-1");
    private final AtomicLong nanos = new AtomicLong();
    private final UsersViewModel users = new UsersViewModel(directory, executor, notifier,
            new RecordingDialogService(), nanos::get, d -> { }, java.time.Clock.systemUTC());
    private final BulkRunViewModel run = new BulkRunViewModel(directory, AuditTrail.NONE, executor, dialogs,
            nanos::get, d -> { }, users::showRead);
    private final BulkSelectionViewModel vm = new BulkSelectionViewModel(users, run, executor, notifier);

    @BeforeEach
    void showPool() {
        directory.addUsers(POOL.poolId(), users("u", 5)).addUsers(POOL.poolId(), user("off", false));
        directory.addUsers(OTHER.poolId(), users("s", 2));
        users.show(POOL);
        directory.forgetCalls();
    }

    private List<UserRow> rows(String... usernames) {
        return users.rows().stream().filter(r -> List.of(usernames).contains(r.getUser().username())).toList();
    }

    private UserRow row(String username) {
        return rows(username).get(0);
    }

    @Test
    void selectedRowsAreTheTargets() {
        assertThat(vm.targetTextProperty().get()).isEqualTo("No users selected");
        assertThat(vm.canActProperty().get()).isFalse();

        vm.selectRows(rows("u0002", "u0004"));

        assertThat(vm.countProperty().get()).isEqualTo(2);
        assertThat(vm.targetTextProperty().get()).isEqualTo("2 selected");
        assertThat(vm.canActProperty().get()).isTrue();
        assertThat(vm.disable()).isTrue();
        assertThat(dialogs.last().facts().get(0).value()).isEqualTo("2 users (2 selected rows)");
        assertThat(directory.calls(DISABLE_USER)).extracting(FakeUserDirectory.Call::argument)
                .containsExactly("u0002", "u0004");
    }

    @Test
    void allShownTargetsTheRowsShownWhenTicked() {
        users.quickFilterProperty().set("u000");
        vm.allShownProperty().set(true);

        assertThat(vm.countProperty().get()).isEqualTo(5);
        assertThat(vm.allShownTextProperty().get()).isEqualTo("All 5 shown");
        assertThat(vm.targetTextProperty().get()).isEqualTo("All 5 shown (quick filter \"u000\")");
        assertThat(vm.targets()).containsExactly("u0001", "u0002", "u0003", "u0004", "u0005");
        vm.enable();
        assertThat(dialogs.last().facts().get(0).value()).isEqualTo("5 users (all 5 shown)");
        assertThat(directory.calls(ENABLE_USER)).isEmpty(); // all already enabled: skipped
    }

    @Test
    void changingTheQuickFilterClearsAllShownRatherThanGrowingTheTarget() {
        users.quickFilterProperty().set("u0001");
        vm.allShownProperty().set(true);
        assertThat(vm.countProperty().get()).isEqualTo(1);

        users.quickFilterProperty().set("");

        assertThat(vm.allShownProperty().get()).isFalse();
        assertThat(vm.countProperty().get()).isZero();
        assertThat(vm.targetTextProperty().get()).isEqualTo("No users selected");
    }

    @Test
    void theBulkProblemLineIsForgottenWithThePoolAndWhenWritesComeBackOn() {
        assertThat(vm.disable()).isFalse();
        assertThat(run.problemProperty().get()).isEqualTo("No users to disable.");

        vm.writesBackOn();
        assertThat(run.problemProperty().get()).isNull();

        vm.disable();
        users.show(OTHER);
        assertThat(run.problemProperty().get()).isNull();
    }

    @Test
    void theTableShowsWhatTheBulkChangeReadBack() {
        vm.selectRows(rows("u0001"));

        vm.disable();

        assertThat(row("u0001").getUser().enabled()).isFalse();
    }

    @Test
    void switchingPoolsForgetsTheSelection() {
        vm.selectRows(rows("u0001"));
        vm.allShownProperty().set(true);

        users.show(OTHER);

        assertThat(vm.allShownProperty().get()).isFalse();
        assertThat(vm.countProperty().get()).isZero();
    }

    @Test
    void anImportedListReplacesTheTableAsTheSource() throws Exception {
        Path file = dir.resolve("tickets.txt");
        Files.writeString(file, "u0003\n\nghost\nu0003\nbad name\n", StandardCharsets.UTF_8);
        vm.selectRows(rows("u0001"));

        vm.importFile(file);

        assertThat(vm.importedProperty().get()).isNotNull();
        assertThat(vm.countProperty().get()).isEqualTo(2);
        assertThat(vm.targetTextProperty().get()).isEqualTo("2 users from tickets.txt · 3 lines left out");
        assertThat(notifier.current().title()).isEqualTo("3 lines of tickets.txt left out");
        assertThat(notifier.current().message()).contains("Line 2: blank", "Line 4: \"u0003\" repeats line 1",
                "Line 5: \"bad name\"");

        vm.disable();

        assertThat(dialogs.last().facts()).extracting(DialogService.Fact::label).contains("Left out, not sent");
        assertThat(directory.calls()).extracting(FakeUserDirectory.Call::argument)
                .containsOnly("u0003", "ghost");
        assertThat(run.count(BulkOutcome.DONE)).isEqualTo(1);
        assertThat(run.count(BulkOutcome.NOT_FOUND)).isEqualTo(1);
        assertThat(run.count(BulkOutcome.LEFT_OUT)).isEqualTo(3);

        vm.clearImport();
        assertThat(vm.targetTextProperty().get()).isEqualTo("1 selected");
    }

    @Test
    void anImportedListIsSetAsideWhenThePoolChanges() throws Exception {
        Path file = dir.resolve("tickets.txt");
        Files.writeString(file, "u0003\n", StandardCharsets.UTF_8);
        vm.importFile(file);

        users.show(OTHER);

        assertThat(vm.importedProperty().get()).isNull();
        assertThat(vm.countProperty().get()).isZero();
        assertThat(notifier.current().code()).isEqualTo("ImportSetAside");
        assertThat(notifier.current().message()).contains("tickets.txt");
        vm.disable();
        assertThat(directory.calls()).extracting(FakeUserDirectory.Call::operation)
                .doesNotContain(FakeUserDirectory.DISABLE_USER);
    }

    @Test
    void aFileThatCannotBeReadIsReported() {
        vm.importFile(dir.resolve("missing.csv"));

        assertThat(vm.importedProperty().get()).isNull();
        assertThat(notifier.current().code()).isEqualTo("ImportFailed");
        assertThat(notifier.current().title()).isEqualTo("Could not read missing.csv");
    }

    @Test
    void aListExportedByTheConsoleReadsBackTheNamesItNeutralisedAndSaysWhich() throws Exception {
        directory.addUsers(POOL.poolId(), user("=1+1", true), user("'=2+2", true));
        users.show(POOL);
        Path file = dir.resolve("export.csv");
        java.util.List<dev.cognitoconsole.model.PoolUser> exported = users.rows().stream()
                .map(UserRow::getUser).filter(u -> u.username().contains("+")).toList();
        new dev.cognitoconsole.export.UserExporter().write(exported, dev.cognitoconsole.export.ExportFormat.CSV, file,
                dev.cognitoconsole.export.UserExporter.Progress.NONE);

        vm.importFile(file);

        assertThat(vm.targets()).containsExactlyInAnyOrder("=1+1", "'=2+2");
        assertThat(notifier.current().message()).contains("=1+1").doesNotContain("=2+2");
        assertThat(notifier.current().title()).contains("1 name", "as exported");
    }

    @Test
    void aBinaryFileIsNotATextFileAndSaysWhereAndAnEmptyFileSaysItIsEmpty() throws Exception {
        Path binary = dir.resolve("imp4_binary.bin");
        Files.write(binary, new byte[] {'a', 'b', '\n', (byte) 0xFF, 0});
        vm.importFile(binary);
        assertThat(notifier.current().message()).contains("not a text file (UTF-8)", "byte 4")
                .doesNotContain("Input length");

        Path empty = dir.resolve("empty.txt");
        Files.write(empty, new byte[0]);
        vm.importFile(empty);
        assertThat(notifier.current().message()).contains("empty");
        assertThat(vm.importedProperty().get()).isNull();
    }

    @Test
    void noPoolNoBulkChange() {
        users.show(null);

        assertThat(vm.targetTextProperty().get()).isEqualTo("Pick a pool to change users in bulk");
        assertThat(vm.canActProperty().get()).isFalse();
    }
}
