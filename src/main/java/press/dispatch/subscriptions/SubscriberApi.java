package press.dispatch.subscriptions;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import press.dispatch.api.BadParameterException;

/** Subscribers in the Admin API: counts, lists and a CSV export (for roles that manage subscribers). */
@RestController
@RequestMapping("/api/v1/subscribers")
@Tag(name = "Subscribers")
class SubscriberApi {

    private final Subscriptions subscriptions;
    private final SubscriberCsv csv;

    SubscriberApi(Subscriptions subscriptions, SubscriberCsv csv) {
        this.subscriptions = subscriptions;
        this.csv = csv;
    }

    record SubscriberJson(long id, String email, String status, String cadence, Set<Long> sectionIds, @Schema(nullable = true) Instant confirmedAt) {
    }

    record SubscriberList(Map<String, Long> counts, List<SubscriberJson> subscribers, int page, boolean hasMore) {
    }

    @Operation(operationId = "listSubscribers", summary = "List subscribers of one status, 100 a page")
    @GetMapping
    SubscriberList list(@Parameter(schema = @Schema(allowableValues = {"confirmed", "pending", "unsubscribed", "suppressed"},
                                    defaultValue = "confirmed"))
                        @RequestParam(defaultValue = "confirmed") String status,
                        @RequestParam(defaultValue = "1") int page) {
        String wanted = BadParameterException.oneOf("status", status, SubscriberDesk.STATUSES);
        int number = Math.max(1, Math.min(page, 100_000));
        List<Subscriber> found = subscriptions.list(wanted, (number - 1) * 100, 101);
        boolean more = found.size() > 100;
        return new SubscriberList(subscriptions.counts(), (more ? found.subList(0, 100) : found).stream()
                .map(s -> new SubscriberJson(s.id(), s.email(), s.status(), s.cadence().name().toLowerCase(), s.sectionIds(), s.confirmedAt()))
                .toList(), number, more);
    }

    @Operation(operationId = "exportSubscribers", summary = "Export every subscriber as CSV",
            description = "Columns: email, status, cadence, consent_at, consent_form, confirmed_at, unsubscribed_at.")
    @ApiResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping(value = "/export.csv", produces = "text/csv")
    void export(HttpServletResponse response) throws IOException {
        SubscriberDesk.download(csv, response);
    }
}
