package dev.cognitoconsole.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoconsole.common.AtomicFile;
import dev.cognitoconsole.model.PoolUser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes users to CSV or JSON: the fixed columns {@link #FIXED_COLUMNS}, then every attribute any of the users
 * has (standard and {@code custom:}), sorted by name. Times are ISO-8601 in UTC.
 *
 * <p>CSV follows RFC 4180 (quotes where needed, CRLF line ends) in UTF-8 with a byte order mark, so that
 * spreadsheets read accents and non-Latin names right; every cell goes through {@link SpreadsheetSafe}, and the last
 * column, {@link #QUOTED_COLUMN}, names the cells of the row it quoted. JSON is
 * an array of objects shaped like {@link PoolUser}, values as Cognito holds them.
 */
public final class UserExporter {
    /** The columns every export starts with. An attribute of the same name (sub, email) is not repeated. */
    public static final List<String> FIXED_COLUMNS =
            List.of("username", "sub", "email", "enabled", "status", "created", "lastModified");
    /**
     * The last column of a CSV export: the columns of the row whose cell got a leading {@code '} from
     * {@link SpreadsheetSafe}, separated by spaces, so the console reads back exactly what it wrote.
     */
    public static final String QUOTED_COLUMN = "spreadsheetQuoted";
    /** How many rows are written between two progress reports. */
    public static final int PROGRESS_STEP = 1_000;

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Hears how far a write has got; called on the writing thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (written, total) -> {
        };

        void written(int written, int total);
    }

    /** Writes {@code users} to {@code file} in {@code format}, replacing the file only once all is written. */
    public void write(List<PoolUser> users, ExportFormat format, Path file, Progress progress) throws IOException {
        AtomicFile.write(file, out -> {
            switch (format) {
                case CSV -> writeCsv(users, out, progress);
                case JSON -> writeJson(users, out, progress);
            }
        });
    }

    /** The header of an export of these users. */
    public static List<String> columns(List<PoolUser> users) {
        TreeSet<String> attributes = new TreeSet<>();
        users.forEach(u -> attributes.addAll(u.attributes().keySet()));
        attributes.removeAll(FIXED_COLUMNS);
        List<String> columns = new ArrayList<>(FIXED_COLUMNS);
        columns.addAll(attributes);
        return columns;
    }

    public void writeCsv(List<PoolUser> users, OutputStream out, Progress progress) throws IOException {
        List<String> columns = columns(users);
        List<String> attributes = columns.subList(FIXED_COLUMNS.size(), columns.size());
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(BYTE_ORDER_MARK);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        List<String> header = new ArrayList<>(columns);
        header.add(QUOTED_COLUMN);
        csv.printRecord(header.stream().map(SpreadsheetSafe::cell));
        int total = users.size();
        progress.written(0, total);
        List<String> cells = new ArrayList<>(columns.size());
        for (int i = 0; i < total; i++) {
            PoolUser user = users.get(i);
            cells.clear();
            cells.add(user.username());
            cells.add(user.sub());
            cells.add(user.email());
            cells.add(Boolean.toString(user.enabled()));
            cells.add(user.status());
            cells.add(iso(user.created()));
            cells.add(iso(user.lastModified()));
            for (String attribute : attributes) {
                cells.add(user.attributes().get(attribute));
            }
            List<String> quoted = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                String safe = SpreadsheetSafe.cell(cells.get(c));
                if (safe != null && !safe.equals(cells.get(c))) {
                    quoted.add(columns.get(c));
                }
                cells.set(c, safe);
            }
            cells.add(String.join(" ", quoted));
            csv.printRecord(cells);
            reportEvery(i + 1, total, progress);
        }
        csv.flush();
        if (total % PROGRESS_STEP != 0) {
            progress.written(total, total);
        }
    }

    public void writeJson(List<PoolUser> users, OutputStream out, Progress progress) throws IOException {
        int total = users.size();
        progress.written(0, total);
        // Streamed rather than built as one tree, so a pool of a million users needs no second copy in memory.
        try (JsonGenerator json = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (int i = 0; i < total; i++) {
                PoolUser user = users.get(i);
                json.writeStartObject();
                json.writeStringField("username", user.username());
                json.writeStringField("sub", user.sub());
                json.writeStringField("email", user.email());
                json.writeBooleanField("enabled", user.enabled());
                json.writeStringField("status", user.status());
                json.writeStringField("created", iso(user.created()));
                json.writeStringField("lastModified", iso(user.lastModified()));
                json.writeObjectFieldStart("attributes");
                for (Map.Entry<String, String> attribute : new TreeMap<>(user.attributes()).entrySet()) {
                    json.writeStringField(attribute.getKey(), attribute.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
                reportEvery(i + 1, total, progress);
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
        if (total % PROGRESS_STEP != 0) {
            progress.written(total, total);
        }
    }

    private static void reportEvery(int written, int total, Progress progress) throws InterruptedIOException {
        if (written % PROGRESS_STEP == 0) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("Export cancelled after " + written + " of " + total + " users");
            }
            progress.written(written, total);
        }
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
