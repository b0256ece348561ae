package press.dispatch.articles;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Article bodies: Markdown with GFM tables, autolinks and heading anchors. Raw HTML in the source is shown as
 * text and link targets other than http(s), mailto and relative ones are dropped, so the output is safe to emit.
 * A line {@code ::gallery[slug]} places a gallery (see {@link GalleryDirective}).
 */
@Component
public class Markdown {

    private final Parser parser;
    private final HtmlRenderer renderer;

    Markdown() {
        List<Extension> extensions = List.of(TablesExtension.create(), AutolinkExtension.create(), HeadingAnchorExtension.create(),
                GalleryDirective.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
                .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto"))).build();
    }

    public String render(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
