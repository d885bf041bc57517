package dev.cognitoconsole.aws;

import dev.cognitoconsole.model.UserAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/**
 * Maps Cognito's attribute lists to {@link UserAttributes}, one array of names per layout (the names of a
 * user's attributes, in order). A pool's users come in a few layouts (with or without a phone number, say),
 * so most users match a known layout by comparing names, without hashing or interning each name.
 */
final class AttributeLayouts {
    /** Beyond this many layouts, new ones are no longer kept (each user then holds its own names). */
    static final int LIMIT = 64;

    private final UnaryOperator<String> shareName;
    private volatile String[][] known = new String[0][];

    /** @param shareName returns one shared copy of an attribute name */
    AttributeLayouts(UnaryOperator<String> shareName) {
        this.shareName = shareName;
    }

    /** The attributes with a name and a value; of a name listed twice, the first. */
    Map<String, String> attributes(List<AttributeType> list) {
        int size = list.size();
        if (size == 0) {
            return Map.of();
        }
        String[] names = new String[size];
        String[] values = new String[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            AttributeType a = list.get(i);
            String name = a.name();
            String value = a.value();
            if (name != null && value != null) {
                names[n] = name;
                values[n++] = sharedValue(value);
            }
        }
        if (n == 0) {
            return Map.of();
        }
        if (n < size) {
            values = Arrays.copyOf(values, n);
        }
        String[] layout = find(names, n);
        if (layout == null) {
            return distinct(names, values, n);
        }
        return new UserAttributes(layout, values);
    }

    /** A known layout with exactly these names, or {@code null}. */
    private String[] find(String[] names, int n) {
        for (String[] layout : known) {
            if (Arrays.equals(layout, 0, layout.length, names, 0, n)) {
                return layout;
            }
        }
        return null;
    }

    /** The slow path of a layout not seen before: drops repeated names, then remembers the layout. */
    private Map<String, String> distinct(String[] names, String[] values, int n) {
        String[] keptNames = new String[n];
        String[] keptValues = new String[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            String name = shareName.apply(names[i]);
            if (!contains(keptNames, kept, name)) {
                keptNames[kept] = name;
                keptValues[kept++] = values[i];
            }
        }
        String[] layout = remember(Arrays.copyOf(keptNames, kept));
        return new UserAttributes(layout, kept == n ? values : Arrays.copyOf(keptValues, kept));
    }

    private static boolean contains(String[] names, int n, String name) {
        for (int i = 0; i < n; i++) {
            if (names[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    private synchronized String[] remember(String[] layout) {
        String[][] now = known;
        for (String[] existing : now) {
            if (Arrays.equals(existing, layout)) {
                return existing;
            }
        }
        if (now.length < LIMIT) {
            String[][] more = Arrays.copyOf(now, now.length + 1);
            more[now.length] = layout;
            known = more;
        }
        return layout;
    }

    /** "true" and "false" (email_verified, phone_number_verified) are in almost every user: one copy each. */
    private static String sharedValue(String value) {
        if ("true".equals(value)) {
            return "true";
        }
        return "false".equals(value) ? "false" : value;
    }
}
