package press.dispatch.admin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import press.dispatch.api.ApiError;
import press.dispatch.site.InvalidSettingsException;
import press.dispatch.site.Setting;
import press.dispatch.site.SiteSettings;

/**
 * The site's settings in the Admin API (admin keys and the owner's): the same values, names and rules as the Settings
 * screen, because both save through {@link SiteSettings#update}. Secrets are never answered.
 */
@RestController
@Tag(name = "Settings")
class SettingsApi {

    private final SiteSettings settings;

    SettingsApi(SiteSettings settings) {
        this.settings = settings;
    }

    /** Documents the answer: every setting by its stored key, as the Settings screen's fields are named. */
    @Schema(name = "SiteSettings", type = "object", additionalPropertiesSchema = String.class,
            description = "Each setting by its key (site.name, site.tagline, site.accent_color, site.logo_photo, site.logo_display, "
                    + "site.language, site.time_zone, site.footer, mail.from_address, label.subscribe.heading…), its value a string. "
                    + "site.logo_photo is a photo's id, or empty for no logo. The partner feed secret is never answered.")
    static final class SettingsJson {
        private SettingsJson() {
        }
    }

    @Operation(operationId = "getSettings", summary = "Read the site's settings",
            description = "Admins and the owner. Every setting the Settings screen shows, except the partner feed secret.")
    @ApiResponse(responseCode = "200", description = "The settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SettingsJson.class)))
    @GetMapping(value = "/api/v1/settings", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> read() {
        Map<String, String> values = new LinkedHashMap<>();
        Arrays.stream(Setting.values()).filter(s -> !secret(s)).forEach(s -> values.put(s.key(), settings.current().get(s)));
        return values;
    }

    @Operation(operationId = "updateSettings", summary = "Change some of the site's settings",
            description = "Admins and the owner. Send only the settings to change, by key; each is checked by the Settings screen's rules "
                    + "(an accent colour must reach WCAG AA contrast on the white page; a logo photo must exist in the library). "
                    + "All are saved or none, and every public page shows the change at once. The partner feed secret may be set here, "
                    + "but is never answered.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SettingsJson.class))))
    @ApiResponse(responseCode = "200", description = "Saved; the settings as they are now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SettingsJson.class)))
    @ApiResponse(responseCode = "422", description = "A key is not a setting or a value breaks its rule; fields names each; nothing was saved (invalid)")
    @PatchMapping(value = "/api/v1/settings", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> update(@RequestBody Map<String, Object> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        changes.forEach((key, value) -> {
            if (value instanceof String text) {
                values.put(key, text);
            } else if (value == null) {
                values.put(key, "");
            } else {
                problems.put(key, "must be a string");
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidValues(problems);
        }
        settings.update(values);
        return read();
    }

    @ExceptionHandler(InvalidSettingsException.class)
    ResponseEntity<ApiError> invalid(InvalidSettingsException e) {
        return answer(e.problems());
    }

    @ExceptionHandler(InvalidValues.class)
    ResponseEntity<ApiError> invalid(InvalidValues e) {
        return answer(e.problems);
    }

    private static ResponseEntity<ApiError> answer(Map<String, String> problems) {
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(422, "invalid", "Some settings are not acceptable; nothing was saved.", problems));
    }

    private static boolean secret(Setting setting) {
        return setting == Setting.FEED_PARTNER_SECRET;
    }

    /** A value of the wrong JSON type, refused before the settings' own rules are asked. */
    private static final class InvalidValues extends RuntimeException {
        private final Map<String, String> problems;

        InvalidValues(Map<String, String> problems) {
            super("Invalid settings: " + problems.keySet());
            this.problems = Map.copyOf(problems);
        }
    }
}
