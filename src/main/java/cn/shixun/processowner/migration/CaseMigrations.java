package cn.shixun.processowner.migration;

import cn.shixun.processowner.migration.PlanPreview.Version;
import cn.shixun.security.CurrentAccounts;
import cn.shixun.shared.AuditedAction;
import cn.shixun.shared.BusinessRuleException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the running cases of one version of a procedure to another (ADR 0012 §2 "Migration of
 * running cases"): the plan is built again from the two versions — so that what runs is what
 * {@link MigrationPlanner} showed — and executed as an engine batch, whose jobs the job executor of
 * any node works (docs/operations.md "Job executor"); a refused plan starts nothing. Our records need
 * nothing rewritten: cases, their history ({@code case_event}) and the ledger name a case by its
 * business key and process instance id, which a migration keeps, and the pages read a case's open
 * steps (and their forms) from the engine, which has them on the new version once moved.
 */
@Service
class CaseMigrations {

    private static final Logger log = LoggerFactory.getLogger(CaseMigrations.class);
    static final String SUBJECT = "case-migration";
    /** Failed jobs' messages shown on the progress page. */
    private static final int FAILURES_SHOWN = 5;

    private final MigrationPlanner planner;
    private final CaseMigrationStore store;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;
    private final CurrentAccounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseMigrations(MigrationPlanner planner, CaseMigrationStore store, RuntimeService runtime, ManagementService management,
                   HistoryService history, CurrentAccounts accounts, ApplicationEventPublisher events, Clock clock) {
        this.planner = planner;
        this.store = store;
        this.runtime = runtime;
        this.management = management;
        this.history = history;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** What a migration from {@code sourceId} to {@code targetId} would do; moves nothing. */
    @Transactional(readOnly = true)
    PlanPreview preview(String sourceId, String targetId) {
        return planner.prepare(sourceId, targetId).preview();
    }

    /** The versions a migration from {@code sourceId} may go to. */
    @Transactional(readOnly = true)
    List<Version> targetsFor(String sourceId) {
        return planner.otherVersions(sourceId);
    }

    /** Starts the batch that moves the cases the plan selects; refused, and nothing started, when the plan is not executable. */
    @Transactional
    long start(String sourceId, String targetId) {
        MigrationPlanner.Prepared prepared = planner.prepare(sourceId, targetId);
        PlanPreview preview = prepared.preview();
        if (!preview.executable()) {
            throw BusinessRuleException.violation(null, "target", "migration.not-executable", preview.source().label(),
                    preview.target().label(), preview.problems().isEmpty() ? "" : preview.problems().get(0).reason());
        }
        MigrationPlanExecutionBuilder migration = runtime.newMigration(prepared.plan());
        Batch batch = (prepared.wholeVersion()
                ? migration.processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(sourceId))
                : migration.processInstanceIds(prepared.selection()))
                .executeAsync();
        String by = accounts.require().username();
        long id = store.insert(preview, batch.getId(), by, Instant.now(clock));
        events.publishEvent(new AuditedAction("case-migration.start", SUBJECT, String.valueOf(id),
                "迁移运行中的案件 " + preview.source().label() + " → " + preview.target().label() + "，" + preview.cases()
                        + " 个案件" + (preview.stayingCases() > 0 ? "；" + preview.stayingCases() + " 个留在原版本" : "")
                        + "（批处理 " + batch.getId() + "）"));
        log.info("Migration {} of {} cases from {} to {} started as batch {} by {}", id, preview.cases(), sourceId, targetId,
                batch.getId(), by);
        return id;
    }

    /**
     * A migration's progress: the batch's jobs while it exists (each moves one case), its end from
     * the history once the engine has deleted it — recorded then in {@code case_migration}.
     */
    record Progress(long id, Version source, Version target, int cases, String startedBy, Instant startedAt,
                           boolean running, long completed, long remaining, long failed, List<String> failures,
                           Instant endedAt) {
    }

    @Transactional
    Progress progress(long id) {
        CaseMigrationStore.Row row = store.find(id)
                .orElseThrow(() -> BusinessRuleException.notFound("id", "migration.not-found", id));
        Version source = planner.version(row.sourceDefinitionId());
        Version target = planner.version(row.targetDefinitionId());
        Batch batch = management.createBatchQuery().batchId(row.batchId()).singleResult();
        if (batch != null) {
            BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(row.batchId()).singleResult();
            List<String> failures = management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId())
                    .withException().listPage(0, FAILURES_SHOWN).stream().map(Job::getExceptionMessage).toList();
            return new Progress(id, source, target, row.cases(), row.startedBy(), row.startedAt(), true,
                    statistics.getCompletedJobs(), statistics.getRemainingJobs(), statistics.getFailedJobs(), failures, null);
        }
        HistoricBatch ended = history.createHistoricBatchQuery().batchId(row.batchId()).singleResult();
        Instant endedAt = ended == null || ended.getEndTime() == null ? row.finishedAt() : ended.getEndTime().toInstant();
        if (row.finishedAt() == null) {
            store.finished(id, endedAt == null ? Instant.now(clock) : endedAt);
        }
        return new Progress(id, source, target, row.cases(), row.startedBy(), row.startedAt(), false, row.cases(), 0, 0,
                List.of(), endedAt);
    }
}
