package press.dispatch.articles;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import press.dispatch.accounts.Staff;
import press.dispatch.admin.AdminShells;

/** The admin's Sections and Tags screens (editors and above): the site's structure. */
@Controller
class StructureDesk {

    private final Sections sections;
    private final Tags tags;
    private final AdminShells shells;

    StructureDesk(Sections sections, Tags tags, AdminShells shells) {
        this.sections = sections;
        this.tags = tags;
        this.shells = shells;
    }

    @GetMapping("/admin/sections")
    ModelAndView sections(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return sectionsPage(staff, request, Map.of(), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/sections")
    ModelAndView create(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String description, HttpServletRequest request) {
        try {
            Section created = sections.create(name, slug, description);
            AdminShells.flash(request, "Section " + created.name() + " created at " + created.href() + ".");
            return new ModelAndView("redirect:/admin/sections");
        } catch (InvalidStructureException e) {
            return sectionsPage(staff, request, Map.of("name", name, "slug", slug, "description", description), e.problems(),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/admin/sections/{id}")
    ModelAndView section(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        Section s = sections.get(id);
        return sectionPage(staff, request, id, Map.of("name", s.name(), "slug", s.slug(), "description", s.description()), Map.of(),
                HttpStatus.OK);
    }

    @PostMapping("/admin/sections/{id}")
    ModelAndView update(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String description,
                        HttpServletRequest request) {
        Section before = sections.get(id);
        try {
            Section after = sections.update(id, name, slug, description);
            AdminShells.flash(request, "Section " + after.name() + " saved." + (before.slug().equals(after.slug()) ? ""
                    : " Its old address " + before.href() + " now leads to " + after.href() + "."));
            return new ModelAndView("redirect:/admin/sections");
        } catch (InvalidStructureException e) {
            return sectionPage(staff, request, id, Map.of("name", name, "slug", slug, "description", description), e.problems(),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @PostMapping("/admin/sections/{id}/move")
    ModelAndView move(@PathVariable long id, @RequestParam(defaultValue = "") String direction, HttpServletRequest request) {
        sections.move(id, "up".equals(direction) ? -1 : 1);
        AdminShells.flash(request, "Order saved: the navigation shows it now.");
        return new ModelAndView("redirect:/admin/sections");
    }

    @PostMapping("/admin/sections/{id}/delete")
    ModelAndView delete(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String moveTo,
                        HttpServletRequest request) {
        Section gone = sections.get(id);
        try {
            sections.delete(id, moveTo.matches("[0-9]{1,18}") ? Long.valueOf(moveTo) : null);
            AdminShells.flash(request, "Section " + gone.name() + " deleted.");
            return new ModelAndView("redirect:/admin/sections");
        } catch (InvalidStructureException e) {
            return sectionPage(staff, request, id, Map.of("name", gone.name(), "slug", gone.slug(), "description", gone.description()),
                    e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @GetMapping("/admin/tags")
    ModelAndView tags(@AuthenticationPrincipal Staff staff, HttpServletRequest request) {
        return new ModelAndView("articles/tags", "page", new StructurePages.TagsPage(shells.shell(request, staff, "/admin/tags"), tags.list()));
    }

    @GetMapping("/admin/tags/{id}")
    ModelAndView tag(@AuthenticationPrincipal Staff staff, @PathVariable long id, HttpServletRequest request) {
        Tag t = tags.get(id);
        return tagPage(staff, request, id, Map.of("name", t.name(), "slug", t.slug()), Map.of(), HttpStatus.OK);
    }

    @PostMapping("/admin/tags/{id}")
    ModelAndView rename(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "") String slug, HttpServletRequest request) {
        Tag before = tags.get(id);
        try {
            Tag after = tags.rename(id, name, slug);
            AdminShells.flash(request, "Tag " + after.name() + " saved." + (before.slug().equals(after.slug()) ? ""
                    : " Its old address " + before.href() + " now leads to " + after.href() + "."));
            return new ModelAndView("redirect:/admin/tags");
        } catch (InvalidStructureException e) {
            return tagPage(staff, request, id, Map.of("name", name, "slug", slug), e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @PostMapping("/admin/tags/{id}/merge")
    ModelAndView merge(@AuthenticationPrincipal Staff staff, @PathVariable long id, @RequestParam(defaultValue = "") String into,
                       HttpServletRequest request) {
        Tag gone = tags.get(id);
        try {
            if (!into.matches("[0-9]{1,18}")) {
                throw new InvalidStructureException("into", "Choose the tag to merge into.");
            }
            Tag kept = tags.merge(id, Long.parseLong(into));
            AdminShells.flash(request, "Tag " + gone.name() + " merged into " + kept.name() + ".");
            return new ModelAndView("redirect:/admin/tags");
        } catch (InvalidStructureException e) {
            return tagPage(staff, request, id, Map.of("name", gone.name(), "slug", gone.slug()), e.problems(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
    }

    @PostMapping("/admin/tags/{id}/delete")
    ModelAndView deleteTag(@PathVariable long id, HttpServletRequest request) {
        Tag gone = tags.get(id);
        tags.delete(id);
        AdminShells.flash(request, "Tag " + gone.name() + " deleted; its articles keep their other tags.");
        return new ModelAndView("redirect:/admin/tags");
    }

    /** A section or tag that does not exist: the site's 404 page. */
    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private ModelAndView sectionsPage(Staff staff, HttpServletRequest request, Map<String, String> values, Map<String, String> problems,
                                      HttpStatus status) {
        ModelAndView view = new ModelAndView("articles/sections", "page",
                new StructurePages.SectionsPage(shells.shell(request, staff, "/admin/sections"), sections.list(), values, problems));
        view.setStatus(status);
        return view;
    }

    private ModelAndView sectionPage(Staff staff, HttpServletRequest request, long id, Map<String, String> values, Map<String, String> problems,
                                     HttpStatus status) {
        List<Sections.Listed> all = sections.list();
        Sections.Listed listed = all.stream().filter(l -> l.section().id() == id).findFirst().orElseThrow();
        List<Section> others = all.stream().map(Sections.Listed::section).filter(s -> s.id() != id).toList();
        ModelAndView view = new ModelAndView("articles/section", "page",
                new StructurePages.SectionPage(shells.shell(request, staff, "/admin/sections"), listed, others, values, problems, all.size() == 1));
        view.setStatus(status);
        return view;
    }

    private ModelAndView tagPage(Staff staff, HttpServletRequest request, long id, Map<String, String> values, Map<String, String> problems,
                                 HttpStatus status) {
        List<Tags.Listed> all = tags.list();
        Tags.Listed listed = all.stream().filter(l -> l.tag().id() == id).findFirst().orElseThrow();
        List<Tag> others = all.stream().map(Tags.Listed::tag).filter(t -> t.id() != id).toList();
        ModelAndView view = new ModelAndView("articles/tag", "page",
                new StructurePages.TagPage(shells.shell(request, staff, "/admin/tags"), listed, others, values, problems));
        view.setStatus(status);
        return view;
    }
}
