package cn.shixun.processowner.drafts;

import cn.shixun.processowner.drafts.ModelDraft.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a draft's XML names, read without the engine: its first process or decision id (to find the
 * deployed definition an imported file continues), and the forms its tasks name with binding
 * {@code deployment}, which must be deployed with it. A form {@code x} is the file {@code x.form},
 * as for the repository's models ({@code models.BundledModel}, {@code ProcessModelConventionsTest}).
 */
final class DraftForms {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final Set<String> CAMUNDA = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

    private DraftForms() {
    }

    /** The id of the first executable process (BPMN) or decision (DMN), if any. */
    static Optional<String> firstKey(String xml, Kind kind) {
        Document document = DraftXml.parse(xml);
        NodeList elements = document.getElementsByTagNameNS("*", kind == Kind.BPMN ? "process" : "decision");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (!element.getAttribute("id").isBlank() && !"false".equals(element.getAttribute("isExecutable"))) {
                return Optional.of(element.getAttribute("id"));
            }
        }
        return Optional.empty();
    }

    /** A problem per element naming a form (binding {@code deployment}) that the draft's forms do not include. */
    static List<DraftProblem> missing(String bpmn, Set<String> formNames) {
        List<DraftProblem> problems = new ArrayList<>();
        NodeList elements = DraftXml.parse(bpmn).getElementsByTagNameNS(BPMN, "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            String formRef = camunda(element, "formRef");
            String binding = camunda(element, "formRefBinding");
            if (formRef != null && !formRef.isBlank() && "deployment".equals(binding)
                    && !formNames.contains(formRef + ".form")) {
                problems.add(new DraftProblem(element.hasAttribute("id") ? element.getAttribute("id") : null, "draft.form-missing", "表单 " + formRef
                        + " 不在本草稿随同部署的表单中（" + String.join("、", formNames) + "）：任务将打不开表单",
                        "form " + formRef + " is not among the forms deployed with this draft"));
            }
        }
        return problems;
    }

    private static String camunda(Element element, String name) {
        for (String namespace : CAMUNDA) {
            if (element.hasAttributeNS(namespace, name)) {
                return element.getAttributeNS(namespace, name);
            }
        }
        return null;
    }
}
