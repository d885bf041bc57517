package dev.cognitoconsole.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cognitoconsole.bulk.UsernameImport.Problem.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsernameImportTest {

    @TempDir
    Path dir;

    @Test
    void aPlainListHasOneNamePerLineAndReportsBlanksDuplicatesAndInvalidNamesWithTheirLine() throws Exception {
        String text = String.join("\n",
                "alice",                 // 1
                "",                      // 2 blank
                "bob",                   // 3
                "   ",                   // 4 blank
                "alice",                 // 5 duplicate of 1
                "carol smith",           // 6 space
                "x".repeat(129),         // 7 too long
                "dave\u0007",            // 8 control character
                "o'brien,jr.",           // 9 punctuation is allowed, commas too
                "Ærøskøbing",            // 10
                "用户",                   // 11
                "bob") + "\n";           // 12 duplicate of 3

        UsernameImport.Result result = UsernameImport.parse("list.txt", text, false);

        assertThat(result.names()).extracting(UsernameImport.Name::username, UsernameImport.Name::line)
                .containsExactly(tuple("alice", 1L), tuple("bob", 3L), tuple("o'brien,jr.", 9L),
                        tuple("Ærøskøbing", 10L), tuple("用户", 11L));
        assertThat(result.problems()).extracting(UsernameImport.Problem::line, UsernameImport.Problem::kind)
                .containsExactly(tuple(2L, Kind.BLANK), tuple(4L, Kind.BLANK), tuple(5L, Kind.DUPLICATE),
                        tuple(6L, Kind.INVALID), tuple(7L, Kind.INVALID), tuple(8L, Kind.INVALID),
                        tuple(12L, Kind.DUPLICATE));
        assertThat(result.problems()).extracting(UsernameImport.Problem::message).containsExactly(
                "Line 2: blank",
                "Line 4: blank",
                "Line 5: \"alice\" repeats line 1",
                "Line 6: \"carol smith\" is not a Cognito username: holds a space, a control character or another "
                        + "character Cognito does not allow in a username",
                "Line 7: \"" + "x".repeat(60) + "…\" is not a Cognito username: longer than 128 characters (129)",
                "Line 8: \"dave\\u0007\" is not a Cognito username: holds a space, a control character or another "
                        + "character Cognito does not allow in a username",
                "Line 12: \"bob\" repeats line 3");
        assertThat(result.usernames()).doesNotContain("carol smith", "", "dave\u0007");
    }

    @Test
    void surroundingSpacesAndWindowsLineEndsAreNotPartOfTheName() throws Exception {
        UsernameImport.Result result = UsernameImport.parse("list.txt", "  alice \r\nbob\t\r\n\r\n", false);

        assertThat(result.usernames()).containsExactly("alice", "bob");
        assertThat(result.problems()).extracting(UsernameImport.Problem::line).containsExactly(3L);
    }

    @Test
    void aLoneHeaderLineIsSkipped() throws Exception {
        UsernameImport.Result result = UsernameImport.parse("list.txt", "Username\nalice\n", false);

        assertThat(result.names()).extracting(UsernameImport.Name::username, UsernameImport.Name::line)
                .containsExactly(tuple("alice", 2L));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aCsvFileUsesTheUsernameColumn() throws Exception {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "\uFEFFemail,username,enabled\n"
                + "a@example.com,alice,true\n"
                + "b@example.com,\"bob,the-builder\",true\n"
                + "c@example.com,,false\n"
                + "d@example.com,\"multi\nline\",true\n"
                + "e@example.com,alice,true\n"
                + "f@example.com,émile,true\n", StandardCharsets.UTF_8);

        UsernameImport.Result result = UsernameImport.read(file);

        assertThat(result.source()).isEqualTo("export.csv");
        assertThat(result.names()).extracting(UsernameImport.Name::username, UsernameImport.Name::line)
                .containsExactly(tuple("alice", 2L), tuple("bob,the-builder", 3L), tuple("émile", 8L));
        assertThat(result.problems()).extracting(UsernameImport.Problem::line, UsernameImport.Problem::kind)
                .containsExactly(tuple(4L, Kind.BLANK), tuple(5L, Kind.INVALID), tuple(7L, Kind.DUPLICATE));
    }

    @Test
    void aCsvFileWithoutAUsernameHeaderUsesTheFirstColumn() throws Exception {
        Path file = dir.resolve("users.CSV");
        Files.writeString(file, "alice,Alice A.\n\nbob,Bob B.\n\"carol\",x\n", StandardCharsets.UTF_8);

        UsernameImport.Result result = UsernameImport.read(file);

        assertThat(result.names()).extracting(UsernameImport.Name::username, UsernameImport.Name::line)
                .containsExactly(tuple("alice", 1L), tuple("bob", 3L), tuple("carol", 4L));
        assertThat(result.problems()).extracting(UsernameImport.Problem::line, UsernameImport.Problem::kind)
                .containsExactly(tuple(2L, Kind.BLANK));
    }

    @Test
    void aTextFileWhoseFirstLineIsACsvHeaderIsReadAsCsv() throws Exception {
        Path file = dir.resolve("from-ticket.txt");
        Files.writeString(file, "sub,cognito:username\nabc,alice\ndef,bob\n", StandardCharsets.UTF_8);

        assertThat(UsernameImport.read(file).usernames()).containsExactly("alice", "bob");
    }

    @Test
    void aCellTheExportQuotedIsReadBackAndARealLeadingQuoteIsKept() throws Exception {
        String text = "\uFEFFusername,email,spreadsheetQuoted\r\n"
                + "'=1+1,a@example.com,username\r\n"
                + "'=2+2,'+b@example.com,email\r\n"
                + "plain,c@example.com,\r\n";

        UsernameImport.Result result = UsernameImport.parse("export.csv", text, true);

        assertThat(result.usernames()).containsExactly("=1+1", "'=2+2", "plain");
        assertThat(result.unquoted()).extracting(UsernameImport.Name::username, UsernameImport.Name::line)
                .containsExactly(tuple("=1+1", 2L));
    }

    @Test
    void aPlainListKeepsALeadingQuote() throws Exception {
        UsernameImport.Result result = UsernameImport.parse("list.txt", "'=1+1\n", false);

        assertThat(result.usernames()).containsExactly("'=1+1");
        assertThat(result.unquoted()).isEmpty();
    }

    @Test
    void anEmptyFileHoldsNothing() throws Exception {
        UsernameImport.Result result = UsernameImport.parse("empty.txt", "", false);

        assertThat(result.names()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void cognitosUsernameRule() {
        assertThat(UsernameImport.problem("alice")).isEmpty();
        assertThat(UsernameImport.problem("a.b-c_d+e@example.com")).isEmpty();
        assertThat(UsernameImport.problem("Łukasz")).isEmpty();
        assertThat(UsernameImport.problem("x".repeat(128))).isEmpty();
        assertThat(UsernameImport.problem("😀".repeat(128))).as("128 characters, 256 UTF-16 units").isEmpty();
        assertThat(UsernameImport.problem("x".repeat(129))).isPresent();
        assertThat(UsernameImport.problem("")).isPresent();
        assertThat(UsernameImport.problem("tab\there")).isPresent();
        assertThat(UsernameImport.problem("no-break\u00A0space")).isPresent();
    }
}
