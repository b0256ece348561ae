package press.dispatch.menus;

import java.util.List;
import java.util.NoSuchElementException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import press.dispatch.api.ApiError;

/** The header and footer menus in the Admin API (editor keys and above): the same rules as the admin's Menus screen. */
@RestController
@Tag(name = "Menus")
class MenuApi {

    private final Menus menus;

    MenuApi(Menus menus) {
        this.menus = menus;
    }

    /** One item to save: {@code targetId} for section, page and tag; {@code url} for url; a blank label shows the target's name. */
    record ItemInput(@Schema(allowableValues = {"section", "page", "tag", "url"}) String type, @Schema(nullable = true) Long targetId,
                     @Schema(nullable = true) String url, @Schema(nullable = true) String label) {
    }

    record MenuInput(List<ItemInput> items) {
    }

    /** {@code name}: what readers read; {@code href}: null (and {@code broken} true) when the target is gone, so readers do not see the item. */
    record ItemJson(String type, @Schema(nullable = true) Long targetId, @Schema(nullable = true) String url, String label, String name,
                    @Schema(nullable = true) String href, boolean broken) {
    }

    /** {@code edited} false: never edited, showing the defaults (the sections; the published pages). */
    record MenuJson(String menu, boolean edited, List<ItemJson> items) {
    }

    @Operation(operationId = "getMenu", summary = "Read a menu (header or footer)",
            description = "Editors and admins. A menu never edited lists its defaults: the sections in the header, the published pages in the footer.")
    @ApiResponse(responseCode = "200", description = "The menu's items in order")
    @ApiResponse(responseCode = "404", description = "No such menu (not_found)")
    @GetMapping("/api/v1/menus/{menu}")
    MenuJson read(@Parameter(description = "header or footer") @PathVariable String menu) {
        return json(menu(menu));
    }

    @Operation(operationId = "replaceMenu", summary = "Replace a menu's items",
            description = "Editors and admins. The items in reader order; a url item takes http, https or an address on this site starting with /. "
                    + "Every public page shows the new menu at once.")
    @ApiResponse(responseCode = "200", description = "Saved; the menu as stored")
    @ApiResponse(responseCode = "404", description = "No such menu (not_found)")
    @ApiResponse(responseCode = "422", description = "Some items are not acceptable; nothing was saved (invalid)")
    @PutMapping("/api/v1/menus/{menu}")
    MenuJson replace(@Parameter(description = "header or footer") @PathVariable String menu, @RequestBody MenuInput input) {
        Menu which = menu(menu);
        List<MenuItem> items = input.items() == null ? null : input.items().stream().map(MenuApi::item).toList();
        menus.replace(which, items);
        return json(which);
    }

    @ExceptionHandler(InvalidMenuException.class)
    ResponseEntity<ApiError> invalid(InvalidMenuException e) {
        return ResponseEntity.unprocessableEntity().body(ApiError.of(422, "invalid", "Some items are not acceptable; nothing was saved.", e.problems()));
    }

    private static Menu menu(String key) {
        return Menu.ofKey(key).orElseThrow(() -> new NoSuchElementException("No menu " + key));
    }

    private static MenuItem item(ItemInput input) {
        if (input == null) {
            return null;
        }
        MenuItem.Kind kind = MenuItem.Kind.ofKey(input.type()).orElse(null);
        return kind == null ? null : new MenuItem(kind, input.targetId(), input.url(), input.label());
    }

    private MenuJson json(Menu menu) {
        return new MenuJson(menu.key(), menus.edited(menu), menus.entries(menu).stream()
                .map(e -> new ItemJson(e.item().kind().key(), e.item().targetId(), e.item().url(), e.item().label() == null ? "" : e.item().label(),
                        e.name(), e.href(), e.broken()))
                .toList());
    }
}
