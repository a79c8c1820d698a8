package cn.shixun.tasks;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.ReadOnlyProcessDefinition;

/**
 * Reads a user task's {@link CaseTask#KIND_PROPERTY} from the engine's parsed process, where
 * {@link CaseworkBpmnParse} keeps each user task's {@code camunda:properties}; null when the task
 * does not declare one.
 *
 * <p>Read from the parsed activity, which the engine builds once and never changes, and not from
 * the BPMN model API: that is one shared DOM per process version, which is not safe to read from
 * the job executor's and the web's threads at once (its element cache lost entries under the
 * demo's reminder jobs).
 */
final class CaseTaskKinds {

    private CaseTaskKinds() {
    }

    static CaseTask.Kind of(PvmActivity activity) {
        Map<String, String> properties = activity == null ? null
                : activity.getProperties().get(BpmnProperties.EXTENSION_PROPERTIES);
        return properties == null ? null : CaseTask.Kind.ofProperty(properties.get(CaseTask.KIND_PROPERTY));
    }

    static CaseTask.Kind of(RepositoryService repository, String processDefinitionId, String taskDefinitionKey) {
        // The engine's own service implementation is the public way to its deployed, parsed process.
        ReadOnlyProcessDefinition process = ((RepositoryServiceImpl) repository)
                .getDeployedProcessDefinition(processDefinitionId);
        return of(process.findActivity(taskDefinitionKey));
    }
}
