package cn.shixun.processowner.publication;

import cn.shixun.security.OwnerApprovalTask;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.CaseHandler;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.Decision;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How {@code policyPublication} takes part in the casework. A decision is taken on the publication's
 * page, which records it before completing the step: a completion that does not carry the decision
 * recorded for this actor (Tasklist, engine REST, a forged variable) is refused and changes nothing.
 */
@Component
class PublicationCaseHandler implements CaseHandler {

    private final PublicationStore store;

    PublicationCaseHandler(PublicationStore store) {
        this.store = store;
    }

    @Override
    public String processKey() {
        return OwnerApprovalTask.PROCESS_KEY;
    }

    @Override
    public void decided(CaseTask task, Decision decision, String comment, String actor) {
        PolicyPublications.Publication publication = store.get(Long.parseLong(task.caseId()));
        String recorded = decision == Decision.APPROVE ? "APPROVED" : "REJECTED";
        if (decision == Decision.REJECT || !recorded.equals(publication.state()) || !actor.equals(publication.decidedBy())) {
            throw BusinessRuleException.conflict(null, "taskId", "publication.decide-on-page", publication.id());
        }
    }

    @Override
    public String summary(String caseId) {
        PolicyPublications.Publication publication = store.get(Long.parseLong(caseId));
        return "发布 " + caseId + "（提交人 " + publication.submittedBy() + "）";
    }

    /** The submitter: he hears of the decision, and is not reminded of a step he may not take. */
    @Override
    public Optional<String> applicant(String caseId) {
        return Optional.of(store.get(Long.parseLong(caseId)).submittedBy());
    }

    @Override
    public Optional<String> casePage(String caseId) {
        return Optional.of("/process-owner/publications/" + caseId);
    }
}
