package cn.shixun.processowner.publication;

import cn.shixun.processowner.drafts.DraftXml;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a BPMN model changes against the version it started from, element by element (ADR 0012 §2
 * "History and diffs"): the elements of the processes (tasks, events, gateways, flows) by id, added,
 * removed, or changed — in name, or in anything the engine reads from them (attributes, extension
 * properties, conditions, timers). The diagram's layout (BPMN DI) is not a change. Stored with the
 * publication at submission, so that the history does not parse again.
 */
public final class ModelDiff {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Read by people (documentation) or derived from the flows, which are compared themselves. */
    private static final java.util.Set<String> NOT_CONTENT = java.util.Set.of("documentation", "incoming", "outgoing");

    private ModelDiff() {
    }

    /** One element's change; {@code what} is ADDED, REMOVED or CHANGED, {@code type} its BPMN tag (userTask). */
    public record Change(String what, String elementId, String type, String oldName, String newName, boolean renamed) {
    }

    /** The changes from {@code base} (null: nothing deployed before, every element added) to {@code draft}. */
    static List<Change> between(String base, String draft) {
        Map<String, Element> before = base == null ? Map.of() : elements(base);
        Map<String, Element> after = elements(draft);
        List<Change> changes = new ArrayList<>();
        after.forEach((id, element) -> {
            Element old = before.get(id);
            if (old == null) {
                changes.add(new Change("ADDED", id, element.getLocalName(), null, name(element), false));
            } else if (!canonical(old).equals(canonical(element))) {
                changes.add(new Change("CHANGED", id, element.getLocalName(), name(old), name(element),
                        !name(old).equals(name(element))));
            }
        });
        before.forEach((id, element) -> {
            if (!after.containsKey(id)) {
                changes.add(new Change("REMOVED", id, element.getLocalName(), name(element), null, false));
            }
        });
        return changes;
    }

    static String toJson(List<Change> changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Change> fromJson(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Change>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored diff", e);
        }
    }

    /** The elements with an id inside the executable processes, in document order. */
    private static Map<String, Element> elements(String xml) {
        Map<String, Element> elements = new LinkedHashMap<>();
        NodeList processes = DraftXml.parse(xml).getElementsByTagNameNS(BPMN, "process");
        for (int i = 0; i < processes.getLength(); i++) {
            collect((Element) processes.item(i), elements);
        }
        return elements;
    }

    private static void collect(Element parent, Map<String, Element> into) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && BPMN.equals(element.getNamespaceURI())) {
                if (!element.getAttribute("id").isEmpty()) {
                    into.put(element.getAttribute("id"), element);
                }
                collect(element, into);
            }
        }
    }

    private static String name(Element element) {
        return element.getAttribute("name");
    }

    /** The element's own content: attributes and children, not children that are elements of their own (with ids). */
    private static String canonical(Element element) {
        StringBuilder text = new StringBuilder(element.getLocalName());
        NamedNodeMap attributes = element.getAttributes();
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                sorted.put(attribute.getNamespaceURI() + ":" + attribute.getLocalName(), attribute.getNodeValue());
            }
        }
        text.append(sorted);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                boolean ownElement = BPMN.equals(nested.getNamespaceURI()) && !nested.getAttribute("id").isEmpty();
                if (!ownElement && !NOT_CONTENT.contains(nested.getLocalName())) {
                    text.append('<').append(canonical(nested)).append('>');
                }
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue().strip());
            }
        }
        return text.toString();
    }
}
