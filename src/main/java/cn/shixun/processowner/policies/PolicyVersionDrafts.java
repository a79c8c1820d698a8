package cn.shixun.processowner.policies;

import cn.shixun.policy.DraftPolicyDecisions;
import cn.shixun.policy.NewVersionRows;
import cn.shixun.policy.PolicyDecisions;
import cn.shixun.policy.PolicyProfile;
import cn.shixun.policy.PolicyProfiles;
import cn.shixun.policy.PolicyVersions;
import cn.shixun.processowner.drafts.ModelDraft;
import cn.shixun.processowner.drafts.ModelDrafts;
import cn.shixun.processowner.testcases.PolicyTestRun;
import cn.shixun.processowner.testcases.PolicyTests;
import cn.shixun.processowner.testcases.PolicyUnderTest;
import cn.shixun.shared.AuditedAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new notice as a draft policy version (ADR 0012 "复制为新版本"): the next version of a profile
 * with its notice's details, and a draft of each of the four decision tables in which the current
 * version's rows are copied for it. The process owner edits those drafts; the test cases run on them
 * beside the published version. Nothing is deployed or evaluated for a teacher until publication.
 */
@Service
public class PolicyVersionDrafts {

    private final PolicyVersions versions;
    private final PolicyProfiles profiles;
    private final PolicyDecisions published;
    private final ModelDrafts drafts;
    private final PolicyTests tests;
    private final RepositoryService repository;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    PolicyVersionDrafts(PolicyVersions versions, PolicyProfiles profiles, PolicyDecisions published, ModelDrafts drafts,
                        PolicyTests tests, RepositoryService repository, JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.versions = versions;
        this.profiles = profiles;
        this.published = published;
        this.drafts = drafts;
        this.tests = tests;
        this.repository = repository;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A draft version and its tables' drafts by decision key. */
    public record PolicyDraft(long id, PolicyProfile version, Map<String, Long> tableDrafts) {
    }

    /** Starts the next version of {@code profileCode} for {@code notice}, each table copied from the version in force. */
    @Transactional
    public PolicyDraft copyAsNewVersion(String profileCode, PolicyVersions.Notice notice, String by) {
        long id = versions.startDraft(profileCode, notice, by);
        PolicyProfile draft = versions.version(id);
        PolicyProfile from = profiles.all().stream().filter(p -> p.code().equals(profileCode))
                .max(Comparator.comparingInt(PolicyProfile::version)).orElseThrow();
        for (String table : PolicyDecisions.TABLES) {
            String definitionId = from.decisions().get(table);
            NewVersionRows.Copy copy = NewVersionRows.copy(read(repository.getDecisionModel(definitionId)), profileCode,
                    from.version(), draft.version());
            ModelDraft tableDraft = drafts.startWith(definitionId, copy.table(),
                    "为 " + draft.label() + "（" + draft.title() + "）复制 " + from.label() + " 的 " + copy.copiedRows() + " 行");
            jdbc.update("INSERT INTO policy_version_draft (policy_version_id, decision_key, model_draft_id) VALUES (?, ?, ?)",
                    id, table, tableDraft.id());
        }
        return get(id);
    }

    /** Corrects the draft's notice and regions (only while it is a draft); audited. */
    @Transactional
    public void reviseNotice(long id, PolicyVersions.Notice notice, List<String> regions) {
        versions.reviseDraft(id, notice, regions);
        PolicyProfile revised = versions.version(id);
        events.publishEvent(new AuditedAction("policy-draft.notice", "policy-version", String.valueOf(id),
                "修改草稿版本 " + revised.label() + " 的文件信息：" + revised.title() + "，生效日期 " + revised.effectiveFrom()
                        + "，适用地区 " + String.join("、", versions.regions(id))));
    }

    /**
     * Gives a draft version up: its table drafts are discarded; its previews, the publications that
     * returned it and the version itself go (the audit trail keeps who submitted and returned it).
     */
    @Transactional
    public void discard(long id) {
        PolicyDraft draft = get(id);
        draft.tableDrafts().values().forEach(drafts::discard);
        jdbc.update("DELETE FROM policy_version_draft WHERE policy_version_id = ?", id);
        jdbc.update("DELETE FROM policy_impact WHERE policy_version_id = ?", id);
        jdbc.update("DELETE FROM policy_publication WHERE policy_version_id = ? AND state = 'REJECTED'", id);
        versions.discardDraft(id);
        events.publishEvent(new AuditedAction("policy-draft.discard", "policy-version", String.valueOf(id),
                "放弃草稿版本 " + draft.version().label() + "（" + draft.version().title() + "）"));
    }

    @Transactional(readOnly = true)
    public PolicyDraft get(long id) {
        PolicyProfile version = versions.version(id);
        Map<String, Long> tables = new LinkedHashMap<>();
        jdbc.query("SELECT decision_key, model_draft_id FROM policy_version_draft WHERE policy_version_id = ? ORDER BY decision_key",
                row -> {
                    tables.put(row.getString(1), row.getLong(2));
                }, id);
        return new PolicyDraft(id, version, tables);
    }

    /**
     * The draft as a policy to run test cases or an impact preview under: its tables as they are now
     * saved, and its version in force for its profile on every date, so that each example is judged by
     * the draft's rules whatever its date.
     */
    @Transactional(readOnly = true)
    public PolicyUnderTest underTest(long id) {
        PolicyDraft draft = get(id);
        Map<String, byte[]> tables = new LinkedHashMap<>();
        draft.tableDrafts().forEach((key, draftId) ->
                tables.put(key, drafts.get(draftId).content().getBytes(StandardCharsets.UTF_8)));
        PolicyProfile version = draft.version();
        return new PolicyUnderTest((code, date) -> code.equals(version.code()) ? version : profiles.version(code, date),
                DraftPolicyDecisions.of(published, tables));
    }

    /**
     * What the draft's tables and effective date are now: a preview made on another checksum is stale
     * (the preview judges teachers on the effective date).
     */
    @Transactional(readOnly = true)
    public String checksum(long id) {
        StringBuilder checksums = new StringBuilder("effectiveFrom=" + versions.version(id).effectiveFrom() + '\n');
        get(id).tableDrafts().forEach((key, draftId) -> checksums.append(key).append('=')
                .append(drafts.get(draftId).checksum()).append('\n'));
        return ModelDrafts.checksum(checksums.toString());
    }

    /** The published policy, which a draft is compared with. */
    public PolicyUnderTest published() {
        return tests.published();
    }

    /** The profile's test cases under the published version and under the draft, side by side. */
    public List<PolicyTestRun.CaseResult> runTestCases(long id) {
        return tests.run(get(id).version().code(), underTest(id));
    }

    private static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
