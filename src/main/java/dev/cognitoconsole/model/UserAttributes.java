package dev.cognitoconsole.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A user's attributes, immutable, in the order Cognito listed them. Compact, because a loaded pool holds one
 * per user (a million users must fit in 1 GiB): the names array is meant to be shared by every user whose
 * attributes have the same names in the same order, so each user holds only its values. A hash map per user
 * cost about 130 bytes more and twice the allocation while loading.
 *
 * <p>Lookups scan the names; a user has a handful of attributes (at most a few dozen), which is as quick as
 * hashing the key.
 */
public final class UserAttributes extends AbstractMap<String, String> {
    private final String[] names;
    private final String[] values;
    private Set<Entry<String, String>> entries;

    /**
     * Takes both arrays as they are, without copying: neither may change afterwards. {@code names} holds
     * distinct names, {@code values} no nulls, and both are of the same length.
     */
    public UserAttributes(String[] names, String[] values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names for " + values.length + " values");
        }
        this.names = names;
        this.values = values;
    }

    /** Whether both use one array of names (the sharing that keeps them small). */
    public boolean sharesNamesWith(UserAttributes other) {
        return names == other.names;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public String get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    private int indexOf(Object name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        if (entries == null) {
            entries = new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < names.length;
                        }

                        @Override
                        public Entry<String, String> next() {
                            if (next >= names.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return Map.entry(names[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return names.length;
                }
            };
        }
        return entries;
    }
}
