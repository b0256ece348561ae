package press.dispatch.articles;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A paragraph that is only {@code ::gallery[slug]} places a gallery in the body. Bodies are rendered when saved,
 * so the directive becomes a placeholder linking to the gallery page (what feeds and previews show);
 * {@link #expand} puts the gallery itself in its place each time the article page is rendered, through
 * {@link GalleryEmbeds}, so later changes to the gallery show without saving the article again.
 */
final class GalleryDirective implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private static final Pattern LINE = Pattern.compile("::gallery\\[([a-z0-9]+(?:-[a-z0-9]+)*)\\]");
    /** The directive as a line of Markdown, for reading which galleries a stored body places without rendering it. */
    private static final Pattern MARKDOWN_LINE = Pattern.compile("(?m)^[ \\t]{0,3}::gallery\\[([a-z0-9]+(?:-[a-z0-9]+)*)\\][ \\t]*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("<div class=\"gallery-embed\" data-gallery=\"([a-z0-9-]+)\">.*?</div>\\n?",
            Pattern.DOTALL);

    static GalleryDirective create() {
        return new GalleryDirective();
    }

    /** The body with each placeholder replaced by its gallery, or removed when no published gallery has that slug. */
    static String expand(String bodyHtml, GalleryEmbeds embeds) {
        if (embeds == null) {
            return bodyHtml;
        }
        return replace(bodyHtml, (slug, placeholder) -> embeds.html(slug).orElse(""));
    }

    /**
     * The body for feed readers: each placeholder keeps its link to the gallery page and gets the gallery's photos as
     * plain figures (no script, no lightbox); an unknown or draft gallery leaves nothing.
     */
    static String expandForFeeds(String bodyHtml, Function<String, List<Figure>> galleries) {
        return replace(bodyHtml, (slug, placeholder) -> {
            List<Figure> figures = galleries.apply(slug);
            if (figures.isEmpty()) {
                return "";
            }
            StringBuilder html = new StringBuilder(placeholder.substring(0, placeholder.lastIndexOf("</div>")));
            for (Figure f : figures) {
                html.append("<figure>");
                if (!f.webpSrcset().isEmpty()) {
                    html.append("<picture><source type=\"image/webp\" srcset=\"").append(escape(f.webpSrcset())).append("\">");
                }
                html.append("<img src=\"").append(escape(f.src())).append("\" srcset=\"").append(escape(f.srcset()))
                        .append("\" width=\"").append(f.width()).append("\" height=\"").append(f.height())
                        .append("\" alt=\"").append(escape(f.alt())).append("\">");
                if (!f.webpSrcset().isEmpty()) {
                    html.append("</picture>");
                }
                if (!f.caption().isBlank() || !f.credit().isBlank()) {
                    html.append("<figcaption>").append(escape(f.caption()));
                    if (!f.credit().isBlank()) {
                        html.append(f.caption().isBlank() ? "" : " ").append("<small>").append(escape(f.credit())).append("</small>");
                    }
                    html.append("</figcaption>");
                }
                html.append("</figure>");
            }
            return html.append("</div>\n").toString();
        });
    }

    /** The slugs of the galleries a body places, in order, each once. */
    static Set<String> slugsIn(String bodyHtml) {
        Set<String> slugs = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(bodyHtml);
        while (m.find()) {
            slugs.add(m.group(1));
        }
        return slugs;
    }

    /** The same, read from a body's Markdown: a line that is only the directive. */
    static Set<String> slugsInMarkdown(String markdown) {
        Set<String> slugs = new LinkedHashSet<>();
        if (markdown == null || !markdown.contains("::gallery[")) {
            return slugs;
        }
        Matcher m = MARKDOWN_LINE.matcher(markdown);
        while (m.find()) {
            slugs.add(m.group(1));
        }
        return slugs;
    }

    private static String replace(String bodyHtml, java.util.function.BiFunction<String, String, String> replacement) {
        if (!bodyHtml.contains("class=\"gallery-embed\"")) {
            return bodyHtml;
        }
        Matcher m = PLACEHOLDER.matcher(bodyHtml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text);
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessor(new Directives());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(Placeholder::new);
    }

    static final class GalleryBlock extends CustomBlock {
        final String slug;

        GalleryBlock(String slug) {
            this.slug = slug;
        }
    }

    private static final class Directives extends AbstractVisitor implements PostProcessor {
        @Override
        public Node process(Node document) {
            document.accept(this);
            return document;
        }

        @Override
        public void visit(Paragraph paragraph) {
            StringBuilder text = new StringBuilder();
            for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
                if (!(child instanceof Text t)) {
                    return;
                }
                text.append(t.getLiteral());
            }
            Matcher m = LINE.matcher(text.toString().strip());
            if (m.matches()) {
                paragraph.insertAfter(new GalleryBlock(m.group(1)));
                paragraph.unlink();
            }
        }
    }

    private static final class Placeholder implements NodeRenderer {
        private final HtmlWriter html;

        Placeholder(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(GalleryBlock.class);
        }

        @Override
        public void render(Node node) {
            String slug = ((GalleryBlock) node).slug;
            html.line();
            html.raw("<div class=\"gallery-embed\" data-gallery=\"" + slug + "\"><p><a href=\"/galleries/" + slug + "\">See the photo gallery</a></p></div>");
            html.line();
        }
    }
}
