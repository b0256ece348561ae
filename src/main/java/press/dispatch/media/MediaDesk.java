package press.dispatch.media;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShells;

/** The photo library inside the admin: browse, and upload with caption, structured credit and alt text. */
@Controller
class MediaDesk {

    static final int PER_PAGE = 48;

    private final MediaLibrary library;
    private final AdminShells shells;

    MediaDesk(MediaLibrary library, AdminShells shells) {
        this.library = library;
        this.shells = shells;
    }

    @GetMapping("/admin/media")
    ModelAndView library(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "1") int page, HttpServletRequest request) {
        return page(staff, request, page, Map.of(), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/media/upload")
    ModelAndView upload(@AuthenticationPrincipal Staff staff, @RequestParam(required = false) MultipartFile photo,
                        @RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String photographer,
                        @RequestParam(defaultValue = "") String agency, @RequestParam(defaultValue = "") String licence,
                        @RequestParam(defaultValue = "") String alt, HttpServletRequest request,
                        HttpServletResponse response) {
        Map<String, String> values = Map.of("caption", caption, "photographer", photographer, "agency", agency, "licence", licence, "alt", alt);
        if (photo == null || photo.isEmpty()) {
            return page(staff, request, 1, values, Map.of("photo", "Choose a photo to upload."), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (caption.length() > 1000 || photographer.length() > 200 || agency.length() > 200 || licence.length() > 200 || alt.length() > 500) {
            return page(staff, request, 1, values, Map.of("caption", "Caption, credit or alt text is too long."), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            MediaItem item = library.ingest(photo, photo.getOriginalFilename(),
                    new MediaDetails(caption, alt, new Credit(photographer, agency, licence)));
            AdminShells.flash(request, "Photo #" + item.id() + " added to the library.");
            return new ModelAndView("redirect:/admin/media");
        } catch (RejectedUploadException e) {
            if (e.tryAgainLater()) {
                response.setHeader("Retry-After", "60");
            }
            return page(staff, request, 1, values, Map.of("photo", e.getMessage()),
                    e.tryAgainLater() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_ENTITY);
        } catch (IOException e) {
            return page(staff, request, 1, values, Map.of("photo", "The upload did not arrive completely; try again."), HttpStatus.BAD_REQUEST);
        }
    }

    private ModelAndView page(Staff staff, HttpServletRequest request, int page, Map<String, String> values, Map<String, String> problems,
                              HttpStatus status) {
        int number = Math.max(1, Math.min(page, 10_000));
        List<MediaItem> found = library.recent((number - 1) * PER_PAGE, PER_PAGE + 1);
        boolean more = found.size() > PER_PAGE;
        ModelAndView view = new ModelAndView("media/desk", "page", new MediaPage(shells.shell(request, staff, "/admin/media"),
                more ? found.subList(0, PER_PAGE) : found, values, problems, staff.can(Permission.UPLOAD), number, more));
        view.setStatus(status);
        return view;
    }
}
