package press.dispatch.corrections;

import java.util.List;

/** Corrections as readers see them; {@code flagged} when any is a correction (flagged at the top of its article). */
public record CorrectionList(List<Shown> records, boolean flagged) {

    /**
     * One record; {@code headline} and {@code href} name its article on the site-wide page (null on the article).
     *
     * @param kind    correction, clarification or update
     * @param amended its wording changed after it was first published
     */
    public record Shown(String kind, String label, String text, String iso, String display, boolean amended, String headline, String href) {
    }
}
