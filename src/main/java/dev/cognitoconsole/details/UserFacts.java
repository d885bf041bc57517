package dev.cognitoconsole.details;

import dev.cognitoconsole.model.PoolUser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the row already loaded says about a user, as the pane lists it: no call to Cognito. */
public final class UserFacts {
    static final String IDENTITY = "Identity";
    static final String STATE = "State";
    static final String CONTACT = "Contact";
    static final String ATTRIBUTES = "Attributes";
    /** Shown under their own names above; every other attribute is listed as Cognito names it. */
    private static final Set<String> SHOWN_ABOVE = Set.of("sub", "email", "email_verified", "phone_number",
            "phone_number_verified");

    /**
     * One line of the pane.
     *
     * @param section Identity, State, Contact or Attributes
     * @param name    what the value is
     * @param value   the value, as it is copied; empty when unknown
     */
    public record Fact(String section, String name, String value) {
    }

    private final DateTimeFormatter when;

    public UserFacts(ZoneId zone) {
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx").withZone(zone);
    }

    /** Every fact of {@code user}: identity, state, contact with verified flags, then every other attribute. */
    public List<Fact> of(PoolUser user) {
        List<Fact> facts = new ArrayList<>();
        Map<String, String> attributes = user.attributes();
        facts.add(new Fact(IDENTITY, "Username", user.username()));
        facts.add(new Fact(IDENTITY, "sub", text(user.sub() != null ? user.sub() : attributes.get("sub"))));
        facts.add(new Fact(STATE, "Enabled", user.enabled() ? "Yes" : "No (disabled)"));
        facts.add(new Fact(STATE, "Status", text(user.status())));
        facts.add(new Fact(STATE, "Created", time(user.created())));
        facts.add(new Fact(STATE, "Last modified", time(user.lastModified())));
        String email = user.email() != null ? user.email() : attributes.get("email");
        facts.add(new Fact(CONTACT, "Email", text(email)));
        facts.add(new Fact(CONTACT, "Email verified", verified(email, attributes.get("email_verified"))));
        String phone = attributes.get("phone_number");
        facts.add(new Fact(CONTACT, "Phone", text(phone)));
        facts.add(new Fact(CONTACT, "Phone verified", verified(phone, attributes.get("phone_number_verified"))));
        // A stable order an operator can scan: the pool's standard attributes by name, then its custom ones.
        attributes.keySet().stream()
                .filter(name -> !SHOWN_ABOVE.contains(name))
                .sorted(Comparator.comparing((String name) -> name.startsWith("custom:")).thenComparing(name -> name))
                .forEach(name -> facts.add(new Fact(ATTRIBUTES, name, text(attributes.get(name)))));
        return List.copyOf(facts);
    }

    private static String verified(String value, String flag) {
        if (value == null) {
            return "";
        }
        return "true".equalsIgnoreCase(flag) ? "Yes" : "No";
    }

    private String time(Instant instant) {
        return instant == null ? "" : when.format(instant);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
