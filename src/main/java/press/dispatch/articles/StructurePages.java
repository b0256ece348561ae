package press.dispatch.articles;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;

/** Page records of the admin's Sections and Tags screens. */
public final class StructurePages {

    private StructurePages() {
    }

    /** @param values the new-section form as sent (refilled after a refusal) */
    public record SectionsPage(AdminShell shell, List<Sections.Listed> sections, Map<String, String> values, Map<String, String> problems) {
    }

    /** One section's form, and where its articles would go if it were deleted. */
    public record SectionPage(AdminShell shell, Sections.Listed listed, List<Section> others, Map<String, String> values,
                              Map<String, String> problems, boolean last) {
    }

    public record TagsPage(AdminShell shell, List<Tags.Listed> tags) {
    }

    public record TagPage(AdminShell shell, Tags.Listed listed, List<Tag> others, Map<String, String> values, Map<String, String> problems) {
    }
}
