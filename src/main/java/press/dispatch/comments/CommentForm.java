package press.dispatch.comments;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import press.dispatch.platform.HiddenCharacters;

/** What a reader typed into "Leave a Reply", kept as typed so the form can be shown again. */
public record CommentForm(String comment, String name, String email, String website, boolean remember, boolean notifyReplies, Long parentId,
                          String token, String honeypot) {

    static final int MAX_COMMENT = 10_000;
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_WEBSITE = 300;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    public CommentForm {
        comment = comment == null ? "" : HiddenCharacters.removedFromText(comment.replace("\r\n", "\n"));
        name = name == null ? "" : name;
        email = email == null ? "" : email;
        website = website == null ? "" : website;
        token = token == null ? "" : token;
        honeypot = honeypot == null ? "" : honeypot;
    }

    static CommentForm empty(Long parentId) {
        return new CommentForm("", "", "", "", false, false, parentId, "", "");
    }

    /** Field name to what is wrong, in words for the reader; empty when the form is fine. */
    Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (comment.isBlank()) {
            problems.put("comment", "Please write a comment.");
        } else if (comment.length() > MAX_COMMENT) {
            problems.put("comment", "Comments can be at most " + MAX_COMMENT + " characters; yours has " + comment.length() + ".");
        }
        if (name.isBlank()) {
            problems.put("name", "Please give your name.");
        } else if (name.strip().length() > MAX_NAME) {
            problems.put("name", "Names can be at most " + MAX_NAME + " characters.");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problems.put("name", "Names cannot contain control characters.");
        }
        if (email.isBlank()) {
            problems.put("email", "Please give your email address. It is never published.");
        } else if (email.strip().length() > MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()) {
            problems.put("email", "That does not look like an email address.");
        }
        if (!website.isBlank()) {
            String w = website.strip();
            boolean ok = w.length() <= MAX_WEBSITE;
            try {
                URI uri = new URI(w);
                ok &= !HiddenCharacters.in(w);
                ok &= ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
            } catch (Exception e) {
                ok = false;
            }
            if (!ok) {
                problems.put("website", "A website must be an http:// or https:// address.");
            }
        }
        return problems;
    }
}
