package cn.shixun.tasks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationType;
import org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The engine's BPMN parse with the casework's two additions:
 * <ul>
 *   <li>the {@link ModelRules} are checked first, on new deployments only (a deployed version is
 *       not judged again), and a model that breaks them fails with every problem named;</li>
 *   <li>a user task's deadlines are declared once, on the task: its {@code camunda:dueDate}, and
 *       the properties {@value #REMIND_BEFORE} (an ISO duration, e.g. {@code P3D}: a reminder that
 *       long before the due date) and {@value #ESCALATE_WHEN_OVERDUE} ({@code true}: escalation at
 *       the due date). Each becomes a timeout timer on the task that runs {@link CaseDeadlines}, so
 *       a model needs no timer, service task and end event per deadline.</li>
 * </ul>
 */
class CaseworkBpmnParse extends BpmnParse {

    static final String REMIND_BEFORE = "remindBefore";
    static final String ESCALATE_WHEN_OVERDUE = "escalateWhenOverdue";
    /** The ids of the timeout listeners, as the engine's job handler configuration names them. */
    static final String REMINDER_LISTENER = "caseReminder";
    static final String ESCALATION_LISTENER = "caseEscalation";

    /** What runs when a deadline timer fires. */
    record DeadlineListeners(TaskListener reminder, TaskListener escalation) {
    }

    private final ModelRules rules;
    private final DeadlineListeners listeners;
    /** Where the rules' refusals go when the parse only validates ({@link ModelValidation}); null: they fail the parse. */
    private List<ModelProblem> collected;

    CaseworkBpmnParse(BpmnParser parser, ModelRules rules, DeadlineListeners listeners) {
        super(parser);
        this.rules = rules;
        this.listeners = listeners;
    }

    /** Keeps the rules' refusals in {@code into}, as they are, instead of failing the parse with them. */
    CaseworkBpmnParse collectingRefusalsIn(List<ModelProblem> into) {
        this.collected = into;
        return this;
    }

    @Override
    protected void parseRootElement() {
        if (deployment == null || deployment.isNew()) {
            rules.check(rootElement, deployedBytes(), collected != null ? (problem, element) -> collected.add(problem)
                    : (problem, element) -> addError(ModelRules.message(problem, element), element));
        }
        super.parseRootElement();
    }

    /** The file as the deployment holds it; null when it holds none. */
    private byte[] deployedBytes() {
        ResourceEntity resource = deployment == null || deployment.getResources() == null ? null
                : deployment.getResource(name);
        return resource == null ? null : resource.getBytes();
    }

    @Override
    public ActivityImpl parseUserTask(Element userTaskElement, ScopeImpl scope) {
        ActivityImpl activity = super.parseUserTask(userTaskElement, scope);
        // The engine keeps a task's camunda:properties only for external tasks; CaseTaskKinds reads
        // the caseTask kind from the parsed activity, so keep them there too.
        Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(userTaskElement);
        activity.getProperties().set(BpmnProperties.EXTENSION_PROPERTIES, properties);
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        if (definition.getDueDateExpression() == null) {
            return activity; // the model guard refuses deadline properties without a due date
        }
        String remindBefore = properties == null ? null : properties.get(REMIND_BEFORE);
        if (remindBefore != null && isDuration(remindBefore)) {
            addDeadline(activity, definition, REMINDER_LISTENER,
                    new TaskDeadlineDate(definition.getDueDateExpression(), Duration.parse(remindBefore)),
                    listeners.reminder());
        }
        if (properties != null && "true".equals(properties.get(ESCALATE_WHEN_OVERDUE))) {
            addDeadline(activity, definition, ESCALATION_LISTENER,
                    new TaskDeadlineDate(definition.getDueDateExpression(), Duration.ZERO), listeners.escalation());
        }
        return activity;
    }

    /** As the engine parses {@code <camunda:taskListener event="timeout">} with a {@code timeDate} timer. */
    private void addDeadline(ActivityImpl activity, TaskDefinition definition, String listenerId, TaskDeadlineDate date,
                             TaskListener listener) {
        activity.setScope(true);
        activity.setEventScope(activity);
        TimerDeclarationImpl timer = new TimerDeclarationImpl(date, TimerDeclarationType.DATE,
                TimerTaskListenerJobHandler.TYPE);
        timer.setExclusive(true);
        timer.setActivity(activity);
        timer.setJobConfiguration(TimerDeclarationType.DATE + ": " + date.getExpressionText());
        timer.setJobPriorityProvider((ParameterValueProvider) activity.getProperty(PROPERTYNAME_JOB_PRIORITY));
        timer.setRawJobHandlerConfiguration(activity.getId() + TimerEventJobHandler.JOB_HANDLER_CONFIG_PROPERTY_DELIMITER
                + TimerEventJobHandler.JOB_HANDLER_CONFIG_TASK_LISTENER_PREFIX + listenerId);
        addJobDeclarationToProcessDefinition(timer, (ProcessDefinitionEntity) activity.getProcessDefinition());
        addTimerListenerDeclaration(listenerId, activity, timer);
        definition.addTimeoutTaskListener(listenerId, listener);
    }

    static boolean isDuration(String value) {
        try {
            return !Duration.parse(value).isNegative();
        } catch (RuntimeException notADuration) {
            return false;
        }
    }
}
