package cn.shixun.processowner.publication;

import cn.shixun.policy.PolicyProfile;
import cn.shixun.policy.PolicyVersions;
import cn.shixun.policy.TableDiff;
import cn.shixun.processowner.drafts.DraftProblem;
import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.processowner.policies.PolicyVersionDrafts;
import cn.shixun.security.CurrentAccount;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import cn.shixun.tasks.Decision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The four-eyes publication (issue 12, ADR 0012 §2 "Publication") of a draft policy version (its
 * decision tables) or of a procedure's BPMN model draft: one process owner submits, which starts a
 * {@code policyPublication} case; another approves or returns it. The decision is recorded here
 * first, then the case's approval step is completed ({@link PublicationCases}); only the case's
 * {@code ServiceTask_Publish} deploys ({@link PublicationDeployments}), after reading that record
 * again. What the rules refuse, they refuse whoever calls:
 * <ul>
 *   <li>a draft with a validation problem is not submitted;</li>
 *   <li>an effective date on or before a credited entry of the profile is refused: the version would
 *       change periods already credited under the one before (checked again at approval and deployment);</li>
 *   <li>the submitter cannot approve his own publication;</li>
 *   <li>what is approved is what was submitted: submitted drafts cannot be edited, and the checksum is
 *       compared again before deploying.</li>
 * </ul>
 * Nine collaborators: the two kinds of drafts, the versions, the checks, the case, the record, the
 * engine's repository (to diff against what is deployed), the audit and the clock.
 */
@Service
public class PolicyPublications {

