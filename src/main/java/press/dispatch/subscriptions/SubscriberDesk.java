package press.dispatch.subscriptions;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShells;

/** Subscribers inside the admin: counts, lists by status, CSV export and import. */
@Controller
class SubscriberDesk {

    static final List<String> STATUSES = List.of("confirmed", "pending", "unsubscribed", "suppressed");
    static final int PER_PAGE = 100;

    private final Subscriptions subscriptions;
    private final SubscriberCsv csv;
    private final AdminShells shells;

    SubscriberDesk(Subscriptions subscriptions, SubscriberCsv csv, AdminShells shells) {
        this.subscriptions = subscriptions;
        this.csv = csv;
        this.shells = shells;
    }

    @GetMapping("/admin/subscribers")
    ModelAndView list(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "confirmed") String status,
                      @RequestParam(defaultValue = "1") int page, HttpServletRequest request) {
        return page(staff, request, status, page, Map.of(), HttpStatus.OK);
    }

    /** Every subscriber as CSV (cells that a spreadsheet would run as formulas are quoted safe). */
    @GetMapping("/admin/subscribers/export.csv")
    void export(HttpServletResponse response) throws IOException {
        download(csv, response);
    }

    /** The export as a file download (the screen and the API answer alike). */
    static void download(SubscriberCsv csv, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"subscribers.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        csv.exportCsv(out);
        out.flush();
    }

    @PostMapping("/admin/subscribers/import")
    ModelAndView importCsv(@AuthenticationPrincipal Staff staff, @RequestParam(required = false) MultipartFile file,
                           @RequestParam(defaultValue = "false") boolean consent, HttpServletRequest request) throws IOException {
        if (file == null || file.isEmpty()) {
            return page(staff, request, "confirmed", 1, Map.of(0, "Choose a CSV file to import."), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            SubscriberCsv.ImportResult result = csv.importCsv(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8), consent);
            AdminShells.flash(request, "Imported: " + result.added() + " added, " + result.alreadyKnown() + " already known, "
                    + result.askedToConfirm() + " asked to confirm by email.");
            return new ModelAndView("redirect:/admin/subscribers");
        } catch (InvalidImportException e) {
            return page(staff, request, "confirmed", 1, e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    private ModelAndView page(Staff staff, HttpServletRequest request, String status, int page, Map<Integer, String> problems, HttpStatus code) {
        String wanted = STATUSES.contains(status) ? status : "confirmed";
        int number = Math.max(1, Math.min(page, 100_000));
        List<Subscriber> found = subscriptions.list(wanted, (number - 1) * PER_PAGE, PER_PAGE + 1);
        boolean more = found.size() > PER_PAGE;
        ModelAndView view = new ModelAndView("subscriptions/desk", "page", new SubscribersPage(shells.shell(request, staff, "/admin/subscribers"),
                wanted, subscriptions.counts(), more ? found.subList(0, PER_PAGE) : found, number, more, problems));
        view.setStatus(code);
        return view;
    }
}
