package press.dispatch.articles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import press.dispatch.media.MediaItem;
import press.dispatch.media.MediaLibrary;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;

/**
 * Before an article goes live, its photos (featured and in the body) should each carry a credit and alt text. By default
 * the editor is asked to confirm publishing without them; the site setting "media.missing_credit" = refuse makes it a
 * refusal. The article's own credit and alt text for its featured photo, and the alt text written in the body, count.
 */
@Component
class PhotoCredits {

    /** The problem's key when confirming is enough (the editor offers "Publish anyway")… */
    static final String FIELD = "photos";
    /** …and when the site refuses. */
    static final String REFUSED = "photosRefused";
    private static final Pattern BODY_PHOTO = Pattern.compile("!\\[([^\\]]*)\\]\\(\\s*<?photo:([0-9]{1,18})");

    private final MediaLibrary media;
    private final SiteSettings settings;

    PhotoCredits(MediaLibrary media, SiteSettings settings) {
        this.media = media;
        this.settings = settings;
    }

    /** Whether confirming is enough; false when the site refuses such articles outright. */
    boolean confirmable() {
        return !"refuse".equals(settings.current().get(Setting.MEDIA_MISSING_CREDIT));
    }

    /**
     * The problem to show before publishing {@code draft}, keyed {@value #FIELD} or {@value #REFUSED}; empty when every photo is credited and
     * described, or when the editor confirmed and the site allows that.
     */
    Map<String, String> problems(ArticleDraft draft, boolean confirmed) {
        List<String> lacking = lacking(draft);
        if (lacking.isEmpty() || (confirmed && confirmable())) {
            return Map.of();
        }
        String list = String.join("; ", lacking) + ".";
        return Map.of(confirmable() ? FIELD : REFUSED, confirmable()
                ? "Some photos lack a credit or alt text: " + list + " Tick \u201cPublish anyway\u201d to publish without them."
                : "Some photos lack a credit or alt text: " + list + " This site does not publish photos without them.");
    }

    private List<String> lacking(ArticleDraft draft) {
        Map<Long, String> bodyAlts = new LinkedHashMap<>();
        Matcher m = BODY_PHOTO.matcher(draft.bodyMarkdown());
        while (m.find()) {
            bodyAlts.merge(Long.parseLong(m.group(2)), m.group(1).strip(), (a, b) -> a.isEmpty() ? b : a);
        }
        List<Long> ids = new ArrayList<>();
        if (draft.featuredMediaId() != null) {
            ids.add(draft.featuredMediaId());
        }
        bodyAlts.keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        Map<Long, MediaItem> photos = media.findAll(ids);
        List<String> lacking = new ArrayList<>();
        for (long id : ids) {
            MediaItem photo = photos.get(id);
            if (photo == null) {
                continue;
            }
            boolean featured = draft.featuredMediaId() != null && draft.featuredMediaId() == id;
            boolean credited = !photo.credit().photographer().isEmpty() || !photo.credit().organisation().isEmpty()
                    || (featured && !draft.featuredCredit().isBlank());
            boolean described = !photo.altText().isEmpty() || (featured && !draft.featuredAlt().isBlank())
                    || !bodyAlts.getOrDefault(id, "").isEmpty();
            if (!credited || !described) {
                lacking.add("photo #" + id + " has no " + (!credited && !described ? "credit or alt text" : !credited ? "credit" : "alt text"));
            }
        }
        return lacking;
    }
}
