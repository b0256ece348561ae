package press.dispatch.galleries;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.media.Credit;
import press.dispatch.media.MediaItem;
import press.dispatch.metadata.PageDescriptions;
import press.dispatch.metadata.PhotoFacts;
import press.dispatch.platform.PageCache;
import press.dispatch.site.SiteShell;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The reader's side: the Pictures page, a gallery's grid and one page per photo, all from the page cache. Each grid
 * photo links to its photo page, so everything works without JavaScript; {@code gallery.js} opens the same photos
 * in a lightbox when it runs.
 */
@Controller
class GalleryViews {

    private final Galleries galleries;
    private final SiteShell shell;
    private final PageDescriptions descriptions;

    GalleryViews(Galleries galleries, SiteShell shell, PageDescriptions descriptions) {
        this.galleries = galleries;
        this.shell = shell;
        this.descriptions = descriptions;
    }

    /** The width photo pages show a photo at, and so the size structured data and sharing cards name. */
    static final int PHOTO_WIDTH = 1600;

    @GetMapping("/pictures")
    ModelAndView pictures(HttpServletRequest request) {
        PageCache.tag(request, "pictures");
        return new ModelAndView("galleries/pictures", "page", new GalleryScreens.PicturesPage(shell.shell(), galleries.listPublished(),
                descriptions.listing("Pictures", "Every photo gallery, newest first.", "/pictures", 1)));
    }

    @GetMapping("/galleries/{slug}")
    ModelAndView gallery(@PathVariable String slug, HttpServletRequest request) {
        Gallery gallery = galleries.findPublished(slug).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        PageCache.tag(request, GalleryPurges.tag(gallery.id()));
        List<GalleryPhoto> photos = galleries.photos(gallery.id());
        List<PhotoFacts> facts = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            facts.add(facts(gallery, photos.get(i), i + 1));
        }
        return new ModelAndView("galleries/gallery", "page", new GalleryScreens.GalleryPage(shell.shell(), gallery, photos,
                descriptions.gallery(gallery.title(), gallery.description(), gallery.href(), gallery.publishedAt(), gallery.updatedAt(), facts)));
    }

    @GetMapping("/galleries/{slug}/{position:[0-9]{1,4}}")
    ModelAndView photo(@PathVariable String slug, @PathVariable int position, HttpServletRequest request) {
        Gallery gallery = galleries.findPublished(slug).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        List<GalleryPhoto> photos = galleries.photos(gallery.id());
        if (position < 1 || position > photos.size()) {
            throw new ResponseStatusException(NOT_FOUND);
        }
        PageCache.tag(request, GalleryPurges.tag(gallery.id()));
        String href = gallery.href() + "/";
        GalleryPhoto photo = photos.get(position - 1);
        return new ModelAndView("galleries/photo", "page", new GalleryScreens.PhotoPage(shell.shell(), gallery, photo,
                photos.size(), position > 1 ? href + (position - 1) : null, position < photos.size() ? href + (position + 1) : null,
                descriptions.galleryPhoto(gallery.title(), gallery.href(), position, photos.size(), facts(gallery, photo, position))));
    }

    /**
     * A photo as its page shows it, with the credit the gallery gives it (its own, else the library's).
     *
     * @param shown its place among the photos shown, which is its page's number (a photo deleted from the library leaves no gap)
     */
    private static PhotoFacts facts(Gallery gallery, GalleryPhoto photo, int shown) {
        MediaItem.Variant size = photo.media().variantFor(PHOTO_WIDTH);
        Credit credit = photo.credit();
        return new PhotoFacts(gallery.href() + "/" + shown, photo.media().url(size), size.width(), size.height(), photo.caption(),
                photo.alt(), credit.photographer(), credit.organisation(), credit.licence());
    }
}
