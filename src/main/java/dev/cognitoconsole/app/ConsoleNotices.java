package dev.cognitoconsole.app;

import dev.cognitoconsole.bulk.BulkJournal;
import dev.cognitoconsole.common.Notice;
import dev.cognitoconsole.common.Notifier;
import dev.cognitoconsole.connection.ConnectionViewModel;
import dev.cognitoconsole.settings.SettingsService;

/** The notices about the console's own files: the AWS files read again, the settings set aside, a bulk run left. */
final class ConsoleNotices {
    private ConsoleNotices() {
    }

    /** Shows a problem met reading the settings, and from now on the AWS files read again and settings set aside. */
    static void follow(ConnectionViewModel connection, SettingsService preferences, Notifier banner) {
        connection.onProfileFilesChanged(changes -> banner.show((changes.currentRemoved()
                ? Notice.warning("ProfilesReread", "AWS config files read again")
                : Notice.info("ProfilesReread", "AWS config files read again")).message(changes.summary()).build()));
        preferences.loadProblem().ifPresent(problem -> banner.show(Notice.warning("SettingsSetAside", "Settings reset")
                .message(problem)
                .build()));
        preferences.onFileSetAside(problem -> banner.show(Notice.warning("SettingsSetAside", "Settings file set aside")
                .message(problem)
                .build()));
    }

    /** A real bulk run the last session did not finish, and how to finish it. */
    static Notice unfinishedBulkRun(BulkJournal.Unfinished run) {
        return Notice.warning("UnfinishedBulkRun", "A bulk change did not finish")
                .message(run.summary() + ".")
                .advice("To finish it, pick that pool and use Import in the bulk bar with " + run.listFile()
                        + ": each user is read first, so users already changed are skipped.")
                .build();
    }
}
