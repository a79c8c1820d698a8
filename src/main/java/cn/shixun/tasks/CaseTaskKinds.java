package cn.shixun.tasks;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads a user task's {@link CaseTask#KIND_PROPERTY} from the model; null when the task does not declare one. */
final class CaseTaskKinds {

    private CaseTaskKinds() {
    }

    static CaseTask.Kind of(BaseElement element) {
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> CaseTask.KIND_PROPERTY.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).map(CaseTask.Kind::ofProperty).findFirst().orElse(null);
    }
}
