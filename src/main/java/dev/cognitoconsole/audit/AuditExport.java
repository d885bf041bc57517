package dev.cognitoconsole.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoconsole.common.AtomicFile;
import dev.cognitoconsole.export.ExportFormat;
import dev.cognitoconsole.export.SpreadsheetSafe;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a list of audited changes to CSV (spreadsheet-safe, UTF-8 with BOM) or JSON; times ISO-8601 UTC. */
public final class AuditExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Function<AuditChange, String>> COLUMNS = columns();

    private AuditExport() {
    }

    private static Map<String, Function<AuditChange, String>> columns() {
        Map<String, Function<AuditChange, String>> columns = new LinkedHashMap<>();
        columns.put("time", c -> iso(c.time()));
        columns.put("outcomeTime", c -> iso(c.outcomeTime()));
        columns.put("operationId", AuditChange::operationId);
        columns.put("operator", AuditChange::operator);
        columns.put("callerArn", AuditChange::callerArn);
        columns.put("account", AuditChange::account);
        columns.put("profile", AuditChange::profile);
        columns.put("region", AuditChange::region);
        columns.put("poolId", AuditChange::poolId);
        columns.put("username", AuditChange::username);
        columns.put("userSub", AuditChange::userSub);
        columns.put("action", AuditChange::action);
        columns.put("reason", AuditChange::reason);
        columns.put("outcome", AuditChange::outcomeLabel);
        columns.put("errorCode", AuditChange::errorCode);
        columns.put("requestId", AuditChange::requestId);
        columns.put("detail", AuditChange::detail);
        // Last, so that the columns older exports had keep their places.
        columns.put("runId", AuditChange::runId);
        return columns;
    }

    /** The column names, in file order (also the JSON field names). */
    public static List<String> columnNames() {
        return List.copyOf(COLUMNS.keySet());
    }

    public static void write(List<AuditChange> changes, ExportFormat format, Path file) throws IOException {
        AtomicFile.write(file, out -> {
            switch (format) {
                case CSV -> writeCsv(changes, out);
                case JSON -> writeJson(changes, out);
            }
        });
    }

    public static void writeCsv(List<AuditChange> changes, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        csv.printRecord(COLUMNS.keySet());
        List<String> cells = new ArrayList<>(COLUMNS.size());
        for (AuditChange change : changes) {
            cells.clear();
            COLUMNS.values().forEach(column -> cells.add(SpreadsheetSafe.cell(column.apply(change))));
            csv.printRecord(cells);
        }
        csv.flush();
    }

    /** An array of objects; {@code outcome} is {@value AuditChange#NO_OUTCOME} when none was recorded. */
    public static void writeJson(List<AuditChange> changes, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (AuditChange change : changes) {
                json.writeStartObject();
                for (Map.Entry<String, Function<AuditChange, String>> column : COLUMNS.entrySet()) {
                    json.writeStringField(column.getKey(), column.getValue().apply(change));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
