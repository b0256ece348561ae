package press.dispatch.icons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import press.dispatch.site.Setting;
import press.dispatch.site.Settings;
import press.dispatch.site.SiteSettings;

/**
 * Serves the icon's sizes and the web app manifest. An address carrying the current version ({@code ?v=}) may be
 * kept for a year; without it (browsers ask for {@code /favicon.ico} bare) it is revalidated daily with its ETag.
 * {@code /favicon.ico} always answers: the neutral icon until one is uploaded.
 */
@Controller
class IconFiles {

    static final String ICONS = "/assets/icons/";

    private final SiteIcons icons;
    private final SiteSettings settings;
    private final byte[] neutral;
    private final JsonMapper json = JsonMapper.builder().build();

    IconFiles(SiteIcons icons, SiteSettings settings) {
        this.icons = icons;
        this.settings = settings;
        try (InputStream in = new ClassPathResource("assets/favicon.ico").getInputStream()) {
            this.neutral = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The neutral favicon is missing from the jar", e);
        }
    }

    @GetMapping("/favicon.ico")
    @ResponseBody
    ResponseEntity<byte[]> favicon(@RequestParam(name = "v", required = false) String v,
                                   @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        Optional<IconFile> stored = icons.find(SiteIcons.FAVICON);
        if (stored.isEmpty()) {
            return answer(neutral, "image/x-icon", "neutral", v, ifNoneMatch);
        }
        return answer(stored.get().bytes(), stored.get().contentType(), stored.get().version(), v, ifNoneMatch);
    }

    @GetMapping(ICONS + "{name:[a-z0-9-]+\\.png}")
    @ResponseBody
    ResponseEntity<byte[]> icon(@PathVariable String name, @RequestParam(name = "v", required = false) String v,
                                @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        Optional<IconFile> stored = SiteIcons.NAMES.contains(name) ? icons.find(name) : Optional.empty();
        if (stored.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return answer(stored.get().bytes(), stored.get().contentType(), stored.get().version(), v, ifNoneMatch);
    }

    /** The web app manifest: the site's name, the icons for home screens, the accent colour on white. */
    @GetMapping("/site.webmanifest")
    @ResponseBody
    ResponseEntity<byte[]> manifest(@RequestParam(name = "v", required = false) String v,
                                    @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        Settings site = settings.current();
        Optional<String> version = icons.version();
        ObjectNode manifest = json.createObjectNode();
        manifest.put("name", site.name());
        manifest.put("short_name", shortName(site.name()));
        manifest.put("start_url", "/");
        manifest.put("display", "browser");
        manifest.put("theme_color", site.get(Setting.ACCENT_COLOR));
        manifest.put("background_color", "#ffffff");
        ArrayNode list = manifest.putArray("icons");
        version.ifPresent(ver -> {
            for (int size : new int[] {192, 512}) {
                ObjectNode icon = list.addObject();
                icon.put("src", ICONS + "icon-" + size + ".png?v=" + ver);
                icon.put("sizes", size + "x" + size);
                icon.put("type", "image/png");
                icon.put("purpose", "any");
            }
        });
        byte[] body = json.writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8);
        String tag = version.orElse("neutral") + "-" + Integer.toHexString(java.util.Arrays.hashCode(body));
        return answer(body, "application/manifest+json", tag, null, ifNoneMatch);
    }

    /** Home screens show about 12 characters under an icon; a longer name is cut at a word where it can be. */
    static String shortName(String name) {
        if (name.length() <= 12) {
            return name;
        }
        int space = name.lastIndexOf(' ', 12);
        return (space > 3 ? name.substring(0, space) : name.substring(0, 12)).strip();
    }

    private static ResponseEntity<byte[]> answer(byte[] body, String type, String version, String v, String ifNoneMatch) {
        String etag = "\"" + version + "\"";
        CacheControl cache = version.equals(v) ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
                : CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).eTag(etag).cacheControl(cache).body(body);
    }
}
