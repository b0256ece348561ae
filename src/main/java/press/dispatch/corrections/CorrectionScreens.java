package press.dispatch.corrections;

import java.util.List;
import java.util.Map;

import press.dispatch.admin.AdminShell;
import press.dispatch.metadata.HeadMetadata;
import press.dispatch.site.Shell;

/** What the corrections screens show. */
public final class CorrectionScreens {

    private CorrectionScreens() {
    }

    /** The public list of corrections, newest first. */
    public record PublicPage(Shell shell, CorrectionList list, String policyHref, HeadMetadata head) {
    }

    /**
     * @param recipients how many addresses the article was emailed to (who would get the correction email)
     */
    public record DeskPage(AdminShell shell, long articleId, String headline, String publicUrl, List<Record> records, int recipients,
                           Map<String, String> problems, String kind, String text) {

        public String problem(String field) {
            return problems.get(field);
        }
    }

    /** One record as staff see it, with every earlier wording. */
    public record Record(Correction correction, List<Correction.Amendment> amendments) {
    }
}
