package press.dispatch.site;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/** Every site setting, its stored key, its default, and the rule a new value must keep. */
public enum Setting {
    NAME("site.name", "Dispatch", 100),
    TAGLINE("site.tagline", "News as it happens", 200),
    DESCRIPTION("site.description", "An independent newsroom.", 500),
    BASE_URL("site.base_url", "", 300),
    LANGUAGE("site.language", "en", 35),
    TIME_ZONE("site.time_zone", "UTC", 64),
    FOOTER("site.footer", "Published with Dispatch.", 500),

    SUBSCRIBE_HEADING("label.subscribe.heading", "Discover more from {site}", 200),
    SUBSCRIBE_TEXT("label.subscribe.text", "Have our latest stories sent to your inbox as soon as they are published.", 500),
    SUBSCRIBE_EMAIL("label.subscribe.email", "Your email address", 100),
    SUBSCRIBE_BUTTON("label.subscribe.button", "Subscribe", 50),

    COMMENTS_HEADING("label.comments.heading", "Leave a Reply", 200),
    COMMENTS_PRIVACY("label.comments.privacy", "We never publish your email address.", 500),
    COMMENTS_REQUIRED("label.comments.required", "Fields marked * are required.", 500),
    COMMENTS_COMMENT("label.comments.comment", "Comment", 100),
    COMMENTS_NAME("label.comments.name", "Name", 100),
    COMMENTS_EMAIL("label.comments.email", "Email", 100),
    COMMENTS_WEBSITE("label.comments.website", "Website", 100),
    COMMENTS_REMEMBER("label.comments.remember", "Keep my name, email and website in this browser for next time.", 300),
    COMMENTS_BUTTON("label.comments.button", "Post comment", 50),

    MAIL_FROM_NAME("mail.from_name", "Dispatch", 100),
    MAIL_FROM_ADDRESS("mail.from_address", "newsroom@localhost", 254),
    MAIL_REPLY_TO("mail.reply_to", "newsroom@localhost", 254),
    MAIL_POSTAL_ADDRESS("mail.postal_address", "Dispatch newsroom", 300),

    DIGEST_DAILY_TIME("digest.daily_time", "07:00", 5),
    DIGEST_WEEKLY_DAY("digest.weekly_day", "MONDAY", 9),
    DIGEST_WEEKLY_TIME("digest.weekly_time", "07:00", 5),

    COMMENTS_NOTIFY_REPLIES("label.comments.notify", "Email me when someone replies to my comment.", 300),
    COMMENTS_MODERATION("comments.moderation", "hold_first", 20),
    COMMENTS_MAX_LINKS("comments.max_links", "2", 3),
    COMMENTS_HOLD_WORDS("comments.hold_words", "", 20_000),
    COMMENTS_SPAM_WORDS("comments.spam_words", "", 20_000),
    COMMENTS_CLOSE_AFTER_DAYS("comments.close_after_days", "0", 5),
    COMMENTS_THREAD_DEPTH("comments.thread_depth", "3", 2),
    COMMENTS_MIN_SECONDS("comments.min_seconds", "3", 4),
    COMMENTS_MODERATOR_EMAIL("comments.moderator_email", "", 254),

    FEED_CONTENT("feeds.content", "full", 7),
    FEED_PARTNER_SECRET("feeds.partner_secret", "", 64),
    /** Names only the sitemap index, which lists the news sitemap on the days it has stories (on others it is a 404). */
    ROBOTS_TXT("seo.robots_txt", """
            User-agent: *
            Disallow: /admin
            Disallow: /api
            Disallow: /preview

            Sitemap: {base}/sitemap.xml
            """, 10_000),
    LOGO_URL("site.logo_url", "/assets/logo.png", 300),
    /** The public pages' link, button and section-label colour; the default is the one site.css was drawn with. */
    ACCENT_COLOR("site.accent_color", "#8a1c1c", 30),
    LOGO_PHOTO("site.logo_photo", "", 19),
    LOGO_DISPLAY("site.logo_display", "logo_and_name", 13),
    UPDATED_WHEN("articles.updated_when", "headline,body", 100),
    /** Photo uploads: the largest file and picture accepted (the server's DISPATCH_MEDIA_* settings are the ceiling). */
    MEDIA_MAX_UPLOAD_MB("media.max_upload_mb", "20", 2),
    MEDIA_MAX_MEGAPIXELS("media.max_megapixels", "50", 3),
    /** Publishing an article whose photos lack a credit or alt text: "confirm" asks first, "refuse" stops it. */
    MEDIA_MISSING_CREDIT("media.missing_credit", "confirm", 7);

    /** The parts of an article whose change after publication makes its page say "Updated". */
    public static final java.util.List<String> UPDATE_PARTS = java.util.List.of("headline", "standfirst", "body", "photo", "section", "tags");

    private final String key;
    private final String defaultValue;
    private final int maxLength;

    Setting(String key, String defaultValue, int maxLength) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.maxLength = maxLength;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /**
     * Whether the value may span lines. Every other value may end up in a mail header (the site name in
     * {@code List-Id}, the sender's name in {@code From}) or a one-line label, so a line break is refused there.
     */
    public boolean multiline() {
        return switch (this) {
            case DESCRIPTION, FOOTER, SUBSCRIBE_TEXT, COMMENTS_PRIVACY, COMMENTS_REQUIRED, COMMENTS_HOLD_WORDS, COMMENTS_SPAM_WORDS,
                 MAIL_POSTAL_ADDRESS, ROBOTS_TXT -> true;
            default -> false;
        };
    }

