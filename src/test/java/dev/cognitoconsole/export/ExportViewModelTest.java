package dev.cognitoconsole.export;

import static dev.cognitoconsole.testing.Fixtures.POOL_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.testing.CurrentThreadTaskExecutor;
import dev.cognitoconsole.testing.FakeUserDirectory;
import dev.cognitoconsole.testing.KeptExports;
import dev.cognitoconsole.testing.RecordingNotifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

class ExportViewModelTest {

    /** Kept under target/test-exports for the secret scan. */
    @TempDir(factory = KeptExports.class, cleanup = CleanupMode.NEVER)
    Path dir;

    private final ObservableList<PoolUser> rows = FXCollections.observableArrayList();
    private final SimpleObjectProperty<PoolSelection> selection = new SimpleObjectProperty<>(POOL_A);
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final SimpleBooleanProperty listingUnfinished = new SimpleBooleanProperty();
    private final ExportViewModel vm = new ExportViewModel(rows, selection, listingUnfinished, new UserExporter(),
            executor, notifier);

    private void show(List<PoolUser> users) {
        rows.setAll(users);
    }

    @Test
    void exportsWhatTheTableShowsAndSaysHowMany() throws IOException {
        show(FakeUserDirectory.users("u", 3));
        Path file = dir.resolve("users.csv");

        vm.export(file, ExportFormat.JSON);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("u0001,");
        Notice notice = notifier.current();
        assertThat(notice.severity()).isEqualTo(Notice.Severity.INFO);
        assertThat(notice.code()).isEqualTo("ExportDone");
        assertThat(notice.title()).isEqualTo("3 users exported");
        assertThat(notice.message()).contains(file.toString()).contains("CSV");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.progressTextProperty().get()).isNull();
    }

    @Test
    void anExportWhileTheListIsStillLoadingSaysPlainlyThatTheFileIsPartial() throws IOException {
        show(FakeUserDirectory.users("u", 312));
        listingUnfinished.set(true);
        Path file = dir.resolve("users.csv");

        assertThat(vm.chooserTitle())
                .isEqualTo("Export users: loading not finished, the file will hold the 312 users loaded so far");
        assertThat(vm.suggestedFileName(ExportFormat.CSV)).isEqualTo("eu-west-1_PoolA-users-partial.csv");
        executor.holdWork();
        vm.export(file, ExportFormat.CSV);
        assertThat(vm.progressTextProperty().get()).isEqualTo("Exporting 0 of 312 users loaded so far (partial)…");
        // The listing ending during the write does not make the file whole.
        listingUnfinished.set(false);
        executor.runAll();

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(313);
        Notice notice = notifier.current();
        assertThat(notice.severity()).isEqualTo(Notice.Severity.WARNING);
        assertThat(notice.code()).isEqualTo("ExportPartial");
        assertThat(notice.title()).isEqualTo("312 users exported: partial");
        assertThat(notice.message()).startsWith("Loading not finished: the file holds the 312 users loaded so far.")
                .contains(file.toString());
        assertThat(notice.advice()).isNotBlank();
    }

    @Test
    void aFinishedListingIsExportedAsComplete() {
        show(FakeUserDirectory.users("u", 2));

        assertThat(vm.chooserTitle()).isEqualTo("Export users");
        vm.export(dir.resolve("users.csv"), ExportFormat.CSV);

        assertThat(notifier.current().code()).isEqualTo("ExportDone");
        assertThat(notifier.current().title()).isEqualTo("2 users exported");
    }

    @Test
    void theExtensionDecidesTheFormatElseTheChosenFilterDoes() throws IOException {
        show(FakeUserDirectory.users("u", 2));

        vm.export(dir.resolve("a.JSON"), ExportFormat.CSV);
        vm.export(dir.resolve("b"), ExportFormat.JSON);
        vm.export(dir.resolve("c.txt"), ExportFormat.CSV);

        assertThat(Files.readString(dir.resolve("a.JSON"))).startsWith("[");
        assertThat(Files.readString(dir.resolve("b.json"))).startsWith("[");
        assertThat(Files.readString(dir.resolve("c.txt.csv"), StandardCharsets.UTF_8)).startsWith("\uFEFFusername,");
    }

    @Test
    void onlyTheRowsShownAtTheClickAreWritten() throws IOException {
        show(FakeUserDirectory.users("u", 5));
        executor.holdWork();
        Path file = dir.resolve("users.csv");

        vm.export(file, ExportFormat.CSV);
        rows.remove(0, 3);
        executor.runAll();

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(6);
    }

    @Test
    void largeExportsReportProgress() throws IOException {
        show(FakeUserDirectory.users("u", 100_000));
        List<Double> progress = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        vm.progressProperty().addListener((obs, old, now) -> progress.add(now.doubleValue()));
        vm.progressTextProperty().addListener((obs, old, now) -> texts.add(now));
        executor.holdWork();

        vm.export(dir.resolve("big.csv"), ExportFormat.CSV);

        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.canExportProperty().get()).as("one export at a time").isFalse();
        assertThat(vm.progressTextProperty().get()).isEqualTo("Exporting 0 of 100,000 users…");

        executor.runAll();

        assertThat(progress).hasSizeGreaterThanOrEqualTo(100).isSorted().last().isEqualTo(1.0);
        assertThat(texts).contains("Exporting 50,000 of 100,000 users…", "Exporting 100,000 of 100,000 users…");
        assertThat(notifier.current().title()).isEqualTo("100,000 users exported");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.canExportProperty().get()).isTrue();
    }

    @Test
    void aFailureIsABannerWithRetryAndNoStackTrace() throws IOException {
        show(FakeUserDirectory.users("u", 2));
        Path folder = dir.resolve("later");
        Path file = folder.resolve("users.csv");

        vm.export(file, ExportFormat.CSV);

        Notice notice = notifier.current();
        assertThat(notice.severity()).isEqualTo(Notice.Severity.ERROR);
        assertThat(notice.code()).isEqualTo("ExportFailed");
        assertThat(notice.title()).isEqualTo("Export failed: users.csv was not written");
        assertThat(notice.message()).contains(folder.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(notice.advice()).isNotBlank();
        assertThat(vm.busyProperty().get()).isFalse();

        Files.createDirectories(folder);
        notifier.press("Retry");

        assertThat(file).exists();
        assertThat(notifier.current().code()).isEqualTo("ExportDone");
    }

    @Test
    void cancellingLeavesNoFileAndNoNotice() {
        show(FakeUserDirectory.users("u", 10));
        executor.holdWork();
        Path file = dir.resolve("users.csv");

        vm.export(file, ExportFormat.CSV);
        vm.cancel();
        executor.runAll();

        assertThat(file).doesNotExist();
        assertThat(notifier.shown()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void nothingToExportDisablesExport() {
        assertThat(vm.canExportProperty().get()).isFalse();

        show(FakeUserDirectory.users("u", 1));

        assertThat(vm.canExportProperty().get()).isTrue();
    }

    @Test
    void theSuggestedNameNamesThePool() {
        assertThat(vm.suggestedFileName(ExportFormat.CSV)).isEqualTo("eu-west-1_PoolA-users.csv");
        selection.set(null);
        assertThat(vm.suggestedFileName(ExportFormat.JSON)).isEqualTo("users.json");
    }
}
