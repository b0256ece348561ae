package press.dispatch.comments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Comment text is plain text: every character is escaped first, then blank lines make paragraphs, line breaks
 * make {@code <br>}, and http(s) URLs become links with {@code rel="nofollow ugc noopener"}. Nothing is
 * transformed after escaping except by adding our own markup around escaped text.
 */
final class CommentText {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']{1,2000}", Pattern.CASE_INSENSITIVE);

    private CommentText() {
    }

    static String html(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            out.append("<p>");
            String[] lines = paragraph.strip().split("\\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    out.append("<br>");
                }
                out.append(linkify(lines[i]));
            }
            out.append("</p>");
        }
        return out.toString();
    }

    static int countLinks(String text) {
        Matcher m = URL.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String linkify(String line) {
        StringBuilder out = new StringBuilder();
        Matcher m = URL.matcher(line);
        int last = 0;
        while (m.find()) {
            out.append(HtmlUtils.htmlEscape(line.substring(last, m.start()), "UTF-8"));
            String url = trimPunctuation(m.group());
            String escaped = HtmlUtils.htmlEscape(url, "UTF-8");
            out.append("<a href=\"").append(escaped).append("\" rel=\"nofollow ugc noopener\">").append(escaped).append("</a>");
            last = m.start() + url.length();
        }
        out.append(HtmlUtils.htmlEscape(line.substring(last), "UTF-8"));
        return out.toString();
    }

    private static String trimPunctuation(String url) {
        String u = url;
        while (!u.isEmpty() && ".,;:!?)".indexOf(u.charAt(u.length() - 1)) >= 0) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
