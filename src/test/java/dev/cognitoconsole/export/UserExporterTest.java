package dev.cognitoconsole.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.testing.KeptExports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserExporterTest {
    private static final Instant CREATED = Instant.parse("2024-03-05T09:15:30.123Z");
    private static final Instant MODIFIED = Instant.parse("2024-04-14T09:15:30.500Z");

    private final UserExporter exporter = new UserExporter();

    /** Kept under target/test-exports for the secret scan. */
    @TempDir(factory = KeptExports.class, cleanup = CleanupMode.NEVER)
    Path dir;

    private static PoolUser user(String username, Map<String, String> extra) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sub", "sub-" + username);
        attributes.put("email", username + "@example.com");
        attributes.putAll(extra);
        return new PoolUser(username, "sub-" + username, username + "@example.com", true, "CONFIRMED", CREATED,
                MODIFIED, attributes);
    }

    private static PoolUser user(String username) {
        return user(username, Map.of());
    }

    private List<CSVRecord> csv(List<PoolUser> users) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.writeCsv(users, out, UserExporter.Progress.NONE);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).as("a byte order mark, for spreadsheets").startsWith("\uFEFF");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    private static String cell(List<CSVRecord> records, int row, String column) {
        int index = records.get(0).toList().indexOf(column);
        assertThat(index).as("column %s in %s", column, records.get(0).toList()).isNotNegative();
        return records.get(row).get(index);
    }

    @Nested
    class Csv {

        @Test
        void fixedColumnsThenEveryAttributeSortedWithoutRepeats() throws IOException {
            List<PoolUser> users = List.of(
                    user("alice", Map.of("custom:tenant", "acme", "phone_number", "+33612345678")),
                    user("bob", Map.of("custom:plan", "gold", "given_name", "Bob", "email_verified", "true")));

            List<CSVRecord> records = csv(users);

            assertThat(records.get(0).toList()).containsExactly("username", "sub", "email", "enabled", "status",
                    "created", "lastModified", "custom:plan", "custom:tenant", "email_verified", "given_name",
                    "phone_number", UserExporter.QUOTED_COLUMN);
            assertThat(records).hasSize(3);
            assertThat(records.get(1).toList()).containsExactly("alice", "sub-alice", "alice@example.com", "true",
                    "CONFIRMED", "2024-03-05T09:15:30.123Z", "2024-04-14T09:15:30.500Z", "", "acme", "", "",
                    "'+33612345678", "phone_number");
            assertThat(cell(records, 2, "custom:plan")).isEqualTo("gold");
            assertThat(cell(records, 2, "custom:tenant")).isEmpty();
        }

        @Test
        void commasQuotesNewlinesAndUnicodeSurviveQuoting() throws IOException {
            String[] names = {"Dupont, Jean", "say \"hi\"", "line one\nline two", "crlf\r\nend", "Łukasz Żółć",
                    "Иван Петров", "山田太郎", "محمد", "देवनागरी", "emoji 🙂", " padded "};
            List<PoolUser> users = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                users.add(user("u" + i, Map.of("name", names[i])));
            }

            List<CSVRecord> records = csv(users);

            for (int i = 0; i < names.length; i++) {
                assertThat(cell(records, i + 1, "name")).isEqualTo(names[i]);
            }
            assertThat(records).hasSize(names.length + 1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1+1",
                "\r=1+1", "=", "-"})
        void formulaLeadingCellsAreNeutralised(String value) throws IOException {
            PoolUser hostile = new PoolUser(value, value, value, false, value, null, null,
                    Map.of("custom:note", value, "name", value));

            List<CSVRecord> records = csv(List.of(hostile));

            for (String column : List.of("username", "sub", "email", "status", "custom:note", "name")) {
                assertThat(cell(records, 1, column)).as(column).isEqualTo("'" + value);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"plain", "a=b", "x+y", "mail@example.com", "'quoted", " =space first", ""})
        void otherCellsAreLeftAlone(String value) throws IOException {
            List<CSVRecord> records = csv(List.of(user("alice", Map.of("custom:note", value))));

            assertThat(cell(records, 1, "custom:note")).isEqualTo(value);
        }

        @Test
        void aColumnNamesTheCellsThatGotAQuoteSoTheConsoleCanReadThemBack() throws IOException {
            PoolUser hostile = new PoolUser("=1+1", "sub-1", "'+x@example.com", true, "CONFIRMED", null, null,
                    Map.of("custom:note", "-3"));
            PoolUser quoted = new PoolUser("'=1+1", "sub-2", null, true, "CONFIRMED", null, null, Map.of());

            List<CSVRecord> records = csv(List.of(hostile, quoted));

            assertThat(cell(records, 1, "username")).isEqualTo("'=1+1");
            assertThat(cell(records, 1, UserExporter.QUOTED_COLUMN)).isEqualTo("username custom:note");
            assertThat(cell(records, 2, "username")).isEqualTo("'=1+1");
            assertThat(cell(records, 2, UserExporter.QUOTED_COLUMN)).isEmpty();
        }

        @Test
        void missingValuesAreEmptyCells() throws IOException {
            PoolUser sparse = new PoolUser("ghost", null, null, false, null, null, null, Map.of());

            List<CSVRecord> records = csv(List.of(sparse));

            assertThat(records.get(1).toList()).containsExactly("ghost", "", "", "false", "", "", "", "");
        }

        @Test
        void noUsersIsAHeaderOnly() throws IOException {
            List<CSVRecord> records = csv(List.of());

            assertThat(records).singleElement().satisfies(r -> assertThat(r.toList())
                    .containsExactlyElementsOf(java.util.stream.Stream.concat(UserExporter.FIXED_COLUMNS.stream(),
                            java.util.stream.Stream.of(UserExporter.QUOTED_COLUMN)).toList()));
        }
    }

    @Nested
    class Json {
        private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

        @Test
        void roundTripsEveryField() throws IOException {
            List<PoolUser> users = List.of(
                    user("alice", Map.of("custom:tenant", "acme", "name", "Zoë \"Z\" Ünal, \n2nd line")),
                    new PoolUser("ghost", null, null, false, "UNCONFIRMED", null, null, Map.of()),
                    user("=cmd|' /C calc'!A0", Map.of("custom:note", "@SUM(1)")),
                    user("山田", Map.of("name", "山田太郎")));
            Path file = dir.resolve("users.json");

            exporter.write(users, ExportFormat.JSON, file, UserExporter.Progress.NONE);

            List<PoolUser> back = json.readValue(file.toFile(), new TypeReference<List<PoolUser>>() { });
            assertThat(back).containsExactlyElementsOf(users);
            assertThat(Files.readString(file)).as("JSON is not for spreadsheets: values stay as they are")
                    .contains("\"=cmd|' /C calc'!A0\"").contains("\"2024-03-05T09:15:30.123Z\"");
        }

        @Test
        void attributesAreSortedByName() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            exporter.writeJson(List.of(user("alice", Map.of("zoneinfo", "Europe/Paris", "custom:a", "1"))), out,
                    UserExporter.Progress.NONE);

            var names = new ArrayList<String>();
            json.readTree(out.toByteArray()).get(0).get("attributes").fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("custom:a", "email", "sub", "zoneinfo");
        }
    }

    @Nested
    class LargeSets {
        private static final int ROWS = 100_000;

        private List<PoolUser> manyUsers() {
            List<PoolUser> users = new ArrayList<>(ROWS);
            for (int i = 0; i < ROWS; i++) {
                users.add(new PoolUser("user" + i, "sub-" + i, "user" + i + "@example.com", i % 7 != 0,
                        "CONFIRMED", CREATED, MODIFIED, Map.of("custom:n", Integer.toString(i))));
            }
            return users;
        }

        @ParameterizedTest
        @ValueSource(strings = {"CSV", "JSON"})
        void progressIsReportedAllTheWay(ExportFormat format) throws IOException {
            List<int[]> reports = new ArrayList<>();
            Path file = dir.resolve("many." + format.extension());

            exporter.write(manyUsers(), format, file, (written, total) -> reports.add(new int[] {written, total}));

            assertThat(reports).hasSize(ROWS / UserExporter.PROGRESS_STEP + 1);
            assertThat(reports).allSatisfy(r -> assertThat(r[1]).isEqualTo(ROWS));
            assertThat(reports.get(0)[0]).isZero();
            assertThat(reports.get(reports.size() - 1)[0]).isEqualTo(ROWS);
            assertThat(reports).extracting(r -> r[0]).isSorted();
            if (format == ExportFormat.CSV) {
                try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    assertThat(lines.count()).isEqualTo(ROWS + 1L);
                }
            } else {
                assertThat(new ObjectMapper().readTree(file.toFile())).hasSize(ROWS);
            }
        }

        @Test
        void anOddCountEndsWithAFinalReport() throws IOException {
            List<int[]> reports = new ArrayList<>();

            exporter.writeCsv(manyUsers().subList(0, 2_500), new ByteArrayOutputStream(),
                    (written, total) -> reports.add(new int[] {written, total}));

            assertThat(reports).extracting(r -> r[0]).containsExactly(0, 1_000, 2_000, 2_500);
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoLeftovers() throws IOException {
        Path file = Files.writeString(dir.resolve("users.csv"), "old export");

        try {
            exporter.write(List.of(user("alice")), ExportFormat.CSV, file, (written, total) -> {
                throw new IllegalStateException("disk went away");
            });
        } catch (IllegalStateException expected) {
            // the write failed, as arranged
        }

        assertThat(Files.readString(file)).isEqualTo("old export");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("users.csv");
        }
    }
}
