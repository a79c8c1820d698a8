package cn.shixun.policy;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The policy versions' tables ({@code V150__policy_versions.sql}): published versions with their
 * pins, the catalogue's revision, and the writes that publication and start-up make.
 */
@Component
class PolicyCatalogue {

    static final String PUBLISHED = "PUBLISHED";
    static final String DRAFT = "DRAFT";
    static final String SUBMITTED = "SUBMITTED";

    private final JdbcTemplate jdbc;

    PolicyCatalogue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long revision() {
        Long revision = jdbc.queryForObject("SELECT revision FROM policy_catalogue WHERE id = 1", Long.class);
        return revision == null ? 0 : revision;
    }

    /** Serialises writers (nodes starting at once, publications) on the catalogue's row until the transaction ends. */
    void lock() {
        jdbc.queryForObject("SELECT revision FROM policy_catalogue WHERE id = 1 FOR UPDATE", Long.class);
    }

    /** Tells every node (their next check, at most a second later) that the published versions changed. */
    void bump() {
        jdbc.update("UPDATE policy_catalogue SET revision = revision + 1 WHERE id = 1");
    }

    /** Every published version with its pins. */
    List<PolicyProfile> published() {
        Map<Long, Map<String, String>> pins = new HashMap<>();
        jdbc.query("SELECT d.policy_version_id, d.decision_key, d.decision_definition_id FROM policy_version_decision d "
                        + "JOIN policy_version v ON v.id = d.policy_version_id WHERE v.state = ?",
                row -> {
                    pins.computeIfAbsent(row.getLong(1), id -> new HashMap<>()).put(row.getString(2), row.getString(3));
                }, PUBLISHED);
        return jdbc.query("SELECT id, profile_code, version, effective_from, notice_title, effective_to, issuing_body, "
                        + "document_number FROM policy_version WHERE state = ?",
                (row, n) -> new PolicyProfile(row.getString(2), row.getInt(3), localDate(row, 4), row.getString(5),
                        localDate(row, 6), row.getString(7), row.getString(8), pins.get(row.getLong(1))), PUBLISHED);
    }

    /**
     * A version by id whatever its state, without pins: what a draft, a publication and the history
     * show of it (a status reads {@link #published()}).
     */
    Optional<PolicyProfile> version(long id) {
        return jdbc.query("SELECT profile_code, version, effective_from, notice_title, effective_to, issuing_body, "
                        + "document_number FROM policy_version WHERE id = ?",
                (row, n) -> new PolicyProfile(row.getString(1), row.getInt(2), localDate(row, 3), row.getString(4),
                        localDate(row, 5), row.getString(6), row.getString(7), Map.of()), id).stream().findFirst();
    }

    /** Moves a version between states, recording its publication when given; false when it is not in {@code from}. */
    boolean moveDraft(long id, String from, String to, Long publicationId) {
        return jdbc.update("UPDATE policy_version SET state = ?, publication_id = COALESCE(?, publication_id) "
                + "WHERE id = ? AND state = ?", to, publicationId, id, from) == 1;
    }

    /** Changes a draft's notice; false when the version is not a draft (submitted versions are frozen, published ones never change). */
    boolean reviseDraft(long id, PolicyVersions.Notice notice) {
        return jdbc.update("UPDATE policy_version SET notice_title = ?, issuing_body = ?, document_number = ?, effective_from = ?, "
                        + "effective_to = ? WHERE id = ? AND state = ?", notice.title(), notice.issuingBody(),
                notice.documentNumber(), Date.valueOf(notice.effectiveFrom()),
                notice.effectiveTo() == null ? null : Date.valueOf(notice.effectiveTo()), id, DRAFT) == 1;
    }

    /** The division codes a version's notice names, in code order. */
    List<String> regions(long versionId) {
        return jdbc.queryForList("SELECT organisation_code FROM policy_version_region WHERE policy_version_id = ? "
                + "ORDER BY organisation_code", String.class, versionId);
    }

