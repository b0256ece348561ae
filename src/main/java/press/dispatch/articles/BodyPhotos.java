package press.dispatch.articles;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

import press.dispatch.media.MediaItem;

/**
 * Library photos in an article body, written with Markdown's image syntax and the photo's library number as the
 * address: {@code ![alt text](photo:12)}, optionally with a caption as the title: {@code ![alt](photo:12 "Caption")}.
 * Alone in a paragraph, a photo becomes a {@code <figure>} with its caption and credit; inside a line of text, just the
 * picture. The alt text and caption written in the body win over the library's; the credit is always the library's.
 * A number the library does not know renders as nothing.
 */
final class BodyPhotos {

    static final String SCHEME = "photo:";
    private static final Pattern IN_MARKDOWN = Pattern.compile("!\\[[^\\]]*\\]\\(\\s*<?photo:([0-9]{1,18})");
    private static final Pattern ADDRESS = Pattern.compile("photo:([0-9]{1,18})");
    static final String SIZES = "(min-width: 900px) 860px, 100vw";

    private BodyPhotos() {
    }

    /** The library numbers of the photos a body places. */
    static Set<Long> idsIn(String markdown) {
        Set<Long> ids = new LinkedHashSet<>();
        if (markdown == null) {
            return ids;
        }
        Matcher m = IN_MARKDOWN.matcher(markdown);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /**
     * Replaces every {@code photo:} image in a parsed document by a figure (or an inline picture), and every image on
     * another site by a link to it: the pages' Content-Security-Policy loads images from this site only, so it would
     * show as a broken picture (and, were it allowed, tell the other site who reads what).
     *
     * @param ownHost this site's host (from its address setting), whose absolute image addresses stay images
     */
    static void place(Node document, LongFunction<MediaItem> photos, String ownHost) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String destination = image.getDestination() == null ? "" : image.getDestination().strip();
                Matcher m = ADDRESS.matcher(destination);
                if (!m.matches()) {
                    if (elsewhere(destination, ownHost)) {
                        String alt = textOf(image);
                        org.commonmark.node.Link link = new org.commonmark.node.Link(destination, image.getTitle());
                        link.appendChild(new Text(alt.isEmpty() ? "Picture on " + hostOf(destination) : alt));
                        image.insertBefore(link);
                        image.unlink();
                    }
                    return;
                }
                MediaItem photo = photos.apply(Long.parseLong(m.group(1)));
                String alt = textOf(image);
                String caption = image.getTitle() == null ? "" : image.getTitle().strip();
                Node parent = image.getParent();
                if (photo == null) {
                    image.unlink();
                    return;
                }
                if (parent instanceof Paragraph && parent.getFirstChild() == image && parent.getLastChild() == image) {
                    PhotoFigure figure = new PhotoFigure(photo, alt, caption);
                    parent.insertBefore(figure);
                    parent.unlink();
                } else {
                    image.insertBefore(new InlinePhoto(photo, alt));
                    image.unlink();
                }
            }
        });
    }

    /** An absolute http(s) or scheme-relative address on another host than this site's. */
    static boolean elsewhere(String destination, String ownHost) {
        String lower = destination.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//"))) {
            return false;
        }
        String host = hostOf(destination);
        return host.isEmpty() || !host.equalsIgnoreCase(ownHost);
    }

    private static String hostOf(String destination) {
        try {
            String host = java.net.URI.create(destination.startsWith("//") ? "https:" + destination : destination).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString().strip();
    }

    static final class PhotoFigure extends CustomBlock {
        final MediaItem photo;
        final String alt;
        final String caption;

        PhotoFigure(MediaItem photo, String alt, String caption) {
            this.photo = photo;
            this.alt = alt;
            this.caption = caption;
        }
    }

    static final class InlinePhoto extends CustomNode {
        final MediaItem photo;
        final String alt;

        InlinePhoto(MediaItem photo, String alt) {
            this.photo = photo;
            this.alt = alt;
        }
    }

    /** Writes both kinds of node; every text and address goes through the writer's escaping. */
    static final class Renderer implements NodeRenderer {

        private final HtmlWriter html;

        Renderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(PhotoFigure.class, InlinePhoto.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof PhotoFigure f) {
                html.line();
                html.tag("figure", java.util.Map.of("class", "body-photo"));
                picture(f.photo, f.alt);
                String caption = f.caption.isEmpty() ? f.photo.caption() : f.caption;
                String credit = f.photo.credit().line();
                if (!caption.isEmpty() || !credit.isEmpty()) {
                    html.tag("figcaption");
                    if (!caption.isEmpty()) {
                        html.tag("span", java.util.Map.of("class", "caption"));
                        html.text(caption);
                        html.tag("/span");
                    }
                    if (!credit.isEmpty()) {
                        html.text(" ");
                        html.tag("span", java.util.Map.of("class", "credit"));
                        html.text(credit);
                        html.tag("/span");
                    }
                    html.tag("/figcaption");
                }
                html.tag("/figure");
                html.line();
            } else if (node instanceof InlinePhoto p) {
                picture(p.photo, p.alt);
            }
        }

        private void picture(MediaItem photo, String alt) {
            MediaItem.Variant v = photo.variantFor(960);
            java.util.Map<String, String> source = new java.util.LinkedHashMap<>();
            source.put("type", "image/webp");
            source.put("srcset", photo.webpSrcset());
            source.put("sizes", SIZES);
            java.util.Map<String, String> img = new java.util.LinkedHashMap<>();
            img.put("src", photo.url(v));
            img.put("srcset", photo.srcset());
            img.put("sizes", SIZES);
            img.put("width", Integer.toString(v.width()));
            img.put("height", Integer.toString(v.height()));
            img.put("alt", alt.isEmpty() ? photo.altText() : alt);
            img.put("loading", "lazy");
            html.tag("picture");
            html.tag("source", source, true);
            html.tag("img", img, true);
            html.tag("/picture");
        }
    }
}
