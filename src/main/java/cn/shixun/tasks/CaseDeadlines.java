package cn.shixun.tasks;

import cn.shixun.organisation.Organisations;
import cn.shixun.security.CandidateGroup;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deadlines of user tasks. A model declares them on the task ({@link CaseworkBpmnParse}): a
 * reminder some time before the due date (recorded in the case history) and an escalation at
 * it (the task is offered to the next level's reviewers as well — R-04 authority, city,
 * province — and the escalation recorded). The task itself stays where it is: whoever decides
 * first, decides.
 *
 * <p>Versions deployed before that put non-interrupting timers on a user task, each followed by
 * a service task {@code ${remindDueTaskDelegate}} or {@code ${escalateOverdueTaskDelegate}};
 * their running cases still take that path, and new models may no longer ({@link DeadlineSteps}).
 */
@Service
@Transactional
class CaseDeadlines {

    private static final Logger log = LoggerFactory.getLogger(CaseDeadlines.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final TaskService tasks;
    private final ReviewRouting routing;
    private final Organisations organisations;
    private final CaseHistory history;

    CaseDeadlines(TaskService tasks, ReviewRouting routing, Organisations organisations, CaseHistory history) {
        this.tasks = tasks;
        this.routing = routing;
        this.organisations = organisations;
        this.history = history;
    }

    /**
     * A reminder timer of the task fired (deadlines declared on the task, {@link CaseworkBpmnParse}).
     * The engine hands a listener its task entity, which is the {@link Task} itself.
     */
    void remind(DelegateTask task) {
        remind(task.getExecution(), List.of((Task) task));
    }

    /** An escalation timer of the task fired. */
    void escalate(DelegateTask task) {
        escalate(task.getExecution(), List.of((Task) task));
    }

    /** A service task after a timer on a user task ran: the versions deployed before deadlines were declared on tasks. */
    void remind(DelegateExecution execution) {
        remind(execution, timedTasks(execution));
    }

    void escalate(DelegateExecution execution) {
        escalate(execution, timedTasks(execution));
    }

    private void remind(DelegateExecution execution, List<Task> timed) {
        for (Task task : timed) {
            String due = task.getDueDate() == null ? "" : "，办理期限 " + DAY.format(task.getDueDate().toInstant());
            history.record(processKey(execution), execution.getProcessBusinessKey(), task.getTaskDefinitionKey(),
                    task.getName(), CaseOutcome.REMINDED, "即将到期" + due + "，请尽快办理", CaseHistory.SYSTEM);
        }
    }

    private void escalate(DelegateExecution execution, List<Task> timed) {
        for (Task task : timed) {
            List<String> current = candidateGroups(task);
            List<String> added = new ArrayList<>();
            for (String groupId : current) {
                CandidateGroup.parse(groupId).flatMap(routing::above).map(CandidateGroup::id)
                        .filter(above -> !current.contains(above) && !added.contains(above))
                        .ifPresent(added::add);
            }
            added.forEach(group -> tasks.addCandidateGroup(task.getId(), group));
            String processKey = processKey(execution);
            if (added.isEmpty()) {
                history.record(processKey, execution.getProcessBusinessKey(), task.getTaskDefinitionKey(),
                        task.getName(), CaseOutcome.OVERDUE, "已超过办理期限", CaseHistory.SYSTEM);
            } else {
                history.record(processKey, execution.getProcessBusinessKey(), task.getTaskDefinitionKey(),
                        task.getName(), CaseOutcome.ESCALATED, "已超过办理期限，已转上级办理："
                                + String.join("、", added.stream().map(this::label).toList()), CaseHistory.SYSTEM);
            }
            log.info("Task {} ({}) of {} {} overdue; offered to {}", task.getTaskDefinitionKey(), task.getId(),
                    processKey, execution.getProcessBusinessKey(), added);
        }
    }

    /** The open tasks the timer before this service task is attached to. */
    private List<Task> timedTasks(DelegateExecution execution) {
        // From the engine's parsed process, which never changes once built, and not from the BPMN
        // model API, whose shared DOM is not safe to read from several job threads at once.
        PvmActivity self = ((ExecutionEntity) execution).getActivity();
        Optional<String> attachedTo = self.getIncomingTransitions().stream().map(PvmTransition::getSource)
                .filter(CaseDeadlines::isBoundaryTimer).map(boundary -> boundary.getEventScope().getId()).findFirst();
        if (attachedTo.isEmpty()) {
            throw new IllegalStateException(self.getId() + " must follow a timer boundary event on a user task");
        }
        return tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(attachedTo.get()).list();
    }

    private static boolean isBoundaryTimer(PvmActivity activity) {
        return "boundaryTimer".equals(activity.getProperties().get(BpmnProperties.TYPE)) && activity.getEventScope() != null;
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private String label(String groupId) {
        return CandidateGroup.parse(groupId).map(group -> organisations.findByCode(group.organisationCode())
                .map(organisation -> organisation.name() + group.role().label()).orElse(groupId)).orElse(groupId);
    }

    private static String processKey(DelegateExecution execution) {
        return execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    }
}
