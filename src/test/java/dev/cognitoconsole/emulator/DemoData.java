package dev.cognitoconsole.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic demo users for a support desk: many scripts, a realistic mix of states.
 *
 * <p>The list always starts with these fixed users (all enabled and CONFIRMED unless noted):
 * <ul>
 *   <li>{@code alice} (Alice Smith), with custom attributes, MFA (authenticator app) and four groups</li>
 *   <li>{@code bob.disabled} (Bob Jones), disabled</li>
 *   <li>{@code carol.unconfirmed} (Carol White), UNCONFIRMED</li>
 *   <li>{@code josé.núñez} (José Núñez)</li>
 *   <li>{@code дмитрий} (Дмитрий Иванов)</li>
 *   <li>{@code 山田太郎} (山田太郎)</li>
 * </ul>
 * Every seeded user has the password {@link SeedUser#DEMO_PASSWORD}.
 */
public final class DemoData {

    public static final String ALICE = "alice";
    public static final String BOB_DISABLED = "bob.disabled";
    public static final String CAROL_UNCONFIRMED = "carol.unconfirmed";
    public static final String JOSE = "josé.núñez";
    public static final String DMITRY = "дмитрий";
    public static final String YAMADA = "山田太郎";

    private static final long SEED = 20240917L;
    private static final String[] DOMAINS = {"example.com", "example.org", "example.net"};

    /** A name as written, and its Latin transliteration for e-mail addresses. */
    private record Name(String nativeForm, String latin) {
    }

    /** Names of one language; CJK names are written family name first, without a space. */
    private record Culture(List<Name> given, List<Name> family, boolean familyFirst, int weight) {
    }

    private static final List<Culture> CULTURES = List.of(
            culture(false, 6, "Emma Emma|Oliver Oliver|Ava Ava|Liam Liam|Grace Grace|Noah Noah|Chloe Chloe|Jack Jack",
                    "Smith Smith|Brown Brown|Taylor Taylor|Wilson Wilson|O'Brien obrien|Johnson Johnson|Clarke Clarke"),
            culture(false, 3, "José Jose|María Maria|Inés Ines|Álvaro Alvaro|Lucía Lucia|Sebastián Sebastian",
                    "Núñez Nunez|García Garcia|Pérez Perez|Muñoz Munoz|Gómez Gomez|Ibáñez Ibanez"),
            culture(false, 3, "François Francois|Zoë Zoe|Hélène Helene|Gaëlle Gaelle|Jérôme Jerome|Anaïs Anais",
                    "Dœuf Doeuf|Lefèvre Lefevre|Müller Muller|Ålund Alund|Søren-Dahl Soren-Dahl|Björk Bjork"),
            culture(false, 2, "Şükrü Sukru|Ayşe Ayse|Łukasz Lukasz|Zofia Zofia|Jiří Jiri",
                    "Yıldız Yildiz|Çelik Celik|Wróbel Wrobel|Dvořák Dvorak|Kowalczyk Kowalczyk"),
            culture(false, 2, "Дмитрий Dmitry|Анна Anna|Сергей Sergey|Ольга Olga|Наталья Natalya",
                    "Иванов Ivanov|Петрова Petrova|Смирнов Smirnov|Кузнецова Kuznetsova|Соколов Sokolov"),
            culture(false, 1, "Ελένη Eleni|Γιώργος Giorgos|Μαρία Maria|Νίκος Nikos",
                    "Παπαδοπούλου Papadopoulou|Ιωάννου Ioannou|Οικονόμου Oikonomou"),
            culture(true, 2, "太郎 Taro|花子 Hanako|健 Ken|美咲 Misaki|翔 Sho",
                    "山田 Yamada|佐藤 Sato|鈴木 Suzuki|高橋 Takahashi|田中 Tanaka"),
            culture(true, 2, "伟 Wei|芳 Fang|小明 Xiaoming|静 Jing|磊 Lei",
                    "王 Wang|李 Li|张 Zhang|刘 Liu|陈 Chen"),
            culture(false, 2, "فاطمة Fatima|محمد Mohammed|ليلى Layla|يوسف Youssef|نور Nour",
                    "الزهراء Alzahraa|حداد Haddad|منصور Mansour|الخطيب Alkhatib"),
            culture(false, 2, "प्रिया Priya|अर्जुन Arjun|अनन्या Ananya|राहुल Rahul",
                    "शर्मा Sharma|वर्मा Verma|पटेल Patel|गुप्ता Gupta"));

    private DemoData() {
    }

    /** {@code n} users (the fixed ones first), dated relative to the start of today (UTC). */
    public static List<SeedUser> supportDesk(int n) {
        return supportDesk(n, LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** {@code n} users (the fixed ones first), created within the three years before {@code now}. */
    public static List<SeedUser> supportDesk(int n, Instant now) {
        Random random = new Random(SEED);
        List<SeedUser> users = new ArrayList<>(fixedUsers(now));
        if (n <= users.size()) {
            return List.copyOf(users.subList(0, Math.max(0, n)));
        }
        Set<String> usernames = new HashSet<>();
        Set<String> emails = new HashSet<>();
        users.forEach(u -> {
            usernames.add(u.username());
            emails.add(u.email().substring(0, u.email().indexOf('@')));
        });
        long span = Duration.ofDays(3 * 365).toSeconds();
        while (users.size() < n) {
            Culture culture = pickCulture(random);
            Name given = pick(random, culture.given());
            Name family = pick(random, culture.family());
            String username = unique(usernames, username(random, culture, given, family));
            String email = unique(emails, (given.latin() + "." + family.latin()).toLowerCase(Locale.ROOT))
                    + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
            boolean enabled = random.nextDouble() >= 0.10;
            String status = status(random.nextDouble());
            Instant created = now.minusSeconds(1 + (long) (random.nextDouble() * span));
            Instant lastModified = created.plusSeconds((long) (random.nextDouble() * (now.getEpochSecond() - created.getEpochSecond())));
            users.add(new SeedUser(username, email, enabled, status, created, lastModified,
                    names(culture, given.nativeForm(), family.nativeForm(), status)));
        }
        return List.copyOf(users);
    }

    /**
     * The support desk's groups, with the fixed users as members: {@code alice} is in all four, so the detail pane
     * shows groups with and without a precedence or a description.
     */
    public static List<GroupSeed> supportDeskGroups() {
        return List.of(
                new GroupSeed("admins", "Console administrators", 1, List.of(ALICE)),
                new GroupSeed("support-desk", "First-line support", 10, List.of(ALICE, JOSE, DMITRY)),
                new GroupSeed("billing", "Invoices and refunds", 20, List.of(ALICE, YAMADA)),
                new GroupSeed("beta-testers", null, null, List.of(ALICE, BOB_DISABLED, CAROL_UNCONFIRMED)));
    }

    private static List<SeedUser> fixedUsers(Instant now) {
        return List.of(
                custom(fixed(now, ALICE, "alice@example.com", true, "CONFIRMED", 900, "Alice", "Smith", false),
                        "acme-eu", "gold").withMfa("SOFTWARE_TOKEN_MFA"),
                custom(fixed(now, BOB_DISABLED, "bob@example.com", false, "CONFIRMED", 700, "Bob", "Jones", false),
                        "acme-eu", "free"),
                fixed(now, CAROL_UNCONFIRMED, "carol@example.com", true, "UNCONFIRMED", 30, "Carol", "White", false),
                custom(fixed(now, JOSE, "jose.nunez@example.com", true, "CONFIRMED", 500, "José", "Núñez", false),
                        "acme-latam", "silver"),
                fixed(now, DMITRY, "dmitry.ivanov@example.com", true, "CONFIRMED", 400, "Дмитрий", "Иванов", false),
                fixed(now, YAMADA, "taro.yamada@example.com", true, "CONFIRMED", 300, "太郎", "山田", true));
    }

    private static SeedUser fixed(Instant now, String username, String email, boolean enabled, String status,
                                  int daysAgo, String given, String family, boolean familyFirst) {
        Instant created = now.minus(Duration.ofDays(daysAgo));
        return new SeedUser(username, email, enabled, status, created, created.plus(Duration.ofDays(daysAgo / 2)),
                names(familyFirst, given, family, status));
    }

    /** The user with the pool's custom attributes {@code custom:tenant} and {@code custom:plan}. */
    private static SeedUser custom(SeedUser user, String tenant, String plan) {
        Map<String, String> attributes = new LinkedHashMap<>(user.extraAttributes());
        attributes.put("custom:tenant", tenant);
        attributes.put("custom:plan", plan);
        return new SeedUser(user.username(), user.email(), user.enabled(), user.status(), user.created(),
                user.lastModified(), attributes, user.mfa());
    }

    private static String username(Random random, Culture culture, Name given, Name family) {
        double form = random.nextDouble();
        if (form < 0.35) {
            return (given.latin() + "." + family.latin()).toLowerCase(Locale.ROOT);
        } else if (form < 0.70) {
            return culture.familyFirst()
                    ? family.nativeForm() + given.nativeForm()
                    : (given.nativeForm() + "." + family.nativeForm()).toLowerCase(Locale.ROOT);
        } else if (form < 0.85) {
            return (given.latin().charAt(0) + family.latin()).toLowerCase(Locale.ROOT);
        } else {
            return given.nativeForm().toLowerCase(Locale.ROOT) + (10 + random.nextInt(90));
        }
    }

    private static String status(double draw) {
        if (draw < 0.10) {
            return "UNCONFIRMED";
        } else if (draw < 0.15) {
            return "FORCE_CHANGE_PASSWORD";
        } else if (draw < 0.18) {
            return "RESET_REQUIRED";
        }
        return "CONFIRMED";
    }

    private static Map<String, String> names(Culture culture, String given, String family, String status) {
        return names(culture.familyFirst(), given, family, status);
    }

    private static Map<String, String> names(boolean familyFirst, String given, String family, String status) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("email_verified", Boolean.toString("CONFIRMED".equals(status)));
        attributes.put("given_name", given);
        attributes.put("family_name", family);
        attributes.put("name", familyFirst ? family + given : given + " " + family);
        return attributes;
    }

    /** Appends 2, 3, ... until the value is new. */
    private static String unique(Set<String> taken, String base) {
        String candidate = base;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = base + i;
        }
        return candidate;
    }

    private static Culture pickCulture(Random random) {
        int total = CULTURES.stream().mapToInt(Culture::weight).sum();
        int draw = random.nextInt(total);
        for (Culture culture : CULTURES) {
            draw -= culture.weight();
            if (draw < 0) {
                return culture;
            }
        }
        throw new AssertionError();
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static Culture culture(boolean familyFirst, int weight, String given, String family) {
        return new Culture(parse(given), parse(family), familyFirst, weight);
    }

    /** "Native Latin|Native Latin|..." */
    private static List<Name> parse(String names) {
        List<Name> parsed = new ArrayList<>();
        for (String pair : names.split("\\|")) {
            String[] parts = pair.split(" ");
            parsed.add(new Name(parts[0], parts[1]));
        }
        return List.copyOf(parsed);
    }
}
