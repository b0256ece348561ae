package press.dispatch.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns a WordPress post's content (classic-editor HTML with line breaks for paragraphs, or block-editor markup) into
 * the Markdown that articles are written in. Paragraphs, headings, lists, quotes and pull quotes, images and figures,
 * tables, links and emphasis become their Markdown; [caption], [gallery], [embed], [audio] and [video] become figures
 * and links; scripts, frames and forms are dropped. Every other shortcode and block is listed so the report can name
 * the posts that use it. The Markdown renderer shows raw HTML as text, so nothing executable can survive.
 */
final class BodyConversion {

    /** The imported photos, looked up by WordPress attachment id or by any URL WordPress used for them. */
    interface Photos {
        Optional<Photo> byId(long attachmentId);

        Optional<Photo> byUrl(String url);

        /** The photos attached to the post being converted (a [gallery] without ids shows them). */
        List<Photo> attached();

        /**
         * Where a link to an uploaded file that is not a photo now leads: the imported file's address, or the original
         * absolute URL of one that was not imported; empty for any other URL (left as it is).
         */
        default Optional<String> file(String url) {
            return Optional.empty();
        }
    }

    record Photo(String src, String alt, String caption) {
    }

    record Result(String markdown, Set<String> unknownShortcodes, Set<String> unknownBlocks, List<String> warnings) {
    }

    static final Set<String> KNOWN_BLOCKS = Set.of("paragraph", "heading", "list", "list-item", "quote", "pullquote", "image", "table", "embed",
            "gallery", "separator", "spacer", "html", "shortcode", "freeform", "columns", "column", "group", "video", "audio", "preformatted",
            "code", "verse", "more", "classic", "media-text", "buttons", "button", "file");

