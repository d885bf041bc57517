package dev.cognitoconsole.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoconsole.settings.SettingsService;
import dev.cognitoconsole.settings.SettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings read on a second thread while the toolkit starts, handed to the application thread. */
class EarlyStartTest {
    @TempDir
    Path dir;

    @Test
    void theSettingsAreReadOnAnotherThreadAndHandedOver() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"version\": 1, \"lastProfile\": \"staff\", \"listUsersPerSecond\": 20}");
        AtomicReference<String> readOn = new AtomicReference<>();
        EarlyStart early = EarlyStart.begin(() -> {
            readOn.set(Thread.currentThread().getName());
            return new SettingsService(new SettingsStore(file, Clock.systemUTC()));
        });

        SettingsService settings = early.settings();

        assertThat(settings.get().lastProfile()).isEqualTo("staff");
        assertThat(settings.get().listUsersPerSecond()).isEqualTo(20);
        assertThat(readOn.get()).isEqualTo("console-early-start").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aDamagedFileStillGivesSettingsWithTheProblemToShow() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"version\": 1, \"lastProf");

        SettingsService settings = EarlyStart.begin(
                () -> new SettingsService(new SettingsStore(file, Clock.systemUTC()))).settings();

        assertThat(settings.get().lastProfile()).isNull();
        assertThat(settings.loadProblem()).hasValueSatisfying(problem -> assertThat(problem).contains("damaged"));
    }

    @Test
    void aFailureOfTheReadIsThrownOnTheThreadThatAsksAsItself() {
        EarlyStart early = EarlyStart.begin(() -> {
            throw new IllegalStateException("no settings folder");
        });

        assertThatThrownBy(early::settings).isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("no settings folder");
    }

    @Test
    void theSettingsAreHandedOverBeforeTheWarmUpAndDoNotWaitForIt() throws InterruptedException {
        CountDownLatch warmUpStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> warmedOn = new AtomicReference<>();
        EarlyStart early = EarlyStart.begin(SettingsService::inMemory, () -> {
            warmedOn.set(Thread.currentThread().getName());
            warmUpStarted.countDown();
            await(release);
        });

        // The warm-up is still running (held by the latch) when the settings are asked for.
        assertThat(warmUpStarted.await(10, TimeUnit.SECONDS)).isTrue();
        SettingsService settings = early.settings();
        release.countDown();

        assertThat(settings.get().listUsersPerSecond()).isPositive();
        assertThat(warmedOn.get()).isEqualTo("console-early-start");
    }

    @Test
    void aFailedWarmUpLeavesTheSettingsAsRead() throws InterruptedException {
        CountDownLatch failed = new CountDownLatch(1);
        EarlyStart early = EarlyStart.begin(SettingsService::inMemory, () -> {
            failed.countDown();
            throw new IllegalStateException("no logging backend");
        });

        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(early.settings().loadProblem()).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
