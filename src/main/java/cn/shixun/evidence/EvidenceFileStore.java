package cn.shixun.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code evidence_file} table through plain JDBC: the metadata queries never touch the
 * content column, and a download reads it in one statement (JPA would load a {@code byte[]}
 * with every entity). The row is inserted whole, metadata and content, in the caller's
 * transaction (ADR 0007).
 */
@Repository
class EvidenceFileStore {

    private static final String METADATA =
            "SELECT id, teacher_id, organisation_id, name, content_type, size_bytes, sha256, uploaded_by, uploaded_at FROM evidence_file";

    private final JdbcTemplate jdbc;

    EvidenceFileStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(EvidenceFile file, byte[] content) {
        jdbc.update("INSERT INTO evidence_file (id, teacher_id, organisation_id, name, content_type, size_bytes, sha256,"
                        + " uploaded_by, uploaded_at, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                file.id(), file.teacherId(), file.organisationId(), file.name(), file.contentType(), file.size(), file.sha256(),
                file.uploadedBy(), Timestamp.from(file.uploadedAt()), content);
    }

    Optional<EvidenceFile> find(String id) {
        return jdbc.query(METADATA + " WHERE id = ?", EvidenceFileStore::metadata, id).stream().findFirst();
    }

    List<EvidenceFile> ofTeacher(Long teacherId) {
        return jdbc.query(METADATA + " WHERE teacher_id = ? ORDER BY uploaded_at DESC, id", EvidenceFileStore::metadata,
                teacherId);
    }

    List<EvidenceFile> ofOrganisation(Long organisationId) {
        return jdbc.query(METADATA + " WHERE organisation_id = ? ORDER BY uploaded_at DESC, id",
                EvidenceFileStore::metadata, organisationId);
    }

    byte[] content(String id) {
        return jdbc.queryForObject("SELECT content FROM evidence_file WHERE id = ?", (rs, row) -> rs.getBytes(1), id);
    }

    private static EvidenceFile metadata(ResultSet rs, int row) throws SQLException {
        return new EvidenceFile(rs.getString("id"), rs.getObject("teacher_id", Long.class),
                rs.getObject("organisation_id", Long.class), rs.getString("name"),
                EvidenceType.ofMediaType(rs.getString("content_type")).orElseThrow(), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
