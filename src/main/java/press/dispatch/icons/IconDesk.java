package press.dispatch.icons;

import java.io.IOException;

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
import press.dispatch.media.RejectedUploadException;

/** The site icon screen, under Settings (admins and the owner): upload one square image, or go back to the neutral icon. */
@Controller
class IconDesk {

    private final SiteIcons icons;
    private final AdminShells shells;

    IconDesk(SiteIcons icons, AdminShells shells) {
        this.icons = icons;
        this.shells = shells;
    }

    @GetMapping("/admin/settings/icon")
    ModelAndView icon(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return page(staff, request, null, HttpStatus.OK);
    }

    @PostMapping("/admin/settings/icon")
    ModelAndView upload(@AuthenticationPrincipal Staff staff, @RequestParam(required = false) MultipartFile icon, HttpServletRequest request,
                        HttpServletResponse response) {
        if (icon == null || icon.isEmpty()) {
            return page(staff, request, "Choose a square PNG, JPEG or WebP image of at least 512×512 pixels.", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        try {
            icons.upload(icon.getBytes(), icon.getOriginalFilename());
            AdminShells.flash(request, "Site icon saved: every page names it now.");
            return new ModelAndView("redirect:/admin/settings/icon");
        } catch (RejectedUploadException e) {
            if (e.tryAgainLater()) {
                response.setHeader("Retry-After", "60");
            }
            return page(staff, request, e.getMessage(), e.tryAgainLater() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_ENTITY);
        } catch (IconRefusedException e) {
            return page(staff, request, e.getMessage(), HttpStatus.UNPROCESSABLE_ENTITY);
        } catch (IOException e) {
            return page(staff, request, "The upload did not arrive completely; try again.", HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/admin/settings/icon/remove")
    ModelAndView remove(HttpServletRequest request) {
        icons.remove();
        AdminShells.flash(request, "Site icon removed: browsers get the neutral icon.");
        return new ModelAndView("redirect:/admin/settings/icon");
    }

    private ModelAndView page(Staff staff, HttpServletRequest request, String problem, HttpStatus status) {
        ModelAndView view = new ModelAndView("icons/icon", "page",
                new IconPage(shells.shell(request, staff, "/admin/settings"), icons.version().orElse(null), problem));
        view.setStatus(status);
        return view;
    }
}
