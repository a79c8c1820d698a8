package cn.shixun.processowner.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The steps of one process version as the plan page names them: id, name, whether it is a step a
 * case can wait at (a task, not a gateway or an end), and for a user task the form it names with
 * binding {@code deployment}. Read from the version's XML into a model instance of our own: the
 * engine's cached model instance is one DOM shared by every thread (see {@code tasks.CaseTaskKinds}).
 */
record ModelSteps(Map<String, Step> byId) {

    record Step(String id, String name, boolean task, String deploymentForm) {

        /** The name the model gives, or the id when it has none. */
        String label() {
            return name == null || name.isBlank() ? id : name;
        }
    }

    static ModelSteps read(InputStream xml) {
        BpmnModelInstance model;
        try (xml) {
            model = Bpmn.readModelFromStream(xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            String form = node instanceof UserTask task && "deployment".equals(task.getCamundaFormRefBinding())
                    ? task.getCamundaFormRef() : null;
            steps.put(node.getId(), new Step(node.getId(), node.getName(), node instanceof Activity, form));
        }
        return new ModelSteps(steps);
    }

    Step get(String id) {
        return byId.getOrDefault(id, new Step(id, null, false, null));
    }
}
