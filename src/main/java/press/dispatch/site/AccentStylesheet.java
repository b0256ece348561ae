package press.dispatch.site;

import java.time.Duration;
import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The accent colour setting as a one-rule stylesheet, because the Content-Security-Policy allows no inline style. Its
 * address carries the colour, so a page names a new address when the colour changes and the old one may be kept for a year.
 */
@Controller
class AccentStylesheet {

    static final String PATH = "/assets/accent.css";

    private final SiteSettings settings;

    AccentStylesheet(SiteSettings settings) {
        this.settings = settings;
    }

    static String href(String colour) {
        return PATH + "?v=" + version(colour);
    }

    @GetMapping(PATH)
    @ResponseBody
    ResponseEntity<String> stylesheet(@RequestParam(name = "v", required = false) String v) {
        String colour = settings.current().get(Setting.ACCENT_COLOR).toLowerCase(Locale.ROOT);
        CacheControl cache = version(colour).equals(v) ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable() : CacheControl.noCache();
        return ResponseEntity.ok().contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8)).cacheControl(cache)
                .body(":root { --accent: " + colour + "; }\n");
    }

    private static String version(String colour) {
        return colour.substring(1).toLowerCase(Locale.ROOT);
    }
}
