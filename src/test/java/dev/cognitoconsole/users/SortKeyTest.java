package dev.cognitoconsole.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.testing.FakeUserDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;

class SortKeyTest {

    @Test
    void namesSortAsTheOperatorReadsThemWithAccentedLettersBesideTheirBase() {
        List<PoolUser> users = List.of("zoe", "şule", "sam", "łukasz", "lena", "ádám", "bob", "adam").stream()
                .map(name -> FakeUserDirectory.user(name, true))
                .toList();

        List<String> sorted = users.stream().sorted(SortKey.USERNAME.comparator(true)).map(PoolUser::username)
                .toList();

        assertThat(sorted).containsExactly("adam", "ádám", "bob", "lena", "łukasz", "sam", "şule", "zoe");
    }

    @Test
    void caseDoesNotSeparateNames() {
        List<String> sorted = List.of("Bob", "alice", "Carol").stream()
                .map(name -> FakeUserDirectory.user(name, true))
                .sorted(SortKey.USERNAME.comparator(true)).map(PoolUser::username).toList();

        assertThat(sorted).containsExactly("alice", "Bob", "Carol");
    }
}
