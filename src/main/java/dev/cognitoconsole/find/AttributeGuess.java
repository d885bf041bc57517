package dev.cognitoconsole.find;

import dev.cognitoconsole.model.UserFilter;
import java.util.regex.Pattern;

/** Which attribute a pasted value most likely is: what a ticket carries is an email, a phone number or a sub. */
public final class AttributeGuess {
    private static final Pattern PHONE = Pattern.compile("\\+[0-9]+");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private AttributeGuess() {
    }

    /** An {@code @}: email; a {@code +} and digits: phone_number; a UUID: sub; anything else: username. */
    public static UserFilter.Attribute of(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.contains("@")) {
            return UserFilter.Attribute.EMAIL;
        }
        if (PHONE.matcher(text).matches()) {
            return UserFilter.Attribute.PHONE_NUMBER;
        }
        if (UUID.matcher(text).matches()) {
            return UserFilter.Attribute.SUB;
        }
        return UserFilter.Attribute.USERNAME;
    }
}