    public static Optional<Setting> ofKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Why this value is not acceptable, or empty when it is. */
    public Optional<String> problemWith(String value) {
        if (value == null || value.isBlank()) {
            return this == FOOTER || this == DESCRIPTION || this == COMMENTS_HOLD_WORDS || this == COMMENTS_SPAM_WORDS
                    || this == COMMENTS_MODERATOR_EMAIL || this == BASE_URL || this == FEED_PARTNER_SECRET
                    || this == LOGO_PHOTO ? Optional.empty() : Optional.of("must not be empty");
        }
        if (value.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        if (!multiline() && value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029)) {
            return Optional.of("must be one line, without line breaks, tabs or other control characters");
        }
        if (value.chars().anyMatch(c -> (c < 0x20 || c == 0x7f) && c != '\n' && c != '\r' && c != '\t')) {
            return Optional.of("must not contain control characters");
        }
        switch (this) {
            case LOGO_PHOTO -> {
                if (!value.strip().matches("[1-9][0-9]{0,17}")) {
                    return Optional.of("must be the number of a photo in the library, or empty for none");
                }
            }
            case LOGO_DISPLAY -> {
                if (!value.strip().equals("logo_only") && !value.strip().equals("logo_and_name")) {
                    return Optional.of("must be logo_only or logo_and_name");
                }
            }
            case TIME_ZONE -> {
                try {
                    ZoneId.of(value);
                } catch (DateTimeException e) {
                    return Optional.of("must be a time zone such as Europe/London or UTC");
                }
            }
            case LANGUAGE -> {
                try {
                    new Locale.Builder().setLanguageTag(value);
                } catch (IllformedLocaleException e) {
                    return Optional.of("must be a language tag such as en or en-GB");
                }
            }
            case DIGEST_DAILY_TIME, DIGEST_WEEKLY_TIME -> {
                if (!value.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
                    return Optional.of("must be a time of day such as 07:00 (24-hour clock, site time zone)");
                }
            }
            case COMMENTS_MODERATION -> {
                if (!value.equals("hold_first") && !value.equals("hold_all")) {
                    return Optional.of("must be hold_first (approve authors with an approved comment) or hold_all");
                }
            }
            case COMMENTS_MAX_LINKS, COMMENTS_CLOSE_AFTER_DAYS, COMMENTS_MIN_SECONDS -> {
                if (!value.matches("[0-9]{1,4}")) {
                    return Optional.of("must be a whole number (0 or more)");
                }
            }
            case COMMENTS_THREAD_DEPTH -> {
                if (!value.matches("[1-9]")) {
                    return Optional.of("must be a whole number from 1 to 9");
                }
            }
            case FEED_CONTENT -> {
                if (!value.equals("full") && !value.equals("excerpt")) {
                    return Optional.of("must be full (the whole story in feeds) or excerpt (the standfirst only)");
                }
            }
            case FEED_PARTNER_SECRET -> {
                if (!value.matches("[A-Za-z0-9_-]{24,64}")) {
                    return Optional.of("must be 24 to 64 letters, digits, - or _, or empty to switch the partner feed off");
                }
            }
            case COMMENTS_MODERATOR_EMAIL -> {
                if (!value.matches("[^\\s@<>\",;]+@[^\\s@<>\",;]+")) {
                    return Optional.of("must be one email address, or empty for no notifications");
                }
            }
            case DIGEST_WEEKLY_DAY -> {
                try {
                    java.time.DayOfWeek.valueOf(value);
                } catch (IllegalArgumentException e) {
                    return Optional.of("must be a day of the week such as MONDAY");
                }
            }
            case MAIL_FROM_ADDRESS, MAIL_REPLY_TO -> {
                if (!value.matches("[^\\s@<>\",;]+@[^\\s@<>\",;]+")) {
                    return Optional.of("must be one email address such as newsroom@news.example");
                }
            }
            case BASE_URL -> {
                try {
                    URI uri = URI.create(value);
                    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                        return Optional.of("must be an http or https address such as https://news.example");
                    }
                } catch (IllegalArgumentException e) {
                    return Optional.of("must be an http or https address such as https://news.example");
                }
            }
            case LOGO_URL -> {
                if (!value.matches("/[^\\s<>\"]*|https?://[^\\s<>\"]+")) {
                    return Optional.of("must be a path on this site such as /assets/logo.png or an http or https address");
                }
            }
            case ACCENT_COLOR -> {
                if (!value.strip().matches("#[0-9A-Fa-f]{6}")) {
                    return Optional.of("must be a colour written #rrggbb, such as #8a1c1c");
                }
                double ratio = Contrast.ratio(value.strip(), Contrast.PAGE_BACKGROUND);
                if (ratio < Contrast.AA_TEXT) {
                    return Optional.of("has a contrast of only " + Contrast.written(ratio) + " against the white page background; WCAG AA needs at least "
                            + "4.5:1 for text, so choose a darker colour");
                }
            }
            case MEDIA_MAX_UPLOAD_MB -> {
                if (!value.matches("[0-9]{1,2}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 30) {
                    return Optional.of("must be a whole number of megabytes from 1 to 30");
                }
            }
            case MEDIA_MAX_MEGAPIXELS -> {
                if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 200) {
                    return Optional.of("must be a whole number of megapixels from 1 to 200");
                }
            }
            case MEDIA_MISSING_CREDIT -> {
                if (!value.equals("confirm") && !value.equals("refuse")) {
                    return Optional.of("must be confirm (ask before publishing) or refuse");
                }
            }
            case UPDATED_WHEN -> {
                if (!java.util.Arrays.stream(value.split(",")).map(String::strip).allMatch(UPDATE_PARTS::contains)) {
                    return Optional.of("must be a comma-separated list of " + String.join(", ", UPDATE_PARTS));
                }
            }
            default -> {
            }
        }
        return Optional.empty();
    }
}
