package cn.shixun.policy;

import cn.shixun.shared.UntrustedXml;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The start of a new policy version in a decision table: every row of the profile's current
 * version copied, above the original, with the new version number in its {@code profileVersion}
 * cell (ADR 0012 "复制为新版本"). The process owner then edits the copies; the originals, which a
 * published version is pinned to, stay as they are. Rows for every profile ({@code -}) are shared
 * by all versions and are not copied.
 */
public final class NewVersionRows {

    private static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";

    private NewVersionRows() {
    }

    /** What the copy did: the table with the new rows, and how many rows were copied (0: the profile has none here). */
    public record Copy(byte[] table, int copiedRows) {
    }

    public static Copy copy(byte[] table, String profileCode, int fromVersion, int toVersion) {
        Document document = parse(table);
        Element decisionTable = only(document.getDocumentElement(), "decisionTable");
        List<Element> inputs = children(decisionTable, "input");
        int profileColumn = column(inputs, "profile");
        int versionColumn = column(inputs, "profileVersion");
        String profileLiteral = "\"" + profileCode + "\"";
        int copied = 0;
        for (Element rule : children(decisionTable, "rule")) {
            List<Element> entries = children(rule, "inputEntry");
            if (text(entries.get(profileColumn)).equals(profileLiteral)
                    && text(entries.get(versionColumn)).equals(String.valueOf(fromVersion))) {
                Element copy = (Element) rule.cloneNode(true);
                renameIds(copy, "_v" + toVersion);
                setText(children(copy, "inputEntry").get(versionColumn), String.valueOf(toVersion));
                decisionTable.insertBefore(copy, rule);
                copied++;
            }
        }
        return new Copy(write(document), copied);
    }

    private static int column(List<Element> inputs, String expression) {
        for (int i = 0; i < inputs.size(); i++) {
            if (text(only(inputs.get(i), "inputExpression")).equals(expression)) {
                return i;
            }
        }
        throw new IllegalArgumentException("the table has no input " + expression + " (ADR 0002: tables are keyed by it)");
    }

    private static void renameIds(Element element, String suffix) {
        if (element.hasAttribute("id")) {
            element.setAttribute("id", element.getAttribute("id") + suffix);
        }
        for (Element child : children(element, null)) {
            renameIds(child, suffix);
        }
    }

    private static String text(Element element) {
        Element text = only(element, "text");
        return text.getTextContent().strip();
    }

    private static void setText(Element element, String value) {
        only(element, "text").setTextContent(value);
    }

    private static Element only(Element parent, String localName) {
        NodeList found = parent.getElementsByTagNameNS(DMN, localName);
        if (found.getLength() == 0) {
            throw new IllegalArgumentException("no " + localName + " in " + parent.getLocalName());
        }
        return (Element) found.item(0);
    }

    /** Direct children with the given DMN name, or all element children for null. */
    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && (localName == null
                    || DMN.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName()))) {
                children.add(element);
            }
        }
        return children;
    }

    private static Document parse(byte[] table) {
        try {
            return UntrustedXml.parse(table);
        } catch (SAXException e) {
            throw new IllegalArgumentException("the decision table does not parse: " + e.getMessage(), e);
        }
    }

    private static byte[] write(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