    private final PolicyVersionDrafts policyDrafts;
    private final ModelDrafts modelDrafts;
    private final PolicyVersions versions;
    private final PublicationRules rules;
    private final PublicationCases cases;
    private final PublicationStore store;
    private final RepositoryService repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PolicyPublications(PolicyVersionDrafts policyDrafts, ModelDrafts modelDrafts, PolicyVersions versions,
                       PublicationRules rules, PublicationCases cases, PublicationStore store, RepositoryService repository,
                       ApplicationEventPublisher events, Clock clock) {
        this.policyDrafts = policyDrafts;
        this.modelDrafts = modelDrafts;
        this.versions = versions;
        this.rules = rules;
        this.cases = cases;
        this.store = store;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** What a publication publishes. */
    public enum Kind {
        /** A new policy version: its decision tables, pinned to it, in force from its effective date. */
        POLICY,
        /** A procedure's BPMN model with its forms: new cases start on it from its effective date. */
        BPMN
    }

    /**
     * A publication as the console lists it: {@code policyVersionId} for a policy version,
     * {@code modelDraftId} and the notice fields for a BPMN model; {@code deploymentId} once deployed.
     */
    public record Publication(long id, Long policyVersionId, String state, String submittedBy, Instant submittedAt,
                              String decidedBy, Instant decidedAt, String comment, String deploymentId, Kind kind,
                              Long modelDraftId, String noticeTitle, String documentNumber, LocalDate effectiveFrom,
                              String processInstanceId) {
    }

    /** The notice a BPMN model is published under. */
    public record Notice(String title, String documentNumber, LocalDate effectiveFrom) {
    }

    /** Submits draft version {@code policyVersionId} for a second process owner's approval; the publication's id. */
    @Transactional
    public long submit(long policyVersionId, String by) {
        PolicyVersionDrafts.PolicyDraft draft = policyDrafts.get(policyVersionId);
        for (Map.Entry<String, Long> table : draft.tableDrafts().entrySet()) {
            List<DraftProblem> problems = modelDrafts.validate(table.getValue());
            if (!problems.isEmpty()) {
                throw BusinessRuleException.violation(null, "tables", "publication.draft-has-problems", table.getKey(),
                        problems.size(), problems.get(0).zh());
            }
        }
        rules.refuseOverCreditedEntries(draft.version());
        long id = store.insert(new PublicationStore.Submission(Kind.POLICY, policyVersionId, null,
                policyDrafts.checksum(policyVersionId), null, null, null, null), by, Instant.now(clock));
        versions.submitDraft(policyVersionId, id);
        draft.tableDrafts().values().forEach(table -> modelDrafts.move(table, ModelDraft.State.EDITING, ModelDraft.State.SUBMITTED, by));
        cases.start(id, null);
        events.publishEvent(new AuditedAction("policy-publication.submit", "policy-version", String.valueOf(policyVersionId),
                "提交发布 " + draft.version().label() + "（" + draft.version().title() + "），自 " + draft.version().effectiveFrom()
                        + " 起施行，待另一位流程管理员批准"));
        return id;
    }

    /**
     * Submits BPMN draft {@code draftId} for a second process owner's approval under {@code notice}; the
     * publication's id. Its element-level changes against the version it started from are kept with it.
     */
    @Transactional
    public long submitModel(long draftId, Notice notice, String by) {
        ModelDraft draft = modelDrafts.get(draftId);
        if (draft.kind() != ModelDraft.Kind.BPMN) {
            throw BusinessRuleException.conflict(null, "id", "publication.not-a-model", draftId);
        }
        if (notice == null || notice.title() == null || notice.title().isBlank()) {
            throw BusinessRuleException.violation(null, "title", "publication.notice-title-required");
        }
        if (notice.effectiveFrom() == null) {
            throw BusinessRuleException.violation(null, "effectiveFrom", "publication.effective-date-required");
        }
        List<DraftProblem> problems = modelDrafts.validate(draftId);
        if (!problems.isEmpty()) {
            throw BusinessRuleException.violation(null, "content", "publication.draft-has-problems", draft.resourceName(),
                    problems.size(), problems.get(0).zh());
        }
        String diff = ModelDiff.toJson(ModelDiff.between(baseOf(draft), draft.content()));
        String documentNumber = notice.documentNumber() == null || notice.documentNumber().isBlank() ? null
                : notice.documentNumber().strip();
        long id = store.insert(new PublicationStore.Submission(Kind.BPMN, null, draftId, draft.checksum(),
                notice.title().strip(), documentNumber, notice.effectiveFrom(), diff), by, Instant.now(clock));
        modelDrafts.move(draftId, ModelDraft.State.EDITING, ModelDraft.State.SUBMITTED, by);
        cases.start(id, notice.effectiveFrom());
        events.publishEvent(new AuditedAction("policy-publication.submit", "model-draft", String.valueOf(draftId),
                "提交发布 " + draft.resourceName() + "（" + notice.title().strip() + "），自 " + notice.effectiveFrom()
                        + " 起新案件按此版本办理，待另一位流程管理员批准"));
        return id;
    }

    /**
     * Approves a submitted publication: the approval is recorded and the case's approval step completed;
     * the case deploys it (at once for a policy version, on its effective date for a model). Refused to
     * the submitter (four eyes), and when the rules above now fail.
     */
    @Transactional
    public void approve(long publicationId, CurrentAccount by) {
        Publication publication = submitted(publicationId);
        if (publication.submittedBy().equals(by.username())) {
            throw BusinessRuleException.forbidden(null, "id", "publication.own-approval", publicationId);
        }
        if (!rules.submittedChecksum(publication).equals(store.checksum(publicationId))) {
            throw BusinessRuleException.conflict(null, "id", "publication.changed-since-submitted", publicationId);
        }
        if (publication.kind() == Kind.POLICY) {
            rules.refuseOverCreditedEntries(versionOf(publicationId));
        }
        if (!store.decide(publicationId, "APPROVED", by.username(), Instant.now(clock), null)) {
            throw alreadyDecided(publicationId);
        }
        cases.decide(publication, by, Decision.APPROVE, null);
        events.publishEvent(new AuditedAction("policy-publication.approve", subjectType(publication), subjectId(publication),
                "批准发布 " + title(publication) + "（提交人 " + publication.submittedBy() + "）"));
    }

    /** Returns a submitted publication with the reason: its drafts are editable again, and may be submitted anew. */
    @Transactional
    public void reject(long publicationId, CurrentAccount by, String comment) {
        if (comment == null || comment.isBlank()) {
            throw BusinessRuleException.violation(null, "comment", "publication.comment-required");
        }
        Publication publication = submitted(publicationId);
        if (publication.kind() == Kind.POLICY) {
            versions.returnDraft(publication.policyVersionId());
            policyDrafts.get(publication.policyVersionId()).tableDrafts().values().forEach(table ->
                    modelDrafts.move(table, ModelDraft.State.SUBMITTED, ModelDraft.State.EDITING, by.username()));
        } else {
            modelDrafts.move(publication.modelDraftId(), ModelDraft.State.SUBMITTED, ModelDraft.State.EDITING, by.username());
        }
        if (!store.decide(publicationId, "REJECTED", by.username(), Instant.now(clock), comment.strip())) {
            throw alreadyDecided(publicationId);
        }
        cases.decide(publication, by, Decision.RETURN, comment.strip());
        events.publishEvent(new AuditedAction("policy-publication.reject", subjectType(publication), subjectId(publication),
                "退回发布 " + title(publication) + "：" + comment.strip()));
    }

    /** The publications: those awaiting approval, then the decided ones (the history), newest first. */
    @Transactional(readOnly = true)
    public List<Publication> all() {
        return store.all();
    }

    /** Per table of a policy version's publication, what its draft changes against the definition it was copied from. */
    @Transactional(readOnly = true)
    public Map<String, List<TableDiff.Change>> changes(long id) {
        Map<String, List<TableDiff.Change>> changes = new LinkedHashMap<>();
        Publication publication = get(id);
        if (publication.kind() != Kind.POLICY) {
            return changes;
        }
        policyDrafts.get(publication.policyVersionId()).tableDrafts().forEach((key, table) -> {
            ModelDraft draft = modelDrafts.get(table);
            byte[] base = read(repository.getDecisionModel(draft.baseDefinitionId()));
            changes.put(key, TableDiff.between(base, draft.content().getBytes(StandardCharsets.UTF_8)));
        });
        return changes;
    }

    /** What a BPMN publication changes, element by element, as stored at submission; empty for a policy version. */
    @Transactional(readOnly = true)
    public List<ModelDiff.Change> modelChanges(long id) {
        return get(id).kind() == Kind.BPMN ? ModelDiff.fromJson(store.diff(id)) : List.of();
    }

    /** The version a policy publication is of, with its notice; null for a BPMN model's. */
    @Transactional(readOnly = true)
    public PolicyProfile versionOf(long id) {
        Publication publication = get(id);
        return publication.kind() == Kind.POLICY ? policyDrafts.get(publication.policyVersionId()).version() : null;
    }

    /** The model draft a BPMN publication publishes; null for a policy version's. */
    @Transactional(readOnly = true)
    public ModelDraft modelOf(long id) {
        Publication publication = get(id);
        return publication.kind() == Kind.BPMN ? modelDrafts.get(publication.modelDraftId()) : null;
    }

    @Transactional(readOnly = true)
    public Publication get(long id) {
        return store.get(id);
    }

    private String baseOf(ModelDraft draft) {
        return draft.baseDefinitionId() == null ? null
                : new String(read(repository.getProcessModel(draft.baseDefinitionId())), StandardCharsets.UTF_8);
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Publication submitted(long id) {
        Publication publication = get(id);
        if (!"SUBMITTED".equals(publication.state())) {
            throw alreadyDecided(id);
        }
        return publication;
    }

    private BusinessRuleException alreadyDecided(long id) {
        return BusinessRuleException.conflict(null, "id", "publication.already-decided", id, get(id).decidedBy());
    }

    private static String subjectType(Publication publication) {
        return publication.kind() == Kind.POLICY ? "policy-version" : "model-draft";
    }

    private static String subjectId(Publication publication) {
        return String.valueOf(publication.kind() == Kind.POLICY ? publication.policyVersionId() : publication.modelDraftId());
    }

    private String title(Publication publication) {
        if (publication.kind() == Kind.BPMN) {
            return modelDrafts.get(publication.modelDraftId()).resourceName() + "（" + publication.noticeTitle() + "）";
        }
        PolicyProfile version = versionOf(publication.id());
        return version.label() + "（" + version.title() + "）";
    }
}
