package press.dispatch.galleries;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShells;
import press.dispatch.media.Credit;
import press.dispatch.media.MediaLibrary;

/**
 * The newsroom's gallery screens (editors and above): the list, and one screen per gallery to edit its fields, add
 * library photos, caption, reorder (drag and drop with {@code gallery-admin.js}, up/down buttons without it) and remove
 * them, publish, unpublish and delete.
 */
@Controller
class GalleryDesk {

    static final String NAV = "/admin/galleries";
    /** How many of the newest library photos the chooser shows. */
    static final int CHOOSER = 60;

    private final Galleries galleries;
    private final MediaLibrary library;
    private final AdminShells shells;

    GalleryDesk(Galleries galleries, MediaLibrary library, AdminShells shells) {
        this.galleries = galleries;
        this.library = library;
        this.shells = shells;
    }

    @GetMapping("/admin/galleries")
    ModelAndView list(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return new ModelAndView("galleries/desk", "page", new GalleryScreens.ListPage(shells.shell(request, staff, NAV), galleries.listAll()));
    }

    @GetMapping("/admin/galleries/new")
    ModelAndView blank(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return editor(staff, request, null, new GalleryDraft("", "", ""), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/galleries")
    ModelAndView create(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String title,
                        @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String description,
                        HttpServletRequest request) {
        GalleryDraft form = new GalleryDraft(title, slug, description);
        try {
            long id = galleries.create(form);
            AdminShells.flash(request, "Saved as a draft. Add photos below, then publish.");
            return new ModelAndView("redirect:/admin/galleries/" + id);
        } catch (InvalidGalleryException e) {
            return editor(staff, request, null, form, e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/admin/galleries/{id}")
    ModelAndView edit(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        Gallery gallery = galleries.open(id);
        return editor(staff, request, gallery, new GalleryDraft(gallery.title(), gallery.slug(), gallery.description()), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/galleries/{id}")
    ModelAndView change(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String title,
                        @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String description,
                        @RequestParam(defaultValue = "save") String action, HttpServletRequest request) {
        Gallery gallery = galleries.open(id);
        switch (action) {
            case "publish" -> {
                galleries.publish(id);
                AdminShells.flash(request, "Published: readers see it at " + gallery.href() + ".");
            }
            case "unpublish" -> {
                galleries.unpublish(id);
                AdminShells.flash(request, "Unpublished: readers no longer see it.");
            }
            case "delete" -> {
                galleries.delete(id);
                AdminShells.flash(request, "Deleted the gallery “" + gallery.title() + "”. Its photos stay in the library.");
                return new ModelAndView("redirect:/admin/galleries");
            }
            default -> {
                GalleryDraft form = new GalleryDraft(title, slug, description);
                try {
                    galleries.save(id, form);
                    AdminShells.flash(request, gallery.published() ? "Saved: readers see the change now." : "Saved as a draft.");
                } catch (InvalidGalleryException e) {
                    return editor(staff, request, gallery, form, e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
                }
            }
        }
        return new ModelAndView("redirect:/admin/galleries/" + id);
    }

    @PostMapping("/admin/galleries/{id}/photos")
    ModelAndView add(@PathVariable long id, @RequestParam(defaultValue = "") List<Long> media, HttpServletRequest request) {
        if (media.isEmpty()) {
            AdminShells.flash(request, "Nothing was added: tick the photos to add first.");
        } else {
            try {
                galleries.addPhotos(id, media);
                AdminShells.flash(request, media.size() == 1 ? "Added 1 photo." : "Added " + media.size() + " photos.");
            } catch (InvalidGalleryException e) {
                AdminShells.flash(request, "Nothing was added: " + String.join(" ", e.problems().values()));
            }
        }
        return new ModelAndView("redirect:/admin/galleries/" + id + "#photos");
    }

    @PostMapping("/admin/galleries/{id}/photos/{photoId}")
    ModelAndView describe(@PathVariable long id, @PathVariable long photoId, @RequestParam(defaultValue = "") String caption,
                          @RequestParam(defaultValue = "") String photographer, @RequestParam(defaultValue = "") String organisation,
                          @RequestParam(defaultValue = "") String licence, HttpServletRequest request) {
        try {
            galleries.describePhoto(id, photoId, caption, new Credit(photographer, organisation, licence));
            AdminShells.flash(request, "Caption and credit saved.");
        } catch (InvalidGalleryException e) {
            AdminShells.flash(request, "Nothing was saved: " + String.join(" ", e.problems().values()));
        }
        return new ModelAndView("redirect:/admin/galleries/" + id + "#photo-" + photoId);
    }

    @PostMapping("/admin/galleries/{id}/photos/{photoId}/move")
    ModelAndView move(@PathVariable long id, @PathVariable long photoId, @RequestParam(defaultValue = "0") int by, HttpServletRequest request) {
        galleries.move(id, photoId, by);
        AdminShells.flash(request, "Moved.");
        return new ModelAndView("redirect:/admin/galleries/" + id + "#photo-" + photoId);
    }

    @PostMapping("/admin/galleries/{id}/photos/{photoId}/remove")
    ModelAndView remove(@PathVariable long id, @PathVariable long photoId, HttpServletRequest request) {
        galleries.removePhoto(id, photoId);
        AdminShells.flash(request, "Removed from the gallery. The photo stays in the library.");
        return new ModelAndView("redirect:/admin/galleries/" + id + "#photos");
    }

    /** The order after a drag and drop: every photo's id, comma-separated, first to last. */
    @PostMapping("/admin/galleries/{id}/order")
    ModelAndView order(@PathVariable long id, @RequestParam(defaultValue = "") String order, HttpServletRequest request) {
        List<Long> ids = new ArrayList<>();
        try {
            for (String part : order.split(",")) {
                if (!part.isBlank()) {
                    ids.add(Long.parseLong(part.strip()));
                }
            }
            galleries.reorder(id, ids);
            AdminShells.flash(request, "New order saved.");
        } catch (NumberFormatException e) {
            AdminShells.flash(request, "The order was not saved: it must list photo numbers.");
        } catch (InvalidGalleryException e) {
            AdminShells.flash(request, "The order was not saved. " + String.join(" ", e.problems().values()));
        }
        return new ModelAndView("redirect:/admin/galleries/" + id + "#photos");
    }

    /** A gallery or photo that does not exist: the site's 404 page. */
    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private ModelAndView editor(Staff staff, HttpServletRequest request, Gallery gallery, GalleryDraft form, Map<String, String> problems,
                                HttpStatus status) {
        ModelAndView view = new ModelAndView("galleries/editor", "page", new GalleryScreens.EditorPage(shells.shell(request, staff, NAV),
                gallery == null ? null : gallery.id(), gallery, form, gallery == null ? List.of() : galleries.photos(gallery.id()),
                gallery == null ? List.of() : library.recent(0, CHOOSER), problems));
        view.setStatus(status);
        return view;
    }
}
