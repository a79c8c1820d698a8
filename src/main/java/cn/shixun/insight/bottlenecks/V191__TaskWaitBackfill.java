package cn.shixun.insight.bottlenecks;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Fills {@code task_wait} (V190) from the engine's history for the tasks that existed before it: each task of
 * {@code ACT_HI_TASKINST} with its process's business key; its organisation from the first candidate group of
 * {@code ACT_HI_IDENTITYLINK} (escalated when a group of another organisation was added later); the outcome of a
 * completed review from the case history ({@code case_event}: the n-th decision recorded on a step is that of the
 * step's n-th completed task), SUBMITTED for other completed tasks, CANCELLED for deleted ones. A new database has
 * no engine tables yet when Flyway runs: nothing to fill. Closed weeks (V192) do not exist when Flyway runs this;
 * called later, the fill reopens the weeks of the rows it adds. A Spring bean, so that Spring Boot's Flyway runs it.
 */
@Component
class V191__TaskWaitBackfill extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V191__TaskWaitBackfill.class);
    private static final Set<String> DECISIONS = Set.of("APPROVED", "RETURNED", "REJECTED");

    private record Task(String id, String instance, String processKey, String caseId, String taskKey, String name,
                        String assignee, Timestamp created, Timestamp due, Timestamp ended, String deleteReason) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!hasTable(connection.getMetaData(), "ACT_HI_TASKINST")) {
            return;
        }
        int filled = fill(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
        log.info("task_wait: {} tasks taken over from the engine's history", filled);
    }

    /** Adds a row for each task of the engine's history that has none; returns how many. */
    static int fill(JdbcTemplate jdbc) {
        List<Task> tasks = jdbc.query("SELECT t.ID_, t.PROC_INST_ID_, t.PROC_DEF_KEY_, p.BUSINESS_KEY_, t.TASK_DEF_KEY_,"
                + " t.NAME_, t.ASSIGNEE_, t.START_TIME_, t.DUE_DATE_, t.END_TIME_, t.DELETE_REASON_ FROM ACT_HI_TASKINST t"
                + " JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = t.PROC_INST_ID_"
                + " WHERE NOT EXISTS (SELECT 1 FROM task_wait w WHERE w.task_id = t.ID_) ORDER BY t.START_TIME_, t.ID_",
                (rs, n) -> new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8), rs.getTimestamp(9), rs.getTimestamp(10),
                        rs.getString(11)));
        RoutedOrganisations organisations = new RoutedOrganisations(jdbc);
        Map<String, List<String>> decisions = new HashMap<>();
        Map<String, Long> lastOrganisation = new HashMap<>();
        Set<LocalDate> weeks = new TreeSet<>();
        Set<String> started = new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT process_instance_id FROM task_wait", String.class));
        for (Task task : tasks) {
            List<String> groups = jdbc.queryForList("SELECT GROUP_ID_ FROM ACT_HI_IDENTITYLINK WHERE TASK_ID_ = ?"
                    + " AND TYPE_ = 'candidate' AND OPERATION_TYPE_ = 'add' AND GROUP_ID_ IS NOT NULL ORDER BY TIMESTAMP_",
                    String.class, task.id());
            Optional<RoutedOrganisations.Routed> first = groups.stream().map(organisations::ofGroup)
                    .flatMap(Optional::stream).findFirst();
            boolean escalated = first.isPresent() && groups.stream().map(organisations::ofGroup)
                    .flatMap(Optional::stream).anyMatch(other -> other.id() != first.get().id());
            String level = first.map(RoutedOrganisations.Routed::level).orElse(task.assignee() == null
                    ? TaskWaitWriter.NONE : TaskWaitWriter.APPLICANT);
            Optional<RoutedOrganisations.Routed> routed = first.isPresent() || task.assignee() == null ? first
                    : organisations.ofAccount(task.assignee())
                    .or(() -> Optional.ofNullable(lastOrganisation.get(task.instance())).flatMap(organisations::ofId));
            routed.ifPresent(where -> lastOrganisation.put(task.instance(), where.id()));
            String outcome = task.ended() == null ? null : org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.DELETE_REASON_COMPLETED.equals(task.deleteReason())
                    ? decisionOf(jdbc, decisions, task) : "CANCELLED";
            Instant created = task.created().toInstant();
            jdbc.update("INSERT INTO task_wait (task_id, process_instance_id, process_key, case_id, task_key, step_name,"
                            + " level, organisation_id, organisation_path, first_of_case, created_at, created_week, due_at,"
                            + " ended_at, ended_week, wait_seconds, outcome, escalated)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    task.id(), task.instance(), task.processKey(), task.caseId(), task.taskKey(), task.name(), level,
                    routed.map(RoutedOrganisations.Routed::id).orElse(null),
                    routed.map(RoutedOrganisations.Routed::path).orElse("/"), started.add(task.instance()),
                    task.created(), java.sql.Date.valueOf(Weeks.of(created)), task.due(), task.ended(),
                    task.ended() == null ? null : java.sql.Date.valueOf(Weeks.of(task.ended().toInstant())),
                    task.ended() == null ? null
                            : Math.max(0, task.ended().toInstant().getEpochSecond() - created.getEpochSecond()),
                    outcome, escalated);
            weeks.add(Weeks.of(created));
            if (task.ended() != null) {
                weeks.add(Weeks.of(task.ended().toInstant()));
            }
        }
        // Run again later (V192 is there then): the weeks the new rows belong to are counted again.
        if (hasTable(jdbc, "TASK_WAIT_WEEK_CLOSED")) {
            weeks.forEach(week -> ClosedWeeks.reopen(jdbc, week));
        }
        return tasks.size();
    }

    /** The next unused decision recorded on the task's step of its case, SUBMITTED when the step records none. */
    private static String decisionOf(JdbcTemplate jdbc, Map<String, List<String>> decisions, Task task) {
        List<String> left = decisions.computeIfAbsent(task.instance() + "/" + task.taskKey(), key -> new ArrayList<>(
                jdbc.queryForList("SELECT outcome FROM case_event WHERE process_key = ? AND case_id = ? AND task_key = ?"
                        + " ORDER BY id", String.class, task.processKey(), task.caseId(), task.taskKey()).stream()
                        .filter(DECISIONS::contains).toList()));
        return left.isEmpty() ? "SUBMITTED" : left.remove(0);
    }

    private static boolean hasTable(JdbcTemplate jdbc, String name) {
        return Boolean.TRUE.equals(jdbc.execute((Connection connection) -> hasTable(connection.getMetaData(), name)));
    }

    private static boolean hasTable(DatabaseMetaData metadata, String name) throws SQLException {
        for (String candidate : List.of(name, name.toLowerCase(java.util.Locale.ROOT))) {
            try (ResultSet tables = metadata.getTables(null, null, candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
