package cn.shixun.tasks;

import cn.shixun.organisation.Organisations;
import cn.shixun.security.Accounts;
import cn.shixun.security.CandidateGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second line behind the engine's doors: before a service task writes hours or publishes a
 * result, its delegate asks here whether OUR records allow the step ({@link CaseStep}). The engine's
 * token having reached the task proves nothing — a forged completion variable, a re-routed task or
 * a model nobody of ours wrote could have brought it there. What counts is the case record's status
 * and the case history: every required review approved in this round (since the latest submission
 * that opens it) by an account whose candidate group is the one R-04 routes the review to now, or
 * one the task was escalated to ({@link ReviewRouting#above}). Otherwise {@link CaseStepRefused}.
 */
@Service
@Transactional(readOnly = true)
public class CaseApprovals {

    private static final Logger log = LoggerFactory.getLogger(CaseApprovals.class);

    private final CaseHistory history;
    private final Accounts accounts;
    private final Organisations organisations;
    private final ReviewRouting routing;

    CaseApprovals(CaseHistory history, Accounts accounts, Organisations organisations, ReviewRouting routing) {
        this.history = history;
        this.accounts = accounts;
        this.organisations = organisations;
        this.routing = routing;
    }

    /** Returns when the records allow the step; throws {@link CaseStepRefused} naming every reason otherwise. */
    public void require(CaseStep step) {
        List<String> problems = new ArrayList<>(step.problems());
        List<CaseEvent> events = history.of(step.processKey(), step.caseId());
        int previous = -1;
        for (CaseStep.Approval approval : step.approvals()) {
            int at = approvalOf(approval, events, problems);
            if (at >= 0 && at < previous) {
                problems.add(approval.taskName() + "的同意早于前一审核环节");
            }
            previous = Math.max(previous, at);
        }
        if (!problems.isEmpty()) {
            String message = "不能执行「" + step.name() + "」（" + step.processKey() + " 案件 " + step.caseId() + "）："
                    + String.join("；", problems);
            log.warn("Refused service step '{}' of {} {}: {}", step.name(), step.processKey(), step.caseId(), problems);
            throw new CaseStepRefused(message);
        }
    }

    /** The index of the approval in the history, or -1 with the problem added. */
    private int approvalOf(CaseStep.Approval approval, List<CaseEvent> events, List<String> problems) {
        int roundStart = -1;
        for (int i = 0; i < events.size(); i++) {
            CaseEvent event = events.get(i);
            boolean submission = event.outcome() == CaseOutcome.SUBMITTED || event.outcome() == CaseOutcome.RESUBMITTED;
            String taskKey = event.taskKey() == null ? CaseStep.START : event.taskKey();
            if (submission && approval.roundOpenedBy().contains(taskKey)) {
                roundStart = i;
            }
        }
        int decisionAt = -1;
        for (int i = roundStart + 1; i < events.size(); i++) {
            CaseEvent event = events.get(i);
            if (approval.taskKey().equals(event.taskKey()) && event.outcome().isDecision()) {
                decisionAt = i;
            }
        }
        if (decisionAt < 0 || events.get(decisionAt).outcome() != CaseOutcome.APPROVED) {
            problems.add(approval.taskName() + "本轮尚未同意");
            return -1;
        }
        int escalations = 0;
        for (int i = roundStart + 1; i < decisionAt; i++) {
            CaseEvent event = events.get(i);
            if (approval.taskKey().equals(event.taskKey()) && event.outcome() == CaseOutcome.ESCALATED) {
                escalations++;
            }
        }
        String actor = events.get(decisionAt).actor();
        List<CandidateGroup> allowed = chain(approval.group(), escalations);
        Optional<CandidateGroup> actorGroup = groupOf(actor);
        if (actorGroup.isEmpty() || !allowed.contains(actorGroup.get())) {
            problems.add(approval.taskName() + "由 " + actor + " 同意，但应由" + label(approval.group()) + "审核");
            return -1;
        }
        return decisionAt;
    }

    /** The group and as many levels above it as the task was escalated. */
    private List<CandidateGroup> chain(CandidateGroup group, int escalations) {
        List<CandidateGroup> chain = new ArrayList<>(List.of(group));
        for (int level = 0; level < escalations; level++) {
            Optional<CandidateGroup> above = routing.above(chain.get(chain.size() - 1));
            if (above.isEmpty()) {
                break;
            }
            chain.add(above.get());
        }
        return chain;
    }

    /** The candidate group the account is a member of now, from its role and organisation (ADR 0004). */
    private Optional<CandidateGroup> groupOf(String username) {
        return accounts.find(username).flatMap(routing::groupOf);
    }

    private String label(CandidateGroup group) {
        return organisations.findByCode(group.organisationCode())
                .map(organisation -> organisation.name() + group.role().label()).orElse(group.id());
    }
}
