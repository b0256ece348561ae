package press.dispatch.feeds;

import java.io.ByteArrayInputStream;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The sitemaps.org 0.9 schemas (index and URL set) with Google's image 1.1 and news 0.9 extensions, from test
 * resources. Documents are read with DTDs refused.
 */
public final class SitemapSchemas {

    private static final Schema INDEX = schema("siteindex.xsd");
    /** One schema per target namespace: a second document for the same namespace would be ignored. */
    private static final Schema URLSET = schema("sitemap.xsd", "sitemap-image.xsd", "sitemap-news.xsd");

    private SitemapSchemas() {
    }

    public static void validIndex(byte[] xml) {
        validate(INDEX, xml);
    }

    public static void validUrlSet(byte[] xml) {
        validate(URLSET, xml);
    }

    private static Schema schema(String... files) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            Source[] sources = new Source[files.length];
            for (int i = 0; i < files.length; i++) {
                URL url = SitemapSchemas.class.getResource("/schemas/" + files[i]);
                sources[i] = new StreamSource(url.toExternalForm());
            }
            return factory.newSchema(sources);
        } catch (Exception e) {
            throw new IllegalStateException("Schema " + String.join(", ", files) + " did not load: " + e.getMessage(), e);
        }
    }

    private static void validate(Schema schema, byte[] xml) {
        try {
            SAXParserFactory parsers = SAXParserFactory.newInstance();
            parsers.setNamespaceAware(true);
            parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            XMLReader reader = parsers.newSAXParser().getXMLReader();
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new SAXSource(reader, new InputSource(new ByteArrayInputStream(xml))));
        } catch (Exception e) {
            throw new AssertionError("Not valid against the schema: " + e.getMessage() + "\n" + new String(xml, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }
}
