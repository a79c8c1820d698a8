package cn.shixun.processowner.publication;

import cn.shixun.security.CurrentAccount;
import cn.shixun.security.OwnerApprovalTask;
import cn.shixun.tasks.CaseTask;
import cn.shixun.tasks.CaseTasks;
import cn.shixun.tasks.Decision;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The {@code policyPublication} case of each publication (business key = its id): started at
 * submission, its approval step completed by the deciding owner through the casework, with the
 * decision already recorded in our table (which the case's delegate reads, not the variables).
 */
@Component
class PublicationCases {

    /** The publication's id, as the approval form's link to its page reads it (the business key too). */
    static final String PUBLICATION_ID = "publicationId";
    /** Routing flag: a BPMN model waits for its effective date; a policy version's pinned tables do not. */
    static final String WAITS_FOR_EFFECTIVE_DATE = "waitsForEffectiveDate";
    /** When a waiting model is deployed: the start of its effective date. */
    static final String EFFECTIVE_DATE = "effectiveDate";

    private final RuntimeService runtime;
    private final CaseTasks tasks;
    private final PublicationStore store;
    private final Clock clock;

    PublicationCases(RuntimeService runtime, CaseTasks tasks, PublicationStore store, Clock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.store = store;
        this.clock = clock;
    }

    /** Starts the case of a submitted publication; a model waits until {@code effectiveFrom} (null: a policy version). */
    void start(long publicationId, LocalDate effectiveFrom) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PUBLICATION_ID, publicationId);
        variables.put(WAITS_FOR_EFFECTIVE_DATE, effectiveFrom != null);
        if (effectiveFrom != null) {
            variables.put(EFFECTIVE_DATE, Date.from(effectiveFrom.atStartOfDay(clock.getZone()).toInstant()));
        }
        String instance = runtime.startProcessInstanceByKey(OwnerApprovalTask.PROCESS_KEY, String.valueOf(publicationId),
                variables).getId();
        store.caseStarted(publicationId, instance);
    }

    /**
     * Completes the publication's approval step as {@code by} with the decision just recorded. A
     * publication submitted before its case existed (V158) gets its case first.
     */
    void decide(PolicyPublications.Publication publication, CurrentAccount by, Decision decision, String comment) {
        String caseId = String.valueOf(publication.id());
        CaseTask task = tasks.openTask(OwnerApprovalTask.PROCESS_KEY, caseId).orElse(null);
        if (task == null && publication.processInstanceId() == null) {
            start(publication.id(), publication.kind() == PolicyPublications.Kind.BPMN ? publication.effectiveFrom() : null);
            task = tasks.openTask(OwnerApprovalTask.PROCESS_KEY, caseId).orElseThrow();
        }
        if (task == null) {
            throw new IllegalStateException("publication " + publication.id() + " has no open approval step");
        }
        String taskId = task.id();
        OwnerApprovalTask.completing(taskId, () -> tasks.decide(taskId, by, decision, comment));
    }
}
