package cn.shixun.processowner.drafts;

import cn.shixun.shared.UntrustedXml;
import java.nio.charset.StandardCharsets;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** A model's XML that was already checked to be readable, as a namespace-aware DOM (read as untrusted all the same). */
public final class DraftXml {

    private DraftXml() {
    }

    /** Only called on content that passed {@code ModelValidation.unreadable} (a draft's, or a deployed model's). */
    public static Document parse(String xml) {
        try {
            return UntrustedXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        } catch (SAXException e) {
            throw new IllegalStateException("a model's content was checked to be XML", e);
        }
    }
}
