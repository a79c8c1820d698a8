package cn.shixun.processowner.publication;

import cn.shixun.policy.PolicyProfile;
import cn.shixun.policy.PolicyVersions;
import cn.shixun.policy.TableDiff;
import cn.shixun.processowner.drafts.DraftProblem;
import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.processowner.policies.PolicyVersionDrafts;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The four-eyes publication of a draft policy version (issue 12, ADR 0012 §2 "Publication"): one
 * process owner submits the draft, another approves it, and only that approval deploys the version's
 * tables, pins the version to them and puts it in force from its effective date. Until then nothing a
 * teacher's status reads changes. What the rules refuse, they refuse whoever calls: the console, the
 * API, or a later publication process.
 * <ul>
 *   <li>a draft whose tables have a validation problem is not submitted;</li>
 *   <li>an effective date on or before a credited entry of the profile is refused: the version would
 *       change periods already credited under the one before (checked again at approval);</li>
 *   <li>the submitter cannot approve his own publication;</li>
 *   <li>the tables approved are the tables submitted: submitted drafts cannot be edited, and the
 *       checksum is compared again before deploying.</li>
 * </ul>
 */
@Service
public class PolicyPublications {

    static final String DEPLOYMENT_SOURCE = "process-owner console";

    private final PolicyVersionDrafts policyDrafts;
    private final ModelDrafts modelDrafts;
    private final PolicyVersions versions;
    private final RepositoryService repository;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PolicyPublications(PolicyVersionDrafts policyDrafts, ModelDrafts modelDrafts, PolicyVersions versions,
                       RepositoryService repository, JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.policyDrafts = policyDrafts;
        this.modelDrafts = modelDrafts;
        this.versions = versions;
        this.repository = repository;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** A publication as the console lists it. */
    public record Publication(long id, long policyVersionId, String state, String submittedBy, Instant submittedAt,
                              String decidedBy, Instant decidedAt, String comment, String deploymentId) {
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
        refuseOverCreditedEntries(draft.version());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String checksum = policyDrafts.checksum(policyVersionId);
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO policy_publication (policy_version_id, "
                    + "draft_checksum, state, submitted_by, submitted_at) VALUES (?, ?, 'SUBMITTED', ?, ?)", new String[] {"id"});
            insert.setLong(1, policyVersionId);
            insert.setString(2, checksum);
            insert.setString(3, by);
            insert.setTimestamp(4, Timestamp.from(Instant.now(clock)));
            return insert;
        }, key);
        long id = Objects.requireNonNull(key.getKeyAs(Number.class)).longValue();
        versions.submitDraft(policyVersionId, id);
        draft.tableDrafts().values().forEach(table -> modelDrafts.move(table, ModelDraft.State.EDITING, ModelDraft.State.SUBMITTED, by));
        events.publishEvent(new AuditedAction("policy-publication.submit", "policy-version", String.valueOf(policyVersionId),
                "提交发布 " + draft.version().label() + "（" + draft.version().title() + "），自 " + draft.version().effectiveFrom()
                        + " 起施行，待另一位流程管理员批准"));
        return id;
    }

    /**
     * Approves a submitted publication: its tables are deployed in one deployment, the version is pinned
     * to them and published. Refused to the submitter (four eyes), and when the rules above now fail.
     */
    @Transactional
    public void approve(long publicationId, String by) {
        Publication publication = submitted(publicationId);
        if (publication.submittedBy().equals(by)) {
            throw BusinessRuleException.forbidden(null, "id", "publication.own-approval", publicationId);
        }
        PolicyVersionDrafts.PolicyDraft draft = policyDrafts.get(publication.policyVersionId());
        String submittedChecksum = jdbc.queryForObject("SELECT draft_checksum FROM policy_publication WHERE id = ?",
                String.class, publicationId);
        if (!policyDrafts.checksum(publication.policyVersionId()).equals(submittedChecksum)) {
            throw BusinessRuleException.conflict(null, "id", "publication.changed-since-submitted", publicationId);
        }
        refuseOverCreditedEntries(draft.version());

        PolicyProfile version = draft.version();
        DeploymentBuilder deployment = repository.createDeployment()
                .name("policy " + version.label() + " publication " + publicationId).source(DEPLOYMENT_SOURCE);
        draft.tableDrafts().values().forEach(table -> {
            ModelDraft tableDraft = modelDrafts.get(table);
            deployment.addString(tableDraft.resourceName(), tableDraft.content());
        });
        String deploymentId = deployment.deploy().getId();
        Map<String, String> pins = new LinkedHashMap<>();
        for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().deploymentId(deploymentId).list()) {
            pins.put(definition.getKey(), definition.getId());
        }
        versions.publishSubmitted(publication.policyVersionId(), pins);
        draft.tableDrafts().values().forEach(table -> modelDrafts.move(table, ModelDraft.State.SUBMITTED, ModelDraft.State.PUBLISHED, by));
        decide(publicationId, "APPROVED", by, null, deploymentId);
        events.publishEvent(new AuditedAction("policy-publication.approve", "policy-version",
                String.valueOf(publication.policyVersionId()), "批准发布 " + version.label() + "（" + version.title()
                        + "，提交人 " + publication.submittedBy() + "），部署 " + deploymentId + "，自 " + version.effectiveFrom() + " 起施行"));
    }

    /** Rejects a submitted publication with the reason: the version is a draft again, its tables editable. */
    @Transactional
    public void reject(long publicationId, String by, String comment) {
        if (comment == null || comment.isBlank()) {
            throw BusinessRuleException.violation(null, "comment", "publication.comment-required");
        }
        Publication publication = submitted(publicationId);
        PolicyVersionDrafts.PolicyDraft draft = policyDrafts.get(publication.policyVersionId());
        versions.returnDraft(publication.policyVersionId());
        draft.tableDrafts().values().forEach(table -> modelDrafts.move(table, ModelDraft.State.SUBMITTED, ModelDraft.State.EDITING, by));
        decide(publicationId, "REJECTED", by, comment.strip(), null);
        events.publishEvent(new AuditedAction("policy-publication.reject", "policy-version",
                String.valueOf(publication.policyVersionId()), "退回发布 " + draft.version().label() + "：" + comment.strip()));
    }

    /** The publications newest first: those awaiting approval, then the decided ones (the history). */
    @Transactional(readOnly = true)
    public List<Publication> all() {
        return jdbc.query("SELECT id FROM policy_publication ORDER BY CASE WHEN state = 'SUBMITTED' THEN 0 ELSE 1 END, id DESC",
                (row, n) -> get(row.getLong(1)));
    }

    /** Per table of the publication's version, what its draft changes against the definition it was copied from. */
    @Transactional(readOnly = true)
    public Map<String, List<TableDiff.Change>> changes(long id) {
        Map<String, List<TableDiff.Change>> changes = new LinkedHashMap<>();
        policyDrafts.get(get(id).policyVersionId()).tableDrafts().forEach((key, table) -> {
            ModelDraft draft = modelDrafts.get(table);
            byte[] base = read(repository.getDecisionModel(draft.baseDefinitionId()));
            changes.put(key, TableDiff.between(base, draft.content().getBytes(StandardCharsets.UTF_8)));
        });
        return changes;
    }

    /** The version a publication is of, with its notice. */
    @Transactional(readOnly = true)
    public PolicyProfile versionOf(long id) {
        return policyDrafts.get(get(id).policyVersionId()).version();
    }

    @Transactional(readOnly = true)
    public Publication get(long id) {
        return jdbc.query("SELECT id, policy_version_id, state, submitted_by, submitted_at, decided_by, decided_at, "
                        + "decision_comment, deployment_id FROM policy_publication WHERE id = ?",
                (row, n) -> new Publication(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant(), row.getString(6),
                        row.getTimestamp(7) == null ? null : row.getTimestamp(7).toInstant(), row.getString(8), row.getString(9)),
                id).stream().findFirst()
                .orElseThrow(() -> BusinessRuleException.notFound("id", "publication.not-found", id));
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
            throw BusinessRuleException.conflict(null, "id", "publication.already-decided", id, publication.decidedBy());
        }
        return publication;
    }

    private void decide(long id, String state, String by, String comment, String deploymentId) {
        jdbc.update("UPDATE policy_publication SET state = ?, decided_by = ?, decided_at = ?, decision_comment = ?, "
                + "deployment_id = ? WHERE id = ?", state, by, Timestamp.from(Instant.now(clock)), comment, deploymentId, id);
    }

    /** A version may not start on or before a day the profile has credited hours: those were computed with the version before. */
    private void refuseOverCreditedEntries(PolicyProfile version) {
        Integer entries = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE profile_code = ? AND entry_date >= ?",
                Integer.class, version.code(), Date.valueOf(version.effectiveFrom()));
        if (entries != null && entries > 0) {
            throw BusinessRuleException.violation(null, "effectiveFrom", "publication.effective-over-credited-entries",
                    version.effectiveFrom(), entries);
        }
    }
}
