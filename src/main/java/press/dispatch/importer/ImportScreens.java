package press.dispatch.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Role;
import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShell;
import press.dispatch.admin.AdminShells;
import press.dispatch.platform.DataFolder;

/**
 * The admin's WordPress import (owner and admins): upload an export and an uploads zip, watch the import run in the
 * background, read the kept reports; and the list of old addresses, each of which can be pointed elsewhere or deleted.
 */
@Controller
class ImportScreens {

    private static final Logger log = LoggerFactory.getLogger(ImportScreens.class);
    static final int REDIRECTS_PER_PAGE = 100;

    private final WordPressImports imports;
    private final Redirects redirects;
    private final AdminShells shells;
    private final Path folder;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wordpress-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, String> progress = new ConcurrentHashMap<>();

    ImportScreens(WordPressImports imports, Redirects redirects, AdminShells shells, DataFolder data) {
        this.imports = imports;
        this.redirects = redirects;
        this.shells = shells;
        this.folder = data.folder("imports");
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    @GetMapping("/admin/import")
    ModelAndView screen(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return new ModelAndView("importer/import", "page", new ImportPage(shells.shell(request, staff, "/admin/import"), imports.runs(20), null, ""));
    }

    @PostMapping("/admin/import")
    ModelAndView start(@AuthenticationPrincipal Staff staff, @RequestParam(required = false) MultipartFile export,
                       @RequestParam(required = false) MultipartFile uploads, @RequestParam(defaultValue = "false") boolean dryRun,
                       @RequestParam(defaultValue = "") String invite, HttpServletRequest request) throws IOException {
        String invitationsAsked = invite.length() > 2000 ? invite.substring(0, 2000) : invite;
        Map<String, Role> roles;
        try {
            roles = StaffInvitations.parse(invitationsAsked);
        } catch (IllegalArgumentException e) {
            return refused(staff, request, "Staff invitations: " + e.getMessage(), invitationsAsked);
        }
        if (export == null || export.isEmpty()) {
            return refused(staff, request, "Choose the export file (WordPress: Tools → Export → All content).", invitationsAsked);
        }
        StaffInvitations invitations = roles.isEmpty() ? StaffInvitations.NONE : new StaffInvitations(staff, roles);
        String name = export.getOriginalFilename() == null ? "export.xml" : Path.of(export.getOriginalFilename()).getFileName().toString();
        long id = imports.record(name, dryRun);
        Path xml = folder.resolve(id + "-export.xml");
        copy(export, xml);
        Path zip = null;
        if (uploads != null && !uploads.isEmpty()) {
            zip = folder.resolve(id + "-uploads.zip");
            copy(uploads, zip);
        }
        Path uploadsZip = zip;
        progress.put(id, "Waiting for the import before it: 0%");
        worker.submit(() -> {
            try {
                imports.run(id, xml, uploadsZip, dryRun, invitations, (phase, read, total) -> progress.put(id, phase + ": "
                        + (total <= 0 ? 100 : read * 100 / total) + "%"));
            } catch (RuntimeException e) {
                log.info("WordPress import {} from the admin did not succeed: {}", id, e.getMessage());
            } finally {
                progress.remove(id);
                deleteQuietly(xml);
                if (uploadsZip != null) {
                    deleteQuietly(uploadsZip);
                }
            }
        });
        return new ModelAndView("redirect:/admin/import/runs/" + id);
    }

    private ModelAndView refused(Staff staff, HttpServletRequest request, String problem, String invite) {
        ModelAndView view = new ModelAndView("importer/import", "page", new ImportPage(shells.shell(request, staff, "/admin/import"),
                imports.runs(20), problem, invite));
        view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return view;
    }

    @GetMapping("/admin/import/runs/{id}")
    ModelAndView run(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        ImportRun run = imports.findRun(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return new ModelAndView("importer/run", "page", new ImportRunPage(shells.shell(request, staff, "/admin/import"), run, progress.get(id)));
    }

    @GetMapping("/admin/redirects")
    ModelAndView redirects(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String q,
                           @RequestParam(defaultValue = "1") int page, HttpServletRequest request) {
        return redirectsPage(staff, request, q, page, null, HttpStatus.OK);
    }

    @PostMapping("/admin/redirects/{id}")
    ModelAndView retarget(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String target,
                          @RequestParam(defaultValue = "") String q, HttpServletRequest request) {
        try {
            redirects.retarget(id, target);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (IllegalArgumentException e) {
            return redirectsPage(staff, request, q, 1, e.getMessage(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        AdminShells.flash(request, "Saved: the old address now leads to " + target.strip() + ".");
        return new ModelAndView("redirect:/admin/redirects");
    }

    @PostMapping("/admin/redirects/{id}/delete")
    ModelAndView delete(@PathVariable long id, HttpServletRequest request) {
        try {
            redirects.delete(id);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        AdminShells.flash(request, "Deleted: that old address no longer redirects.");
        return new ModelAndView("redirect:/admin/redirects");
    }

    private ModelAndView redirectsPage(Staff staff, HttpServletRequest request, String q, int page, String problem, HttpStatus status) {
        int number = Math.max(1, Math.min(page, 100_000));
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        List<Redirect> found = redirects.list(query, (number - 1) * REDIRECTS_PER_PAGE, REDIRECTS_PER_PAGE + 1);
        boolean more = found.size() > REDIRECTS_PER_PAGE;
        ModelAndView view = new ModelAndView("importer/redirects", "page", new RedirectsPage(shells.shell(request, staff, "/admin/import"),
                more ? found.subList(0, REDIRECTS_PER_PAGE) : found, redirects.count(), query, number, more, problem));
        view.setStatus(status);
        return view;
    }

    private static void copy(MultipartFile file, Path to) throws IOException {
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }
}
