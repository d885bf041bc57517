package dev.cognitoconsole.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoconsole.model.PoolUser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserFactsTest {
    private final UserFacts facts = new UserFacts(ZoneOffset.UTC);

    @Test
    void listsIdentityStateContactThenTheStandardAttributesByNameThenTheCustomOnes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sub", "0b5f");
        attributes.put("custom:tenant", "acme");
        attributes.put("email", "ann@example.com");
        attributes.put("email_verified", "false");
        attributes.put("phone_number", "+33612345678");
        attributes.put("phone_number_verified", "true");
        attributes.put("given_name", "Ann");
        attributes.put("custom:plan", "gold");
        attributes.put("family_name", "Lee");
        PoolUser ann = new PoolUser("ann", "0b5f", "ann@example.com", false, "FORCE_CHANGE_PASSWORD",
                Instant.parse("2024-05-06T07:08:09Z"), null, attributes);

        assertThat(facts.of(ann)).containsExactly(
                new UserFacts.Fact("Identity", "Username", "ann"),
                new UserFacts.Fact("Identity", "sub", "0b5f"),
                new UserFacts.Fact("State", "Enabled", "No (disabled)"),
                new UserFacts.Fact("State", "Status", "FORCE_CHANGE_PASSWORD"),
                new UserFacts.Fact("State", "Created", "2024-05-06 07:08:09 +00:00"),
                new UserFacts.Fact("State", "Last modified", ""),
                new UserFacts.Fact("Contact", "Email", "ann@example.com"),
                new UserFacts.Fact("Contact", "Email verified", "No"),
                new UserFacts.Fact("Contact", "Phone", "+33612345678"),
                new UserFacts.Fact("Contact", "Phone verified", "Yes"),
                new UserFacts.Fact("Attributes", "family_name", "Lee"),
                new UserFacts.Fact("Attributes", "given_name", "Ann"),
                new UserFacts.Fact("Attributes", "custom:plan", "gold"),
                new UserFacts.Fact("Attributes", "custom:tenant", "acme"));
    }

    @Test
    void aMissingEmailOrPhoneHasNoVerifiedFlag() {
        PoolUser bare = new PoolUser("bare", null, null, true, "CONFIRMED", null, null, Map.of());

        assertThat(facts.of(bare)).contains(new UserFacts.Fact("Contact", "Email verified", ""),
                new UserFacts.Fact("Contact", "Phone verified", ""), new UserFacts.Fact("Identity", "sub", ""));
    }
}
