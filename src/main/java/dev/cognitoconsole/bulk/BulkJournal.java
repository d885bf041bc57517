package dev.cognitoconsole.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real bulk run in hand, on disk: its plan, then one line per user as each finishes (JSON Lines). It is removed
 * when the run finishes or is cancelled; one left behind (the console closed or crashed during a run) tells, at the
 * next start, which users were changed, skipped or not reached, and writes the users not reached to a list that
 * the bulk bar's Import takes, to resume.
 */
public final class BulkJournal {
    private static final Logger LOG = LoggerFactory.getLogger(BulkJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keeps nothing: for tests that are not about it. */
    public static final BulkJournal NONE = new BulkJournal(null);

    private final Path file;

    /** @param file where the run is kept ({@code null}: nowhere) */
    public BulkJournal(Path file) {
        this.file = file;
    }

    /**
     * A run the console did not see to its end.
     *
     * @param counts     how many users ended with each outcome; users never reached are not counted
     * @param notReached the users with no result, in plan order
     * @param listFile   where {@code notReached} was written, one per line, for Import
     */
    public record Unfinished(String action, String poolId, String poolName, String profile, String region,
                             String reason, Map<BulkOutcome, Integer> counts, List<String> notReached, Path listFile) {

        /** "Disable in customers  (eu-west-1_PoolA), profile support, eu-west-1, reason "INC-1": Done 12 · not reached 88". */
        public String summary() {
            StringBuilder text = new StringBuilder(action + " in " + poolName + ", profile " + profile
                    + ", " + region + ", reason \"" + reason + "\": ");
            counts.forEach((outcome, n) -> text.append(outcome.label()).append(' ').append(n).append(" · "));
            return text.append("not reached ").append(notReached.size()).toString();
        }
    }

    /** A real run starts: its plan replaces whatever was kept. */
    synchronized void started(BulkPlan plan) {
        if (file == null || plan.dryRun()) {
            return;
        }
        ObjectNode line = JSON.createObjectNode().put("type", "plan").put("action", plan.action().label())
                .put("poolId", plan.target().poolId()).put("poolName", plan.target().pool().displayName())
                .put("profile", plan.target().connection().profile().name())
                .put("region", plan.target().connection().region()).put("reason", plan.reason());
        plan.usernames().forEach(line.putArray("usernames")::add);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            ownerOnly(Files.createFile(file));
            append(line);
        } catch (IOException e) {
            LOG.warn("The bulk run cannot be kept at {}: {}", file, e.getMessage());
        }
    }

    /** One user's result; called on the worker thread as each finishes. */
    synchronized void finished(String username, BulkOutcome outcome, String detail) {
        if (file == null || !Files.exists(file) || !outcome.finished()) {
            return;
        }
        append(JSON.createObjectNode().put("type", "user").put("username", username).put("outcome", outcome.name())
                .put("detail", detail));
    }

    /** The run finished or was cancelled: nothing is left to resume. */
    synchronized void ended() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }

    /** The run left behind, if any, with its users not reached written out for Import. */
    public Optional<Unfinished> unfinished() {
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            JsonNode plan = lines.isEmpty() ? null : JSON.readTree(lines.get(0));
            if (plan == null || !"plan".equals(plan.path("type").asText())) {
                return Optional.empty();
            }
            Map<String, BulkOutcome> results = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                try {
                    JsonNode user = JSON.readTree(line);
                    results.put(user.path("username").asText(), BulkOutcome.valueOf(user.path("outcome").asText()));
                } catch (IOException | IllegalArgumentException cutOff) {
                    // The last line may be half-written: that user counts as not reached, which re-reading makes safe.
                }
            }
            Map<BulkOutcome, Integer> counts = new EnumMap<>(BulkOutcome.class);
            List<String> notReached = new ArrayList<>();
            for (JsonNode name : plan.path("usernames")) {
                BulkOutcome outcome = results.get(name.asText());
                if (outcome == null || !outcome.finished()) {
                    notReached.add(name.asText());
                } else {
                    counts.merge(outcome, 1, Integer::sum);
                }
            }
            Path list = file.resolveSibling("bulk-run-not-reached.txt");
            ownerOnly(Files.write(list, notReached, StandardCharsets.UTF_8));
            return Optional.of(new Unfinished(plan.path("action").asText(), plan.path("poolId").asText(),
                    plan.path("poolName").asText(), plan.path("profile").asText(), plan.path("region").asText(),
                    plan.path("reason").asText(), counts, notReached, list));
        } catch (IOException e) {
            LOG.warn("Could not read the unfinished bulk run at {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private void append(JsonNode line) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
        } catch (IOException e) {
            LOG.warn("Could not keep a bulk result at {}: {}", file, e.getMessage());
        }
    }

    // The plan names users and the reason: readable by the operator only, as the audit log.
    private static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            LOG.debug("No POSIX permissions for {}", path);
        }
    }
}
