package press.dispatch.privacy;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShells;

/** The admin's data-protection screen (owners and admins): find a person by address, download their data, erase it. */
@Controller
class PrivacyDesk {

    static final String NOT_AN_ADDRESS = "Give the person's email address, e.g. name@example.com.";

    private final PersonalData personalData;
    private final AdminShells shells;

    PrivacyDesk(PersonalData personalData, AdminShells shells) {
        this.personalData = personalData;
        this.shells = shells;
    }

    @GetMapping("/admin/privacy")
    ModelAndView find(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String email, HttpServletRequest request) {
        Optional<String> address = PersonalData.address(email);
        PrivacyPage page;
        if (email.isBlank()) {
            page = new PrivacyPage(shells.shell(request, staff, "/admin/privacy"), "", null, null, null);
        } else if (address.isEmpty()) {
            page = new PrivacyPage(shells.shell(request, staff, "/admin/privacy"), email.strip(), NOT_AN_ADDRESS, null, null);
        } else {
            page = new PrivacyPage(shells.shell(request, staff, "/admin/privacy"), address.get(), null, personalData.export(address.get()),
                    personalData.refusalToErase(staff, address.get()).orElse(null));
        }
        ModelAndView view = new ModelAndView("privacy/person", "page", page);
        if (page.problem() != null) {
            view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return view;
    }

    @GetMapping(value = "/admin/privacy/export.json", produces = "application/json")
    ResponseEntity<PersonalExport> export(@RequestParam(defaultValue = "") String email) {
        String address = PersonalData.address(email).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, NOT_AN_ADDRESS));
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"personal-data.json\"").body(personalData.export(address));
    }

    @PostMapping("/admin/privacy/erase")
    ModelAndView erase(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String email,
                       @RequestParam(defaultValue = "") String confirm, HttpServletRequest request) {
        Optional<String> address = PersonalData.address(email);
        if (address.isEmpty()) {
            AdminShells.flash(request, NOT_AN_ADDRESS);
            return new ModelAndView("redirect:/admin/privacy");
        }
        if (!confirm.equals("yes")) {
            AdminShells.flash(request, "Nothing was erased: tick the box to confirm that everything held about this address should go.");
            return new ModelAndView("redirect:/admin/privacy?email=" + java.net.URLEncoder.encode(address.get(), java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            Holdings erased = personalData.erase(staff, address.get());
            AdminShells.flash(request, erased.nothing() ? "Nothing was held about that address." : "Erased: " + erased.describe() + ".");
            return new ModelAndView("redirect:/admin/privacy");
        } catch (ErasureRefusedException e) {
            AdminShells.flash(request, "Nothing was erased. " + e.getMessage());
            return new ModelAndView("redirect:/admin/privacy?email=" + java.net.URLEncoder.encode(address.get(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
