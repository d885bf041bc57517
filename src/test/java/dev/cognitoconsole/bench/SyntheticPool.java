package dev.cognitoconsole.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user pool that exists only as a function: user {@code i} of a pool is computed from {@code i}, so any
 * page of ListUsers can be answered without holding the pool in memory. Users look like Cognito's: a
 * {@code sub}, an e-mail, names in several scripts, a phone number for about a third of them, a mix of
 * enabled/disabled and confirmation states, and dates written as epoch seconds with a fraction.
 *
 * <p>Pagination tokens are opaque-looking base64 (with {@code + / =}, like Cognito's), bound to the pool
 * and carrying the offset of the next page and a check value, so a token from another pool or a mangled
 * one is refused as Cognito refuses it.
 */
final class SyntheticPool {

    /** Cognito's largest ListUsers page. */
    static final int MAX_LIMIT = 60;

    private static final long SEED = 0x5EEDC0617L;
    private static final long NOW_MILLIS = 1_726_500_000_000L; // 2024-09-16
    private static final long THREE_YEARS_MILLIS = 3L * 365 * 24 * 3600 * 1000;
    private static final String[] DOMAINS = {"example.com", "example.org", "example.net"};
    private static final String[] STATUSES = {"CONFIRMED", "UNCONFIRMED", "FORCE_CHANGE_PASSWORD", "RESET_REQUIRED"};

    /**
     * Per culture: given names, then family names, each {native, latin}. Apostrophes are fine in JSON;
     * quotes and backslashes never occur, so values need no escaping.
     */
    private static final String[][][][] CULTURES = {
            {{{"Emma", "emma"}, {"Oliver", "oliver"}, {"Ava", "ava"}, {"Liam", "liam"}, {"Grace", "grace"},
                    {"Noah", "noah"}, {"Chloe", "chloe"}, {"Jack", "jack"}},
                    {{"Smith", "smith"}, {"Brown", "brown"}, {"Taylor", "taylor"}, {"Wilson", "wilson"},
                            {"O'Brien", "obrien"}, {"Johnson", "johnson"}, {"Clarke", "clarke"}}},
            {{{"Emily", "emily"}, {"James", "james"}, {"Sophie", "sophie"}, {"Harry", "harry"}},
                    {{"Walker", "walker"}, {"Evans", "evans"}, {"Hughes", "hughes"}, {"Robinson", "robinson"}}},
            {{{"José", "jose"}, {"María", "maria"}, {"Inés", "ines"}, {"Álvaro", "alvaro"}, {"Lucía", "lucia"}},
                    {{"Núñez", "nunez"}, {"García", "garcia"}, {"Pérez", "perez"}, {"Muñoz", "munoz"}}},
            {{{"François", "francois"}, {"Zoë", "zoe"}, {"Hélène", "helene"}, {"Jérôme", "jerome"}},
                    {{"Lefèvre", "lefevre"}, {"Müller", "muller"}, {"Ålund", "alund"}, {"Björk", "bjork"}}},
            {{{"Łukasz", "lukasz"}, {"Ayşe", "ayse"}, {"Jiří", "jiri"}},
                    {{"Yıldız", "yildiz"}, {"Wróbel", "wrobel"}, {"Dvořák", "dvorak"}}},
            {{{"Дмитрий", "dmitry"}, {"Анна", "anna"}, {"Сергей", "sergey"}},
                    {{"Иванов", "ivanov"}, {"Петрова", "petrova"}, {"Смирнов", "smirnov"}}},
            {{{"Ελένη", "eleni"}, {"Γιώργος", "giorgos"}},
                    {{"Παπαδοπούλου", "papadopoulou"}, {"Ιωάννου", "ioannou"}}},
            {{{"太郎", "taro"}, {"花子", "hanako"}, {"健", "ken"}},
                    {{"山田", "yamada"}, {"佐藤", "sato"}, {"鈴木", "suzuki"}}},
            {{{"伟", "wei"}, {"芳", "fang"}, {"静", "jing"}},
                    {{"王", "wang"}, {"李", "li"}, {"张", "zhang"}}},
            {{{"فاطمة", "fatima"}, {"يوسف", "youssef"}},
                    {{"حداد", "haddad"}, {"منصور", "mansour"}}},
            {{{"प्रिया", "priya"}, {"अर्जुन", "arjun"}},
                    {{"शर्मा", "sharma"}, {"पटेल", "patel"}}}};

    private SyntheticPool() {
    }

    /** The JSON body of ListUsers for users {@code offset .. offset+limit-1} of a pool of {@code size}. */
    static byte[] listUsersPage(String poolId, int size, int offset, int limit) {
        int end = Math.min(size, offset + limit);
        StringBuilder json = new StringBuilder(600 * Math.max(1, end - offset) + 200);
        json.append("{\"Users\":[");
        for (int i = offset; i < end; i++) {
            if (i > offset) {
                json.append(',');
            }
            appendUser(json, i);
        }
        json.append(']');
        if (end < size) {
            json.append(",\"PaginationToken\":\"").append(token(poolId, end)).append('"');
        }
        json.append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The username of user {@code i}: name-like, so the listing order is not alphabetical. */
    static String username(int i) {
        long r = mix(SEED ^ i);
        String[] given = given(r);
        String[] family = family(r);
        String suffix = Integer.toString(i, 36);
        switch ((int) ((r >>> 16) & 3)) {
            case 0:
                return given[1] + "." + family[1] + "." + suffix;
            case 1:
                return (given[0] + "." + family[0]).toLowerCase(java.util.Locale.ROOT).replace("'", "")
                        + "." + suffix;
            case 2:
                return given[1].charAt(0) + family[1] + suffix;
            default:
                return family[1] + "_" + given[1] + suffix;
        }
    }

    private static void appendUser(StringBuilder json, int i) {
        long r = mix(SEED ^ i);
        long r2 = mix(r);
        String[] given = given(r);
        String[] family = family(r);
        boolean familyFirst = given[0].codePointAt(0) >= 0x3000;
        String status = (r >>> 24) % 100 < 82 ? STATUSES[0]
                : STATUSES[1 + (int) Long.remainderUnsigned(r >>> 32, STATUSES.length - 1)];
        boolean enabled = (r >>> 40) % 10 != 0;
        boolean phone = (r >>> 44) % 3 == 0;
        long created = NOW_MILLIS - 1000 - Long.remainderUnsigned(r2, THREE_YEARS_MILLIS);
        long modified = created + Long.remainderUnsigned(r2 >>> 7, NOW_MILLIS - created);

        json.append("{\"Username\":\"").append(username(i)).append("\",\"Attributes\":[");
        attribute(json, "sub", sub(r, r2)).append(',');
        attribute(json, "email_verified", "CONFIRMED".equals(status) ? "true" : "false").append(',');
        if (phone) {
            attribute(json, "phone_number_verified", "false").append(',');
            attribute(json, "phone_number", "+1555" + Long.toString(10_000_000L + Long.remainderUnsigned(r2 >>> 11, 10_000_000L)).substring(1))
                    .append(',');
        }
        attribute(json, "given_name", given[0]).append(',');
        attribute(json, "family_name", family[0]).append(',');
        attribute(json, "name", familyFirst ? family[0] + given[0] : given[0] + " " + family[0]).append(',');
        attribute(json, "email", given[1] + "." + family[1] + "." + Integer.toString(i, 36) + "@"
                + DOMAINS[(int) Long.remainderUnsigned(r2 >>> 50, DOMAINS.length)]);
        json.append("],\"UserCreateDate\":").append(created / 1000.0)
                .append(",\"UserLastModifiedDate\":").append(modified / 1000.0)
                .append(",\"Enabled\":").append(enabled)
                .append(",\"UserStatus\":\"").append(status).append("\"}");
    }

    private static String[][][] culture(long r) {
        return CULTURES[(int) Long.remainderUnsigned(r >>> 52, CULTURES.length)];
    }

    private static String[] given(long r) {
        String[][] names = culture(r)[0];
        return names[(int) Long.remainderUnsigned(r, names.length)];
    }

    private static String[] family(long r) {
        String[][] names = culture(r)[1];
        return names[(int) Long.remainderUnsigned(r >>> 8, names.length)];
    }

    private static StringBuilder attribute(StringBuilder json, String name, String value) {
        return json.append("{\"Name\":\"").append(name).append("\",\"Value\":\"").append(value).append("\"}");
    }

    /** A version-4-shaped UUID from two random longs (String.format would cost more than the whole page). */
    private static String sub(long a, long b) {
        char[] hex = new char[36];
        int at = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                hex[at++] = '-';
            }
            long word = i < 16 ? a : b;
            int nibble = (int) (word >>> (60 - 4 * (i % 16))) & 0xF;
            if (i == 12) {
                nibble = 4;
            } else if (i == 16) {
                nibble = 8 | (nibble & 3);
            }
            hex[at++] = Character.forDigit(nibble, 16);
        }
        return new String(hex);
    }

    // Tokens

    /** The token that leads to the page starting at {@code offset}. */
    static String token(String poolId, int offset) {
        int pool = poolId.hashCode();
        ByteBuffer bytes = ByteBuffer.allocate(96);
        bytes.put((byte) 1).putInt(offset).putInt(pool);
        long filler = mix(((long) pool << 32) ^ offset);
        while (bytes.position() < 88) {
            filler = mix(filler);
            bytes.put((byte) filler);
        }
        bytes.putLong(88, check(bytes.array(), 88));
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** The offset a token leads to, or -1 when it is not a token of this pool. */
    static int offsetOf(String poolId, String token) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return -1;
        }
        if (raw.length != 96 || raw[0] != 1) {
            return -1;
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        int offset = bytes.getInt(1);
        if (bytes.getInt(5) != poolId.hashCode() || bytes.getLong(88) != check(raw, 88) || offset < 0) {
            return -1;
        }
        return offset;
    }

    private static long check(byte[] bytes, int length) {
        long h = SEED;
        for (int i = 0; i < length; i++) {
            h = (h ^ bytes[i]) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: a cheap, well-spread hash of a long. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
