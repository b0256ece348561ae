package press.dispatch.articles;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

import press.dispatch.media.MediaLibrary;

/**
 * Article bodies: Markdown with GFM tables, autolinks and heading anchors. Raw HTML in the source is shown as
 * text and link targets other than http(s), mailto and relative ones are dropped, so the output is safe to emit.
 * A line {@code ::gallery[slug]} places a gallery (see {@link GalleryDirective}).
 * Library photos are placed with {@code ![alt](photo:12)} (see {@link BodyPhotos}); an image on another site becomes
 * a link to it (the CSP loads images from this site only).
 * Bodies are written by staff only, so their links are the newsroom's own and followed: commonmark's URL sanitizing
 * marks every link {@code rel="nofollow"}, which would tell search engines not to follow the site's own links; that
 * mark is taken off. (Readers' comments are not Markdown; their links are {@code nofollow ugc}.)
 */
@Component
public class Markdown {

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final MediaLibrary media;
    private final press.dispatch.site.SiteSettings settings;

    Markdown(MediaLibrary media, press.dispatch.site.SiteSettings settings) {
        this.media = media;
        this.settings = settings;
        List<Extension> extensions = List.of(TablesExtension.create(), AutolinkExtension.create(), HeadingAnchorExtension.create(),
                GalleryDirective.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
                .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof org.commonmark.node.Link) {
                        attributes.remove("rel");
                    }
                })
                .nodeRendererFactory(BodyPhotos.Renderer::new).build();
    }

    /** The library numbers of the photos a Markdown text places ({@code ![alt](photo:12)}), for whoever must know them. */
    public static java.util.Set<Long> photoIds(String markdown) {
        return BodyPhotos.idsIn(markdown);
    }

    public String render(String markdown) {
        Node document = parser.parse(markdown);
        BodyPhotos.place(document, id -> media.find(id).orElse(null), settings.current().host());
        return renderer.render(document);
    }
}
