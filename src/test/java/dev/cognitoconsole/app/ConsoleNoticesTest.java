package dev.cognitoconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.bulk.BulkJournal;
import dev.cognitoconsole.bulk.BulkOutcome;
import dev.cognitoconsole.common.Notice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The banner at start for a bulk run the last session did not finish says what was done and how to finish. */
class ConsoleNoticesTest {

    @Test
    void anUnfinishedBulkRunNamesItsStateAndTheListToImport() {
        Path list = Path.of("/data/bulk/bulk-run-not-reached.txt");
        BulkJournal.Unfinished run = new BulkJournal.Unfinished("Disable", "eu-west-1_PoolA",
                "customers  (eu-west-1_PoolA)", "support", "eu-west-1", "INC-42", Map.of(BulkOutcome.DONE, 2),
                List.of("ben", "cid"), list);

        Notice notice = ConsoleNotices.unfinishedBulkRun(run);

        assertThat(notice.severity()).isEqualTo(Notice.Severity.WARNING);
        assertThat(notice.code()).isEqualTo("UnfinishedBulkRun");
        assertThat(notice.message()).contains("Disable", "eu-west-1_PoolA", "support", "INC-42", "not reached 2");
        assertThat(notice.advice()).contains(list.toString(), "read first");
    }
}
