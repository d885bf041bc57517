package dev.cognitoconsole.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    private static final Instant NOW = Instant.parse("2026-01-15T00:00:00Z");
    private final List<SeedUser> users = DemoData.supportDesk(300, NOW);

    @Test
    void hasTheRequestedNumberOfUniqueUsernamesAndEmails() {
        assertThat(users).hasSize(300);
        assertThat(users).extracting(SeedUser::username).doesNotHaveDuplicates();
        assertThat(users).extracting(SeedUser::email).doesNotHaveDuplicates();
        assertThat(DemoData.supportDesk(3, NOW)).hasSize(3);
    }

    @Test
    void usernamesFollowCognitosRule() {
        assertThat(users).extracting(SeedUser::username)
                .allMatch(name -> SeedUser.USERNAME_RULE.matcher(name).matches());
    }

    @Test
    void startsWithTheDocumentedUsers() {
        assertThat(users.subList(0, 6)).extracting(SeedUser::username).containsExactly(
                DemoData.ALICE, DemoData.BOB_DISABLED, DemoData.CAROL_UNCONFIRMED,
                DemoData.JOSE, DemoData.DMITRY, DemoData.YAMADA);
        assertThat(users.get(1).enabled()).isFalse();
        assertThat(users.get(2).status()).isEqualTo("UNCONFIRMED");
        assertThat(users.get(3).extraAttributes()).containsEntry("name", "José Núñez");
    }

    @Test
    void mixesStatesAndScripts() {
        Map<String, Long> byStatus = users.stream()
                .collect(Collectors.groupingBy(SeedUser::status, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys("CONFIRMED", "UNCONFIRMED", "FORCE_CHANGE_PASSWORD", "RESET_REQUIRED");
        assertThat(byStatus.get("CONFIRMED")).isGreaterThan(180);
        assertThat(users).filteredOn(u -> !u.enabled()).hasSizeBetween(10, 60);
        assertThat(users).extracting(SeedUser::username)
                .anyMatch(name -> name.codePoints().allMatch(c -> c < 128))
                .anyMatch(name -> name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC))
                .anyMatch(name -> name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC))
                .anyMatch(name -> name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.DEVANAGARI))
                .anyMatch(name -> name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .anyMatch(name -> name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.GREEK));
    }

    @Test
    void datesFallInTheLastThreeYears() {
        assertThat(users).allSatisfy(u -> {
            assertThat(u.created()).isBetween(NOW.minus(Duration.ofDays(3 * 365 + 1)), NOW);
            assertThat(u.lastModified()).isBetween(u.created(), NOW);
        });
    }

    @Test
    void isDeterministic() {
        assertThat(DemoData.supportDesk(300, NOW)).isEqualTo(users);
        assertThat(DemoData.supportDesk(300, NOW).get(42).sub()).isEqualTo(users.get(42).sub());
    }
}
