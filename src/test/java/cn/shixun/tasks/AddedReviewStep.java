package cn.shixun.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * A bundled model with one review step added, as a process owner would add it in a modeller: a
 * user task of kind review on an existing "approved" flow, followed by a gateway that goes on to
 * where that flow went (同意), back to a submission step (退回) or to an end (不同意). Tests deploy
 * the result to show that a step added in a model needs no Java change (ADR 0011). The new
 * elements have no diagram shapes: the engine does not need them.
 *
 * @param approvedFlow the id of the sequence flow the new review is put on
 * @param taskId       the new user task's id, e.g. {@code UserTask_CityReview}
 * @param name         its name, e.g. 市级复核
 * @param routing      the {@code caseRouting} method that routes it, e.g. {@code cityReview}
 * @param formRef      its Camunda form (a review form of the same deployment)
 * @param returnTo     the submission step a return goes back to
 * @param rejectTo     the end event a rejection goes to
 */
public record AddedReviewStep(String approvedFlow, String taskId, String name, String routing,
                              String formRef, String returnTo, String rejectTo) {

    /** {@code modelXml} (a BPMN file's text) with the step added. */
    public String into(String modelXml) {
        BpmnModelInstance model = Bpmn.readModelFromStream(
                new ByteArrayInputStream(modelXml.getBytes(StandardCharsets.UTF_8)));
        SequenceFlow approved = model.getModelElementById(approvedFlow);
        assertThat(approved).as(approvedFlow).isNotNull();
        Process process = (Process) approved.getParentElement();
        FlowNode next = approved.getTarget();

        UserTask review = model.newInstance(UserTask.class);
        review.setId(taskId);
        review.setName(name);
        review.setCamundaCandidateGroups("${caseRouting." + routing + "(execution)}");
        review.setCamundaDueDate("P10D");
        review.setCamundaFormRef(formRef);
        review.setCamundaFormRefBinding("deployment");
        ExtensionElements extensions = model.newInstance(ExtensionElements.class);
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        CamundaProperty kind = model.newInstance(CamundaProperty.class);
        kind.setCamundaName(CaseTask.KIND_PROPERTY);
        kind.setCamundaValue(CaseTask.Kind.REVIEW.propertyValue());
        properties.addChildElement(kind);
        extensions.addChildElement(properties);
        review.setExtensionElements(extensions);
        process.addChildElement(review);

        ExclusiveGateway decision = model.newInstance(ExclusiveGateway.class);
        decision.setId("Gateway_" + taskId);
        decision.setName(name + "结果");
        process.addChildElement(decision);

        retarget(approved, next, review);
        flow(model, process, review, decision, null, null);
        flow(model, process, decision, next, "同意", "APPROVE");
        flow(model, process, decision, model.getModelElementById(returnTo), "退回修改", "RETURN");
        flow(model, process, decision, model.getModelElementById(rejectTo), "不同意", "REJECT");
        Bpmn.validateModel(model);
        return Bpmn.convertToString(model);
    }

    private static void retarget(SequenceFlow flow, FlowNode from, FlowNode to) {
        from.getIncoming().remove(flow);
        flow.setTarget(to);
        to.getIncoming().add(flow);
    }

    private void flow(BpmnModelInstance model, Process process, FlowNode source, FlowNode target, String label,
                      String decisionValue) {
        assertThat(target).as("target of a flow from " + source.getId()).isNotNull();
        SequenceFlow flow = model.newInstance(SequenceFlow.class);
        flow.setId("SequenceFlow_" + source.getId() + "_" + target.getId());
        flow.setName(label);
        process.addChildElement(flow);
        flow.setSource(source);
        flow.setTarget(target);
        source.getOutgoing().add(flow);
        target.getIncoming().add(flow);
        if (decisionValue != null) {
            ConditionExpression condition = model.newInstance(ConditionExpression.class);
            condition.setTextContent("${" + CaseTasks.DECISION + " == '" + decisionValue + "'}");
            flow.setConditionExpression(condition);
        }
    }
}
