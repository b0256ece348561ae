package press.dispatch.articles;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** URL names made from titles: lower-case ASCII letters and digits joined by single hyphens. */
final class Slugs {

    static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    static String from(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "story" : slug;
    }

    static boolean isValid(String slug) {
        return slug.length() <= MAX_LENGTH && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    /** The slug itself if free, else the first free of slug-2, slug-3… */
    static String unique(String slug, Predicate<String> taken) {
        if (!taken.test(slug)) {
            return slug;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String base = slug.length() + suffix.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH - suffix.length()) : slug;
            String candidate = base + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }
}
