package press.dispatch.exporter;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShells;

/** The admin's export back to WordPress (owner and admins, as the import): the WXR file and the photos, each streamed. */
@Controller
class ExportScreens {

    private final WordPressExports exports;
    private final AdminShells shells;

    ExportScreens(WordPressExports exports, AdminShells shells) {
        this.exports = exports;
        this.shells = shells;
    }

    @GetMapping("/admin/import/export")
    ModelAndView screen(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return new ModelAndView("exporter/export", "page", new ExportPage(shells.shell(request, staff, "/admin/import")));
    }

    @GetMapping("/admin/import/export/wordpress.xml")
    ResponseEntity<StreamingResponseBody> wxr() {
        return ResponseEntity.ok().contentType(new MediaType("application", "rss+xml", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("dispatch-wordpress.xml").build().toString())
                .body(exports::writeWxr);
    }

    @GetMapping("/admin/import/export/media.zip")
    ResponseEntity<StreamingResponseBody> media() {
        return ResponseEntity.ok().contentType(new MediaType("application", "zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("dispatch-uploads.zip").build().toString())
                .body(exports::writeMedia);
    }
}