    private static final Set<String> CONVERTED_SHORTCODES = Set.of("caption", "wp_caption", "gallery", "embed", "audio", "video");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "object", "embed", "form", "input", "button", "select",
            "textarea", "template", "svg", "canvas", "applet", "base", "link", "meta", "frameset", "frame");
    private static final Set<String> BLOCK_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "figure",
            "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "hr", "pre", "div", "section", "article", "aside", "header", "footer",
            "nav", "main", "dl", "dt", "dd", "address", "details", "summary", "iframe", "video", "audio", "caption", "cite");

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:([a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)[^>]*?-->");
    private static final Pattern CAPTION = Pattern.compile("\\[(?:wp_)?caption([^\\]]*)\\](.*?)\\[/(?:wp_)?caption\\]", Pattern.DOTALL);
    private static final Pattern GALLERY = Pattern.compile("\\[gallery([^\\]]*)\\]");
    private static final Pattern EMBED = Pattern.compile("\\[embed[^\\]]*\\](.*?)\\[/embed\\]", Pattern.DOTALL);
    private static final Pattern MEDIA = Pattern.compile("\\[(audio|video)([^\\]]*)\\](?:(.*?)\\[/\\1\\])?", Pattern.DOTALL);
    private static final Pattern SHORTCODE = Pattern.compile("\\[(/?)([a-zA-Z][a-zA-Z0-9_-]*)((?:\\s[^\\]]*)?)(/?)\\]");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z0-9_-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern WP_IMAGE = Pattern.compile("wp-image-(\\d+)");
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    private final Photos photos;
    private final Set<String> unknownShortcodes = new LinkedHashSet<>();
    private final Set<String> unknownBlocks = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();

    private BodyConversion(Photos photos) {
        this.photos = photos;
    }

    static Result convert(String content, Photos photos) {
        BodyConversion conversion = new BodyConversion(photos);
        String markdown = conversion.run(content == null ? "" : content);
        return new Result(markdown, conversion.unknownShortcodes, conversion.unknownBlocks, conversion.warnings);
    }

    private String run(String content) {
        boolean blocks = content.contains("<!-- wp:");
        Matcher m = BLOCK_COMMENT.matcher(content);
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String local = name.startsWith("core/") ? name.substring(5) : name.startsWith("core-embed/") ? "embed" : name;
            if (!KNOWN_BLOCKS.contains(local)) {
                unknownBlocks.add(name);
            }
        }
        String html = BLOCK_COMMENT.matcher(content).replaceAll("");
        html = shortcodes(html);
        if (!blocks) {
            html = paragraphs(html);
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        return String.join("\n\n", blocks(body)).strip() + "\n";
    }

    private String shortcodes(String html) {
        html = replace(CAPTION, html, m -> {
            Matcher img = IMG.matcher(m.group(2));
            String image = img.find() ? img.group() : "";
            String caption = IMG.matcher(m.group(2)).replaceAll("").replaceAll("</?a\\b[^>]*>", "").strip();
            return "<figure>" + image + (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>";
        });
        html = replace(GALLERY, html, m -> {
            String ids = attribute(m.group(1), "ids");
            List<Photo> shown = new ArrayList<>();
            if (ids.isBlank()) {
                shown.addAll(photos.attached());
            } else {
                for (String id : ids.split(",")) {
                    try {
                        photos.byId(Long.parseLong(id.strip())).ifPresentOrElse(shown::add,
                                () -> warnings.add("[gallery] names attachment " + id.strip() + ", which is not among the imported photos"));
                    } catch (NumberFormatException e) {
                        warnings.add("[gallery] has an id that is not a number: " + id.strip());
                    }
                }
            }
            StringBuilder figures = new StringBuilder();
            for (Photo p : shown) {
                figures.append("<figure><img src=\"").append(escapeAttribute(p.src())).append("\" alt=\"").append(escapeAttribute(p.alt()))
                        .append("\">").append(p.caption().isEmpty() ? "" : "<figcaption>" + escapeText(p.caption()) + "</figcaption>").append("</figure>");
            }
            return figures.toString();
        });
        html = replace(EMBED, html, m -> link(m.group(1).strip(), m.group(1).strip()));
        html = replace(MEDIA, html, m -> {
            String url = "";
            for (String key : List.of("src", "mp3", "m4a", "ogg", "wav", "mp4", "webm", "m4v", "ogv", "wmv", "flv")) {
                url = attribute(m.group(2), key);
                if (!url.isEmpty()) {
                    break;
                }
            }
            if (url.isEmpty() && m.group(3) != null) {
                url = m.group(3).strip();
            }
            if (url.isEmpty()) {
                return "";
            }
            String target = photos.file(url).orElse(url);
            String shown = target.startsWith("/files/") ? target.substring(target.lastIndexOf('/') + 1) : target;
            return link(target, (m.group(1).equals("audio") ? "Listen: " : "Watch: ") + shown);
        });
        String text = html;
        return replace(SHORTCODE, text, m -> {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            boolean looksLikeShortcode = !m.group(3).isBlank() || !m.group(1).isEmpty() || !m.group(4).isEmpty() || name.contains("-")
                    || name.contains("_") || text.contains("[/" + m.group(2) + "]");
            if (CONVERTED_SHORTCODES.contains(name) || !looksLikeShortcode) {
                return m.group();
            }
            unknownShortcodes.add(name);
            return "";
        });
    }

    private static String link(String url, String text) {
        return "<p><a href=\"" + escapeAttribute(url) + "\">" + escapeText(text) + "</a></p>";
    }

    /** WordPress's wpautop, in short: blank lines separate paragraphs and a single line break is a line break. */
    private static String paragraphs(String html) {
        String spaced = html.replace("\r\n", "\n")
                .replaceAll("(?i)(<(?:" + String.join("|", BLOCK_TAGS) + ")\\b[^>]*>)", "\n\n$1")
                .replaceAll("(?i)(</(?:" + String.join("|", BLOCK_TAGS) + ")>)", "$1\n\n");
        StringBuilder out = new StringBuilder();
        for (String chunk : spaced.split("\\n\\s*\\n")) {
            String c = chunk.strip();
            if (c.isEmpty()) {
                continue;
            }
            if (c.startsWith("<") && c.matches("(?is)^</?(?:" + String.join("|", BLOCK_TAGS) + ")\\b.*")) {
                out.append(c).append('\n');
            } else {
                out.append("<p>").append(c.replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        return out.toString();
    }

    private List<String> blocks(Element container) {
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (Node child : container.childNodes()) {
            if (child instanceof Element e && isBlock(e)) {
                flush(paragraph, out);
                out.addAll(block(e));
            } else {
                paragraph.append(inline(child));
            }
        }
        flush(paragraph, out);
        return out;
    }

    private static boolean isBlock(Element e) {
        String tag = e.normalName();
        return BLOCK_TAGS.contains(tag) || DROPPED.contains(tag) || (tag.equals("img") && e.parent() != null && e.parent().normalName().equals("figure"));
    }

    private static void flush(StringBuilder paragraph, List<String> out) {
        String text = paragraph.toString().replaceAll("[ \\t]+", " ").replaceAll(" ?\\\\\\n ?", "\\\\\n").strip();
        while (text.endsWith("\\")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        while (text.startsWith("\\\n")) {
            text = text.substring(2).strip();
        }
        if (!text.isEmpty()) {
            if (text.matches("(?s)^(#|>|-|\\+|=|\\d+[.)]).*")) {
                text = "\\" + text;
            }
            out.add(text);
        }
        paragraph.setLength(0);
    }

    private List<String> block(Element e) {
        String tag = e.normalName();
        if (DROPPED.contains(tag)) {
            warnings.add("removed <" + tag + ">");
            return List.of();
        }
        return switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = inlineChildren(e).replaceAll("\\s+", " ").strip();
                yield text.isEmpty() ? List.of() : List.of("#".repeat(tag.charAt(1) - '0') + " " + text);
            }
            case "ul", "ol" -> List.of(list(e, ""));
            case "blockquote" -> List.of(quote(e));
            case "figure" -> figure(e);
            case "table" -> table(e);
            case "hr" -> List.of("---");
            case "pre" -> List.of("```\n" + e.wholeText().replace("```", "'''").strip() + "\n```");
            case "iframe", "video", "audio" -> {
                String given = e.attr("src").isEmpty() ? e.select("source[src]").attr("src") : e.attr("src");
                String src = photos.file(given.strip()).orElse(given);
                warnings.add("replaced <" + tag + "> with a link");
                yield safe(src) ? List.of("[" + escape(src) + "](" + src + ")") : List.of();
            }
            case "img" -> image(e).map(List::of).orElse(List.of());
            default -> blocks(e);
        };
    }

    private List<String> figure(Element e) {
        if (e.hasClass("wp-block-embed") || e.hasClass("wp-block-embed-youtube") || e.className().contains("wp-block-embed")) {
            String url = e.text().strip();
            if (safe(url)) {
                return List.of("[" + escape(url) + "](" + url + ")");
            }
        }
        if (e.hasClass("wp-block-pullquote") || e.selectFirst("> blockquote") != null && e.selectFirst("img") == null) {
            Element quote = e.selectFirst("blockquote");
            return quote == null ? blocks(e) : List.of(quote(quote));
        }
        Element img = e.selectFirst("img");
        if (img == null) {
            return blocks(e);
        }
        List<String> out = new ArrayList<>();
        image(img).ifPresent(out::add);
        Element caption = e.selectFirst("figcaption");
        if (caption != null && !caption.text().isBlank()) {
            out.add("*" + inlineChildren(caption).strip() + "*");
        }
        return out;
    }

    private Optional<String> image(Element img) {
        Optional<Photo> photo = Optional.empty();
        Matcher id = WP_IMAGE.matcher(img.className());
        if (id.find()) {
            photo = photos.byId(Long.parseLong(id.group(1)));
        }
        String src = img.attr("src");
        if (photo.isEmpty() && !src.isEmpty()) {
            photo = photos.byUrl(src);
        }
        String alt = img.attr("alt").isEmpty() ? photo.map(Photo::alt).orElse("") : img.attr("alt");
        if (photo.isPresent()) {
            return Optional.of("![" + escape(alt) + "](" + photo.get().src() + ")");
        }
        if (safe(src)) {
            warnings.add("kept an image that is not among the uploads: " + src);
            return Optional.of("![" + escape(alt) + "](" + src.replace(" ", "%20").replace(")", "%29") + ")");
        }
        return Optional.empty();
    }

    private String list(Element list, String indent) {
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (Element li : list.children()) {
            if (!li.normalName().equals("li")) {
                continue;
            }
            String marker = list.normalName().equals("ol") ? (n++) + ". " : "- ";
            StringBuilder text = new StringBuilder();
            StringBuilder nested = new StringBuilder();
            for (Node child : li.childNodes()) {
                if (child instanceof Element c && (c.normalName().equals("ul") || c.normalName().equals("ol"))) {
                    nested.append(list(c, indent + " ".repeat(marker.length())));
                } else if (child instanceof Element c && c.normalName().equals("p")) {
                    text.append(inlineChildren(c)).append(' ');
                } else {
                    text.append(inline(child));
                }
            }
            out.append(indent).append(marker).append(text.toString().replaceAll("\\s+", " ").strip()).append('\n').append(nested);
        }
        return indent.isEmpty() ? out.toString().stripTrailing() : out.toString();
    }

    private String quote(Element quote) {
        List<String> parts = new ArrayList<>();
        for (Element cite : quote.select("cite")) {
            cite.remove();
            parts.add("— " + inlineChildren(cite).strip());
        }
        List<String> inner = blocks(quote);
        inner.addAll(parts);
        StringBuilder out = new StringBuilder();
        for (String line : String.join("\n\n", inner).split("\n", -1)) {
            out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private List<String> table(Element table) {
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : table.select("tr")) {
            List<String> cells = new ArrayList<>();
            for (Element cell : tr.select("> th, > td")) {
                cells.add(inlineChildren(cell).replaceAll("\\s+", " ").replace("|", "\\|").strip());
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        int width = rows.stream().mapToInt(List::size).max().orElse(1);
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = new ArrayList<>(rows.get(r));
            while (row.size() < width) {
                row.add("");
            }
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
            if (r == 0) {
                out.append("|").append(" --- |".repeat(width)).append('\n');
            }
        }
        return List.of(out.toString().stripTrailing());
    }

    private String inlineChildren(Element e) {
        StringBuilder out = new StringBuilder();
        for (Node child : e.childNodes()) {
            out.append(inline(child));
        }
        return out.toString();
    }

    private String inline(Node node) {
        if (node instanceof TextNode text) {
            return escape(text.getWholeText().replaceAll("\\s+", " "));
        }
        if (!(node instanceof Element e)) {
            return "";
        }
        String tag = e.normalName();
        if (DROPPED.contains(tag)) {
            warnings.add("removed <" + tag + ">");
            return "";
        }
        return switch (tag) {
            case "strong", "b" -> wrap("**", inlineChildren(e));
            case "em", "i" -> wrap("*", inlineChildren(e));
            case "code" -> "`" + e.text().replace("`", "'") + "`";
            case "br" -> "\\\n";
            case "img" -> image(e).orElse("");
            case "a" -> {
                String text = inlineChildren(e).strip();
                String href = photos.file(e.attr("href").strip()).orElse(e.attr("href").strip());
                if (text.isEmpty()) {
                    yield "";
                }
                yield safe(href) ? "[" + text + "](" + href.replace(" ", "%20").replace(")", "%29").replace("(", "%28") + ")" : text;
            }
            default -> inlineChildren(e);
        };
    }

    private static String wrap(String mark, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return text;
        }
        String lead = text.startsWith(" ") ? " " : "";
        String trail = text.endsWith(" ") ? " " : "";
        return lead + mark + t + mark + trail;
    }

    private static boolean safe(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://") || u.startsWith("mailto:") || (u.startsWith("/") && !u.startsWith("//"));
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]")
                .replace("`", "\\`").replace("<", "\\<");
    }

    private static String escapeAttribute(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static String escapeText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static String attribute(String attributes, String name) {
        Matcher m = ATTRIBUTE.matcher(attributes == null ? "" : attributes);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                return m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            }
        }
        return "";
    }

    private interface Replacement {
        String apply(Matcher m);
    }

    private static String replace(Pattern pattern, String text, Replacement replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
