package cn.shixun.processowner.drafts;

import cn.shixun.processowner.drafts.ModelDraft.Kind;
import cn.shixun.processowner.drafts.ModelDraft.State;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The rows of {@code model_draft} and {@code model_draft_form} (V151). */
@Component
class ModelDraftStore {

    private static final String COLUMNS = "id, kind, resource_name, base_definition_id, content, checksum, state, "
            + "created_by, created_at, updated_by, updated_at, lock_version";

    private final JdbcTemplate jdbc;

    ModelDraftStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Kind kind, String resourceName, String baseDefinitionId, String content, String checksum, String actor,
                Instant now, Map<String, String> forms) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO model_draft (kind, resource_name, "
                    + "base_definition_id, content, checksum, state, created_by, created_at, updated_by, updated_at, lock_version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)", Statement.RETURN_GENERATED_KEYS);
            insert.setString(1, kind.name());
            insert.setString(2, resourceName);
            insert.setString(3, baseDefinitionId);
            insert.setString(4, content);
            insert.setString(5, checksum);
            insert.setString(6, State.EDITING.name());
            insert.setString(7, actor);
            insert.setTimestamp(8, Timestamp.from(now));
            insert.setString(9, actor);
            insert.setTimestamp(10, Timestamp.from(now));
            return insert;
        }, key);
        long id = Objects.requireNonNull(key.getKeyAs(Number.class), "generated id").longValue();
        forms.forEach((name, form) -> jdbc.update("INSERT INTO model_draft_form (draft_id, form_name, content) VALUES (?, ?, ?)",
                id, name, form));
        return id;
    }

    Optional<ModelDraft> find(long id) {
        List<String> forms = jdbc.queryForList("SELECT form_name FROM model_draft_form WHERE draft_id = ? ORDER BY form_name",
                String.class, id);
        return jdbc.query("SELECT " + COLUMNS + " FROM model_draft WHERE id = ?", (row, n) -> new ModelDraft(row.getLong(1),
                Kind.valueOf(row.getString(2)), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                State.valueOf(row.getString(7)), row.getString(8), row.getTimestamp(9).toInstant(), row.getString(10),
                row.getTimestamp(11).toInstant(), row.getInt(12), forms), id).stream().findFirst();
    }

    /** The drafts being edited, newest change first, without their content. */
    List<ModelDraft> editing() {
        return jdbc.query("SELECT id, kind, resource_name, base_definition_id, checksum, created_by, created_at, updated_by, "
                        + "updated_at, lock_version FROM model_draft WHERE state = ? ORDER BY updated_at DESC, id DESC",
                (row, n) -> new ModelDraft(row.getLong(1), Kind.valueOf(row.getString(2)), row.getString(3), row.getString(4),
                        null, row.getString(5), State.EDITING, row.getString(6), row.getTimestamp(7).toInstant(),
                        row.getString(8), row.getTimestamp(9).toInstant(), row.getInt(10), List.of()),
                State.EDITING.name());
    }

    /** The forms of a draft by name. */
    Map<String, String> forms(long id) {
        Map<String, String> forms = new TreeMap<>();
        jdbc.query("SELECT form_name, content FROM model_draft_form WHERE draft_id = ?",
                (RowCallbackHandler) row -> forms.put(row.getString(1), row.getString(2)), id);
        return forms;
    }

    /** Saves content over version {@code expected} of an editing draft; false when it is no longer that version or not editing. */
    boolean save(long id, int expected, String content, String checksum, String actor, Instant now) {
        return jdbc.update("UPDATE model_draft SET content = ?, checksum = ?, updated_by = ?, updated_at = ?, "
                + "lock_version = lock_version + 1 WHERE id = ? AND lock_version = ? AND state = ?", content, checksum, actor,
                Timestamp.from(now), id, expected, State.EDITING.name()) == 1;
    }

    /** Moves a draft from one state to another; false when it is not in {@code from} (any more). */
    boolean changeState(long id, State from, State to, String actor, Instant now) {
        return jdbc.update("UPDATE model_draft SET state = ?, updated_by = ?, updated_at = ?, lock_version = lock_version + 1 "
                + "WHERE id = ? AND state = ?", to.name(), actor, Timestamp.from(now), id, from.name()) == 1;
    }
}
