package press.dispatch.articles;

import java.util.Set;
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
    private static final Pattern PLACEHOLDER = Pattern.compile("<div class=\"gallery-embed\" data-gallery=\"([a-z0-9-]+)\">.*?</div>\\n?",
            Pattern.DOTALL);

    static GalleryDirective create() {
        return new GalleryDirective();
    }

    /** The body with each placeholder replaced by its gallery, or removed when no published gallery has that slug. */
    static String expand(String bodyHtml, GalleryEmbeds embeds) {
        if (embeds == null || !bodyHtml.contains("class=\"gallery-embed\"")) {
            return bodyHtml;
        }
        Matcher m = PLACEHOLDER.matcher(bodyHtml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(embeds.html(m.group(1)).orElse("")));
        }
        m.appendTail(out);
        return out.toString();
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
