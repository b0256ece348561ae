package press.dispatch.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export as a stream (StAX): only the item being read is in memory, so an export of any size fits
 * a small heap. A document type declaration is refused outright (no DTD, no entity of any kind, so no billion-laughs
 * bomb and no external file is ever read); broken or truncated XML is refused with the line where it broke.
 */
final class WxrReader {

    /** Longest text of one element we accept: WordPress's own longtext is far larger, but no real post comes near. */
    static final int MAX_TEXT = 16 * 1024 * 1024;

    private static final XMLInputFactory FACTORY = factory();

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are refused");
        });
        return f;
    }

    private WxrReader() {
    }

    static void read(Path export, Wxr.Visitor visitor) {
        try (InputStream in = Files.newInputStream(export)) {
            read(in, visitor);
        } catch (IOException e) {
            throw new ExportRefusedException("The export could not be read: " + e.getMessage(), e);
        }
    }

    static void read(InputStream in, Wxr.Visitor visitor) {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(in);
            new WxrReader().document(xml, visitor);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            String why = e.getMessage() == null ? "broken XML" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new ExportRefusedException("The export is not well-formed XML" + (line > 0 ? " at line " + line : "") + ": " + why.strip()
                    + " Nothing was imported.", e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader that already failed
                }
            }
        }
    }

    private void document(XMLStreamReader xml, Wxr.Visitor visitor) throws XMLStreamException {
        boolean sawChannel = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new ExportRefusedException("The export declares a document type (<!DOCTYPE …>) at line " + xml.getLocation().getLineNumber()
                        + ". WordPress never writes one; it can define entities that expand without end or read files, so the export is refused."
                        + " Nothing was imported.");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new ExportRefusedException("The export uses an entity (&" + xml.getLocalName() + ";) at line "
                        + xml.getLocation().getLineNumber() + ", which is refused. Nothing was imported.");
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("channel")) {
                sawChannel = true;
                channel(xml, visitor);
            }
        }
        if (!sawChannel) {
            throw new ExportRefusedException("This is not a WordPress export: it has no <channel>. Export it from WordPress with Tools → Export.");
        }
    }

    private void channel(XMLStreamReader xml, Wxr.Visitor visitor) throws XMLStreamException {
        Map<String, String> site = new LinkedHashMap<>();
        boolean siteSent = false;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String key = key(xml);
            switch (key) {
                case "wp:author" -> {
                    siteSent = sendSite(site, siteSent, visitor);
                    Map<String, String> a = leaves(xml);
                    visitor.author(new Wxr.Author(a.get("wp:author_id"), a.getOrDefault("wp:author_login", ""), a.get("wp:author_email"),
                            a.get("wp:author_display_name"), a.get("wp:author_first_name"), a.get("wp:author_last_name")));
                }
                case "wp:category" -> {
                    siteSent = sendSite(site, siteSent, visitor);
                    Map<String, String> c = leaves(xml);
                    visitor.category(new Wxr.Category(c.get("wp:term_id"), c.getOrDefault("wp:category_nicename", ""), c.getOrDefault("wp:category_parent", ""),
                            c.getOrDefault("wp:cat_name", ""), c.getOrDefault("wp:category_description", "")));
                }
                case "wp:tag" -> {
                    siteSent = sendSite(site, siteSent, visitor);
                    Map<String, String> t = leaves(xml);
                    visitor.tag(new Wxr.Tag(t.get("wp:term_id"), t.getOrDefault("wp:tag_slug", ""), t.getOrDefault("wp:tag_name", ""),
                            t.getOrDefault("wp:tag_description", "")));
                }
                case "item" -> {
                    siteSent = sendSite(site, siteSent, visitor);
                    visitor.item(item(xml));
                }
                case "title", "link", "wp:base_site_url", "wp:base_blog_url", "wp:wxr_version" -> site.put(key, text(xml));
                default -> skip(xml);
            }
        }
        sendSite(site, siteSent, visitor);
    }

    private static boolean sendSite(Map<String, String> site, boolean sent, Wxr.Visitor visitor) {
        if (!sent) {
            String version = site.getOrDefault("wp:wxr_version", "");
            if (!version.isEmpty() && !version.matches("1\\.[0-2]")) {
                throw new ExportRefusedException("This export is WXR version " + version + "; Dispatch reads versions 1.0 to 1.2.");
            }
            visitor.site(new Wxr.Site(site.getOrDefault("title", ""), site.getOrDefault("link", ""), site.getOrDefault("wp:base_site_url", ""),
                    site.getOrDefault("wp:base_blog_url", ""), version));
        }
        return true;
    }

    private Wxr.Item item(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> f = new LinkedHashMap<>();
        List<Wxr.Term> terms = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        List<Wxr.Comment> comments = new ArrayList<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String key = key(xml);
            switch (key) {
                case "category" -> {
                    String domain = attribute(xml, "domain");
                    String nicename = attribute(xml, "nicename");
                    String name = text(xml);
                    terms.add(new Wxr.Term(domain, nicename, name));
                }
                case "wp:postmeta" -> {
                    Map<String, String> m = leaves(xml);
                    meta.put(m.getOrDefault("wp:meta_key", ""), m.getOrDefault("wp:meta_value", ""));
                }
                case "wp:comment" -> {
                    Map<String, String> c = leaves(xml);
                    comments.add(new Wxr.Comment(number(c.get("wp:comment_id")), c.get("wp:comment_author"), c.get("wp:comment_author_email"),
                            c.get("wp:comment_author_url"), c.get("wp:comment_author_IP"), c.get("wp:comment_date"), c.get("wp:comment_date_gmt"),
                            c.getOrDefault("wp:comment_content", ""), c.getOrDefault("wp:comment_approved", "1"),
                            c.getOrDefault("wp:comment_type", ""), number(c.get("wp:comment_parent"))));
                }
                default -> f.put(key, text(xml));
            }
        }
        return new Wxr.Item(f.getOrDefault("title", ""), f.getOrDefault("link", ""), f.getOrDefault("dc:creator", ""), f.getOrDefault("guid", ""),
                f.getOrDefault("content:encoded", ""), f.getOrDefault("excerpt:encoded", ""), number(f.get("wp:post_id")),
                f.getOrDefault("wp:post_date", ""), f.getOrDefault("wp:post_date_gmt", ""), f.getOrDefault("wp:post_modified_gmt", ""),
                f.getOrDefault("wp:comment_status", "open"), f.getOrDefault("wp:post_name", ""), f.getOrDefault("wp:status", ""),
                number(f.get("wp:post_parent")), f.getOrDefault("wp:post_type", ""), f.getOrDefault("wp:attachment_url", ""), f.getOrDefault("wp:post_password", ""), terms, meta, comments);
    }

    /** The leaf elements inside the current element, by key; nested elements beyond one level are skipped. */
    private Map<String, String> leaves(XMLStreamReader xml) throws XMLStreamException {
        Map<String, String> values = new LinkedHashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            values.put(key(xml), text(xml));
        }
        return values;
    }

    /** The text of the current element (entering any child elements' text too), leaving the reader on its end tag. */
    private String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + xml.getTextLength() > MAX_TEXT) {
                        throw new ExportRefusedException("An element at line " + xml.getLocation().getLineNumber() + " holds more than "
                                + MAX_TEXT / (1024 * 1024) + " MB of text; the export is refused. Nothing was imported.");
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new ExportRefusedException("The export uses an entity (&" + xml.getLocalName()
                        + ";) at line " + xml.getLocation().getLineNumber() + ", which is refused. Nothing was imported.");
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("the export ends inside an element", xml.getLocation());
                default -> {
                }
            }
        }
        return text.toString();
    }

    private void skip(XMLStreamReader xml) throws XMLStreamException {
        text(xml);
    }

    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    /** A short name that does not depend on the prefix the export chose: wp:, content:, excerpt:, dc: or none. */
    private static String key(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (ns == null || ns.isEmpty()) {
            return local;
        }
        if (ns.contains("/excerpt/")) {
            return "excerpt:" + local;
        }
        if (ns.startsWith("http://wordpress.org/export/")) {
            return "wp:" + local;
        }
        if (ns.equals("http://purl.org/rss/1.0/modules/content/")) {
            return "content:" + local;
        }
        if (ns.equals("http://purl.org/dc/elements/1.1/")) {
            return "dc:" + local;
        }
        return ns + ":" + local;
    }

    private static long number(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
