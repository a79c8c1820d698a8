package cn.shixun.processowner.publication;

import cn.shixun.shared.BusinessRuleException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The rows of {@code policy_publication} (V158, V160): what was submitted, who decided what, what was deployed. */
@Component
class PublicationStore {

    private static final String COLUMNS = "id, policy_version_id, state, submitted_by, submitted_at, decided_by, decided_at, "
            + "decision_comment, deployment_id, kind, model_draft_id, notice_title, document_number, effective_from, "
            + "process_instance_id";

    private final JdbcTemplate jdbc;

    PublicationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a submission records; {@code policyVersionId} for a policy version, {@code modelDraftId} for a BPMN model. */
    record Submission(PolicyPublications.Kind kind, Long policyVersionId, Long modelDraftId, String checksum, String noticeTitle,
                      String documentNumber, LocalDate effectiveFrom, String diff) {
    }

    long insert(Submission submission, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO policy_publication (kind, policy_version_id, "
                    + "model_draft_id, draft_checksum, notice_title, document_number, effective_from, diff, state, "
                    + "submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)", new String[] {"id"});
            insert.setString(1, submission.kind().name());
            insert.setObject(2, submission.policyVersionId());
            insert.setObject(3, submission.modelDraftId());
            insert.setString(4, submission.checksum());
            insert.setString(5, submission.noticeTitle());
            insert.setString(6, submission.documentNumber());
            insert.setDate(7, submission.effectiveFrom() == null ? null : Date.valueOf(submission.effectiveFrom()));
            insert.setString(8, submission.diff());
            insert.setString(9, by);
            insert.setTimestamp(10, Timestamp.from(at));
            return insert;
        }, key);
        return Objects.requireNonNull(key.getKeyAs(Number.class)).longValue();
    }

    PolicyPublications.Publication get(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM policy_publication WHERE id = ?", PublicationStore::publication, id)
                .stream().findFirst()
                .orElseThrow(() -> BusinessRuleException.notFound("id", "publication.not-found", id));
    }

    /** Those awaiting approval, then the decided ones (the history), newest first. */
    List<PolicyPublications.Publication> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM policy_publication "
                + "ORDER BY CASE WHEN state = 'SUBMITTED' THEN 0 ELSE 1 END, id DESC", PublicationStore::publication);
    }

    String checksum(long id) {
        return jdbc.queryForObject("SELECT draft_checksum FROM policy_publication WHERE id = ?", String.class, id);
    }

    String diff(long id) {
        return jdbc.queryForObject("SELECT diff FROM policy_publication WHERE id = ?", String.class, id);
    }

    void caseStarted(long id, String processInstanceId) {
        jdbc.update("UPDATE policy_publication SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
    }

    /** Records the decision, once: false when someone decided first. */
    boolean decide(long id, String state, String by, Instant at, String comment) {
        return jdbc.update("UPDATE policy_publication SET state = ?, decided_by = ?, decided_at = ?, decision_comment = ? "
                + "WHERE id = ? AND state = 'SUBMITTED'", state, by, Timestamp.from(at), comment, id) == 1;
    }

    void deployed(long id, String deploymentId) {
        jdbc.update("UPDATE policy_publication SET deployment_id = ? WHERE id = ? AND deployment_id IS NULL", deploymentId, id);
    }

    private static PolicyPublications.Publication publication(ResultSet row, int n) throws SQLException {
        Timestamp decidedAt = row.getTimestamp(7);
        Date effective = row.getDate(14);
        return new PolicyPublications.Publication(row.getLong(1), row.getObject(2, Long.class), row.getString(3),
                row.getString(4), row.getTimestamp(5).toInstant(), row.getString(6),
                decidedAt == null ? null : decidedAt.toInstant(), row.getString(8), row.getString(9),
                PolicyPublications.Kind.valueOf(row.getString(10)), row.getObject(11, Long.class), row.getString(12),
                row.getString(13), effective == null ? null : effective.toLocalDate(), row.getString(15));
    }
}
