package press.dispatch.media;

import java.util.Optional;

import org.springframework.stereotype.Component;

import press.dispatch.site.SiteLogo;

/** The site logo is a photo from the library: the narrowest variant sharp enough for a high-density screen. */
@Component
class LibraryLogo implements SiteLogo {

    private final MediaLibrary library;

    LibraryLogo(MediaLibrary library) {
        this.library = library;
    }

    @Override
    public java.util.List<Candidate> candidates(int limit) {
        return library.recent(0, limit).stream().map(item -> {
            String caption = item.caption() == null || item.caption().isBlank() ? item.altText() : item.caption();
            caption = caption == null ? "" : caption.strip();
            return new Candidate(item.id(), "#" + item.id() + " " + (caption.length() > 60 ? caption.substring(0, 59) + "…" : caption)
                    + " (" + item.width() + "×" + item.height() + ")");
        }).toList();
    }

    @Override
    public Optional<Logo> find(long photoId, int height) {
        return library.find(photoId).filter(item -> !item.variants().isEmpty() && item.height() > 0).map(item -> {
            int wanted = (int) Math.ceil(2.0 * height * item.width() / item.height());
            MediaItem.Variant variant = item.variantFor(wanted);
            return new Logo(item.url(variant), variant.width(), variant.height());
        });
    }
}
