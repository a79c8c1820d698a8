package cn.shixun.insight.bottlenecks;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes {@code task_wait} (docs/adr/0013): a row when a task is created, its organisation when it is routed,
 * the escalation, a migration's new step, and its end; each reopens the closed weeks whose counts the row is in
 * ({@link ClosedWeeks}). All in the caller's transaction, the engine command's: a command that rolls back takes
 * its rows with it.
 */
@Component
class TaskWaitWriter {

    static final String NONE = "NONE";
    static final String APPLICANT = "APPLICANT";

    /** A task as it is created. */
    record Opened(String taskId, String processInstanceId, String processKey, String caseId, String taskKey,
                  String stepName, List<String> candidateGroups, String assignee, Instant created, Instant due) {
    }

    private final JdbcTemplate jdbc;
    private final RoutedOrganisations organisations;

    TaskWaitWriter(JdbcTemplate jdbc, RoutedOrganisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    /**
     * A task offered to candidate groups waits at the organisation of the first of them; a task assigned at once
     * (to the applicant) where the applicant belongs, or else where the case's step before it was routed.
     */
    void opened(Opened task) {
        List<Long> before = jdbc.queryForList("SELECT organisation_id FROM task_wait WHERE process_instance_id = ?"
                + " AND organisation_id IS NOT NULL ORDER BY created_at DESC", Long.class, task.processInstanceId());
        boolean first = jdbc.queryForObject("SELECT COUNT(*) FROM task_wait WHERE process_instance_id = ?",
                Integer.class, task.processInstanceId()) == 0;
        Optional<RoutedOrganisations.Routed> routed = task.candidateGroups().stream().map(organisations::ofGroup)
                .flatMap(Optional::stream).findFirst();
        Optional<RoutedOrganisations.Routed> where = routed.isPresent() || task.assignee() == null ? routed
                : organisations.ofAccount(task.assignee()).or(() -> before.stream().findFirst().flatMap(organisations::ofId));
        String level = routed.map(RoutedOrganisations.Routed::level).orElse(task.assignee() == null ? NONE : APPLICANT);
        jdbc.update("INSERT INTO task_wait (task_id, process_instance_id, process_key, case_id, task_key, step_name,"
                        + " level, organisation_id, organisation_path, first_of_case, created_at, created_week, due_at,"
                        + " escalated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)",
                task.taskId(), task.processInstanceId(), task.processKey(), task.caseId(), task.taskKey(),
                task.stepName(), level,
                where.map(RoutedOrganisations.Routed::id).orElse(null),
                where.map(RoutedOrganisations.Routed::path).orElse("/"), first, Timestamp.from(task.created()),
                Date.valueOf(Weeks.of(task.created())), task.due() == null ? null : Timestamp.from(task.due()));
        if (first) {
            ClosedWeeks.reopen(jdbc, Weeks.of(task.created()));
        }
    }

    /**
     * A candidate group was added to the task: one of another organisation than the task's is the escalation to
     * the next level (tasks.CaseDeadlines), which leaves the task where it was routed; a task routed to none until
     * now is routed by it.
     */
    void offered(String taskId, String groupId) {
        organisations.ofGroup(groupId).ifPresent(routed -> {
            int routedNow = jdbc.update("UPDATE task_wait SET level = ?, organisation_id = ?, organisation_path = ?"
                    + " WHERE task_id = ? AND level = ?", routed.level(), routed.id(), routed.path(), taskId, NONE);
            if (routedNow == 0) {
                jdbc.update("UPDATE task_wait SET escalated = TRUE WHERE task_id = ? AND organisation_id <> ?"
                        + " AND ended_at IS NULL", taskId, routed.id());
            } else {
                reopenWeeksOf(taskId);
            }
        });
    }

    /** A migration moved the task to another step (or version) of its process. */
    void migrated(String taskId, String processKey, String taskKey, String stepName) {
        jdbc.update("UPDATE task_wait SET process_key = ?, task_key = ?, step_name = ? WHERE task_id = ?",
                processKey, taskKey, stepName, taskId);
        reopenWeeksOf(taskId);
    }

    /** The task ended: completed with {@code outcome}, or deleted (CANCELLED). Only the first end counts. */
    void ended(String taskId, Instant ended, String outcome) {
        if (jdbc.update("UPDATE task_wait SET ended_at = ?, ended_week = ?, outcome = ?,"
                        + " wait_seconds = ? WHERE task_id = ? AND ended_at IS NULL",
                Timestamp.from(ended), Date.valueOf(Weeks.of(ended)), outcome, waitSeconds(taskId, ended), taskId) > 0) {
            ClosedWeeks.reopen(jdbc, Weeks.of(ended));
        }
    }

    /** The weeks whose closed counts hold the task: its case's start, its decision (V192). */
    private void reopenWeeksOf(String taskId) {
        jdbc.query("SELECT created_week, ended_week FROM task_wait WHERE task_id = ?", rs -> {
            ClosedWeeks.reopen(jdbc, rs.getObject(1, LocalDate.class));
            LocalDate ended = rs.getObject(2, LocalDate.class);
            if (ended != null) {
                ClosedWeeks.reopen(jdbc, ended);
            }
        }, taskId);
    }

    private Long waitSeconds(String taskId, Instant ended) {
        return jdbc.query("SELECT created_at FROM task_wait WHERE task_id = ?",
                        (rs, n) -> Math.max(0, ended.getEpochSecond() - rs.getTimestamp(1).toInstant().getEpochSecond()),
                        taskId).stream().findFirst().orElse(null);
    }
}
