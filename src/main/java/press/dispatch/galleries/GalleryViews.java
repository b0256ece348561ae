package press.dispatch.galleries;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

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

    GalleryViews(Galleries galleries, SiteShell shell) {
        this.galleries = galleries;
        this.shell = shell;
    }

    @GetMapping("/pictures")
    ModelAndView pictures(HttpServletRequest request) {
        PageCache.tag(request, "pictures");
        return new ModelAndView("galleries/pictures", "page", new GalleryScreens.PicturesPage(shell.shell(), galleries.listPublished()));
    }

    @GetMapping("/galleries/{slug}")
    ModelAndView gallery(@PathVariable String slug, HttpServletRequest request) {
        Gallery gallery = galleries.findPublished(slug).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        PageCache.tag(request, GalleryPurges.tag(gallery.id()));
        return new ModelAndView("galleries/gallery", "page", new GalleryScreens.GalleryPage(shell.shell(), gallery, galleries.photos(gallery.id())));
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
        return new ModelAndView("galleries/photo", "page", new GalleryScreens.PhotoPage(shell.shell(), gallery, photos.get(position - 1),
                photos.size(), position > 1 ? href + (position - 1) : null, position < photos.size() ? href + (position + 1) : null));
    }
}
