package dev.cognitoconsole.app;

import dev.cognitoconsole.bulk.BulkJournal;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.connection.ConnectionViewModel;
import dev.cognitoconsole.settings.SettingsService;
import java.util.List;

/** The notices about the console's own files: the AWS files read again, the settings set aside, a bulk run left. */
final class ConsoleNotices {
    private ConsoleNotices() {
    }

    /** Shows a problem met reading the settings, and from now on the AWS files read again and settings set aside. */
    static void follow(ConnectionViewModel connection, SettingsService preferences, Notifier banner) {
        connection.onProfileFilesChanged(changes -> banner.show(new Notice(
                changes.currentRemoved() ? Notice.Severity.WARNING : Notice.Severity.INFO, "ProfilesReread",
                "AWS config files read again", changes.summary(), null, null, List.of())));
        preferences.loadProblem().ifPresent(problem -> banner.show(new Notice(Notice.Severity.WARNING,
                "SettingsSetAside", "Settings reset", problem, null, null, List.of())));
        preferences.onFileSetAside(problem -> banner.show(new Notice(Notice.Severity.WARNING,
                "SettingsSetAside", "Settings file set aside", problem, null, null, List.of())));
    }

    /** A real bulk run the last session did not finish, and how to finish it. */
    static Notice unfinishedBulkRun(BulkJournal.Unfinished run) {
        return new Notice(Notice.Severity.WARNING, "UnfinishedBulkRun", "A bulk change did not finish",
                run.summary() + ".", "To finish it, pick that pool and use Import in the bulk bar with "
                + run.listFile() + ": each user is read first, so users already changed are skipped.", null,
                List.of());
    }
}
