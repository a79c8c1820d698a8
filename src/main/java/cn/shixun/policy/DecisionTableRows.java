package cn.shixun.policy;

import cn.shixun.shared.UntrustedXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A DMN file's decision tables as the policy checks and the publication diff read them: column names,
 * labels and each row's entry texts, from the XML alone (DOCTYPE refused), without the engine.
 */
final class DecisionTableRows {

    private static final String DMN_PREFIX = "/spec/DMN/";

    private DecisionTableRows() {
    }

    /** Every decision table of a DMN file, as the checks read them; refused when the file is not readable XML. */
    static List<Table> tables(byte[] dmn) {
        Element root;
        try {
            root = UntrustedXml.parse(dmn).getDocumentElement();
        } catch (Exception unreadable) {
            throw new IllegalArgumentException("not a readable decision table: " + unreadable.getMessage(), unreadable);
        }
        return descendants(root, "decisionTable").stream().map(Table::of).toList();
    }

    /**
     * A decision table as the checks read it: column names (the input expressions, the output names),
     * the labels people read (each column's {@code label}, else its name) and each row's trimmed entry texts.
     */
    record Table(String hitPolicy, List<String> inputs, List<String> outputs, List<String> labels, List<Row> rows) {

        static Table of(Element table) {
            List<String> inputs = new ArrayList<>();
            for (Element input : children(table, "input")) {
                List<Element> expression = children(input, "inputExpression");
                inputs.add(expression.isEmpty() ? "" : text(expression.get(0)));
            }
            List<String> outputs = children(table, "output").stream().map(output -> output.getAttribute("name")).toList();
            List<String> labels = new ArrayList<>();
            List<Element> columns = new ArrayList<>(children(table, "input"));
            columns.addAll(children(table, "output"));
            for (int i = 0; i < columns.size(); i++) {
                String label = columns.get(i).getAttribute("label");
                labels.add(!label.isBlank() ? label : i < inputs.size() ? inputs.get(i) : outputs.get(i - inputs.size()));
            }
            List<Row> rows = children(table, "rule").stream().map(rule -> new Row(rule.getAttribute("id"),
                    children(rule, "inputEntry").stream().map(DecisionTableRows::text).toList(),
                    children(rule, "outputEntry").stream().map(DecisionTableRows::text).toList())).toList();
            String hitPolicy = table.hasAttribute("hitPolicy") ? table.getAttribute("hitPolicy").toUpperCase(Locale.ROOT) : "UNIQUE";
            return new Table(hitPolicy, inputs, outputs, labels, rows);
        }
    }

    /** One rule of a table: its id and the texts of its input and output entries, in column order. */
    record Row(String id, List<String> inputs, List<String> outputs) {
    }

    private static String text(Element entry) {
        List<Element> text = children(entry, "text");
        return (text.isEmpty() ? entry.getTextContent() : text.get(0).getTextContent()).trim();
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName()) && isDmn(element)) {
                children.add(element);
            }
        }
        return children;
    }

    private static List<Element> descendants(Element root, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (localName.equals(element.getLocalName()) && isDmn(element)) {
                    found.add(element);
                }
                found.addAll(descendants(element, localName));
            }
        }
        return found;
    }

    private static boolean isDmn(Element element) {
        return element.getNamespaceURI() != null && element.getNamespaceURI().contains(DMN_PREFIX);
    }
}
