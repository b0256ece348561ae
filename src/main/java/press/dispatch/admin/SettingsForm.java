package press.dispatch.admin;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import press.dispatch.site.Setting;

import static press.dispatch.admin.AdminViews.Choice;

import static press.dispatch.admin.AdminViews.SettingField;
import static press.dispatch.admin.AdminViews.SettingGroup;

/** How the settings screen groups and names every {@link Setting}. A test checks that none is left out. */
final class SettingsForm {

    private SettingsForm() {
    }

    static final Choice NO_LOGO = new Choice("", "None: the site name alone");

    /** {@link #GROUPS} with these photos offered as the logo (the newest of the library). */
    static List<SettingGroup> groups(List<Choice> logos) {
        return GROUPS.stream().map(g -> new SettingGroup(g.heading(), g.fields().stream()
                .map(f -> f.setting() == Setting.LOGO_PHOTO ? new AdminViews.SettingField(f.setting(), f.label(), f.help(), f.multiline(),
                        java.util.stream.Stream.concat(java.util.stream.Stream.of(NO_LOGO), logos.stream()).toList()) : f)
                .toList())).toList();
    }

    static final List<SettingGroup> GROUPS = List.of(
            new SettingGroup("Site", List.of(
                    f(Setting.NAME, "Site name", ""),
                    f(Setting.TAGLINE, "Tagline", ""),
                    area(Setting.DESCRIPTION, "Description", "For search engines and feeds."),
                    f(Setting.BASE_URL, "Address of the site",
                            "Used in emails and feeds, such as https://news.example. Empty: the address this server listens on."),
                    f(Setting.ACCENT_COLOR, "Accent colour",
                            "Links, buttons and section labels on the public pages, written #rrggbb. It must reach WCAG AA contrast (4.5:1) on the white page."),
                    choice(Setting.LOGO_PHOTO, "Logo",
                            "A photo from Photos, shown in the header and used as the publisher logo for search engines.", List.of(NO_LOGO)),
                    choice(Setting.LOGO_DISPLAY, "Header shows", "", List.of(new Choice("logo_and_name", "The logo and the site name"),
                            new Choice("logo_only", "The logo only (its alt text is the site name)"))),
                    f(Setting.LANGUAGE, "Language", "A language tag such as en or en-GB."),
                    choice(Setting.TIME_ZONE, "Time zone", "Dates on pages and scheduling use it.", timeZones()),
                    area(Setting.FOOTER, "Footer text", ""))),
            new SettingGroup("Search and sharing", List.of(
                    f(Setting.LOGO_URL, "Publisher logo", "For search engines' structured data: a 600 × 60 picture, such as /assets/logo.png."),
                    f(Setting.UPDATED_WHEN, "Say \"Updated\" after changes to",
                            "Comma-separated: headline, standfirst, body, photo, section, tags. Changes after publication to these show an \"Updated\" time."))),
            new SettingGroup("Photos", List.of(
                    f(Setting.MEDIA_MAX_UPLOAD_MB, "Largest upload (MB)", "1 to 30; the server's own limit wins if lower."),
                    f(Setting.MEDIA_MAX_MEGAPIXELS, "Largest picture (megapixels)", "1 to 200; checked from the file's header before decoding. "
                            + "The server's DISPATCH_MEDIA_MAX_MEGAPIXELS wins if lower."),
                    choice(Setting.MEDIA_MISSING_CREDIT, "Publishing with photos that lack a credit or alt text", "", List.of(
                            new Choice("confirm", "Ask the editor to confirm"),
                            new Choice("refuse", "Refuse until they are filled in"))))),
            new SettingGroup("Subscribe box", List.of(
                    f(Setting.SUBSCRIBE_HEADING, "Heading", "{site} is replaced by the site name."),
                    area(Setting.SUBSCRIBE_TEXT, "Text", ""),
                    f(Setting.SUBSCRIBE_EMAIL, "Email field label", ""),
                    f(Setting.SUBSCRIBE_BUTTON, "Button", ""))),
            new SettingGroup("Comment form", List.of(
                    f(Setting.COMMENTS_HEADING, "Heading", ""),
                    area(Setting.COMMENTS_PRIVACY, "Privacy notice", ""),
                    area(Setting.COMMENTS_REQUIRED, "Required-field notice", ""),
                    f(Setting.COMMENTS_COMMENT, "Comment field label", ""),
                    f(Setting.COMMENTS_NAME, "Name field label", ""),
                    f(Setting.COMMENTS_EMAIL, "Email field label", ""),
                    f(Setting.COMMENTS_WEBSITE, "Website field label", ""),
                    f(Setting.COMMENTS_REMEMBER, "Remember-me label", ""),
                    f(Setting.COMMENTS_NOTIFY_REPLIES, "Notify-me label", ""),
                    f(Setting.COMMENTS_BUTTON, "Button", ""))),
            new SettingGroup("Comment rules", List.of(
                    choice(Setting.COMMENTS_MODERATION, "Moderation", "", List.of(
                            new Choice("hold_first", "Hold a person's first comment; publish once one is approved"),
                            new Choice("hold_all", "Hold every comment for a moderator"))),
                    f(Setting.COMMENTS_MAX_LINKS, "Hold comments with more links than", ""),
                    area(Setting.COMMENTS_HOLD_WORDS, "Hold words", "One per line; matched in name, email, website, text and IP."),
                    area(Setting.COMMENTS_SPAM_WORDS, "Spam words", "One per line; a match marks the comment as spam."),
                    f(Setting.COMMENTS_CLOSE_AFTER_DAYS, "Close comments after (days)", "0 keeps them open."),
                    f(Setting.COMMENTS_THREAD_DEPTH, "Reply depth", "1 to 9."),
                    f(Setting.COMMENTS_MIN_SECONDS, "Minimum seconds to write a comment", "Faster posts are treated as bots."),
                    f(Setting.COMMENTS_MODERATOR_EMAIL, "Moderator email", "Told about held comments; empty for none."))),
            new SettingGroup("Newsletter", List.of(
                    f(Setting.MAIL_FROM_NAME, "Sender name", ""),
                    f(Setting.MAIL_FROM_ADDRESS, "Sender address", ""),
                    f(Setting.MAIL_REPLY_TO, "Reply-to address", ""),
                    area(Setting.MAIL_POSTAL_ADDRESS, "Postal address (in every footer)", ""),
                    f(Setting.DIGEST_DAILY_TIME, "Daily digest time", "24-hour clock, site time zone."),
                    choice(Setting.DIGEST_WEEKLY_DAY, "Weekly digest day", "", Arrays.stream(DayOfWeek.values())
                            .map(d -> new Choice(d.name(), d.getDisplayName(TextStyle.FULL, Locale.ENGLISH))).toList()),
                    f(Setting.DIGEST_WEEKLY_TIME, "Weekly digest time", "24-hour clock, site time zone."))),
            new SettingGroup("Feeds and search engines", List.of(
                    choice(Setting.FEED_CONTENT, "Feed content", "", List.of(new Choice("full", "Whole stories"),
                            new Choice("excerpt", "The standfirst and a link"))),
                    f(Setting.FEED_PARTNER_SECRET, "Partner feed secret", "The full-text feed at /feeds/partner/<secret>; empty: no partner feed."),
                    area(Setting.ROBOTS_TXT, "robots.txt", "{base} is replaced by the address of the site."))));

    private static SettingField f(Setting s, String label, String help) {
        return new SettingField(s, label, help, false, List.of());
    }

    private static SettingField area(Setting s, String label, String help) {
        return new SettingField(s, label, help, true, List.of());
    }

    private static SettingField choice(Setting s, String label, String help, List<Choice> choices) {
        return new SettingField(s, label, help, false, choices);
    }

    /** Region-based zones (Europe/London) and UTC; the old three-letter and SystemV aliases are left out. */
    private static List<Choice> timeZones() {
        return ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.equals("UTC") || z.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
                .sorted().map(z -> new Choice(z, z.replace('_', ' '))).toList();
    }
}
