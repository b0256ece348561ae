package press.dispatch.accounts;

import java.util.List;
import java.util.Map;

/**
 * The signed-out account pages (sign-in, set-up, invitation, password reset) are all one short form.
 *
 * @param notice a message shown above the form (not an error)
 */
public record FormPage(String siteName, String title, String intro, String action, List<Field> fields, String button, Map<String, String> problems,
                       String notice, String csrfParameter, String csrfToken, List<Link> links) {

    /** @param type input type: text, email, password */
    public record Field(String name, String label, String type, String value, String autocomplete) {
    }

    public record Link(String href, String label) {
    }

    public String problem(String field) {
        return problems.get(field);
    }
}
