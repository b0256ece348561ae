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
    public Optional<Logo> find(long photoId, int height) {
        return library.find(photoId).filter(item -> !item.variants().isEmpty() && item.height() > 0).map(item -> {
            int wanted = (int) Math.ceil(2.0 * height * item.width() / item.height());
            MediaItem.Variant variant = item.variantFor(wanted);
            return new Logo(item.url(variant), variant.width(), variant.height());
        });
    }
}
