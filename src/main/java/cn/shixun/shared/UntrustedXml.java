package cn.shixun.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Reads XML that came from outside (a model a process owner uploaded or drew, a table draft) into a
 * namespace-aware DOM. A DOCTYPE is refused, so no entity is expanded and nothing external is fetched
 * (XXE, billion laughs); the JDK's secure-processing limits apply.
 */
public final class UntrustedXml {

    private UntrustedXml() {
    }

    /**
     * @throws SAXException when the content is not well-formed XML or declares a DOCTYPE (the message says which)
     */
    public static Document parse(byte[] content) throws SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException | IOException unexpected) {
            // The JDK's own parser supports both features, and a byte array cannot fail to be read.
            throw new IllegalStateException("cannot read XML from memory", unexpected);
        }
    }
}
