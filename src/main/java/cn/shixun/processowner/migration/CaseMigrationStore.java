package cn.shixun.processowner.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The rows of {@code case_migration}: one per migration started, with the plan it executed. */
@Repository
class CaseMigrationStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CaseMigrationStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A migration as recorded; {@code finishedAt} null while the console has not seen its batch end. */
    record Row(long id, String processKey, String sourceDefinitionId, String targetDefinitionId, int cases, String batchId,
               String startedBy, Instant startedAt, String state, Instant finishedAt) {
    }

    long insert(PlanPreview preview, String batchId, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String plan = write(Map.of(
                "steps", preview.steps().stream().map(row -> Map.of("source", row.sourceId(), "target", row.targetId())).toList(),
                "staying", preview.staying().stream().map(PlanPreview.Row::sourceId).toList()));
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO case_migration (process_key, source_definition_id, target_definition_id, plan, case_count,
                        batch_id, started_by, started_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING')""", new String[] {"id"});
            insert.setString(1, preview.source().key());
            insert.setString(2, preview.source().id());
            insert.setString(3, preview.target().id());
            insert.setString(4, plan);
            insert.setLong(5, preview.cases());
            insert.setString(6, batchId);
            insert.setString(7, by);
            insert.setTimestamp(8, Timestamp.from(at));
            return insert;
        }, key);
        return Objects.requireNonNull(key.getKeyAs(Number.class)).longValue();
    }

    Optional<Row> find(long id) {
        return jdbc.query("SELECT id, process_key, source_definition_id, target_definition_id, case_count, batch_id, started_by, "
                        + "started_at, state, finished_at FROM case_migration WHERE id = ?",
                (row, n) -> new Row(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5),
                        row.getString(6), row.getString(7), row.getTimestamp(8).toInstant(), row.getString(9),
                        row.getTimestamp(10) == null ? null : row.getTimestamp(10).toInstant()), id).stream().findFirst();
    }

    /** Records that the batch ended (once: a second reader finds it done). */
    void finished(long id, Instant at) {
        jdbc.update("UPDATE case_migration SET state = 'COMPLETED', finished_at = ? WHERE id = ? AND state = 'RUNNING'",
                Timestamp.from(at), id);
    }

    private String write(Map<String, List<?>> plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
