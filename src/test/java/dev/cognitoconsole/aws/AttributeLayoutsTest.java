package dev.cognitoconsole.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.cognitoconsole.model.PoolUser;
import dev.cognitoconsole.model.UserAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/** ListUsers attribute lists to compact {@link UserAttributes}. */
class AttributeLayoutsTest {

    private final AttributeLayouts layouts = new AttributeLayouts(String::intern);

    private static List<AttributeType> listed(String... nameValue) {
        List<AttributeType> list = new ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            list.add(AttributeType.builder().name(nameValue[i]).value(nameValue[i + 1]).build());
        }
        return list;
    }

    @Test
    void keepsEveryAttributeInTheOrderListedAndEqualsAnOrdinaryMap() {
        Map<String, String> attributes = layouts.attributes(listed("sub", "s-1", "email", "a@example.com",
                "name", "Zoë Müller"));

        assertThat(attributes).containsExactly(entry("sub", "s-1"), entry("email", "a@example.com"),
                entry("name", "Zoë Müller"));
        assertThat(attributes.get("email")).isEqualTo("a@example.com");
        assertThat(attributes.get("phone_number")).isNull();
        assertThat(attributes.containsKey("name")).isTrue();
        assertThat(attributes).isEqualTo(Map.of("sub", "s-1", "email", "a@example.com", "name", "Zoë Müller"));
        assertThat(attributes.hashCode()).isEqualTo(Map.of("sub", "s-1", "email", "a@example.com",
                "name", "Zoë Müller").hashCode());
    }

    @Test
    void usersWithTheSameNamesShareOneArrayOfNames() {
        Map<String, String> first = layouts.attributes(listed("sub", "s-1", "email", "a@example.com"));
        Map<String, String> second = layouts.attributes(listed("sub", "s-2", "email", "b@example.com"));
        Map<String, String> withPhone = layouts.attributes(listed("sub", "s-3", "phone_number", "+15550100"));

        assertThat(((UserAttributes) second).sharesNamesWith((UserAttributes) first)).isTrue();
        assertThat(((UserAttributes) withPhone).sharesNamesWith((UserAttributes) first)).isFalse();
        assertThat(second).containsExactly(entry("sub", "s-2"), entry("email", "b@example.com"));
    }

    @Test
    void aNameListedTwiceKeepsItsFirstValue() {
        Map<String, String> attributes = layouts.attributes(listed("email", "first@example.com", "sub", "s-1",
                "email", "second@example.com"));

        assertThat(attributes).containsExactly(entry("email", "first@example.com"), entry("sub", "s-1"));
        assertThat(layouts.attributes(listed("email", "x@example.com", "sub", "s-2", "email", "y@example.com")))
                .containsExactly(entry("email", "x@example.com"), entry("sub", "s-2"));
    }

    @Test
    void attributesWithoutANameOrAValueAreLeftOut() {
        List<AttributeType> list = listed("sub", "s-1");
        list.add(AttributeType.builder().name("email").build());
        list.add(AttributeType.builder().value("orphan").build());

        assertThat(layouts.attributes(list)).containsExactly(entry("sub", "s-1"));
        assertThat(layouts.attributes(List.of(AttributeType.builder().name("email").build()))).isEmpty();
        assertThat(layouts.attributes(List.of())).isEmpty();
    }

    @Test
    void cannotBeChanged() {
        Map<String, String> attributes = layouts.attributes(listed("sub", "s-1", "email", "a@example.com"));

        assertThatThrownBy(() -> attributes.put("email", "b@example.com"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.remove("sub")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.entrySet().iterator().remove())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(attributes).hasSize(2);
    }

    @Test
    void aPoolUserKeepsTheCompactAttributesWithoutCopyingThem() {
        Map<String, String> attributes = layouts.attributes(listed("sub", "s-1", "email_verified", "true"));

        PoolUser user = new PoolUser("ana", "s-1", null, true, "CONFIRMED", null, null, attributes);

        assertThat(user.attributes()).isSameAs(attributes);
    }

    @Test
    void beyondTheLimitOfLayoutsAttributesAreStillComplete() {
        for (int i = 0; i <= AttributeLayouts.LIMIT; i++) {
            layouts.attributes(listed("custom:n" + i, "v"));
        }

        assertThat(layouts.attributes(listed("sub", "s-1", "custom:late", "x")))
                .containsExactly(entry("sub", "s-1"), entry("custom:late", "x"));
    }
}
