package press.dispatch.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.server.ResponseStatusException;

import press.dispatch.accounts.Permission;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShells;

/**
 * The photo library inside the admin: search and filter, upload several photos at once (a plain multi-file form; a
 * small script adds drag and drop and a progress bar per file, sending each file on its own), and a detail page per
 * photo to correct its description and focal point, see where it is used, and delete it when nothing uses it.
 */
@Controller
class MediaDesk {

    static final int PER_PAGE = 48;
    private static final Logger log = LoggerFactory.getLogger(MediaDesk.class);

    private final MediaLibrary library;
    private final Cataloguing catalogue;
    private final AdminShells shells;

    MediaDesk(MediaLibrary library, Cataloguing catalogue, AdminShells shells) {
        this.library = library;
        this.catalogue = catalogue;
        this.shells = shells;
    }

    @GetMapping("/admin/media")
    ModelAndView library(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "1") int page,
                         @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String credit,
                         @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                         @RequestParam(defaultValue = "") String unused, @RequestParam(defaultValue = "") String missing,
                         @RequestParam(defaultValue = "") String added, HttpServletRequest request) {
        PhotoQuery query = new PhotoQuery(q, credit, Cataloguing.day(from), Cataloguing.day(to), !unused.isEmpty(), missing);
        // the upload script comes back here once every file it sent was stored
        List<String> lines = added.matches("[1-9][0-9]{0,3}")
                ? List.of(added.equals("1") ? "1 photo added to the library." : added + " photos added to the library.") : List.of();
        return page(staff, request, page, query, Map.of(), Map.of(), lines, HttpStatus.OK);
    }

    /** The editor's picker searches the library through this: the first page of matches, newest first. */
    @GetMapping(value = "/admin/media", produces = MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    Map<String, Object> pickable(@RequestParam(defaultValue = "") String q) {
        List<Map<String, Object>> photos = catalogue.search(new PhotoQuery(q.length() > 200 ? q.substring(0, 200) : q, "", null, null, false, ""),
                0, PER_PAGE).photos().stream().map(m -> Map.<String, Object>of("id", m.id(), "thumbnail", m.src(480),
                "width", m.variantFor(480).width(), "height", m.variantFor(480).height(), "caption", m.caption(), "alt", m.altText())).toList();
        return Map.of("photos", photos);
    }

    /** The plain form: any number of files, the same description for each; one line per file says what became of it. */
    @PostMapping("/admin/media/upload")
    ModelAndView upload(@AuthenticationPrincipal Staff staff, @RequestParam(name = "photo", required = false) List<MultipartFile> photos,
                        @RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String photographer,
                        @RequestParam(defaultValue = "") String agency, @RequestParam(defaultValue = "") String licence,
                        @RequestParam(defaultValue = "") String alt, HttpServletRequest request,
                        HttpServletResponse response) {
        Map<String, String> values = Map.of("caption", caption, "photographer", photographer, "agency", agency, "licence", licence, "alt", alt);
        List<MultipartFile> files = photos == null ? List.of() : photos.stream().filter(f -> !f.isEmpty()).toList();
        if (files.isEmpty()) {
            return page(staff, request, 1, PhotoQuery.everything(), values, Map.of("photo", "Choose a photo to upload."), List.of(),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (tooLong(caption, photographer, agency, licence, alt)) {
            return page(staff, request, 1, PhotoQuery.everything(), values, Map.of("caption", "Caption, credit or alt text is too long."),
                    List.of(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        List<String> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean busy = false;
        MediaDetails details = new MediaDetails(caption, alt, new Credit(photographer, agency, licence));
        for (MultipartFile file : files) {
            try {
                MediaItem item = library.ingest(file, file.getOriginalFilename(), details);
                lines.add("Photo #" + item.id() + " added to the library.");
            } catch (RejectedUploadException e) {
                log.info("Upload refused: {}", oneLine(e.getMessage()));
                busy |= e.tryAgainLater();
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add("The upload did not arrive completely; try again.");
            }
        }
        if (problems.isEmpty()) {
            AdminShells.flash(request, lines.size() == 1 ? lines.get(0) : lines.size() + " photos added to the library.");
            return new ModelAndView("redirect:/admin/media");
        }
        if (busy) {
            response.setHeader("Retry-After", "60");
        }
        lines.addAll(0, problems);
        return page(staff, request, 1, PhotoQuery.everything(), values, Map.of("photo", String.join(" ", problems)), lines,
                busy ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_ENTITY);
    }

    /** The script's upload: one file per request, answered in JSON so the page can show each file's outcome. */
    @PostMapping(value = "/admin/media/upload", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> uploadOne(@RequestParam(name = "photo", required = false) MultipartFile photo,
                                                  @RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String photographer,
                                                  @RequestParam(defaultValue = "") String agency, @RequestParam(defaultValue = "") String licence,
                                                  @RequestParam(defaultValue = "") String alt) {
        if (photo == null || photo.isEmpty()) {
            return ResponseEntity.unprocessableEntity().body(Map.of("problem", "Choose a photo to upload."));
        }
        if (tooLong(caption, photographer, agency, licence, alt)) {
            return ResponseEntity.unprocessableEntity().body(Map.of("problem", "Caption, credit or alt text is too long."));
        }
        try {
            MediaItem item = library.ingest(photo, photo.getOriginalFilename(), new MediaDetails(caption, alt, new Credit(photographer, agency, licence)));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", item.id(), "href", "/admin/media/" + item.id(),
                    "thumbnail", item.src(480), "message", "Photo #" + item.id() + " added to the library."));
        } catch (RejectedUploadException e) {
            log.info("Upload refused: {}", oneLine(e.getMessage()));
            return ResponseEntity.status(e.tryAgainLater() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(Map.of("problem", e.getMessage()));
        } catch (IOException e) {
            return ResponseEntity.badRequest().body(Map.of("problem", "The upload did not arrive completely; try again."));
        }
    }

    @GetMapping("/admin/media/{id}")
    ModelAndView photo(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        Cataloguing.Entry entry = catalogue.entry(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return photoPage(staff, request, entry, valuesOf(entry.photo()), Map.of(), List.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/media/{id}")
    ModelAndView describe(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam Map<String, String> form,
                          HttpServletRequest request) {
        Cataloguing.Entry entry = catalogue.entry(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("caption", "alt", "photographer", "agency", "licence", "focalX", "focalY")) {
            values.put(name, form.getOrDefault(name, "").strip());
        }
        Map<String, String> problems = new LinkedHashMap<>();
        if (tooLong(values.get("caption"), values.get("photographer"), values.get("agency"), values.get("licence"), values.get("alt"))) {
            problems.put("caption", "Caption, credit or alt text is too long.");
        }
        Integer x = percent(values.get("focalX"));
        Integer y = percent(values.get("focalY"));
        if (x == null || y == null) {
            problems.put("focal", "The focal point is two numbers from 0 to 100: how far across and how far down, in per cent.");
        }
        if (!problems.isEmpty()) {
            return photoPage(staff, request, entry, values, problems, List.of(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        catalogue.describe(id, new MediaDetails(values.get("caption"), values.get("alt"),
                new Credit(values.get("photographer"), values.get("agency"), values.get("licence"))), x, y);
        AdminShells.flash(request, "Photo #" + id + " saved.");
        return new ModelAndView("redirect:/admin/media/" + id);
    }

    @PostMapping("/admin/media/{id}/delete")
    ModelAndView delete(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        Cataloguing.Entry entry = catalogue.entry(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            catalogue.delete(id);
        } catch (PhotoInUseException e) {
            return photoPage(staff, request, entry, valuesOf(entry.photo()), Map.of("delete", e.getMessage()), e.uses(), HttpStatus.CONFLICT);
        }
        AdminShells.flash(request, "Photo #" + id + " deleted.");
        return new ModelAndView("redirect:/admin/media");
    }

    /** A per-cent value (decimals allowed) as thousandths; null when it is not a number from 0 to 100. */
    static Integer percent(String value) {
        try {
            double v = Double.parseDouble(value);
            return v >= 0 && v <= 100 ? (int) Math.round(v * 10) : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static Map<String, String> valuesOf(MediaItem m) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("caption", m.caption());
        values.put("alt", m.altText());
        values.put("photographer", m.credit().photographer());
        values.put("agency", m.credit().organisation());
        values.put("licence", m.credit().licence());
        values.put("focalX", perCent(m.focalX()));
        values.put("focalY", perCent(m.focalY()));
        return values;
    }

    private static String perCent(int thousandths) {
        return thousandths % 10 == 0 ? Integer.toString(thousandths / 10) : Double.toString(thousandths / 10.0);
    }

    private static boolean tooLong(String caption, String photographer, String agency, String licence, String alt) {
        return caption.length() > 1000 || photographer.length() > 200 || agency.length() > 200 || licence.length() > 200 || alt.length() > 500;
    }

    private static String oneLine(String message) {
        return message.replaceAll("[\\p{Cntrl}]", "?");
    }

    private ModelAndView photoPage(Staff staff, HttpServletRequest request, Cataloguing.Entry entry, Map<String, String> values,
                                   Map<String, String> problems, List<PhotoUses.PhotoUse> refused, HttpStatus status) {
        ModelAndView view = new ModelAndView("media/photo", "page", new PhotoPage(shells.shell(request, staff, "/admin/media"), entry, values,
                problems, staff.can(Permission.UPLOAD), staff.can(Permission.PUBLISH_ANY), refused));
        view.setStatus(status);
        return view;
    }

    private ModelAndView page(Staff staff, HttpServletRequest request, int page, PhotoQuery query, Map<String, String> values,
                              Map<String, String> problems, List<String> uploaded, HttpStatus status) {
        int number = Math.max(1, Math.min(page, 10_000));
        Cataloguing.Found found = catalogue.search(query, (number - 1) * PER_PAGE, PER_PAGE);
        String limits = "At most " + library.maxUploadBytes() / (1024 * 1024) + " MB and " + library.maxPixels() / 1_000_000 + " megapixels each.";
        ModelAndView view = new ModelAndView("media/desk", "page", new MediaPage(shells.shell(request, staff, "/admin/media"),
                found.photos(), values, problems, staff.can(Permission.UPLOAD), number, found.hasMore(), query, uploaded, limits));
        view.setStatus(status);
        return view;
    }
}
