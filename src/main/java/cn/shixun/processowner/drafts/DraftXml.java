package cn.shixun.processowner.drafts;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** A model's XML as a namespace-aware DOM, parsed safely (no DOCTYPE, no external entity). */
public final class DraftXml {

    private DraftXml() {
    }

    /** Only called on content that passed {@code ModelValidation.unreadable} (a draft's, or a deployed model's). */
    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("a model's content was checked to be XML", e);
        }
    }
}
