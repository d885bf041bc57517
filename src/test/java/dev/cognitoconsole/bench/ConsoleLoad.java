package dev.cognitoconsole.bench;

import dev.cognitoconsole.audit.AuditTrail;
import dev.cognitoconsole.aws.UserDirectory;
import dev.cognitoconsole.common.DialogService;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.common.Sleeper;
import dev.cognitoconsole.common.TaskExecutor;
import dev.cognitoconsole.common.WriteSafety;
import dev.cognitoconsole.model.PoolSelection;
import dev.cognitoconsole.users.UserRow;
import dev.cognitoconsole.users.UsersViewModel;
import dev.cognitoconsole.writes.UserWrites;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;

/**
 * One load of a pool through the console's real path: a fresh {@link UsersViewModel} over the given
 * directory and executor, {@code show(selection)} on the FX thread, and the clock read on the FX thread
 * when the first row and the last row reach {@code rows()}.
 */
final class ConsoleLoad {

    /**
     * @param firstRowNanos  show() to the first rows() change that added rows
     * @param allRowsNanos   show() to the rows() change that brought the count to the expected number
     * @param doneNanos      show() to loadingProperty() turning false
     * @param rows           rows in the model at the end
     * @param changes        rows() change events (batches) seen
     * @param maxStallMillis longest FX-thread stall during the load
     * @param failure        the banner shown, or {@code null}
     */
    record Result(long firstRowNanos, long allRowsNanos, long doneNanos, int rows, int changes,
                  double maxStallMillis, String failure) {

        boolean complete(int expected) {
            return failure == null && rows == expected && allRowsNanos > 0;
        }
    }

    /** A finished load, the ViewModel that holds its rows, and the banners it showed. */
    record Loaded(UsersViewModel viewModel, RecordingNotifier notifier, Result result) {
    }

    private ConsoleLoad() {
    }

    static Loaded run(UserDirectory directory, TaskExecutor executor, PoolSelection selection, int expected,
                      Fx.StallWatchdog watchdog, Duration timeout) throws InterruptedException {
        return run(directory, executor, selection, expected, watchdog, timeout, null);
    }

    /** As above; {@code progress} (if given) is told the row count about every 2 s from a timer thread. */
    static Loaded run(UserDirectory directory, TaskExecutor executor, PoolSelection selection, int expected,
                      Fx.StallWatchdog watchdog, Duration timeout, IntConsumer progress) throws InterruptedException {
        return run(directory, executor, null, selection, expected, watchdog, timeout, progress);
    }

    /** As above, with the page requests of a listing run side by side on {@code pageRequests}. */
    static Loaded run(UserDirectory directory, TaskExecutor executor, TaskExecutor pageRequests,
                      PoolSelection selection, int expected, Fx.StallWatchdog watchdog, Duration timeout,
                      IntConsumer progress) throws InterruptedException {
        RecordingNotifier notifier = new RecordingNotifier();
        DialogService refuse = confirmation -> false;
        UsersViewModel viewModel = Fx.call(() -> new UsersViewModel(directory, executor, notifier, refuse,
                System::nanoTime, Sleeper.SYSTEM, Clock.systemUTC(), new UserWrites(directory, AuditTrail.NONE,
                WriteSafety.NONE, connection -> Optional.empty()), WriteSafety.NONE, pageRequests));
        return measure(viewModel, notifier, () -> viewModel.show(selection), expected, watchdog, timeout, progress);
    }

    /** The same pool listed again by the same ViewModel (Refresh), which remembers what it learned of the pool. */
    static Loaded again(Loaded first, int expected, Fx.StallWatchdog watchdog, Duration timeout)
            throws InterruptedException {
        UsersViewModel viewModel = first.viewModel();
        return measure(viewModel, first.notifier(), viewModel::refresh, expected, watchdog, timeout, null);
    }

    private static Loaded measure(UsersViewModel viewModel, RecordingNotifier notifier, Runnable start, int expected,
                                  Fx.StallWatchdog watchdog, Duration timeout, IntConsumer progress)
            throws InterruptedException {
        notifier.shown = null;
        CountDownLatch finished = new CountDownLatch(1);
        notifier.onShow = finished::countDown;
        long[] times = new long[4]; // start, first row, all rows, loading false
        int[] changes = new int[1];
        ListChangeListener<UserRow> rowsSeen = change -> {
            long now = System.nanoTime();
            changes[0]++;
            int size = viewModel.rows().size();
            if (times[1] == 0 && size > 0) {
                times[1] = now;
            }
            if (times[2] == 0 && size >= expected) {
                times[2] = now;
            }
        };
        ChangeListener<Boolean> loadingSeen = (obs, was, is) -> {
            if (was && !is) {
                times[3] = System.nanoTime();
                finished.countDown();
            }
        };
        Fx.run(() -> {
            viewModel.rows().addListener(rowsSeen);
            viewModel.loadingProperty().addListener(loadingSeen);
        });
        if (watchdog != null) {
            watchdog.reset();
        }
        Fx.run(() -> {
            times[0] = System.nanoTime();
            start.run();
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!finished.await(2, TimeUnit.SECONDS)) {
            if (progress != null) {
                progress.accept(Fx.call(() -> viewModel.rows().size()));
            }
            if (System.nanoTime() > deadline) {
                Fx.run(viewModel::stop);
                break;
            }
        }
        double stall = watchdog == null ? Double.NaN : watchdog.maxStallMillis();
        Result result = Fx.call(() -> {
            viewModel.rows().removeListener(rowsSeen);
            viewModel.loadingProperty().removeListener(loadingSeen);
            return new Result(
                    times[1] == 0 ? -1 : times[1] - times[0],
                    times[2] == 0 ? -1 : times[2] - times[0],
                    times[3] == 0 ? -1 : times[3] - times[0],
                    viewModel.rows().size(), changes[0], stall,
                    notifier.shown != null ? notifier.shown.code() + ": " + notifier.shown.title()
                            : times[3] == 0 ? "timed out after " + timeout.toSeconds() + " s" : null);
        });
        return new Loaded(viewModel, notifier, result);
    }

    /** Heap in use after full collections, once the figure has settled. */
    static long heapUsedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 8; i++) {
            System.gc();
            Thread.sleep(60);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (i >= 2 && Math.abs(used - last) < 256 * 1024) {
                return used;
            }
            last = used;
        }
        return last;
    }

    private static final class RecordingNotifier implements Notifier {
        volatile Notice shown;
        volatile Runnable onShow = () -> { };

        @Override
        public void show(Notice notice) {
            shown = notice;
            onShow.run();
        }

        @Override
        public void dismiss() {
        }
    }
}
