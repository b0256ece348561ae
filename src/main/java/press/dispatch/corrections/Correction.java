package press.dispatch.corrections;

import java.time.Instant;

/**
 * One correction, clarification or update on an article, in its current wording.
 *
 * @param amendedAt when its wording last changed (null: never amended)
 * @param emailed   how many earlier recipients were sent the correction email
 */
public record Correction(long id, long articleId, Kind kind, String text, Instant createdAt, String staffName, Instant amendedAt, int emailed) {

    /** What kind of record it is; a correction is also flagged at the top of the article. */
    public enum Kind {
        CORRECTION("Correction"), CLARIFICATION("Clarification"), UPDATE("Update");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The kind named in a form or API request, or null for anything else. */
        static Kind parse(String value) {
            for (Kind k : values()) {
                if (k.column().equals(value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT))) {
                    return k;
                }
            }
            return null;
        }
    }

    /** An earlier wording of a correction, kept when it was amended. */
    public record Amendment(Kind kind, String text, Instant replacedAt, String staffName) {
    }
}