    /** A new draft names the regions of the version it follows until its process owner says otherwise. */
    void copyRegions(String profileCode, int fromVersion, long toVersionId) {
        jdbc.update("INSERT INTO policy_version_region (policy_version_id, organisation_code) SELECT ?, r.organisation_code "
                + "FROM policy_version_region r JOIN policy_version v ON v.id = r.policy_version_id "
                + "WHERE v.profile_code = ? AND v.version = ?", toVersionId, profileCode, fromVersion);
    }

    void replaceRegions(long versionId, List<String> organisationCodes) {
        jdbc.update("DELETE FROM policy_version_region WHERE policy_version_id = ?", versionId);
        organisationCodes.forEach(code -> addRegion(versionId, code));
    }

    /** Deletes a draft version that was never published (its number is free again); whether there was one. */
    boolean deleteDraft(long id) {
        jdbc.update("DELETE FROM policy_version_region WHERE policy_version_id = ? AND policy_version_id IN "
                + "(SELECT id FROM policy_version WHERE state = ?)", id, DRAFT);
        return jdbc.update("DELETE FROM policy_version WHERE id = ? AND state = ?", id, DRAFT) == 1;
    }

    /** Whether the profile has an unpublished (draft or submitted) version already: one at a time, it takes the next number. */
    boolean hasDraft(String profileCode) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM policy_version WHERE profile_code = ? AND state IN (?, ?)",
                Integer.class, profileCode, DRAFT, SUBMITTED);
        return count != null && count > 0;
    }

    boolean exists(String profileCode, int version) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM policy_version WHERE profile_code = ? AND version = ?",
                Integer.class, profileCode, version);
        return count != null && count > 0;
    }

    /**
     * Inserts a version in {@code state} (and its profile, named by its code until someone names it,
     * if new); its id.
     */
    long insert(PolicyProfile version, String state, String createdBy) {
        Timestamp now = Timestamp.from(Instant.now());
        Integer profiles = jdbc.queryForObject("SELECT COUNT(*) FROM policy_profile WHERE code = ?", Integer.class,
                version.code());
        if (profiles == null || profiles == 0) {
            jdbc.update("INSERT INTO policy_profile (code, name, created_at) VALUES (?, ?, ?)", version.code(),
                    version.code(), now);
        }
        jdbc.update("INSERT INTO policy_version (profile_code, version, notice_title, issuing_body, document_number, "
                        + "effective_from, effective_to, state, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                version.code(), version.version(), version.title(), version.issuingBody(), version.documentNumber(),
                Date.valueOf(version.effectiveFrom()),
                version.effectiveTo() == null ? null : Date.valueOf(version.effectiveTo()), state, createdBy, now);
        return id(version.code(), version.version());
    }

    long id(String profileCode, int version) {
        Long id = jdbc.queryForObject("SELECT id FROM policy_version WHERE profile_code = ? AND version = ?", Long.class,
                profileCode, version);
        if (id == null) {
            throw new IllegalStateException("no policy version " + profileCode + " v" + version);
        }
        return id;
    }

    void addRegion(long versionId, String organisationCode) {
        jdbc.update("INSERT INTO policy_version_region (policy_version_id, organisation_code) VALUES (?, ?)", versionId,
                organisationCode);
    }

    /** The published versions' ids with the decision keys they have pins for. */
    Map<Long, List<String>> publishedPins() {
        Map<Long, List<String>> pinned = new HashMap<>();
        jdbc.query("SELECT v.id, d.decision_key FROM policy_version v "
                        + "LEFT JOIN policy_version_decision d ON d.policy_version_id = v.id WHERE v.state = ?",
                row -> {
                    List<String> keys = pinned.computeIfAbsent(row.getLong(1), id -> new ArrayList<>());
                    if (row.getString(2) != null) {
                        keys.add(row.getString(2));
                    }
                }, PUBLISHED);
        return pinned;
    }

    void pin(long versionId, String decisionKey, String definitionId, int definitionVersion) {
        jdbc.update("INSERT INTO policy_version_decision (policy_version_id, decision_key, decision_definition_id, "
                + "decision_version) VALUES (?, ?, ?, ?)", versionId, decisionKey, definitionId, definitionVersion);
    }

    private static LocalDate localDate(ResultSet row, int column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
