package press.dispatch.privacy;

import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import press.dispatch.accounts.Staff;
import press.dispatch.api.ApiError;

/**
 * Data-protection requests in the Admin API (admin keys): export or erase everything held about one email address.
 * The address travels in the body, never in the URL, so it stays out of access logs.
 */
@RestController
@RequestMapping("/api/v1/privacy")
@Tag(name = "Personal data")
class PrivacyApi {

    private final PersonalData personalData;

    PrivacyApi(PersonalData personalData) {
        this.personalData = personalData;
    }

    record PersonJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String email) {
    }

    record ErasedJson(String email, Holdings erased) {
    }

    @Operation(operationId = "exportPersonalData", summary = "Export everything held about one email address",
            description = "Body: {\"email\": \"…\"}. Comments (with IP and reply-email choice), the subscriber record with its consent, "
                    + "newsletter deliveries, emails in the outbox and a staff account.")
    @ApiResponse(responseCode = "200", description = "Everything held about the address: email, exportedAt, comments, subscriber (null if "
            + "none), deliveries, emails and staffAccount (null if none); a data dump whose inner records follow the stored data, so it "
            + "is declared as a plain object",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "422", description = "The address is missing or malformed (invalid)")
    @PostMapping("/export")
    ResponseEntity<?> export(@RequestBody PersonJson person) {
        Optional<String> address = PersonalData.address(person.email());
        if (address.isEmpty()) {
            return invalid();
        }
        return ResponseEntity.ok(personalData.export(address.get()));
    }

    @Operation(operationId = "erasePersonalData", summary = "Erase everything held about one email address",
            description = "Body: {\"email\": \"…\"}. One transaction: all of it or, when refused (409: the owner's or the key's own account), "
                    + "nothing. Answers how much of each kind was erased.")
    @ApiResponse(responseCode = "200", description = "What was erased, counted by kind",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErasedJson.class)))
    @ApiResponse(responseCode = "409", description = "Refused (the owner's or the key's own account); nothing was erased (conflict)")
    @ApiResponse(responseCode = "422", description = "The address is missing or malformed (invalid)")
    @PostMapping("/erase")
    ResponseEntity<?> erase(@AuthenticationPrincipal Staff staff, @RequestBody PersonJson person) {
        Optional<String> address = PersonalData.address(person.email());
        if (address.isEmpty()) {
            return invalid();
        }
        try {
            return ResponseEntity.ok(new ErasedJson(address.get(), personalData.erase(staff, address.get())));
        } catch (ErasureRefusedException e) {
            return ResponseEntity.status(409).body(ApiError.of(409, "conflict", e.getMessage() + " Nothing was erased."));
        }
    }

    private static ResponseEntity<ApiError> invalid() {
        return ResponseEntity.unprocessableEntity()
                .body(ApiError.of(422, "invalid", "Nothing was done: the address is missing or malformed.", Map.of("email", PrivacyDesk.NOT_AN_ADDRESS)));
    }
}
