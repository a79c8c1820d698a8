package cn.shixun.tasks;

import cn.shixun.shared.BusinessRuleException;
import cn.shixun.shared.RefusalText;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Runs on every user task that declares {@link CaseTask#KIND_PROPERTY} (added to all user
 * tasks by {@link CaseTaskPlugin}), whoever completes it — our API, Camunda Tasklist or the
 * engine REST API:
 * <ul>
 *   <li>on create, forgets the previous review's decision, so a gateway never reads a stale one, and
 *       names the case's organisation and applicant on the task for the worklist ({@link WorklistFacts});</li>
 *   <li>on complete, refuses unless the engine knows who acts and that person may work on the
 *       task, and unless a review carries a decision and, for a return or rejection, a
 *       reason; then records the step in the {@link CaseHistory} and lets the
 *       procedure's {@link CaseHandler} update its record.</li>
 * </ul>
 */
@Component
class CaseTaskListener implements TaskListener {

    private final CaseHistory history;
    private final CaseHandlers handlers;
    private final RefusalText refusals;
    private final WorklistFacts facts;

    CaseTaskListener(CaseHistory history, CaseHandlers handlers, RefusalText refusals, WorklistFacts facts) {
        this.history = history;
        this.handlers = handlers;
        this.refusals = refusals;
        this.facts = facts;
    }

    @Override
    public void notify(DelegateTask task) {
        CaseTask.Kind kind = CaseTaskKinds.of(((ExecutionEntity) task.getExecution()).getActivity());
        if (kind == null) {
            return;
        }
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().removeVariable(CaseTasks.DECISION);
            task.getExecution().removeVariable(CaseTasks.COMMENT);
            facts.label(task, task.getProcessEngineServices().getRepositoryService()
                    .getProcessDefinition(task.getProcessDefinitionId()).getKey());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            try {
                // The engine has checked that the actor may complete this task; what follows is the
                // casework's own bookkeeping, which must not need the actor's engine permissions.
                Context.getCommandContext().runWithoutAuthorization(() -> {
                    completed(task, kind);
                    return null;
                });
            } catch (BusinessRuleException refusal) {
                // Tasklist shows the engine's error message: make it the sentence a person reads.
                throw new ProcessEngineException(refusals.forRecord(refusal), refusal);
            }
        }
    }

    private void completed(DelegateTask delegate, CaseTask.Kind kind) {
        Authentication actor = delegate.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (actor == null || actor.getUserId() == null) {
            throw BusinessRuleException.forbidden("R-40", "taskId", "task.actor-unknown", delegate.getName());
        }
        CaseTask task = caseTask(delegate, kind);
        List<String> groups = actor.getGroupIds() == null ? List.of() : actor.getGroupIds();
        if (!CaseTasks.mayWorkOn(task, actor.getUserId(), groups)) {
            if (CaseTasks.goneMeanwhile(delegate.getProcessEngineServices().getTaskService(), delegate.getId())) {
                // Its candidates were read after another decision on it committed.
                throw BusinessRuleException.conflict(null, "taskId", "task.decided-concurrently", task.name());
            }
            throw BusinessRuleException.forbidden("R-04", "taskId", "task.not-yours", task.name(),
                    task.assignee() != null ? task.assignee() : String.join("、", task.candidateGroups()));
        }
        CaseHandler handler = handlers.require(task.processKey());
        if (kind == CaseTask.Kind.REVIEW) {
            Decision decision = decisionOf(delegate.getVariable(CaseTasks.DECISION));
            String comment = CaseTasks.checkedComment(decision, (String) delegate.getVariable(CaseTasks.COMMENT));
            // The reason is kept in the history only, not as a process variable.
            delegate.removeVariable(CaseTasks.COMMENT);
            history.record(task.processKey(), task.caseId(), task.taskKey(), task.name(), CaseOutcome.of(decision),
                    comment, actor.getUserId());
            handler.decided(task, decision, comment, actor.getUserId());
        } else {
            if (handler.takesSubmissionsOnItsPages() && !CaseTasks.isSubmittingThroughProcedure(task.id())) {
                throw BusinessRuleException.conflict("R-40", "taskId", "task.submit-on-case-page", task.name(),
                        handler.casePage(task.caseId()).orElse("/tasks"));
            }
            // A resubmission answers a return: the case's latest review decision sent it back.
            boolean answersReturn = history.of(task.processKey(), task.caseId()).stream()
                    .map(CaseEvent::outcome).filter(CaseOutcome::isDecision).reduce((first, last) -> last)
                    .filter(outcome -> outcome == CaseOutcome.RETURNED).isPresent();
            history.record(task.processKey(), task.caseId(), task.taskKey(), task.name(),
                    answersReturn ? CaseOutcome.RESUBMITTED : CaseOutcome.SUBMITTED, null, actor.getUserId());
            handler.submitted(task, actor.getUserId());
        }
    }

    private static Decision decisionOf(Object value) {
        if (value instanceof String name) {
            for (Decision decision : Decision.values()) {
                if (decision.name().equals(name)) {
                    return decision;
                }
            }
        }
        throw BusinessRuleException.violation(null, "outcome", "task.decision-required");
    }

    private static CaseTask caseTask(DelegateTask task, CaseTask.Kind kind) {
        String processKey = task.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(task.getProcessDefinitionId()).getKey();
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        return new CaseTask(task.getId(), processKey, task.getExecution().getProcessBusinessKey(),
                task.getTaskDefinitionKey(), task.getName(), kind, groups, task.getAssignee(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }
}
