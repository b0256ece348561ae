package press.dispatch.accounts;

import java.util.List;

/**
 * What a staff member sent after their session ended, shown back so nothing typed is lost.
 *
 * @param signIn where to sign in again, returning to the form's page
 * @param fields the form's non-empty text fields (never passwords or tokens), in the order sent
 */
public record SessionEndedPage(String siteName, String signIn, List<Field> fields) {

    public record Field(int index, String name, String value) {

        public int rows() {
            return (int) Math.min(20, Math.max(2, value.lines().count() + 1));
        }
    }
}
