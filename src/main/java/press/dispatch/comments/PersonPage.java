package press.dispatch.comments;

import java.util.List;

import press.dispatch.admin.AdminShell;

/** One person's comments, found by their email address. */
public record PersonPage(AdminShell shell, String email, List<Comment> comments) {
}
